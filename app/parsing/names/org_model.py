"""A learned organisation recogniser: a stage after the rules' organisations are complete.

Candidates are runs of the parser's own capitalised tokens (`TokenIndex.tokens`; `of`, `for`,
`the`, `de`, `'s`... and a skipped `and`, `&`, `et`, `on`, `des` allowed inside), at most
`MAX_TOKENS` long, starting and ending with a capitalised word. Each is described by a few
cheap string features (words, shapes, suffixes, the words around it, the rules' mentions over
it, lexicon lists, the section, how often it recurs) and scored by a logistic regression whose
weights are read from `data/org_model.json` (a sum of dict look-ups: no library at run time).

The rules stay in charge: an organisation the rules found is dropped only when every candidate
on its mentions scores below `drop`; a candidate no kept mention covers (nor a person's) is
added as an organisation mention when it scores `add` or more, greedily, without overlaps. The
stage returns mentions, so what it adds is resolved like the rules' own (`actors.Registry`):
keys, known organisations, acronyms. An acronym in brackets right after a name it took is that
name's (a mention named by the full name, as `org_acronyms.settle_acronyms` writes one).

The weight table is derived from the annotated sets by `python -m bench.learned_orgs --write`
and checked by tests/parsing/names/test_org_model.py. See docs/parsing.md, "A learned
organisation recogniser".
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from itertools import repeat

from app.parsing.document.sections import Section
from app.parsing.lexicon.files import load_data
from app.parsing.names.emitting import Mention
from app.parsing.names.tokens import Token
from app.vocabulary import ActorKind

MAX_TOKENS = 8
# Small words a name may hold between its capitalised words (the parser's tokens keep them).
CONNECTORS = frozenset(
    ["of", "for", "the", "de", "du", "la", "le", "el", "al", "di", "da", "del", "della", "der",
     "van", "von", "in", "y"]
)  # fmt: skip
# Small words the parser's tokens leave out: a gap of exactly one of them joins a run.
_SKIPPED = frozenset([" and ", " & ", " et ", " on ", " des "])
_SENTENCE_MARKS = frozenset('.!?:;"“”—–-*>#|')
_WORDS = re.compile(r"\w+(?:[-&.'’]\w+)*|[^\w\s]")
_BRACKET_WORD = re.compile(r"[ \t]*\((\w+(?:[-&.'’]\w+)*)\)?")
_DEFINED = re.compile(r"(?<![\w'’.-])(\w[\w'’.-]*) \((\w+(?:[-&.'’]\w+)*)\)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_ORG, _PERSON = ActorKind.organization, ActorKind.person
_KIND_VALUES = {kind: kind.value for kind in ActorKind}  # an enum's `.value` is a slow property


@lru_cache(maxsize=16_384)
def fold(text: str) -> str:
    """Case, accents, quote marks and spacing ignored: the form in which gold names are compared
    with the parser's (bench.actor_eval, tests/parsing/test_eval.py) and the model's labels made."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


@lru_cache(maxsize=16_384)
def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "A"
    if any(ch.isdigit() for ch in text):
        return "D"
    if text[0].isupper() and any(ch.isupper() for ch in text[1:]):
        return "M"
    if text[0].isupper():
        return "X"
    return "c"


@dataclass(frozen=True)
class _Lexicon:
    org_heads: frozenset[str]
    heads_first: frozenset[str]
    qualifiers: frozenset[str]
    press: frozenset[str]
    known_orgs: frozenset[str]
    given: frozenset[str]
    titles: frozenset[str]
    stop: frozenset[str]
    place_heads: frozenset[str]
    event_heads: frozenset[str]
    places: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    orgs, bodies = load_data("organizations.json"), load_data("international_bodies.json")
    stop, titles = load_data("stopwords.json"), load_data("titles.json")
    places = load_data("places.json")
    known: set[str] = set()
    for table in [orgs["known"], *(bodies[k] for k in bodies if k != "_doc")]:
        for name, others in table.items():
            known.add(fold(name))
            known.update(fold(o) for o in others)
    given = load_data("given_names.json")
    given_words = [w for k in given if k != "_doc" for w in given[k] if isinstance(w, str)]

    def low(words: Iterable[str]) -> frozenset[str]:
        return frozenset(w.casefold() for w in words)

    return _Lexicon(
        org_heads=low(orgs["heads"]),
        heads_first=low(orgs["heads_first"]),
        qualifiers=low(orgs["qualifiers"]),
        press=low(orgs["press_words"] + orgs["press_openers"]),
        known_orgs=frozenset(known),
        given=low(given_words),
        titles=low(titles["heads"] + titles["modifiers"]),
        stop=low(stop["words"] + stop["not_surnames"] + stop["sentence_starters"]),
        place_heads=low(stop["place_heads"] + stop["territory_heads"]),
        event_heads=low(stop["event_heads"]),
        places=low(list(places["places"]) + stop["places"]),
    )


@dataclass(slots=True)
class Candidate:
    first: int  # token index
    last: int  # token index, inclusive
    start: int  # character offsets
    end: int
    text: str
    features: list[str] = field(default_factory=list)
    score: float = 0.0
    acronym: str | None = None  # 'CNPC' after 'China National Petroleum Corporation (CNPC)'


def candidates(source: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Every run of capitalised tokens (connectors inside) of at most MAX_TOKENS tokens, as
    (first, last) token indices, `last` inclusive."""
    found = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if not tok.capitalised:
            continue
        found.append((i, i))
        previous = tok
        for j in range(i + 1, min(n, i + MAX_TOKENS)):
            t = tokens[j]
            if t.start - previous.outer != 1 or source[previous.outer] != " ":
                if not (t.capitalised and source[previous.outer : t.start] in _SKIPPED):
                    break  # a line break, punctuation or another word ends a run
            elif not (t.capitalised or t.folded in CONNECTORS):
                break
            if t.capitalised:
                found.append((i, j))
            previous = t
    return found


class _Brief:
    """One brief's text, tokens and rule mentions, indexed on demand for `describe` and
    `_Scorer` (the stage reads only what the few candidates it scores need)."""

    def __init__(
        self,
        source: str,
        tokens: Sequence[Token],
        mentions: Sequence[Mention],
        sections: Sequence[Section],
    ) -> None:
        self.source = source
        self.tokens = tokens
        self.mentions = mentions
        self._sections_in = sections
        self.starts_at = [t.start for t in tokens]
        self._joins: list[bool | None] = [None] * len(tokens)
        self._right: list[int | None] = [None] * len(tokens)  # `_next_capital`
        self._left: list[int | None] = [None] * len(tokens)
        self._lowered: str | None = None
        self._expands: dict[str, str] | None = None
        self._before: dict[int, tuple[str, str, bool]] = {}
        self._after: dict[int, tuple[str, str]] = {}
        self._counts: dict[str, int] = {}

    @cached_property
    def found(self) -> list[tuple[int, int]]:
        """Every candidate, as (first, last) token indices (`candidates`)."""
        return candidates(self.source, self.tokens)

    @cached_property
    def ranges(self) -> list[tuple[int, int]]:
        """Each rule mention's tokens, as a range of token indices."""
        starts_at = self.starts_at
        return [
            (bisect_right(starts_at, m.start - 1), bisect_left(starts_at, m.end))
            for m in self.mentions
        ]

    @cached_property
    def folded(self) -> list[tuple[str, str]]:
        """Each rule mention's surface and name, folded."""
        return [(fold(m.surface), fold(m.name)) for m in self.mentions]

    @cached_property
    def forms(self) -> dict[str, str]:
        """A rule mention's folded surface (and an organisation's name) -> its kind."""
        forms: dict[str, str] = {}
        for mention, (surface, name) in zip(self.mentions, self.folded, strict=True):
            kind = _KIND_VALUES[mention.kind]
            forms.setdefault(surface, kind)
            if mention.kind is _ORG:
                forms.setdefault(name, kind)
        return forms

    def taken(self, dropped: set[str]) -> set[str]:
        """The folded forms of the kept mentions: a candidate with one of them is no
        addition."""
        return {
            form
            for m, forms in zip(self.mentions, self.folded, strict=True)
            if m.kind is not _ORG or m.name not in dropped
            for form in forms
        }

    @cached_property
    def person_words(self) -> set[str]:
        return {w for m in self.mentions if m.kind is _PERSON for w in m.name.split()}

    @cached_property
    def sections(self) -> list[tuple[int, int, str]]:
        return [(s.span[0], s.span[1], s.kind.value) for s in self._sections_in]

    @cached_property
    def section_starts(self) -> list[int]:
        return [s[0] for s in self.sections]

    def joins(self, j: int) -> bool:
        """Whether token `j` goes on a run that reaches token `j - 1` (`candidates`)."""
        known = self._joins[j]
        if known is None:
            previous, t = self.tokens[j - 1], self.tokens[j]
            outer = previous.outer
            if t.start - outer != 1 or self.source[outer] != " ":
                known = t.capitalised and self.source[outer : t.start] in _SKIPPED
            else:
                known = t.capitalised or t.folded in CONNECTORS
            self._joins[j] = known
        return known

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The candidate whose text is `source[start:end]`, if there is one."""
        tokens, starts_at = self.tokens, self.starts_at
        a = bisect_left(starts_at, start)
        b = bisect_left(starts_at, end, a) - 1
        if (
            b < a
            or b - a >= MAX_TOKENS
            or tokens[a].start != start
            or tokens[b].end != end
            or not tokens[a].capitalised
            or not tokens[b].capitalised
        ):
            return None
        joins = self.joins
        return (a, b) if all(joins(j) for j in range(a + 1, b + 1)) else None

    def longer_right(self, first: int, last: int) -> bool:
        """Whether a longer candidate starts at `first` ('United Nations' of 'United Nations
        Framework Convention ...'); (first, last) is a candidate."""
        return self._next_capital(last, 1) <= first + MAX_TOKENS - 1

    def longer_left(self, first: int, last: int) -> bool:
        """Whether a longer candidate ends at `last`; (first, last) is a candidate."""
        return self._next_capital(first, -1) >= last - MAX_TOKENS + 1

    def _next_capital(self, i: int, step: int) -> int:
        """The nearest capitalised token after `i` (`step` 1; before it: -1) that a run
        from `i` reaches within MAX_TOKENS - 1 tokens, else one out of reach."""
        cache = self._right if step > 0 else self._left
        known = cache[i]
        if known is None:
            tokens, joined, joins = self.tokens, self._joins, self.joins
            known = i + MAX_TOKENS * step  # out of reach
            j, size = i + step, len(tokens)
            while 0 <= j < size and j != known:
                link = j if step > 0 else j + 1
                ok = joined[link]
                if not (joins(link) if ok is None else ok):
                    break
                if tokens[j].capitalised:
                    known = j
                    break
                j += step
            cache[i] = known
        return known

    def candidate(self, first: int, last: int) -> Candidate:
        start, end = self.tokens[first].start, self.tokens[last].end
        return Candidate(first, last, start, end, self.source[start:end])

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.source.casefold()
        return self._lowered

    def expands(self) -> dict[str, str]:
        """'ZOPFAN' -> 'neutrality' after 'Zone of Peace, Freedom and Neutrality (ZOPFAN)'."""
        if self._expands is None:
            self._expands = {}
            if "(" in self.source:
                for match in _DEFINED.finditer(self.source):
                    if match[1][0].isupper():
                        self._expands.setdefault(match[2], match[1].casefold())
        return self._expands

    def before(self, start: int) -> tuple[str, str, bool]:
        """`_before` at `start`, cached."""
        known = self._before.get(start)
        if known is None:
            known = self._before[start] = _before(self.source, start)
        return known

    def after(self, end: int) -> tuple[str, str]:
        """`_after` at `end`, cached."""
        known = self._after.get(end)
        if known is None:
            known = self._after[end] = _after(self.source, end)
        return known

    def count(self, text: str) -> int:
        count = self._counts.get(text)
        if count is None:
            count = self._counts[text] = self.source.count(text)
        return count


def _words(chunk: str) -> list[str]:
    """`_WORDS.findall(chunk)` for a chunk without spaces: one word when it is all letters
    and digits or one character (the usual case), without the regex."""
    return [chunk] if len(chunk) == 1 or chunk.isalnum() else _WORDS.findall(chunk)


def _before(source: str, start: int) -> tuple[str, str, bool]:
    """The two words before `start` (nearest first) and whether a sentence or line opens
    there, read in the 40 characters before it on its line (`_WORDS`; since no word spans
    a space, only the last chunks between spaces are read)."""
    low = start - 40 if start >= 40 else 0
    line = source.rfind("\n", low, start)
    words: list[str] = []
    for chunk in reversed(source[line + 1 if line >= 0 else low : start].split()):
        words[:0] = _words(chunk)
        if len(words) > 1:
            break
    if ((line >= 0 or start < 40) and not words) or (words and words[-1] in _SENTENCE_MARKS):
        return ("<s>", "<s>", True)
    return (words[-1].casefold(), words[-2].casefold() if len(words) > 1 else "<s>", False)


def _after(source: str, end: int) -> tuple[str, str]:
    """The two words after `end` ('</s>' at a line's end), read in the 40 characters after
    it on its line, a possessive 's first."""
    line = source.find("\n", end, end + 40)
    stop = line if line >= 0 else end + 40
    words: list[str] = []
    if source.startswith(("'s", "’s"), end, stop):
        words.append(source[end : end + 2])
        end += 2
    for chunk in source[end:stop].split(None, 2)[:2]:
        if len(words) > 1:
            break
        words += _words(chunk)
    n1 = words[0].casefold() if words else "</s>"
    n2 = words[1].casefold() if len(words) > 1 else "</s>"
    return n1, n2


def _first_flags(first: str) -> list[str]:
    """The lexicon's flags on a candidate's first word (folded)."""
    lex = _lexicon()
    flags = []
    if first in lex.heads_first:
        flags.append("lex_head_first")
    if first in lex.qualifiers:
        flags.append("lex_qualifier_first")
    if first in lex.given:
        flags.append("lex_given_first")
    if first in lex.stop:
        flags.append("lex_stop_first")
    return flags


def _last_flags(last: str) -> list[str]:
    """The lexicon's flags on a candidate's last word (folded)."""
    lex = _lexicon()
    if last in lex.place_heads:
        return (
            ["lex_place_head", "lex_event_head"] if last in lex.event_heads else ["lex_place_head"]
        )
    return ["lex_event_head"] if last in lex.event_heads else []


def _run_flags(last: str, caps: set[str], key: str) -> list[str]:
    """The lexicon's flags on a whole candidate: its capitalised words, its folded text."""
    lex = _lexicon()
    flags = []
    if last in lex.org_heads:
        flags.append("lex_head_last")
    elif not lex.org_heads.isdisjoint(caps):
        flags.append("lex_head_inside")
    if not lex.press.isdisjoint(caps):
        flags.append("lex_press")
    if key in lex.known_orgs:
        flags.append("lex_known_org")
    if not lex.titles.isdisjoint(caps):
        flags.append("lex_title")
    if key in lex.places:
        flags.append("lex_place")
    return flags


def _rule_features(brief: _Brief, c: Candidate) -> list[str] | None:
    """How the rules' mentions lie over a candidate, or None for one inside a rule person's
    name ('Dmitry Peskov' in 'Kremlin spokesman Dmitry Peskov': the rules')."""
    a, b = c.first, c.last
    touched = {m for m, (lo, hi) in enumerate(brief.ranges) if lo <= b and hi > a and lo < hi}
    if not touched:
        return []
    found = []
    for m in touched:
        mention = brief.mentions[m]
        kind = _KIND_VALUES[mention.kind]
        if mention.kind is _PERSON and not brief.person_words.isdisjoint(
            t.text for t in brief.tokens[c.first : c.last + 1]
        ):
            return None
        if mention.start == c.start and mention.end == c.end:
            found.append(f"r=={kind}")
        elif mention.start <= c.start and mention.end >= c.end:
            found.append(f"r_in={kind}")
        elif mention.start >= c.start and mention.end <= c.end:
            found.append(f"r_has={kind}")
        else:
            found.append(f"r_x={kind}")
    return found


def describe(brief: _Brief, only: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """Fill the features of each candidate (or of those `only` accepts); leave out those
    inside a rule person's name."""
    kept = []
    tokens = brief.tokens
    expands = brief.expands() if "(" in brief.source else {}
    for a, b in brief.found:
        c = brief.candidate(a, b)
        if only is not None and not only(c):
            continue
        run = tokens[a : b + 1]
        rule_feats = _rule_features(brief, c) if brief.mentions else []
        if rule_feats is None:
            continue
        if brief.longer_right(a, b):
            rule_feats.append("longer_right")  # 'United Nations' of 'United Nations Framework...'
        if brief.longer_left(a, b):
            rule_feats.append("longer_left")
        key = fold(c.text)
        n = b - a + 1
        caps = {t.folded for t in run if t.capitalised}
        first, last = run[0].folded, run[-1].folded
        shp = " ".join(_shape(t.text) for t in run) if n < 5 else "long"
        p1, p2, starts = brief.before(c.start)
        n1, n2 = brief.after(c.end)
        count = brief.count(c.text)
        short = min(n, 3)
        f = [
            "bias",
            f"len={min(n, 5)}",
            f"shape={shp}",
            f"w0={first}",
            f"wl={last}",
            f"suf3={last[-3:]}",
            f"suf4={last[-4:]}",
            f"p1={p1}",
            f"p2={p2}",
            f"n1={n1}",
            f"n2={n2}",
            f"p1|len={p1}|{short}",
            f"n1|len={n1}|{short}",
            f"rep={count if count < 3 else '3+'}",
            *rule_feats,
        ]
        if n > 2:
            f += [f"w={t.folded}" for t in run[1:-1] if t.capitalised]
        if starts:
            f.append(f"start|shape={shp if n < 4 else 'long'}")
        form_kind = brief.forms.get(key)
        if form_kind:
            f.append(f"form={form_kind}")
        if n1 == "(" and n > 1:
            bracket = _BRACKET_WORD.match(brief.source, c.end)
            if bracket is not None and bracket[1].isupper():
                f.append("acr_after")
                c.acronym = bracket[1]
        if n == 1 and c.text in expands:
            f.append(f"expands_wl={expands[c.text]}")
        if p1 == "(" and n1 == ")":
            f.append("in_brackets")
        if n == 1 and f" {first} " in brief.lowered():
            f.append("lower_in_text")
        f += _first_flags(first)
        f += _last_flags(last)
        f += _run_flags(last, caps, key)
        at = bisect_right(brief.section_starts, c.start) - 1
        if at >= 0 and c.start < brief.sections[at][1]:
            f.append(f"sec={brief.sections[at][2]}")
        c.features = list(dict.fromkeys(f))  # a feature counts once, as in training
        kept.append(c)
    return kept


class _Table:
    """The weights split by feature family, so that `OrgModel.logit` sums them without
    building the feature strings `describe` writes (the same sum: test_org_model.py), and
    what each family can add at most (the bound in `OrgModel.apply`)."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.flat = weights
        self.families: dict[str, dict[str, float]] = {}
        for name, weight in weights.items():
            family, equals, value = name.partition("=")
            if equals:
                self.families.setdefault(family, {})[value] = weight
        get = weights.get
        self.bias = get("bias", 0.0)
        self.flags = {name: get(name, 0.0) for name in _FLAGS}
        part = self.family
        self.len, self.shape, self.start_shape = (
            part("len"),
            part("shape"),
            part("start|shape"),
        )
        self.w0, self.wl, self.suf3, self.suf4 = (
            part("w0"),
            part("wl"),
            part("suf3"),
            part("suf4"),
        )
        self.p1, self.p2, self.n1, self.n2 = part("p1"), part("p2"), part("n1"), part("n2")
        self.p1len, self.n1len, self.rep = part("p1|len"), part("n1|len"), part("rep")
        self.inner, self.form, self.expands = part("w"), part("form"), part("expands_wl")
        self.sec = part("sec")
        # Per word, across briefs: `head`, `tail`, `by_length`, `flag_sum`.
        self.heads: dict[str, tuple[float, float]] = {}
        self.tails: dict[str, tuple[float, float, float]] = {}
        self.p1lens: dict[str, tuple[float, float, float]] = {}
        self.n1lens: dict[str, tuple[float, float, float]] = {}
        self.first_sums: dict[str, float] = {}  # folded word -> its `_first_flags` summed
        self.last_sums: dict[str, float] = {}  # folded word -> its `_last_flags` summed
        # Upper bounds: the most a part of `_Scorer.logit` can add (0 when it may be absent).
        flags = self.flags

        def most(values: Iterable[float]) -> float:
            return max([0.0, *values])

        self.len_of = [0.0] + [self.len.get(str(min(n, 5)), 0.0) for n in range(1, MAX_TOKENS + 1)]
        rules = (f"{kind}={k.value}" for kind in ("r=", "r_in", "r_has", "r_x") for k in ActorKind)
        self.most_rules = sum(max(0.0, get(name, 0.0)) for name in rules)
        self.most_form = most(self.form.values())
        self.most_start_shape = most(self.start_shape.values())
        self.most_inner = most(self.inner.values())
        self.most_expands = most(self.expands.values())
        self.most_acr, self.most_in_brackets, self.most_lower = (
            most([flags["acr_after"]]),
            most([flags["in_brackets"]]),
            most([flags["lower_in_text"]]),
        )
        self.most_rep = max(self.rep.get(key, 0.0) for key in ("1", "2", "3+"))
        self.most_shape = [  # by a candidate's length in tokens (one token: exact)
            most(w for k, w in self.shape.items() if k != "long" and k.count(" ") == n - 1)
            for n in range(5)
        ] + [self.shape.get("long", 0.0)] * (MAX_TOKENS - 4)
        self.most_key = most([flags["lex_known_org"]]) + most([flags["lex_place"]])
        # Per word: whether it is an organisation head, a press word, a title word.
        self.word_flags: dict[str, tuple[bool, bool, bool]] = {}

    def family(self, name: str) -> dict[str, float]:
        """'w0' -> {'bank': 0.8, ...}: the weights of the features 'w0=...'."""
        return self.families.get(name, {})

    def word(self, folded: str) -> tuple[bool, bool, bool]:
        """Whether a word is an organisation head, a press word, a title word."""
        known = self.word_flags.get(folded)
        if known is None:
            lex = _lexicon()
            known = self.word_flags[folded] = (
                folded in lex.org_heads,
                folded in lex.press,
                folded in lex.titles,
            )
        return known

    def head(self, first: str) -> tuple[float, float]:
        """A first word's own parts: its 'w0=' weight and its `_first_flags` summed."""
        known = self.heads[first] = (self.w0.get(first, 0.0), self.flag_sum(first, False))
        return known

    def tail(self, last: str) -> tuple[float, float, float]:
        """A last word's own parts: 'wl=' plus 'suf3=', 'suf4=', its `_last_flags` summed."""
        known = self.tails[last] = (
            self.wl.get(last, 0.0) + self.suf3.get(last[-3:], 0.0),
            self.suf4.get(last[-4:], 0.0),
            self.flag_sum(last, True),
        )
        return known

    def by_length(self, word: str, after: bool) -> tuple[float, float, float]:
        """The weights of 'p1|len=word|1', '...|2', '...|3' ('n1|len' when `after`)."""
        family, lens = (self.n1len, self.n1lens) if after else (self.p1len, self.p1lens)
        get = family.get
        known = lens[word] = (get(word + "|1", 0.0), get(word + "|2", 0.0), get(word + "|3", 0.0))
        return known

    def text_part(self, key: str, count: int) -> float:
        """What the parts read from a candidate's text (its lexicon flags, how often it
        recurs) add, less what the bound in `OrgModel.apply` counted for them (at most 0)."""
        lex, flags = _lexicon(), self.flags
        part = self.rep.get(str(count) if count < 3 else "3+", 0.0) - self.most_rep - self.most_key
        if key in lex.known_orgs:
            part += flags["lex_known_org"]
        if key in lex.places:
            part += flags["lex_place"]
        return part

    def flag_sum(self, word: str, last: bool) -> float:
        """The weights of `_first_flags(word)` (`last`: `_last_flags`) summed, per word."""
        sums = self.last_sums if last else self.first_sums
        known = sums.get(word)
        if known is None:
            flags, names = self.flags, _last_flags(word) if last else _first_flags(word)
            known = sums[word] = sum(flags[name] for name in names)
        return known


_FLAGS = (
    "longer_right", "longer_left", "acr_after", "in_brackets", "lower_in_text", "lex_head_last",
    "lex_head_inside", "lex_head_first", "lex_qualifier_first", "lex_press", "lex_known_org",
    "lex_given_first", "lex_title", "lex_stop_first", "lex_place_head", "lex_event_head",
    "lex_place",
)  # fmt: skip
# `_run_flags` other than the two organisation-head flags (one candidate has at most one).
_RUN_FLAGS = ("lex_press", "lex_known_org", "lex_title", "lex_place")
# Below the `add` threshold by more than this, a bound is not merely rounding.
_MARGIN = 1e-9


@dataclass
class OrgModel:
    """A weight table and its two thresholds; `apply` is the parser's stage."""

    weights: dict[str, float]
    add: float  # accept a candidate the rules missed at this probability or more
    drop: float  # drop a rule organisation whose best probability is below this
    _table: _Table | None = field(default=None, repr=False)

    def probability(self, features: Iterable[str]) -> float:
        return _sigmoid(sum(map(self.weights.get, features, repeat(0.0))))

    def table(self) -> _Table:
        if self._table is None:
            self._table = _Table(self.weights)
        return self._table

    def apply(
        self,
        source: str,
        mentions: list[Mention],
        tokens: Sequence[Token],
        sections: Sequence[Section],
    ) -> list[Mention]:
        """`mentions` less the rule organisations the model rejects, plus the organisations
        it finds that no kept mention covers.

        Most candidates cannot change the result, so only these are scored in full: those on
        the rules' organisation mentions (for `drop`), and those no kept mention covers whose
        upper bound (its tokens' parts and its first and last tokens' context exact, the
        most the rest can add) reaches `add`."""
        if not tokens:
            return mentions
        brief = _Brief(source, tokens, mentions, sections)
        scorer = _Scorer(self.table(), brief)
        dropped = self._dropped(brief, scorer)
        size = len(tokens)
        covered = [False] * (size + 1)
        for m, (lo, hi) in zip(mentions, brief.ranges if mentions else (), strict=True):
            if m.kind is not _ORG or m.name not in dropped:
                covered[lo:hi] = repeat(True, hi - lo)
        lowest = _logit(self.add)
        rules = bool(dropped)
        near = lowest - _MARGIN
        found: list[Candidate] = []
        singles: list[int] = []  # lone tokens that are candidates (for acronyms: `_added`)
        stop = _lexicon().stop
        table = self.table()
        flags, inner, word_flags, word = table.flags, table.inner, table.word_flags, table.word
        heads, tails, head_of, tail_of = scorer.heads, scorer.tails, scorer._head, scorer._tail
        right, left, next_capital = brief._right, brief._left, brief._next_capital
        joined, joins = brief._joins, brief.joins
        len_of, most_shape, shape, shapes = (
            table.len_of,
            table.most_shape,
            table.shape,
            scorer.shapes,
        )
        # What the bound adds to every candidate, and to a lone word.
        always = table.bias + table.most_rep + table.most_key
        if rules:
            always += table.most_rules + table.most_form
        lone = table.most_lower + (table.most_expands if "(" in source else 0.0)
        head_last_w, head_inside_w = flags["lex_head_last"], flags["lex_head_inside"]
        press_w, title_w = flags["lex_press"], flags["lex_title"]
        right_w, left_w = flags["longer_right"], flags["longer_left"]
        longer_up = max(0.0, right_w) + max(0.0, left_w)
        taken: set[str] | None = None
        for a, tok in enumerate(tokens):
            if covered[a] or not tok.capitalised:
                continue
            b, limit = a, min(size, a + MAX_TOKENS)
            head, p1, starts = heads[a] or head_of(a)
            head_up = always + table.most_start_shape if starts else always
            # Over the capitalised tokens a..b-1: organisation head, press or title word
            # among them; the positive weights of a..b-1 as inner words.
            inside = press = title = False
            inner_up = 0.0
            while True:  # the candidates from `a` that no kept mention covers (`candidates`)
                t = tokens[b]
                if t.capitalised:
                    flagged = word_flags.get(t.folded) or word(t.folded)
                    if a != b or tok.folded not in stop:  # not a lone stop word ('The')
                        if a == b:
                            singles.append(a)
                        # An upper bound of the candidate's logit (`_Scorer.logit`).
                        tail, n1 = tails[b] or tail_of(b)
                        n = b - a + 1
                        short = n - 1 if n < 3 else 2
                        up = head_up + head[short] + tail[short] + len_of[n] + inner_up
                        if n == 1:
                            if not shapes[a]:
                                shapes[a] = _shape(tok.text)
                            up += lone + shape.get(shapes[a], 0.0)
                        else:
                            up += most_shape[n]
                            if n1 == "(":
                                up += table.most_acr
                        if p1 == "(" and n1 == ")":
                            up += table.most_in_brackets
                        if flagged[0]:
                            up += head_last_w
                        elif inside:
                            up += head_inside_w
                        if press or flagged[1]:
                            up += press_w
                        if title or flagged[2]:
                            up += title_w
                        up += longer_up
                        if up >= near:  # then whether a longer run goes on right or left
                            if right_w < 0.0:
                                reach = right[b]
                                if reach is None:
                                    reach = next_capital(b, 1)
                                if reach < a + MAX_TOKENS:
                                    up += right_w
                            if left_w < 0.0:
                                reach = left[a]
                                if reach is None:
                                    reach = next_capital(a, -1)
                                if reach > b - MAX_TOKENS:
                                    up += left_w
                        if up >= near:
                            start, end = tok.start, t.end
                            text = source[start:end]
                            key = fold(text)
                            if up + table.text_part(key, brief.count(text)) >= near:
                                if taken is None:
                                    taken = brief.taken(dropped)
                                if key not in taken:
                                    c = Candidate(a, b, start, end, text)
                                    z = scorer.logit(c, rules, table.most_lower)
                                    if z is not None and z >= near:
                                        z = scorer.logit(c, rules)
                                    if z is not None:
                                        c.score = z
                                        found.append(c)
                    inside, press, title = (
                        inside or flagged[0],
                        press or flagged[1],
                        title or flagged[2],
                    )
                    if b > a:
                        inner_up += max(0.0, inner.get(t.folded, 0.0))
                b += 1
                if b >= limit or covered[b]:
                    break
                joined_b = joined[b]
                if joined_b is None:
                    joined_b = joins(b)
                if not joined_b:
                    break
        if not found:
            return [m for m in mentions if m.kind is not _ORG or m.name not in dropped]
        if taken is None:
            taken = brief.taken(dropped)
        added = self._added(found, taken, lowest, brief, singles)
        kept = [m for m in mentions if m.kind is not _ORG or m.name not in dropped]
        if not added:
            return kept if dropped else mentions
        return sorted(kept + added, key=_span)

    def _dropped(self, brief: _Brief, scorer: _Scorer) -> set[str]:
        """The names of the rule organisations whose every candidate scores below `drop`."""
        if self.drop <= 0.0:
            return set()
        on_orgs = {(m.start, m.end): m.name for m in brief.mentions if m.kind is _ORG}
        if not on_orgs:
            return set()
        best: dict[str, float] = {}
        lowest, lower = _logit(self.drop), self.table().flags["lower_in_text"]
        for (start, end), name in on_orgs.items():
            if best.get(name, -math.inf) >= lowest:
                continue  # kept already
            span = brief.span(start, end)
            if span is None:
                continue
            c = brief.candidate(*span)
            z = scorer.logit(c, lower=min(0.0, lower))  # the whole source lowercased: rarely
            if z is not None and z < lowest + _MARGIN:
                z = scorer.logit(c)
            if z is not None and z > best.get(name, -math.inf):
                best[name] = z
        return {name for name, z in best.items() if z < lowest}

    def _added(
        self,
        found: list[Candidate],
        taken: set[str],
        lowest: float,
        brief: _Brief,
        singles: list[int],
    ) -> list[Mention]:
        chosen: list[Candidate] = []
        names: dict[str, str] = {}  # an acronym in brackets -> the name before it
        for c in sorted(found, key=lambda c: -c.score):
            if c.score < lowest:
                break
            if any(o.start < c.end and c.start < o.end for o in chosen):
                continue
            if c.acronym and fold(c.acronym) in taken:
                continue  # 'Ministerstwo Spraw Zagranicznych (MSZ)' when the rules have 'MSZ'
            if c.first == c.last and c.text in names:
                continue  # an acronym of a name taken: below
            chosen.append(c)
            if c.acronym:
                names.setdefault(c.acronym, c.text)
        added = [
            Mention(
                _ORG,
                c.start,
                c.end,
                c.text,
                names.get(c.text, c.text) if c.first == c.last else c.text,
            )
            for c in chosen
        ]
        if names:  # an acronym in brackets after a name the model took is that name's
            for a in singles:  # every lone candidate, scored or not
                c = brief.candidate(a, a)
                name = names.get(c.text)
                if (
                    name is not None
                    and fold(c.text) not in taken
                    and not any(o.start < c.end and c.start < o.end for o in chosen)
                ):
                    added.append(Mention(_ORG, c.start, c.end, c.text, name))
        return added


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p)) if 0.0 < p < 1.0 else (-math.inf if p <= 0.0 else math.inf)


class _Scorer:
    """`describe`'s features summed straight from the table, per-token parts cached."""

    def __init__(self, table: _Table, brief: _Brief) -> None:
        self.table, self.brief = table, brief
        size = len(brief.tokens)
        self.heads: list[tuple[tuple[float, float, float], str, bool] | None] = [None] * size
        self.tails: list[tuple[tuple[float, float, float], str] | None] = [None] * size
        self.shapes = [""] * size
        self._sections: list[tuple[int, int, float]] | None = None

    def _section(self, start: int) -> float | None:
        """The weight of the section around `start` ('sec='), or None outside every one."""
        sections = self._sections
        if sections is None:
            sec = self.table.sec
            sections = self._sections = [
                (begin, end, sec.get(kind, 0.0)) for begin, end, kind in self.brief.sections
            ]
        if sections:
            at = bisect_right(self.brief.section_starts, start) - 1
            if at >= 0 and start < sections[at][1]:
                return sections[at][2]
        return None

    def _head(self, i: int) -> tuple[tuple[float, float, float], str, bool]:
        known = self.heads[i]
        if known is None:
            table, brief = self.table, self.brief
            token = brief.tokens[i]
            first = token.folded
            p1, p2, starts = _before(brief.source, token.start)
            word = table.heads.get(first) or table.head(first)
            base = word[0] + table.p1.get(p1, 0.0) + table.p2.get(p2, 0.0)
            base += word[1]
            sec = self._section(token.start)
            if sec is not None:
                base += sec
            lens = table.p1lens.get(p1) or table.by_length(p1, False)
            by_length = (base + lens[0], base + lens[1], base + lens[2])
            known = self.heads[i] = (by_length, p1, starts)
        return known

    def _tail(self, j: int) -> tuple[tuple[float, float, float], str]:
        known = self.tails[j]
        if known is None:
            table, brief = self.table, self.brief
            token = brief.tokens[j]
            last = token.folded
            n1, n2 = _after(brief.source, token.end)
            word = table.tails.get(last) or table.tail(last)
            base = word[0]
            base += word[1] + table.n1.get(n1, 0.0) + table.n2.get(n2, 0.0)
            base += word[2]
            lens = table.n1lens.get(n1) or table.by_length(n1, True)
            by_length = (base + lens[0], base + lens[1], base + lens[2])
            known = self.tails[j] = (by_length, n1)
        return known

    def logit(self, c: Candidate, rules: bool = True, lower: float | None = None) -> float | None:
        """The candidate's logit, or None for one inside a rule person's name. `rules`
        False: no rule mention lies over it (a candidate no kept mention covers, when the
        model dropped none). `lower`: this for 'lower_in_text' on a lone word rather than
        its weight when the word is in the text in lowercase (a bound, without reading the
        whole text)."""
        brief, table = self.brief, self.table
        flags = table.flags
        a, b = c.first, c.last
        z = table.bias
        if rules and brief.mentions:
            rule = _rule_features(brief, c)
            if rule is None:
                return None
            flat = table.flat
            z += sum(flat.get(f, 0.0) for f in set(rule))
        if brief.longer_right(a, b):
            z += flags["longer_right"]
        if brief.longer_left(a, b):
            z += flags["longer_left"]
        n = b - a + 1
        short = min(n, 3) - 1
        head, p1, starts = self._head(a)
        tail, n1 = self._tail(b)
        z += head[short] + tail[short] + table.len.get(str(min(n, 5)), 0.0)
        tokens, shapes = brief.tokens, self.shapes
        for i in range(a, b + 1):
            if not shapes[i]:
                shapes[i] = _shape(tokens[i].text)
        shp = " ".join(shapes[a : b + 1]) if n < 5 else "long"
        z += table.shape.get(shp, 0.0)
        if starts:
            z += table.start_shape.get(shp if n < 4 else "long", 0.0)
        count = brief.count(c.text)
        z += table.rep.get(str(count) if count < 3 else "3+", 0.0)
        last = tokens[b].folded
        caps = (
            {t.folded for t in tokens[a : b + 1] if t.capitalised} if n > 1 else {tokens[a].folded}
        )
        if n > 2:
            inner = {t.folded for t in tokens[a + 1 : b] if t.capitalised}
            z += sum(table.inner.get(w, 0.0) for w in inner)
        key = fold(c.text)
        form_kind = brief.forms.get(key)
        if form_kind:
            z += table.form.get(form_kind, 0.0)
        if n1 == "(" and n > 1:
            bracket = _BRACKET_WORD.match(brief.source, c.end)
            if bracket is not None and bracket[1].isupper():
                z += flags["acr_after"]
                c.acronym = bracket[1]
        if n == 1 and "(" in brief.source:
            expands = brief.expands()
            if c.text in expands:
                z += table.expands.get(expands[c.text], 0.0)
        if p1 == "(" and n1 == ")":
            z += flags["in_brackets"]
        if n == 1:
            if lower is not None:
                z += lower
            elif f" {tokens[a].folded} " in brief.lowered():
                z += flags["lower_in_text"]
        for name in _run_flags(last, caps, key):
            z += flags[name]
        return z


def _span(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


@cache
def org_model() -> OrgModel:
    """The committed model (`data/org_model.json`)."""
    data = load_data("org_model.json")
    return OrgModel(dict(data["weights"]), float(data["add"]), float(data["drop"]))

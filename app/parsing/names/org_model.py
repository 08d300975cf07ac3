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
from functools import cache, lru_cache
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


@lru_cache(maxsize=16_384)
def fold(text: str) -> str:
    """Case, accents, quote marks and spacing ignored (as bench.actor_eval compares names)."""
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
    """One brief's text, tokens, candidates and rule mentions, indexed once for `describe`."""

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
        self.found = candidates(source, tokens)
        self.starts_at = [t.start for t in tokens]
        self.over: dict[int, list[int]] = {}  # token -> rule mentions on it
        for m, mention in enumerate(mentions):
            for i in range(
                bisect_right(self.starts_at, mention.start - 1),
                bisect_left(self.starts_at, mention.end),
            ):
                self.over.setdefault(i, []).append(m)
        self.forms: dict[str, str] = {}
        self.person_words: set[str] = set()
        for mention in mentions:
            self.forms.setdefault(fold(mention.surface), mention.kind.value)
            if mention.kind is _PERSON:
                self.person_words.update(mention.name.split())
            elif mention.kind is _ORG:
                self.forms.setdefault(fold(mention.name), mention.kind.value)
        self.sections = [(s.span[0], s.span[1], s.kind.value) for s in sections]
        self.section_starts = [s[0] for s in self.sections]
        self.reach_right: dict[int, int] = {}
        self.reach_left: dict[int, int] = {}
        for first, last in self.found:  # the longest run from each first word, to each last
            if self.reach_right.get(first, -1) < last:
                self.reach_right[first] = last
            if self.reach_left.get(last, 1 << 30) > first:
                self.reach_left[last] = first
        self._lowered: str | None = None
        self._expands: dict[str, str] | None = None
        self._before: dict[int, tuple[str, str, bool]] = {}
        self._after: dict[int, tuple[str, str]] = {}
        self._counts: dict[str, int] = {}

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
        """The two words before `start` (nearest first) and whether a sentence or line opens
        there."""
        known = self._before.get(start)
        if known is None:
            window = self.source[max(0, start - 40) : start]
            line = window.rfind("\n")
            if line >= 0:
                window = window[line + 1 :]
            words = _WORDS.findall(window)
            opens = (line >= 0 or start < 40) and not words
            opens = opens or (bool(words) and words[-1] in _SENTENCE_MARKS)
            if opens:
                known = ("<s>", "<s>", True)
            else:
                p2 = words[-2].casefold() if len(words) > 1 else "<s>"
                known = (words[-1].casefold(), p2, False)
            self._before[start] = known
        return known

    def after(self, end: int) -> tuple[str, str]:
        """The two words after `end` ('</s>' at a line's end)."""
        known = self._after.get(end)
        if known is None:
            window = self.source[end : end + 40]
            line = window.find("\n")
            if line >= 0:
                window = window[:line]
            if window.startswith(("'s", "’s")):
                words = [window[:2], *_WORDS.findall(window, 2)]
            else:
                words = _WORDS.findall(window)
            n1 = words[0].casefold() if words else "</s>"
            n2 = words[1].casefold() if len(words) > 1 else "</s>"
            known = self._after[end] = (n1, n2)
        return known

    def count(self, text: str) -> int:
        count = self._counts.get(text)
        if count is None:
            count = self._counts[text] = self.source.count(text)
        return count


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
    over = brief.over
    touched = {m for i in range(c.first, c.last + 1) for m in over.get(i, ())}
    if not touched:
        return []
    found = []
    for m in touched:
        mention = brief.mentions[m]
        kind = mention.kind.value
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
        rule_feats = _rule_features(brief, c) if brief.over else []
        if rule_feats is None:
            continue
        if brief.reach_right[a] > b:
            rule_feats.append("longer_right")  # 'United Nations' of 'United Nations Framework...'
        if brief.reach_left[b] < a:
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
    building the feature strings `describe` writes (the same sum: test_org_model.py)."""

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

    def family(self, name: str) -> dict[str, float]:
        """'w0' -> {'bank': 0.8, ...}: the weights of the features 'w0=...'."""
        return self.families.get(name, {})


_FLAGS = (
    "longer_right", "longer_left", "acr_after", "in_brackets", "lower_in_text", "lex_head_last",
    "lex_head_inside", "lex_head_first", "lex_qualifier_first", "lex_press", "lex_known_org",
    "lex_given_first", "lex_title", "lex_stop_first", "lex_place_head", "lex_event_head",
    "lex_place",
)  # fmt: skip


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
        it finds that no kept mention covers."""
        if not tokens:
            return mentions
        brief = _Brief(source, tokens, mentions, sections)
        scorer = _Scorer(self.table(), brief)
        dropped = self._dropped(brief, scorer)
        kept = [m for m in mentions if m.kind is not _ORG or m.name not in dropped]
        size = len(tokens)
        covered = [False] * (size + 1)
        starts_at = brief.starts_at
        for m in kept:
            for i in range(bisect_right(starts_at, m.start - 1), bisect_left(starts_at, m.end)):
                covered[i] = True
        free_until = [size] * (size + 1)  # the first covered token at or after each one
        for i in range(size - 1, -1, -1):
            free_until[i] = i if covered[i] else free_until[i + 1]
        taken = {fold(form) for m in kept for form in (m.surface, m.name)}
        lowest = _logit(self.add)
        found = []
        stop = _lexicon().stop
        for a, b in brief.found:
            if b >= free_until[a] or (a == b and tokens[a].folded in stop):
                continue  # covered; a lone stop word ('The', 'However': never above `add`)
            start, end = tokens[a].start, tokens[b].end
            text = source[start:end]
            if fold(text) in taken:
                continue
            c = Candidate(a, b, start, end, text)
            z = scorer.logit(c, bool(dropped))
            if z is not None:
                c.score = z
                found.append(c)
        added = self._added(found, taken, lowest)
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
        tokens = brief.tokens
        for a, b in brief.found:
            name = on_orgs.get((tokens[a].start, tokens[b].end))
            if name is None:
                continue
            z = scorer.logit(brief.candidate(a, b))
            if z is not None and z > best.get(name, -math.inf):
                best[name] = z
        lowest = _logit(self.drop)
        return {name for name, z in best.items() if z < lowest}

    def _added(self, found: list[Candidate], taken: set[str], lowest: float) -> list[Mention]:
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
            for c in found:
                name = names.get(c.text) if c.first == c.last else None
                if name is not None and not any(
                    o.start < c.end and c.start < o.end for o in chosen
                ):
                    added.append(Mention(_ORG, c.start, c.end, c.text, name))
        return added


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p)) if 0.0 < p < 1.0 else (-math.inf if p <= 0.0 else math.inf)


def _by_length(base: float, family: dict[str, float], word: str) -> tuple[float, float, float]:
    """`base` plus the weight of 'word|1', 'word|2' and 'word|3' (a word by a name's length)."""
    if not family:
        return base, base, base
    get = family.get
    return base + get(word + "|1", 0.0), base + get(word + "|2", 0.0), base + get(word + "|3", 0.0)


class _Scorer:
    """`describe`'s features summed straight from the table, per-token parts cached."""

    def __init__(self, table: _Table, brief: _Brief) -> None:
        self.table, self.brief = table, brief
        family = table.family
        self.len, self.shape, self.start_shape = (
            family("len"),
            family("shape"),
            family("start|shape"),
        )
        self.w0, self.wl, self.suf3, self.suf4 = (
            family("w0"),
            family("wl"),
            family("suf3"),
            family("suf4"),
        )
        self.p1, self.p2, self.n1, self.n2 = family("p1"), family("p2"), family("n1"), family("n2")
        self.p1len, self.n1len, self.rep = family("p1|len"), family("n1|len"), family("rep")
        self.inner, self.form, self.expands = family("w"), family("form"), family("expands_wl")
        self.sec = family("sec")
        self.heads: dict[int, tuple[tuple[float, float, float], str, bool, bool]] = {}
        self.tails: dict[int, tuple[tuple[float, float, float], str]] = {}
        self.shapes = [""] * len(brief.tokens)

    def _head(self, i: int) -> tuple[tuple[float, float, float], str, bool, bool]:
        known = self.heads.get(i)
        if known is None:
            flags, brief = self.table.flags, self.brief
            token = brief.tokens[i]
            first = token.folded
            p1, p2, starts = brief.before(token.start)
            base = self.w0.get(first, 0.0) + self.p1.get(p1, 0.0) + self.p2.get(p2, 0.0)
            base += sum(flags[name] for name in _first_flags(first))
            at = bisect_right(brief.section_starts, token.start) - 1
            if at >= 0 and token.start < brief.sections[at][1]:
                base += self.sec.get(brief.sections[at][2], 0.0)
            by_length = _by_length(base, self.p1len, p1)
            lower = f" {first} " in brief.lowered()
            known = self.heads[i] = (by_length, p1, starts, lower)
        return known

    def _tail(self, j: int) -> tuple[tuple[float, float, float], str]:
        known = self.tails.get(j)
        if known is None:
            flags, brief = self.table.flags, self.brief
            token = brief.tokens[j]
            last = token.folded
            n1, n2 = brief.after(token.end)
            base = self.wl.get(last, 0.0) + self.suf3.get(last[-3:], 0.0)
            base += self.suf4.get(last[-4:], 0.0) + self.n1.get(n1, 0.0) + self.n2.get(n2, 0.0)
            base += sum(flags[name] for name in _last_flags(last))
            by_length = _by_length(base, self.n1len, n1)
            known = self.tails[j] = (by_length, n1)
        return known

    def logit(self, c: Candidate, rules: bool = True) -> float | None:
        """The candidate's logit, or None for one inside a rule person's name. `rules`
        False: no rule mention lies over it (a candidate no kept mention covers, when the
        model dropped none)."""
        brief, flags = self.brief, self.table.flags
        a, b = c.first, c.last
        z = self.table.bias
        if rules and brief.over:
            rule = _rule_features(brief, c)
            if rule is None:
                return None
            flat = self.table.flat
            z += sum(flat.get(f, 0.0) for f in set(rule))
        if brief.reach_right[a] > b:
            z += flags["longer_right"]
        if brief.reach_left[b] < a:
            z += flags["longer_left"]
        n = b - a + 1
        short = min(n, 3) - 1
        head, p1, starts, lower = self._head(a)
        tail, n1 = self._tail(b)
        z += head[short] + tail[short] + self.len.get(str(min(n, 5)), 0.0)
        tokens, shapes = brief.tokens, self.shapes
        for i in range(a, b + 1):
            if not shapes[i]:
                shapes[i] = _shape(tokens[i].text)
        shp = " ".join(shapes[a : b + 1]) if n < 5 else "long"
        z += self.shape.get(shp, 0.0)
        if starts:
            z += self.start_shape.get(shp if n < 4 else "long", 0.0)
        count = brief.count(c.text)
        z += self.rep.get(str(count) if count < 3 else "3+", 0.0)
        last = tokens[b].folded
        caps = (
            {t.folded for t in tokens[a : b + 1] if t.capitalised} if n > 1 else {tokens[a].folded}
        )
        if n > 2:
            inner = {t.folded for t in tokens[a + 1 : b] if t.capitalised}
            z += sum(self.inner.get(w, 0.0) for w in inner)
        key = fold(c.text)
        form_kind = brief.forms.get(key)
        if form_kind:
            z += self.form.get(form_kind, 0.0)
        if n1 == "(" and n > 1:
            bracket = _BRACKET_WORD.match(brief.source, c.end)
            if bracket is not None and bracket[1].isupper():
                z += flags["acr_after"]
                c.acronym = bracket[1]
        if n == 1 and "(" in brief.source:
            expands = brief.expands()
            if c.text in expands:
                z += self.expands.get(expands[c.text], 0.0)
        if p1 == "(" and n1 == ")":
            z += flags["in_brackets"]
        if n == 1 and lower:
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

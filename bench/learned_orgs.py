"""A learned organisation recogniser beside the rules: an experiment, scored like bench.actor_eval.

    python -m bench.learned_orgs [--sets eval4 ... eval23] [--misses] [--cost]

Candidates are capitalised word runs of a brief (inner of/for/and/the/de/'s... allowed) and
every sub-run; each is described by sparse string features (words, shapes, suffixes, the words
around it, the rule parser's own mentions, lexicon lists, section, recurrence) and scored by a
logistic regression trained on the annotated sets' gold organisations. The rule parser's
organisations are kept unless the model is confident they are not organisations; candidates the
model accepts that no kept rule actor covers are added. The thresholds are tuned inside the
training sets (inner folds), never on the held-out one.

Leave-one-set-out cross-validation over tests/parsing/eval4..eval23: each set is scored by a
model trained on the other nineteen. Nothing is written to disk: the model is trained by the
command from the committed sets. The feature and decoding code (everything above `# Bench`)
needs only the parsed brief and a weight table, so it could move into app/parsing.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import time
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple

from app.parsing.models import ParsedActor, ParsedBrief

DATA = Path(__file__).resolve().parent.parent / "app" / "parsing" / "data"

# ---------------------------------------------------------------------------------------------
# Features (no dependency beyond the parsed brief and the lexicon files)

WORD = re.compile(r"\w+(?:[-&.'’]\w+)*|[^\w\s]")
CONNECTORS = frozenset(
    [
        "of",
        "for",
        "and",
        "the",
        "de",
        "du",
        "des",
        "la",
        "le",
        "el",
        "al",
        "di",
        "da",
        "del",
        "della",
        "der",
        "van",
        "von",
        "on",
        "in",
        "y",
        "et",
        "&",
        "'s",
        "’s",
    ]
)
MAX_TOKENS = 8
SENTENCE_MARKS = frozenset('.!?:;"“”—–-*>#|')


class Token(NamedTuple):
    text: str
    start: int
    end: int
    cap: bool  # a word whose first letter is a capital
    newline_before: bool


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    previous_end = 0
    for match in WORD.finditer(source):
        text, start, end = match.group(), match.start(), match.end()
        if "." in text and end < len(source) and source[end] == ".":
            end += 1  # 'U.S.'
            text += "."
        newline = "\n" in source[previous_end:start]
        possessive = text[-2:] in ("'s", "’s") and len(text) > 2
        if possessive:
            text, end = text[:-2], end - 2
        tokens.append(Token(text, start, end, text[0].isupper(), newline))
        if possessive:
            tokens.append(Token(source[end : end + 2], end, end + 2, False, False))
        previous_end = match.end()
    return tokens


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


def candidates(source: str, tokens: Sequence[Token]) -> list[Candidate]:
    """Every run of capitalised words (connectors inside) of at most MAX_TOKENS tokens."""
    found = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if not tok.cap:
            continue
        for j in range(i, min(n, i + MAX_TOKENS)):
            t = tokens[j]
            if j > i and (t.newline_before or t.start > tokens[j - 1].end + 1):
                break  # a line break or wide gap ends a run
            if j > i and not (t.cap or t.text in CONNECTORS):
                break
            if t.cap:
                found.append(Candidate(i, j, tok.start, t.end, source[tok.start : t.end]))
    return found


def shape(text: str) -> str:
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
class Lexicon:
    org_heads: frozenset[str]
    heads_first: frozenset[str]
    qualifiers: frozenset[str]
    press: frozenset[str]
    known_orgs: frozenset[str]
    given: frozenset[str]
    titles: frozenset[str]
    stop: frozenset[str]
    starters: frozenset[str]
    place_heads: frozenset[str]
    event_heads: frozenset[str]
    places: frozenset[str]


@cache
def lexicon() -> Lexicon:
    def load(name: str) -> dict[str, Any]:
        return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))

    orgs, bodies = load("organizations"), load("international_bodies")
    stop, titles, places = load("stopwords"), load("titles"), load("places")
    known: set[str] = set()
    for table in [orgs["known"], *(v for k, v in bodies.items() if k != "_doc")]:
        for name, others in table.items():
            known.add(name.casefold())
            known.update(o.casefold() for o in others)
    given = load("given_names")
    given_words = given if isinstance(given, list) else [w for k, v in given.items()
                                                         if k != "_doc" for w in v]  # fmt: skip
    low = lambda words: frozenset(w.casefold() for w in words)  # noqa: E731
    return Lexicon(
        org_heads=low(orgs["heads"]),
        heads_first=low(orgs["heads_first"]),
        qualifiers=low(orgs["qualifiers"]),
        press=low(orgs["press_words"] + orgs["press_openers"]),
        known_orgs=frozenset(known),
        given=low(w for w in given_words if isinstance(w, str)),
        titles=low(titles["heads"] + titles["modifiers"]),
        stop=low(stop["words"] + stop["not_surnames"]),
        starters=low(stop["sentence_starters"]),
        place_heads=low(stop["place_heads"] + stop["territory_heads"]),
        event_heads=low(stop["event_heads"]),
        places=low(list(places["places"]) + stop["places"]),
    )


QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@cache
def fold(text: str) -> str:
    """Case, accents, quote marks and spacing ignored (bench.actor_eval.normalise)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(QUOTES))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


@dataclass
class RuleView:
    """What the rule parser said, indexed for the features and the decoding."""

    kind_of: dict[str, str]  # actor key -> kind
    spans: list[tuple[int, int, str, str]]  # start, end, kind, actor key
    forms: dict[str, str]  # folded name or alias -> kind
    person_words: set[str]  # words of the persons' canonical names
    section_at: list[tuple[int, int, str]]


def rule_view(parsed: ParsedBrief) -> RuleView:
    kind_of = {a.key: str(a.kind.value if hasattr(a.kind, "value") else a.kind)
               for a in parsed.actors}  # fmt: skip
    spans = [(m.span[0], m.span[1], kind_of.get(m.actor, "?"), m.actor) for m in parsed.mentions]
    forms: dict[str, str] = {}
    person_words: set[str] = set()
    for a in parsed.actors:
        kind = kind_of[a.key]
        for form in (a.name, *a.aliases):
            forms.setdefault(fold(form), kind)
        if kind == "person":
            person_words.update(a.name.split())
    sections = [(s.span[0], s.span[1], str(s.kind.value)) for s in parsed.sections]
    return RuleView(kind_of, spans, forms, person_words, sections)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3+"


SHAPES: dict[str, str] = {}


@dataclass
class Index:
    """One brief's text, tokens, candidates and rule view, indexed once for `describe`."""

    source: str
    tokens: Sequence[Token]
    found: list[Candidate]
    rules: RuleView
    lowered: str = ""
    starts_at: list[int] = field(default_factory=list)
    over: dict[int, list[int]] = field(default_factory=dict)  # token -> rule mentions on it
    low: list[str] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)
    reach_right: dict[int, int] = field(default_factory=dict)
    reach_left: dict[int, int] = field(default_factory=dict)
    section_starts: list[int] = field(default_factory=list)
    expands: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lowered = self.source.casefold()
        tokens = self.tokens
        self.starts_at = [t.start for t in tokens]
        for m, (start, end, _kind, _key) in enumerate(self.rules.spans):
            for i in range(bisect_right(self.starts_at, start - 1),
                           bisect_left(self.starts_at, end)):  # fmt: skip
                self.over.setdefault(i, []).append(m)
        self.low = [t.text.casefold() for t in tokens]
        self.shapes = [SHAPES.get(t.text) or SHAPES.setdefault(t.text, shape(t.text))
                       for t in tokens]  # fmt: skip
        for c in self.found:  # the longest run from each first word, to each last word
            if self.reach_right.get(c.first, -1) < c.last:
                self.reach_right[c.first] = c.last
            if self.reach_left.get(c.last, 1 << 30) > c.first:
                self.reach_left[c.last] = c.first
        self.section_starts = [start for start, _end, _kind in self.rules.section_at]
        # 'ZOPFAN' after 'Zone of Peace, Freedom and Neutrality (ZOPFAN)': the bracket's word.
        for i in range(2, len(tokens) - 2):
            if tokens[i].text == "(" and tokens[i + 2].text == ")" and tokens[i - 1].cap:
                self.expands.setdefault(tokens[i + 1].text, tokens[i - 1].text.casefold())


def describe(index: Index, only: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """Fill the features of each candidate (or of those `only` accepts); drop those inside a
    rule person's name."""
    lex = lexicon()
    kept = []
    source, tokens, found, rules = index.source, index.tokens, index.found, index.rules
    lowered, over, expands, counts = index.lowered, index.over, index.expands, index.counts
    low, shapes, sections = index.low, index.shapes, rules.section_at
    size = len(tokens)
    for c in found:
        if only is not None and not only(c):
            continue
        a, b = c.first, c.last
        words = [t.text for t in tokens[a : b + 1]]
        rule_feats = []
        touched = {m for i in range(a, b + 1) for m in over.get(i, ())} if over else ()
        inside_person = False
        for m in touched:
            start, end, kind, _key = rules.spans[m]
            # A candidate sharing a word with a person the rules found, inside that person's
            # mention, is the rules' ('Dmitry Peskov' in 'Kremlin spokesman Dmitry Peskov').
            if kind == "person" and not rules.person_words.isdisjoint(words):
                inside_person = True
                break
            if start == c.start and end == c.end:
                rule_feats.append(f"r=={kind}")
            elif start <= c.start and end >= c.end:
                rule_feats.append(f"r_in={kind}")
            elif start >= c.start and end <= c.end:
                rule_feats.append(f"r_has={kind}")
            else:
                rule_feats.append(f"r_x={kind}")
        if inside_person:
            continue
        if index.reach_right[a] > b:
            rule_feats.append("longer_right")  # 'United Nations' of 'United Nations Framework...'
        if index.reach_left[b] < a:
            rule_feats.append("longer_left")
        key = fold(c.text)
        n = b - a + 1
        caps = {low[i] for i in range(a, b + 1) if tokens[i].cap}
        first, last = low[a], low[b]
        shp = " ".join(shapes[a : b + 1]) if n < 5 else "long"
        starts = a == 0 or tokens[a].newline_before or tokens[a - 1].text in SENTENCE_MARKS
        p1 = "<s>" if starts else low[a - 1]
        p2 = low[a - 2] if a > 1 and not starts else "<s>"
        n1 = low[b + 1] if b + 1 < size and not tokens[b + 1].newline_before else "</s>"
        n2 = low[b + 2] if b + 2 < size and n1 != "</s>" else "</s>"
        count = counts.get(key)
        if count is None:
            count = counts[key] = source.count(c.text)
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
            f"rep={_bucket(count)}",
            *rule_feats,
        ]
        if n > 2:
            f += [f"w={low[i]}" for i in range(a + 1, b) if tokens[i].cap]
        if starts:
            f.append(f"start|shape={shp if n < 4 else 'long'}")
        form_kind = rules.forms.get(key)
        if form_kind:
            f.append(f"form={form_kind}")
        if n1 == "(" and n > 1 and b + 2 < size and tokens[b + 2].text.isupper():
            f.append("acr_after")
            c.acronym = tokens[b + 2].text
        if n == 1 and words[0] in expands:
            f.append(f"expands_wl={expands[words[0]]}")
        if p1 == "(" and n1 == ")":
            f.append("in_brackets")
        if n == 1 and f" {first} " in lowered:
            f.append("lower_in_text")
        if last in lex.org_heads:
            f.append("lex_head_last")
        elif not lex.org_heads.isdisjoint(caps):
            f.append("lex_head_inside")
        if first in lex.heads_first:
            f.append("lex_head_first")
        if first in lex.qualifiers:
            f.append("lex_qualifier_first")
        if not lex.press.isdisjoint(caps):
            f.append("lex_press")
        if key in lex.known_orgs:
            f.append("lex_known_org")
        if first in lex.given:
            f.append("lex_given_first")
        if not lex.titles.isdisjoint(caps):
            f.append("lex_title")
        if first in lex.stop or first in lex.starters:
            f.append("lex_stop_first")
        if last in lex.place_heads:
            f.append("lex_place_head")
        if last in lex.event_heads:
            f.append("lex_event_head")
        if key in lex.places:
            f.append("lex_place")
        at = bisect_right(index.section_starts, c.start) - 1
        if at >= 0 and c.start < sections[at][1]:
            f.append(f"sec={sections[at][2]}")
        c.features = f
        kept.append(c)
    return kept


# ---------------------------------------------------------------------------------------------
# Scoring and decoding


@dataclass
class Model:
    weights: dict[str, float]
    add: float = 0.5  # accept a candidate the rules missed at this probability or more
    drop: float = 0.0  # drop a rule organisation whose best probability is below this

    def probability(self, features: Iterable[str]) -> float:
        z = sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def analyse(parsed: ParsedBrief) -> tuple[list[Candidate], RuleView]:
    source = parsed.source
    tokens = tokenize(source)
    rules = rule_view(parsed)
    return describe(Index(source, tokens, candidates(source, tokens), rules)), rules


def recognise(parsed: ParsedBrief, model: Model) -> list[ParsedActor]:
    """The organisations of a parsed brief, rules and model together. The same result as
    `combine` over every candidate, but only the candidates that can change it are described:
    those on a rule organisation's mentions, then those no kept rule actor covers."""
    source = parsed.source
    tokens = tokenize(source)
    rules = rule_view(parsed)
    found = candidates(source, tokens)
    on_orgs = {(s, e) for s, e, kind, _key in rules.spans if kind == "organization"}
    index = Index(source, tokens, found, rules)
    first = describe(index, lambda c: (c.start, c.end) in on_orgs)
    score_all(model, first)
    at_span = {(c.start, c.end): c.score for c in first}
    best: dict[str, float] = {}
    for start, end, _kind, key in rules.spans:
        score = at_span.get((start, end))
        if score is not None and score > best.get(key, -1.0):
            best[key] = score
    dropped = {key for key, score in best.items() if score < model.drop}
    covered = [False] * (len(tokens) + 1)
    starts_at = index.starts_at
    for start, end, kind, key in rules.spans:
        if kind != "person" and key not in dropped:
            for i in range(bisect_right(starts_at, start - 1), bisect_left(starts_at, end)):
                covered[i] = True
    taken = {fold(f) for a in parsed.actors if a.key not in dropped for f in (a.name, *a.aliases)}

    def free(c: Candidate) -> bool:
        return not any(covered[c.first : c.last + 1]) and fold(c.text) not in taken

    second = describe(index, free)
    score_all(model, second)
    return combine(parsed, first + second, rules, model.add, model.drop)


def combine(
    parsed: ParsedBrief, found: list[Candidate], rules: RuleView, add: float, drop: float
) -> list[ParsedActor]:
    """The organisations: the rules' kept ones and the model's additions (scores filled in)."""
    by_span = {(c.start, c.end): c.score for c in found}
    kept, dropped = [], set()
    for actor in parsed.actors:
        if rules.kind_of[actor.key] != "organization":
            continue
        scores = [by_span[(s, e)] for s, e, _k, key in rules.spans
                  if key == actor.key and (s, e) in by_span]  # fmt: skip
        if scores and max(scores) < drop:
            dropped.add(actor.key)
        else:
            kept.append(actor)
    blocked = [(s, e) for s, e, kind, key in rules.spans
               if key not in dropped and kind != "person"]  # fmt: skip
    taken: set[str] = {fold(f) for a in parsed.actors if a.key not in dropped
                       for f in (a.name, *a.aliases)}  # fmt: skip
    chosen: list[tuple[int, int]] = []
    added: dict[str, ParsedActor] = {}
    aliases: dict[str, str] = {}  # folded acronym -> folded full name
    for c in sorted(found, key=lambda c: -c.score):
        if c.score < add:
            break
        if any(s < c.end and c.start < e for s, e in blocked):
            continue
        if any(s < c.end and c.start < e for s, e in chosen):
            continue
        key = fold(c.text)
        if key in taken:
            continue
        acronym = c.acronym and fold(c.acronym)
        if acronym and acronym in taken:
            continue  # 'Ministerstwo Spraw Zagranicznych (MSZ)' when the rules have 'MSZ'
        chosen.append((c.start, c.end))
        if key not in added:
            added[key] = ParsedActor(key=f"learned-{key}", name=c.text, kind="organization")
            if acronym:
                aliases[acronym] = key
    # An acronym the model added on its own is its full name's, when it followed it in brackets.
    return kept + [a for k, a in added.items() if aliases.get(k, k) == k]


def score_all(model: Model, found: list[Candidate]) -> None:
    for c in found:
        c.score = model.probability(c.features)


# ---------------------------------------------------------------------------------------------
# Bench: data, training, cross-validation, cost


@dataclass
class Brief:
    set_name: str
    stem: str
    parsed: ParsedBrief
    gold: dict[str, Any]
    found: list[Candidate]
    rules: RuleView
    labels: list[int]


def gold_keys(gold: dict[str, Any]) -> set[str]:
    keys = set()
    for org in gold.get("organisations", []):
        keys.add(fold(org["name"]))
        if org.get("acronym"):
            keys.add(fold(org["acronym"]))
    return keys


def load_sets(names: Sequence[str]) -> dict[str, list[Brief]]:
    from app.parsing import parse_brief
    from bench.actor_eval import ROOT, brief_paths

    sets: dict[str, list[Brief]] = {}
    for name in names:
        briefs = []
        for path in brief_paths(ROOT / "tests" / "parsing" / name):
            gold = json.loads(path.with_name(f"{path.stem}.expected.json").read_text("utf-8"))
            if "organisations" not in gold:
                continue
            parsed = parse_brief(path.read_bytes())
            found, rules = analyse(parsed)
            keys = gold_keys(gold)
            labels = [int(fold(c.text) in keys) for c in found]
            briefs.append(Brief(name, path.stem, parsed, gold, found, rules, labels))
        sets[name] = briefs
    return sets


def train(briefs: Sequence[Brief], c: float = 0.5, prune: float = 0.0) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [dict.fromkeys(cand.features, 1) for b in briefs for cand in b.found]
    labels = [y for b in briefs for y in b.labels]
    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform(rows).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear's
    model = LogisticRegression(
        C=c, max_iter=2000, solver="liblinear", fit_intercept=False, random_state=0
    )
    model.fit(x, labels)
    return {
        name: float(weight)
        for name, weight in zip(vectoriser.feature_names_, model.coef_[0], strict=True)
        if abs(weight) > prune
    }


def tally(briefs: Iterable[Brief], organisations: Any) -> Any:
    """Score with bench.actor_eval's own scorer: organisations(brief) -> list of ParsedActor."""
    from bench.actor_eval import Tally, score_organisations

    total = Tally()
    for b in briefs:
        others = [a for a in b.parsed.actors if a.kind != "organization"]
        parsed = b.parsed.model_copy(update={"actors": others + organisations(b)})
        score_organisations(f"{b.set_name}/{b.stem}", parsed, b.gold["organisations"], total)
    return total


def rules_only(b: Brief) -> list[ParsedActor]:
    return [a for a in b.parsed.actors if a.kind == "organization"]


def f1(t: Any) -> float:
    return 2 * t.right / (t.found + t.wanted) if t.found + t.wanted else 0.0


ADDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
DROPS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def tune(
    briefs: Sequence[Brief], sets: Sequence[str], inner: int, c: float, drops: Sequence[float]
) -> tuple[float, float]:
    """Thresholds chosen on inner out-of-fold scores of the training sets (best F1)."""
    groups = [sets[i::inner] for i in range(inner)]
    for group in groups:
        weights = train([b for b in briefs if b.set_name not in group], c)
        probe = Model(weights)
        for b in briefs:
            if b.set_name in group:
                score_all(probe, b.found)
    best = (-1.0, 0.5, 0.0)
    for add in ADDS:
        for drop in drops:
            t = tally(briefs, lambda b, a=add, d=drop: combine(b.parsed, b.found, b.rules, a, d))
            best = max(best, (f1(t), add, drop))
    return best[1], best[2]


def cost(model: Model, repeat: int) -> tuple[float, float]:
    """Milliseconds per golden brief: the parse, and the model's extra work after it."""
    from app.parsing import parse_brief
    from bench.actor_eval import ROOT, brief_paths

    raws = [p.read_bytes() for p in brief_paths(ROOT / "tests" / "parsing" / "golden")]
    parsed = [parse_brief(r) for r in raws]
    parse_times, extra_times = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for r in raws:
            parse_brief(r)
        t1 = time.perf_counter()
        for p in parsed:
            recognise(p, model)
        t2 = time.perf_counter()
        parse_times.append((t1 - t0) * 1000 / len(raws))
        extra_times.append((t2 - t1) * 1000 / len(raws))
    return statistics.median(parse_times), statistics.median(extra_times)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=[f"eval{i}" for i in range(4, 24)])
    parser.add_argument("--inner", type=int, default=4, help="inner folds for the thresholds")
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    parser.add_argument("--add", type=float, help="fixed add threshold (no inner tuning)")
    parser.add_argument("--drop", type=float, default=0.0, help="with --add: drop threshold")
    parser.add_argument("--prune", type=float, default=0.0, help="drop weights this small")
    parser.add_argument("--no-drop", action="store_true", help="never drop a rule organisation")
    parser.add_argument("--misses", action="store_true", help="list what the model changed")
    parser.add_argument("--cost", type=int, default=0, help="time the golden briefs N times")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    sets = load_sets(args.sets)
    print(f"loaded {sum(map(len, sets.values()))} briefs in {time.perf_counter() - t0:.1f} s")
    lines = [
        "| held-out set | rules P / R | rules+model P / R | right +/- | found +/- "
        "| added (gold) | dropped (gold) | add, drop |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    sum_rules, sum_model, sum_moves = [0, 0, 0], [0, 0, 0], [0, 0, 0, 0]
    changes: list[str] = []
    last_model = Model({})
    for held in args.sets:
        training_sets = [s for s in args.sets if s != held]
        training = [b for s in training_sets for b in sets[s]]
        if args.add is None:
            drops = (0.0,) if args.no_drop else DROPS
            add, drop = tune(training, training_sets, args.inner, args.c, drops)
        else:
            add, drop = args.add, args.drop
        model = Model(train(training, args.c, args.prune), add, drop)
        last_model = model
        test = sets[held]
        for b in test:
            score_all(model, b.found)
        before = tally(test, rules_only)
        after = tally(test, lambda b, m=model: combine(b.parsed, b.found, b.rules, m.add, m.drop))
        moves = [0, 0, 0, 0]  # added, of them gold; dropped, of them gold
        for b in test:
            keys = gold_keys(b.gold)
            final = combine(b.parsed, b.found, b.rules, model.add, model.drop)
            kept = {a.key for a in final}
            for a in final:
                if a.key.startswith("learned-"):
                    moves[0] += 1
                    moves[1] += fold(a.name) in keys
            for a in rules_only(b):
                if a.key not in kept:
                    moves[2] += 1
                    moves[3] += fold(a.name) in keys
        for i, v in enumerate(moves):
            sum_moves[i] += v
        for total, t in ((sum_rules, before), (sum_model, after)):
            total[0] += t.found
            total[1] += t.right
            total[2] += t.wanted
        lines.append(
            f"| {held} | {before.cell()} | {after.cell()} | {after.right - before.right:+d} "
            f"| {after.found - before.found:+d} | {moves[0]} ({moves[1]}) "
            f"| {moves[2]} ({moves[3]}) | {add}, {drop} |"
        )
        print(lines[-1], flush=True)
        changes += [f"{held}: now {m}" for m in after.misses if m not in before.misses]
        changes += [f"{held}: fixed {m}" for m in before.misses if m not in after.misses]

    def cell(t: list[int]) -> str:
        return f"{t[1] / t[0]:.3f} / {t[1] / t[2]:.3f} ({t[1]} of {t[2]}, {t[0]} found)"

    gain = f"{sum_model[1] - sum_rules[1]:+d} | {sum_model[0] - sum_rules[0]:+d}"
    moved = f"{sum_moves[0]} ({sum_moves[1]}) | {sum_moves[2]} ({sum_moves[3]})"
    lines.append(f"| sum | {cell(sum_rules)} | {cell(sum_model)} | {gain} | {moved} | |")
    print("\n".join(lines))
    if args.misses:
        print("\n".join(changes))
    if args.cost:
        parse_ms, extra_ms = cost(last_model, args.cost)
        weights = last_model.weights.values()
        big = sum(abs(w) >= 0.05 for w in weights)
        print(f"golden briefs: parse {parse_ms:.2f} ms, model extra {extra_ms:.2f} ms a brief; "
              f"{len(weights)} non-zero weights, {big} of them |w| >= 0.05")  # fmt: skip


if __name__ == "__main__":
    main()

"""The learned organisation recogniser (app/parsing/names/org_model.py): its weight table,
trained from the annotated sets, and its leave-one-set-out scores.

    python -m bench.learned_orgs --write      # app/parsing/data/org_model.json from eval4-eval46
    python -m bench.learned_orgs [--sets eval4 ... eval33] [--misses] [--cost N]
    python -m bench.learned_orgs --without p2,n2 [--stage-cost N]   # an ablation

Training: every brief of the sets is parsed with the stage replaced by one that records the
candidates and their features over the rules' mentions (`org_model.describe`) and changes
nothing; a candidate is positive when its text, normalised as `bench.actor_eval` does, is a
gold organisation's name or acronym in that brief. An L2 logistic regression (liblinear,
C = 0.5, no intercept, a `bias` feature, seed 0) is fitted; weights with |w| <= 0.05 are
dropped and the rest rounded to 3 decimals. The thresholds are fixed (`ADD`, `DROP`: the pair
the experiment's inner tuning chose most often). `--write` writes the table;
tests/parsing/names/test_org_model.py retrains with `model_file` and compares.

Cross-validation (the default): each set is parsed by the real parser with a model trained on
the other sets (`OrgModel.apply` as the stage) and scored by bench.actor_eval's organisation
scorer against the same briefs parsed by the rules alone. Needs scikit-learn (`bench` extra).

`--without FAMILY,...` leaves feature families out (a family is a feature's name before its
`=`: `p2`, `n2`, `p1|len`, `n1|len`, ...) of training, so the tables scored have no weight for
them and the stage adds nothing for them (it still reads the words: the saving in time needs
the scorer changed). `--stage-cost N`: the stage alone on the golden briefs, best of N, with a
table trained on all the sets given (families left out as asked).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.parsing.document.sections import Section
from app.parsing.models import ParsedActor, ParsedBrief
from app.parsing.names.emitting import Mention
from app.parsing.names.org_model import Candidate, OrgModel, _Brief, describe, fold
from app.parsing.names.tokens import Token

DATA = Path(__file__).resolve().parent.parent / "app" / "parsing" / "data"
MODEL_FILE = DATA / "org_model.json"
SETS = tuple(f"eval{i}" for i in range(4, 47))
C = 0.5
PRUNE = 0.05
DIGITS = 3
ADD, DROP = 0.3, 0.5
DOC = (
    "Weights of the learned organisation recogniser (app/parsing/names/org_model.py): "
    "feature -> logistic-regression weight, |w| > 0.05, rounded; add and drop are its "
    "thresholds. Written by `python -m bench.learned_orgs --write` from the annotated sets "
    "eval4-eval46 and checked by tests/parsing/names/test_org_model.py: do not edit by hand. "
    "The word features (w0=, wl=, w=) memorise names seen in those sets."
)


class Recorder:
    """An organisation stage that changes nothing and keeps every candidate, described."""

    def __init__(self) -> None:
        self.found: list[Candidate] = []

    def __call__(
        self,
        source: str,
        mentions: list[Mention],
        tokens: Sequence[Token],
        sections: Sequence[Section],
    ) -> list[Mention]:
        self.found = describe(_Brief(source, tokens, mentions, sections)) if tokens else []
        return mentions


# ---------------------------------------------------------------------------------------------
# Bench: data, training, cross-validation, cost


@dataclass
class Brief:
    set_name: str
    stem: str
    source: str
    parsed: ParsedBrief  # by the rules alone
    gold: dict[str, Any]
    found: list[Candidate]
    labels: list[int]


def gold_keys(gold: dict[str, Any]) -> set[str]:
    keys = set()
    for org in gold.get("organisations", []):
        keys.add(fold(org["name"]))
        if org.get("acronym"):
            keys.add(fold(org["acronym"]))
    return keys


def load_sets(names: Sequence[str]) -> dict[str, list[Brief]]:
    from app.parsing import normalise_source
    from app.parsing.brief import parse_source
    from bench.actor_eval import ROOT, brief_paths

    sets: dict[str, list[Brief]] = {}
    for name in names:
        briefs = []
        for path in brief_paths(ROOT / "tests" / "parsing" / name):
            gold = json.loads(path.with_name(f"{path.stem}.expected.json").read_text("utf-8"))
            if "organisations" not in gold:
                continue
            source = normalise_source(path.read_bytes())
            recorder = Recorder()
            parsed = parse_source(source, organisations=recorder)
            keys = gold_keys(gold)
            labels = [int(fold(c.text) in keys) for c in recorder.found]
            briefs.append(Brief(name, path.stem, source, parsed, gold, recorder.found, labels))
        sets[name] = briefs
    return sets


def family(feature: str) -> str:
    """'p1|len=of|2' -> 'p1|len'; a feature without '=' ('bias', 'acr_after') is its own."""
    return feature.partition("=")[0]


def train(
    briefs: Sequence[Brief],
    c: float = 0.5,
    prune: float = 0.0,
    without: frozenset[str] = frozenset(),
) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [
        dict.fromkeys((f for f in cand.features if family(f) not in without), 1)
        for b in briefs
        for cand in b.found
    ]
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


def tally(briefs: Iterable[Brief], parsed_of: Any) -> Any:
    """Score with bench.actor_eval's own scorer: parsed_of(brief) -> ParsedBrief."""
    from bench.actor_eval import Tally, score_organisations

    total = Tally()
    for b in briefs:
        parsed = parsed_of(b)
        score_organisations(f"{b.set_name}/{b.stem}", parsed, b.gold["organisations"], total)
    return total


def organisations(parsed: ParsedBrief) -> list[ParsedActor]:
    return [a for a in parsed.actors if a.kind == "organization"]


def model_file(sets: dict[str, list[Brief]]) -> str:
    """The weight table's file text, trained on every brief of `sets`."""
    weights = train([b for briefs in sets.values() for b in briefs], C, PRUNE)
    table = {
        "_doc": DOC,
        "add": ADD,
        "drop": DROP,
        "weights": {name: round(w, DIGITS) for name, w in sorted(weights.items())},
    }
    return json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def cost(repeat: int) -> tuple[float, float]:
    """Milliseconds per golden brief: the parse by the rules alone, and with the model."""
    from app.parsing import normalise_source
    from app.parsing.brief import parse_source
    from app.parsing.names.org_model import org_model
    from bench.actor_eval import ROOT, brief_paths

    stage = org_model().apply
    sources = [
        normalise_source(p.read_bytes()) for p in brief_paths(ROOT / "tests" / "parsing" / "golden")
    ]
    rules, both = [], []
    for _ in range(repeat):
        t0 = time.process_time()
        for source in sources:
            parse_source(source)
        t1 = time.process_time()
        for source in sources:
            parse_source(source, organisations=stage)
        t2 = time.process_time()
        rules.append((t1 - t0) * 1000 / len(sources))
        both.append((t2 - t1) * 1000 / len(sources))
    return statistics.median(rules), statistics.median(both)


def stage_cost(model: OrgModel, repeat: int) -> tuple[float, int]:
    """Microseconds per golden brief in the stage alone (best of `repeat`), and the
    mentions it returned in all: its inputs are recorded from one parse of each brief."""
    from app.parsing import normalise_source
    from app.parsing.brief import parse_source
    from bench.actor_eval import ROOT, brief_paths

    inputs: list[tuple[Any, ...]] = []

    def keep(*args: Any) -> list[Mention]:
        inputs.append(args)
        return list(args[1])

    for path in brief_paths(ROOT / "tests" / "parsing" / "golden"):
        parse_source(normalise_source(path.read_bytes()), organisations=keep)
    returned = sum(len(model.apply(*args)) for args in inputs)  # warm the table's caches
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for args in inputs:
            model.apply(*args)
        best = min(best, time.perf_counter() - t0)
    return best * 1e6 / len(inputs), returned


def in_sample(sets: dict[str, list[Brief]]) -> None:
    """Each set parsed with the committed model (trained on these sets) against the rules."""
    from app.parsing.brief import parse_source
    from app.parsing.names.org_model import org_model

    stage = org_model().apply
    sums = [[0, 0, 0], [0, 0, 0]]
    for name, briefs in sets.items():
        with_model = {id(b): parse_source(b.source, organisations=stage) for b in briefs}
        before = tally(briefs, lambda b: b.parsed)
        after = tally(briefs, lambda b, parsed=with_model: parsed[id(b)])
        for total, t in zip(sums, (before, after), strict=True):
            total[0] += t.found
            total[1] += t.right
            total[2] += t.wanted
        print(f"| {name} | {before.cell()} | {after.cell()} |", flush=True)
    for label, t in zip(("rules", "rules+model"), sums, strict=True):
        print(f"{label}: {t[1] / t[0]:.3f} / {t[1] / t[2]:.3f} ({t[1]} of {t[2]}, {t[0]} found)")


def main(argv: Sequence[str] | None = None) -> None:
    from app.parsing.brief import parse_source

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.name}")
    parser.add_argument("--add", type=float, default=ADD)
    parser.add_argument("--drop", type=float, default=DROP)
    parser.add_argument("--misses", action="store_true", help="list what the model changed")
    parser.add_argument("--cost", type=int, default=0, help="time the golden briefs N times")
    parser.add_argument(
        "--in-sample", action="store_true", help=f"score the committed {MODEL_FILE.name}"
    )
    parser.add_argument(
        "--without", default="", help="feature families to leave out, e.g. p2,n2,p1|len,n1|len"
    )
    parser.add_argument("--stage-cost", type=int, default=0, help="time the stage alone, best of N")
    args = parser.parse_args(argv)
    without = frozenset(f for f in args.without.split(",") if f)

    t0 = time.perf_counter()
    sets = load_sets(args.sets)
    print(f"loaded {sum(map(len, sets.values()))} briefs in {time.perf_counter() - t0:.1f} s")
    if args.write:
        MODEL_FILE.write_text(model_file(sets), encoding="utf-8")
        print(f"wrote {MODEL_FILE}")
        return
    if args.in_sample:
        in_sample(sets)
        return
    if args.stage_cost:
        every = [b for briefs in sets.values() for b in briefs]
        weights = train(every, C, PRUNE, without)
        model = OrgModel(weights, args.add, args.drop)
        micros, returned = stage_cost(model, args.stage_cost)
        print(
            f"without {sorted(without)}: {len(weights)} weights; stage on golden briefs "
            f"{micros:.0f} us a brief (best of {args.stage_cost}), {returned} mentions returned"
        )
        return
    lines = [
        "| held-out set | rules P / R | rules+model P / R | right +/- | found +/- "
        "| added (gold) | dropped (gold) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    sum_rules, sum_model, sum_moves = [0, 0, 0], [0, 0, 0], [0, 0, 0, 0]
    late_rules, late_model = [0, 0, 0], [0, 0, 0]  # eval19-eval23
    changes: list[str] = []
    for held in args.sets:
        training = [b for s in args.sets if s != held for b in sets[s]]
        model = OrgModel(train(training, C, PRUNE, without), args.add, args.drop)
        test = sets[held]
        after_parse = {id(b): parse_source(b.source, organisations=model.apply) for b in test}
        before = tally(test, lambda b: b.parsed)
        after = tally(test, lambda b, parsed=after_parse: parsed[id(b)])
        moves = [0, 0, 0, 0]  # added, of them gold; dropped, of them gold
        for b in test:
            keys = gold_keys(b.gold)
            old = {fold(a.name) for a in organisations(b.parsed)}
            new = {fold(a.name) for a in organisations(after_parse[id(b)])}
            moves[0] += len(new - old)
            moves[1] += len((new - old) & keys)
            moves[2] += len(old - new)
            moves[3] += len((old - new) & keys)
        for i, v in enumerate(moves):
            sum_moves[i] += v
        late = held in {f"eval{i}" for i in range(19, 24)}
        for total, t in ((sum_rules, before), (sum_model, after)) + (
            ((late_rules, before), (late_model, after)) if late else ()
        ):
            total[0] += t.found
            total[1] += t.right
            total[2] += t.wanted
        lines.append(
            f"| {held} | {before.cell()} | {after.cell()} | {after.right - before.right:+d} "
            f"| {after.found - before.found:+d} | {moves[0]} ({moves[1]}) "
            f"| {moves[2]} ({moves[3]}) |"
        )
        print(lines[-1], flush=True)
        changes += [f"{held}: now {m}" for m in after.misses if m not in before.misses]
        changes += [f"{held}: fixed {m}" for m in before.misses if m not in after.misses]

    def cell(t: list[int]) -> str:
        return f"{t[1] / t[0]:.3f} / {t[1] / t[2]:.3f} ({t[1]} of {t[2]}, {t[0]} found)"

    gain = f"{sum_model[1] - sum_rules[1]:+d} | {sum_model[0] - sum_rules[0]:+d}"
    moved = f"{sum_moves[0]} ({sum_moves[1]}) | {sum_moves[2]} ({sum_moves[3]})"
    lines.append(f"| sum | {cell(sum_rules)} | {cell(sum_model)} | {gain} | {moved} |")
    if late_rules[0]:
        late_gain = f"{late_model[1] - late_rules[1]:+d} | {late_model[0] - late_rules[0]:+d}"
        lines.append(f"| eval19-eval23 | {cell(late_rules)} | {cell(late_model)} | {late_gain} |")
    if without:
        lines.append(f"(without {', '.join(sorted(without))})")
    print("\n".join(lines))
    if args.misses:
        print("\n".join(changes))
    if args.cost:
        rules_ms, both_ms = cost(args.cost)
        print(f"golden briefs: rules alone {rules_ms:.2f} ms, with the model {both_ms:.2f} ms")


if __name__ == "__main__":
    main()

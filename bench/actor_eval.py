"""Actor recognition scored on the held-out sets (tests/parsing/eval*/): persons and
organisations (precision, recall), acronyms and name variants merged into one actor.

    python -m bench.actor_eval [SET_DIR ...] [--misses] [--learned]

Each brief's `NAME.expected.json` is written by hand from the brief alone. Persons are scored
on every set; organisations, acronym pairs and variants only where the gold has them
(`organisations`, `person_variants`, and the set's `VARIANTS.json`). An organisation found
under its acronym counts as its full name; the same organisation found twice counts as a
false positive. Variants across briefs are checked after ingesting the set into a scratch
SQLite database, as `chancery ingest` would. Prints a markdown table for docs/parsing.md.
`--learned` parses with the learned organisation stage (`org_model`, off by default).
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app import migrate
from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from app.parsing import normalise_source, parse_brief
from app.parsing.brief import parse_source
from app.parsing.models import ParsedActor, ParsedBrief
from app.parsing.names.org_model import fold as normalise
from app.parsing.names.org_model import org_model
from app.vocabulary import fold

ROOT = Path(__file__).resolve().parent.parent
SETS = sorted(p for p in (ROOT / "tests" / "parsing").glob("eval*") if p.is_dir())


@dataclass
class Tally:
    found: int = 0
    right: int = 0
    wanted: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, found: int, right: int, wanted: int) -> None:
        self.found, self.right, self.wanted = (
            self.found + found, self.right + right, self.wanted + wanted)  # fmt: skip

    def cell(self) -> str:
        if not self.wanted and not self.found:
            return "-"
        precision = self.right / self.found if self.found else 1.0
        recall = self.right / self.wanted if self.wanted else 1.0
        return f"{precision:.2f} / {recall:.2f}"


@dataclass
class Score:
    briefs: int = 0
    persons: Tally = field(default_factory=Tally)
    organisations: Tally = field(default_factory=Tally)
    merged: dict[str, list[int]] = field(default_factory=dict)  # kind -> [merged, pairs]
    apart: list[str] = field(default_factory=list)

    def count(self, kind: str, ok: bool, miss: str) -> None:
        tally = self.merged.setdefault(kind, [0, 0])
        tally[0] += ok
        tally[1] += 1
        if not ok:
            self.apart.append(miss)


def _forms(actor: ParsedActor) -> set[str]:
    return {normalise(actor.name), *map(normalise, actor.aliases)}


def _of_kind(parsed: ParsedBrief, kind: str) -> list[ParsedActor]:
    return [a for a in parsed.actors if a.kind == kind]


def score_persons(
    name: str,
    parsed: ParsedBrief,
    gold: dict[str, Any],
    tally: Tally,
    *,
    any_spelling: bool = False,
) -> None:
    """Persons by their canonical names; `any_spelling`: a gold name matched by any form an
    actor was written in (its name or an alias), each actor matching one gold name at most,
    a diagnostic of how many misses are the choice of canonical form, not recognition."""
    if any_spelling:
        _score_persons_by_any_spelling(name, parsed, gold, tally)
        return
    got = {normalise(a.name) for a in _of_kind(parsed, "person")}
    want = {normalise(n) for n in gold["persons"]}
    tally.add(len(got), len(got & want), len(want))
    tally.misses += [f"{name}: missed person {n!r}" for n in sorted(want - got)]
    tally.misses += [f"{name}: spurious person {n!r}" for n in sorted(got - want)]


def _score_persons_by_any_spelling(
    name: str, parsed: ParsedBrief, gold: dict[str, Any], tally: Tally
) -> None:
    want = sorted({normalise(n) for n in gold["persons"]})
    actors = _of_kind(parsed, "person")
    forms = [_forms(actor) for actor in actors]
    used: set[int] = set()
    for wanted in want:  # the actor whose canonical name it is first, then any alias
        at = next((i for i, a in enumerate(actors) if normalise(a.name) == wanted), None)
        if at is None or at in used:
            at = next((i for i, f in enumerate(forms) if wanted in f and i not in used), None)
        if at is None:
            tally.misses.append(f"{name}: missed person {wanted!r}")
        else:
            used.add(at)
    tally.add(len(actors), len(used), len(want))
    tally.misses += [
        f"{name}: spurious person {normalise(a.name)!r}"
        for i, a in enumerate(actors)
        if i not in used
    ]


def score_organisations(
    name: str, parsed: ParsedBrief, gold: list[dict[str, Any]], tally: Tally
) -> None:
    keys = {}
    for i, org in enumerate(gold):
        keys[normalise(org["name"])] = i
        if org.get("acronym"):
            keys[normalise(org["acronym"])] = i
    matched: set[int] = set()
    right = 0
    found = _of_kind(parsed, "organization")
    for actor in found:
        index = keys.get(normalise(actor.name))
        if index is None or index in matched:
            what = "duplicate" if index is not None else "spurious"
            tally.misses.append(f"{name}: {what} organisation {actor.name!r}")
            continue
        matched.add(index)
        right += 1
    tally.add(len(found), right, len(gold))
    tally.misses += [
        f"{name}: missed organisation {org['name']!r}"
        for i, org in enumerate(gold)
        if i not in matched
    ]


def _one_actor_has(parsed: ParsedBrief, names: Iterable[str]) -> bool:
    wanted = {normalise(n) for n in names}
    return any(wanted <= _forms(actor) for actor in parsed.actors)


def score_merges(
    name: str, parsed: ParsedBrief, source: str, gold: dict[str, Any], score: Score
) -> None:
    for org in gold.get("organisations", []):
        acronym = org.get("acronym")
        if acronym and acronym != org["name"] and acronym in source and org["name"] in source:
            ok = _one_actor_has(parsed, (org["name"], acronym))
            score.count("acronym pairs", ok, f"{name}: {org['name']!r} and {acronym!r} apart")
    for pair in gold.get("person_variants", []):
        ok = _one_actor_has(parsed, pair)
        score.count("variants in a brief", ok, f"{name}: {pair} apart")


def _actor_ids(connection: Any, spelling: str) -> set[int]:
    key = fold(spelling)
    rows = connection.execute(
        text(
            "SELECT id FROM actors WHERE normalized_name = :k UNION "
            "SELECT actor_id FROM actor_aliases WHERE normalized = :k"
        ),
        {"k": key},
    )
    return {row[0] for row in rows}


def brief_paths(set_dir: Path) -> list[Path]:
    suffixes = {".txt", ".md"}
    return sorted(p for p in set_dir.iterdir() if p.suffix in suffixes and p.name != "README.md")


def score_across(set_dir: Path, score: Score) -> None:
    variants_file = set_dir / "VARIANTS.json"
    if not variants_file.exists():
        return
    variants = json.loads(variants_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{scratch}/eval.db"
        migrate.upgrade(url)
        paths = [str(p) for p in brief_paths(set_dir)]
        ingest_sources(discover(paths), database_url=url, workers=0)
        engine = get_engine(url)
        with engine.connect() as connection:
            # A group may list more than two spellings: each is checked against the first.
            same = [(group[0], other) for group in variants.get("same_person", [])
                    for other in group[1:]]  # fmt: skip
            for a, b in same:
                ids_a, ids_b = _actor_ids(connection, a), _actor_ids(connection, b)
                ok = len(ids_a) == 1 and ids_a == ids_b
                score.count("same person across briefs", ok, f"{a!r} / {b!r}: {ids_a} {ids_b}")
            # A group of more than two different people: every pair is kept apart.
            apart = [pair for group in variants.get("distinct", [])
                     for pair in itertools.combinations(group, 2)]  # fmt: skip
            for a, b in apart:
                ids_a, ids_b = _actor_ids(connection, a), _actor_ids(connection, b)
                ok = not ids_a & ids_b
                score.count("different people kept apart", ok, f"{a!r} / {b!r} merged")
        engine.dispose()


def score_set(set_dir: Path, *, learned: bool = False, any_spelling: bool = False) -> Score:
    """One set's scores; `learned`: with the learned organisation stage switched on (off in
    the parser by default; the cross-brief merges are the ingest's, without it);
    `any_spelling`: persons matched by any of an actor's written forms (`score_persons`)."""
    stage = org_model().apply if learned else None
    score = Score()
    for path in brief_paths(set_dir):
        gold = json.loads(path.with_name(f"{path.stem}.expected.json").read_text("utf-8"))
        raw = path.read_bytes()
        parsed = (
            parse_source(normalise_source(raw), organisations=stage) if stage else parse_brief(raw)
        )
        score.briefs += 1
        score_persons(path.stem, parsed, gold, score.persons, any_spelling=any_spelling)
        if "organisations" in gold:
            score_organisations(path.stem, parsed, gold["organisations"], score.organisations)
        score_merges(path.stem, parsed, parsed.source, gold, score)
    score_across(set_dir, score)
    return score


def table(scores: Sequence[tuple[str, Score]]) -> str:
    kinds = sorted({kind for _, s in scores for kind in s.merged})
    head = ["set", "briefs", "persons P / R", "organisations P / R", *kinds]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for name, s in scores:
        merged = [f"{s.merged[k][0]} of {s.merged[k][1]}" if k in s.merged else "-" for k in kinds]
        row = [name, str(s.briefs), s.persons.cell(), s.organisations.cell(), *merged]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="default: every tests/parsing/eval*")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument(
        "--learned", action="store_true", help="with the learned organisation stage (org_model)"
    )
    parser.add_argument(
        "--any-spelling",
        action="store_true",
        help="persons matched by any form an actor was written in, not only its name "
        "(a diagnostic of the canonical form's share of the misses)",
    )
    args = parser.parse_args(argv)
    scores = [
        (d.name, score_set(d, learned=args.learned, any_spelling=args.any_spelling))
        for d in (args.sets or SETS)
    ]
    print(table(scores))
    if args.misses:
        for name, s in scores:
            for miss in s.persons.misses + s.organisations.misses + s.apart:
                print(f"{name}: {miss}")


if __name__ == "__main__":
    main()

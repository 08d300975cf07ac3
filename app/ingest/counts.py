"""The writer's side of the dashboard's counts (`app.storage.counts`): a brief's old
contribution out, its new one in, as one difference per counted row.

A new brief's contribution is counted here from the rows the writer is about to store, as
the SQL in `app.storage.counts` counts stored rows (what `chancery db verify` compares);
an old one, only when a brief is replaced or deleted, is read with that SQL from its rows
before they go.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import lru_cache

from app.ingest.driver import DriverCursor
from app.ingest.rows import PreparedBrief
from app.storage import counts
from app.vocabulary import ClaimStatus, StatementKind

COLUMN = {name: i for i, name in enumerate(counts.COUNT_COLUMNS)}
BRIEFS = COLUMN["briefs"]
CLAIM_COLUMN = {status.value: COLUMN[f"claims_{status.value}"] for status in ClaimStatus}
STATEMENT_COLUMN = {kind.value: COLUMN[f"statements_{kind.value}"] for kind in StatementKind}
# Where the counts per pair of actors (and day) count events (after claims and statements).
EVENTS = counts.PAIR_DAILY.counts.index("events")
Key = tuple[object, ...]
Tally = dict[Key, list[int]]
# The contribution of a brief not stored before.
NOTHING_COUNTED = counts.NOTHING


@lru_cache(maxsize=4096)
def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _places(brief: PreparedBrief, actors: Mapping[str, int]) -> tuple[counts.CountRows, ...]:
    """The brief's events per place, per participant and place, per month and place, and
    per participant, month and place (`place_counts`, `actor_place_counts`,
    `place_monthly_counts`, `actor_place_monthly_counts`)."""
    found: tuple[Counter[tuple[object, ...]], ...] = tuple(Counter() for _ in range(4))
    held, taking_part, held_monthly, taking_part_monthly = found
    for event, keys in zip(brief.events, brief.participants, strict=True):
        if event.location is None:
            continue
        month, place = _day(event.occurred_on)[:7], (event.location, event.country or "")
        held[place] += 1
        held_monthly[(month, *place)] += 1
        for actor in _linking(actors[key] for key in keys if key in actors):
            taking_part[(actor, *place)] += 1
            taking_part_monthly[(actor, month, *place)] += 1
    return tuple({k: (n,) for k, n in counted.items()} for counted in found)


def _tallied(
    rows: Counter[tuple[str, int, tuple[int, ...]]],
    events: Counter[tuple[str, tuple[int, ...]]],
    places: tuple[counts.CountRows, ...],
) -> counts.Contribution:
    """The contribution of counted rows, each (day, column, actors it links) with how many
    rows share it (rows of one brief mostly share a day, and often their actors), of its
    events, each (day, participants), and of the brief's events per place."""
    width = len(counts.COUNT_COLUMNS)
    daily: Tally = {}
    actor_daily: Tally = {}
    actor_totals: Tally = {}
    pairs: Tally = {}
    pairs_daily: Tally = {}
    for (day, column, actors), n in rows.items():
        daily.setdefault((day,), [0] * width)[column] += n
        for actor in actors:
            actor_daily.setdefault((actor, day), [0] * width)[column] += n
            actor_totals.setdefault((actor,), [0] * width)[column] += n
            if column != BRIEFS:  # pairs count claims, statements and events, not briefs
                for other in actors:
                    pairs.setdefault((actor, other), [0] * width)[column - 1] += n
                    pairs_daily.setdefault((actor, day, other), [0] * width)[column - 1] += n
    for (day, participants), n in events.items():
        for actor in participants:
            for other in participants:
                pairs.setdefault((actor, other), [0] * width)[EVENTS] += n
                pairs_daily.setdefault((actor, day, other), [0] * width)[EVENTS] += n
    tallies = (daily, actor_daily, actor_totals, pairs)
    kept = tuple({key: tuple(row) for key, row in tally.items()} for tally in tallies)
    return (*kept, *places, {key: tuple(row) for key, row in pairs_daily.items()})


def _summed(rows: counts.CountRows, key: Callable[[tuple[object, ...]], Key]) -> counts.CountRows:
    """`rows` summed by `key` of their keys (rows by day into rows by month)."""
    summed: Tally = {}
    for old, row in rows.items():
        total = summed.setdefault(key(old), [0] * len(row))
        for column, n in enumerate(row):
            total[column] += n
    return {new: tuple(row) for new, row in summed.items()}


def _month_of(day: object) -> str:
    return str(day)[:7]


def _year_of(day: object) -> str:
    return str(day)[:4]


def _linking(actors: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(set(actors)))


def contribution(brief: PreparedBrief, actors: Mapping[str, int]) -> counts.Contribution:
    """What the brief's rows add to the counts, from its prepared rows and its actors'
    resolved ids (by key), before they are stored: as the writer links them."""
    rows: Counter[tuple[str, int, tuple[int, ...]]] = Counter()
    mentioned = _linking(actors[key] for key in brief.mentioned)
    rows[_day(brief.brief.occurred_on), BRIEFS, mentioned] += 1
    for claim, keys in zip(brief.claims, brief.claim_actors, strict=True):
        on_claim = _linking(actors[key] for key in keys if key in actors)
        rows[_day(claim.occurred_on), CLAIM_COLUMN[claim.status], on_claim] += 1
    for statement, speaker, keys in zip(
        brief.statements, brief.speakers, brief.statement_actors, strict=True
    ):
        linked = [actors[key] for key in keys if key in actors]
        if speaker is not None and speaker in actors:
            linked.append(actors[speaker])
        column = STATEMENT_COLUMN[statement.kind]
        rows[_day(statement.occurred_on), column, _linking(linked)] += 1
    events: Counter[tuple[str, tuple[int, ...]]] = Counter()
    for event, keys in zip(brief.events, brief.participants, strict=True):
        events[_day(event.occurred_on), _linking(actors[key] for key in keys if key in actors)] += 1
    places = _places(brief, actors)
    tallied = _tallied(rows, events, places[:2])
    actor_daily = tallied[counts.TABLES.index(counts.ACTOR_DAILY)]
    pairs_daily = tallied[counts.TABLES.index(counts.PAIR_DAILY)]
    return (
        *tallied,
        _summed(actor_daily, lambda key: (_month_of(key[1]), key[0])),
        places[2],
        _summed(pairs_daily, lambda key: (key[0], _month_of(key[1]), key[2])),
        places[3],
        _summed(actor_daily, lambda key: (_year_of(key[1]), key[0])),
    )


def counted(db: DriverCursor, brief_id: int) -> counts.Contribution:
    """What the brief's stored rows add to the counts, read with `app.storage.counts`'s SQL."""
    queries = counts.contribution_queries(db.dialect_name)
    return tuple(
        counts.by_key(table, db.rows(query, (brief_id,) * query.count("?")))
        for table, query in zip(counts.TABLES, queries, strict=True)
    )


def change_counts(db: DriverCursor, old: counts.Contribution, new: counts.Contribution) -> None:
    """A brief's old contribution out and its new one in, as one difference per row, in
    key order (see `counts.changes`): call it last in the brief's transaction."""
    upserts = counts.upserts(db.dialect_name)
    for upsert, rows in zip(upserts, counts.changes(old, new), strict=True):
        if rows and upsert.columnar:
            db.run(upsert.sql, upsert.parameters(rows))
        else:
            db.run_many(upsert.sql, rows)

"""The kept counts equal a recount of the rows after every kind of write, on both databases:
ingest, a revision, a delete, and two writers at once."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.db import get_engine
from app.ingest import service
from app.ingest.actors import ActorResolver
from app.ingest.job import ingest_sources
from app.ingest.service import delete_brief, store_with_retry
from app.ingest.sources import discover
from app.ingest.writer import Outcome
from app.parsing import parse_brief
from bench.generator import generate_brief, generate_briefs
from tests.conftest import SEEDS
from tests.counts import assert_counts_exact

GENERATED_SEED = 7


def _store(database_url: str, name: str, source: str) -> Outcome:
    return store_with_retry(get_engine(database_url), name, parse_brief(source)).outcome


def ingest_some(database_url: str, n: int = 12) -> None:
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    for name, source in generate_briefs(n, GENERATED_SEED):
        _store(database_url, name, source)


def _daily_briefs(database_url: str) -> dict[str, int]:
    with get_engine(database_url).connect() as connection:
        rows = connection.execute(text("SELECT day, briefs FROM daily_counts WHERE briefs > 0"))
        return {str(row.day): int(row.briefs) for row in rows}


def test_counts_equal_a_recount_after_ingest(database_url: str) -> None:
    ingest_some(database_url)

    assert_counts_exact(database_url)
    with get_engine(database_url).connect() as connection:
        briefs = connection.execute(text("SELECT count(*) FROM briefs")).scalar_one()
    assert sum(_daily_briefs(database_url).values()) == briefs


def test_counts_follow_a_revision(database_url: str) -> None:
    """A brief stored again with other content (another date, other actors) moves its
    counts: its old day loses it, its new day gains it."""
    ingest_some(database_url)
    name, _ = generate_brief(0, GENERATED_SEED)
    other_name, other = generate_brief(100, GENERATED_SEED)
    old_day, new_day = name[:10], other_name[:10]
    assert old_day != new_day
    before = _daily_briefs(database_url)

    outcome = _store(database_url, name, other)

    assert outcome == Outcome.updated
    assert_counts_exact(database_url)
    after = _daily_briefs(database_url)
    assert after.get(old_day, 0) == before[old_day] - 1
    assert after[new_day] == before.get(new_day, 0) + 1


def test_counts_follow_a_delete(database_url: str) -> None:
    ingest_some(database_url)
    with get_engine(database_url).connect() as connection:
        ids = connection.execute(text("SELECT id FROM briefs ORDER BY id")).scalars().all()

    delete_brief(ids[0], database_url)
    assert_counts_exact(database_url)

    for brief_id in ids[1:]:
        delete_brief(brief_id, database_url)
    assert_counts_exact(database_url, empty=True)


def _writer(
    database_url: str, briefs: Sequence[tuple[str, str]], failures: list[BaseException]
) -> None:
    resolver = ActorResolver()
    try:
        for name, source in briefs:
            store_with_retry(get_engine(database_url), name, parse_brief(source), resolver)
    except BaseException as error:
        failures.append(error)


def test_two_writers_at_once_keep_the_counts_exact(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two writers storing and revising briefs that name the same actors, at the same time
    (on PostgreSQL truly concurrent; on SQLite one waits for the other's lock), never
    deadlock on the counts (a deadlock would be retried, so each attempt's error is kept)."""
    errors: list[str] = []
    store = service._store

    def attempt(*args: Any) -> Any:
        try:
            return store(*args)
        except OperationalError as error:
            errors.append(str(error))
            raise

    monkeypatch.setattr(service, "_store", attempt)
    generated = list(generate_briefs(40, GENERATED_SEED))
    # The second writer revises the first writer's briefs (same names, other content) while
    # the first is still storing: both take the same actors' counts in and out.
    first = generated[:20]
    second = [(name, generated[20 + i][1]) for i, (name, _) in enumerate(generated[:20])]
    failures: list[BaseException] = []
    threads = [
        threading.Thread(target=_writer, args=(database_url, briefs, failures))
        for briefs in (first, second)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert not [error for error in errors if "deadlock" in error.lower()]
    assert_counts_exact(database_url)

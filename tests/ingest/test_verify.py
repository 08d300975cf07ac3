"""`chancery db verify`'s orphan check: every foreign key the tables declare, both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.service import store_with_retry
from app.ingest.sources import discover
from app.ingest.verify import Link, links, recount, verify
from app.parsing import parse_brief
from tests.briefs_revised import AFTER, BEFORE
from tests.conftest import SEEDS

MISSING = 999_999


def test_links_are_every_foreign_key() -> None:
    declared = {
        (table.name, fk.parent.name, fk.column.table.name)
        for table in SQLModel.metadata.tables.values()
        for fk in table.foreign_keys
    }
    assert {(link.child, link.column, link.parent) for link in links()} == declared
    assert ("statements", "speaker_id", "actors") in declared  # the link once left out


def _orphan(database_url: str, link: Link) -> int:
    """Point the rows holding the smallest value of `link.column` at a missing parent, with
    the database's own checks off (a plain engine: the app's turns them on for SQLite)."""
    engine = create_engine(database_url)
    child, column = link.child, link.column
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":  # foreign keys are triggers, off for replicas
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        smallest = f"(SELECT min({column}) FROM {child})"
        query = text(f"UPDATE {child} SET {column} = :missing WHERE {column} = {smallest}")
        changed = connection.execute(query, {"missing": MISSING}).rowcount
    engine.dispose()
    assert changed, f"no {child} row to make an orphan of"
    return int(changed)


def test_an_orphan_is_found_on_every_foreign_key(database_url: str) -> None:
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    for source in (BEFORE, AFTER):  # a superseded revision: rows in revision_items
        store_with_retry(get_engine(database_url), "revised.md", parse_brief(source))
    assert verify(database_url).problems == []

    expected = []
    for link in links():
        n = _orphan(database_url, link)
        expected.append(f"{n} row(s) of {link.child} point at a missing {link.parent} row")

    problems = verify(database_url).problems
    assert [p for p in problems if "point at a missing" in p] == expected


def test_two_actors_under_one_folded_name_are_reported(database_url: str) -> None:
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    engine = create_engine(database_url)
    with engine.begin() as connection:
        name, kind = connection.execute(
            text("SELECT normalized_name, kind FROM actors WHERE kind = 'person' ORDER BY id")
        ).first()
        connection.execute(
            text(
                "INSERT INTO actors (slug, name, normalized_name, kind, created_at) "
                "VALUES ('a-second-one', :name, :name, :kind, CURRENT_TIMESTAMP)"
            ),
            {"name": name, "kind": kind},
        )
    engine.dispose()
    assert verify(database_url).problems == [f"2 person actors share the folded name {name!r}"]


@pytest.mark.parametrize(
    "change",
    [
        "status = CASE WHEN status = 'disputed' THEN 'verified' ELSE 'disputed' END",
        "occurred_on = NULL",
        "occurred_on = '1900-01-01'",
    ],
    ids=["status", "no date", "another date"],
)
def test_a_link_holding_another_status_or_date_than_its_claim_is_reported(
    database_url: str, change: str
) -> None:
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    assert verify(database_url).ok
    engine = create_engine(database_url)
    with engine.begin() as connection:
        claim = connection.execute(
            text(
                "SELECT claim_id FROM claim_actors WHERE occurred_on IS NOT NULL "
                "ORDER BY claim_id LIMIT 1"
            )
        ).scalar_one()
        changed = text(f"UPDATE claim_actors SET {change} WHERE claim_id = :c")
        connection.execute(changed, {"c": claim})
        linked = connection.execute(
            text("SELECT count(*) FROM claim_actors WHERE claim_id = :c"), {"c": claim}
        ).scalar_one()
    engine.dispose()
    assert verify(database_url).problems == [
        f"{linked} row(s) of claim_actors hold another status or date than their claim's"
    ]


def test_drifted_counts_are_reported_until_recounted(database_url: str) -> None:
    """A kept count changed behind the writer's back is reported, table by table, with the
    key and both values; `recount` rebuilds the counts and verify is clean again."""
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    assert verify(database_url).problems == []
    engine = create_engine(database_url)
    with engine.begin() as connection:
        actor = connection.execute(text("SELECT min(actor_id) FROM actor_counts")).scalar_one()
        connection.execute(
            text("UPDATE actor_counts SET briefs = briefs + 1 WHERE actor_id = :a"), {"a": actor}
        )
        newest = "(SELECT max(day) FROM daily_counts)"
        connection.execute(text(f"DELETE FROM daily_counts WHERE day = {newest}"))
    engine.dispose()

    problems = verify(database_url).problems

    assert len(problems) == 2
    assert problems[0].startswith("1 row(s) of daily_counts differ from a recount")
    assert problems[1].startswith(
        f"1 row(s) of actor_counts differ from a recount of the rows, e.g. {{'actor_id': {actor}}}"
    )
    assert "(`chancery db recount` rebuilds them)" in problems[1]
    recount(database_url)
    assert verify(database_url).problems == []


def test_drifted_pair_events_are_reported(database_url: str) -> None:
    """The events a pair of actors shares over every date (`actor_pair_counts.events`) are
    recounted like its other columns."""
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    engine = create_engine(database_url)
    pair = (
        "SELECT actor_id, other_id, events FROM actor_pair_counts "
        "WHERE events > 0 AND actor_id != other_id ORDER BY actor_id, other_id LIMIT 1"
    )
    with engine.begin() as connection:
        actor, other, events = connection.execute(text(pair)).one()
        connection.execute(
            text("UPDATE actor_pair_counts SET events = 0 WHERE actor_id = :a AND other_id = :o"),
            {"a": actor, "o": other},
        )
    engine.dispose()

    problems = verify(database_url).problems

    assert len(problems) == 1
    assert problems[0].startswith(
        "1 row(s) of actor_pair_counts differ from a recount of the rows, e.g. "
        f"{{'actor_id': {actor}, 'other_id': {other}}}: kept "
    )
    assert "'events': 0}, recounted " in problems[0]
    assert problems[0].endswith(f"'events': {events}}} (`chancery db recount` rebuilds them)")

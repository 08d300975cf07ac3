"""The writer: rows with ids it reserves itself, on the driver's cursor, on both databases."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from app.db import get_engine, session_scope
from app.ingest.driver import DriverCursor
from app.ingest.job import ingest_sources
from app.ingest.row_types import ActorAliasRow, ActorRow
from app.ingest.rows import display_name
from app.ingest.service import delete_brief, store_with_retry
from app.ingest.sources import discover
from app.ingest.verify import verify
from app.ingest.writer import Outcome
from app.parsing import parse_brief
from app.parsing.models import ParsedBrief
from app.storage.tables import utcnow
from tests.briefs_naming import MERKEL, MERKEL_REVISED
from tests.conftest import SEEDS

# (parent table, mention table, its parent column)
MENTIONS = (
    ("claims", "claim_actors", "claim_id"),
    ("statements", "statement_actors", "statement_id"),
    ("events", "event_participants", "event_id"),
)


def _stored_mentions(connection: Connection, brief_id: int) -> dict[str, list[set[str]]]:
    """Per parent table, the names of the actors each row links to, in `position` order."""
    found: dict[str, list[set[str]]] = {}
    for parent, mentions, column in MENTIONS:
        query = text(
            f"SELECT p.position, a.name FROM {parent} p "
            f"LEFT JOIN {mentions} m ON m.{column} = p.id LEFT JOIN actors a ON a.id = m.actor_id "
            f"WHERE p.brief_id = :b ORDER BY p.position"
        )
        names: dict[int, set[str]] = defaultdict(set)
        for position, name in connection.execute(query, {"b": brief_id}):
            names[position].update([name] if name else [])
        found[parent] = [names[p] for p in sorted(names)]
    return found


def _parsed_mentions(parsed: ParsedBrief) -> dict[str, list[set[str]]]:
    name = {actor.key: display_name(actor) for actor in parsed.actors}
    return {
        "claims": [{name[k] for k in claim.actors} for claim in parsed.claims],
        "statements": [{name[k] for k in s.actors} for s in parsed.statements],
        "events": [{name[k] for k in event.participants} for event in parsed.events],
    }


def _assert_every_row_links_the_actors_it_names(database_url: str) -> None:
    with get_engine(database_url).connect() as connection:
        briefs = connection.execute(text("SELECT id, source_text FROM briefs")).all()
        assert briefs
        for brief_id, source in briefs:
            parsed = parse_brief(source)
            assert _stored_mentions(connection, brief_id) == _parsed_mentions(parsed)


def test_every_row_links_the_actors_it_names(database_url: str) -> None:
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    _assert_every_row_links_the_actors_it_names(database_url)


def test_ids_reserved_after_the_newest_rows_were_deleted(database_url: str) -> None:
    """SQLite would give the largest id + 1 again once the newest rows are gone; the writer,
    which reserves ids itself, never does: the brief stored last is deleted and stored
    again under a new id (docs/api.md, Identities and history)."""
    sources = list(discover([str(SEEDS)]))
    first = ingest_sources(sources, database_url=database_url, workers=0)
    last = max(result.brief_id or 0 for result in first.results)
    delete_brief(last, database_url)

    report = ingest_sources(sources, database_url=database_url, workers=0)

    assert report.counts["ingested"] == 1
    assert max(result.brief_id or 0 for result in report.results) > last
    _assert_every_row_links_the_actors_it_names(database_url)
    assert verify(database_url).problems == []


def _actor(slug: str) -> ActorRow:
    return ActorRow(
        slug=slug,
        name="Jane Roe",
        normalized_name="jane roe",
        kind="person",
        title=None,
        country=None,
        created_at=utcnow(),
        variant_key="roe j",
    )


def _store_a_duplicate(database_url: str, batched: bool) -> None:
    with session_scope(get_engine(database_url)) as session:
        db = DriverCursor(session)
        actor_id = db.insert_one(db.statements.actor, _actor("jane-roe"))
        if batched:
            with db.batch():
                alias = ActorAliasRow(actor_id=actor_id, alias="Jane Roe", normalized="jane roe")
                db.insert(db.statements.alias, [alias] * 2)
        else:
            db.insert_one(db.statements.actor, _actor("jane-roe"))


@pytest.mark.parametrize("batched", [False, True])
def test_driver_errors_are_sqlalchemy_errors(database_url: str, batched: bool) -> None:
    """The job retries on SQLAlchemy's IntegrityError, so the driver's must become one,
    also when PostgreSQL's pipeline reports it only at the end of a batch."""
    with pytest.raises(IntegrityError):
        _store_a_duplicate(database_url, batched)
    with get_engine(database_url).connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM actors")).scalar_one() == 0


def _stored_mention_rows(connection: Connection, brief_id: int) -> list[tuple[str, str, str]]:
    """(actor name, section, text the span holds) of a brief's mentions, in id order."""
    query = text(
        "SELECT a.name, m.section, m.span_start, m.span_end, b.source_text FROM mentions m "
        "JOIN actors a ON a.id = m.actor_id JOIN briefs b ON b.id = m.brief_id "
        "WHERE m.brief_id = :b ORDER BY m.id"
    )
    rows = connection.execute(query, {"b": brief_id}).all()
    return [(name, section, source[s:e]) for name, section, s, e, source in rows]


def _parsed_mention_rows(parsed: ParsedBrief) -> list[tuple[str, str, str]]:
    name = {actor.key: display_name(actor) for actor in parsed.actors}
    return [(name[m.actor], m.section, parsed.source[slice(*m.span)]) for m in parsed.mentions]


def test_every_mention_is_stored_in_text_order(database_url: str) -> None:
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    with get_engine(database_url).connect() as connection:
        briefs = connection.execute(text("SELECT id, source_text FROM briefs")).all()
        for brief_id, source in briefs:
            expected = _parsed_mention_rows(parse_brief(source))
            assert expected
            assert _stored_mention_rows(connection, brief_id) == expected
    assert verify(database_url).problems == []


def _store_text(name: str, source: str) -> tuple[Outcome, int]:
    stored = store_with_retry(get_engine(), name, parse_brief(source.encode()))
    return stored.outcome, stored.brief_id


def test_a_changed_brief_replaces_its_mentions(database_url: str) -> None:
    outcome, brief_id = _store_text("merkel.txt", MERKEL)
    assert outcome is Outcome.ingested
    with get_engine(database_url).connect() as connection:
        before = _stored_mention_rows(connection, brief_id)
    assert ("Angela Merkel", "Context & Impact", "Chancellor Angela Merkel") in before
    assert [m for m in before if m[0] == "Mark Rutte"] == [
        ("Mark Rutte", "What to Watch", "NATO Secretary General Mark Rutte")
    ]

    assert _store_text("merkel.txt", MERKEL_REVISED) == (Outcome.updated, brief_id)

    with get_engine(database_url).connect() as connection:
        after = _stored_mention_rows(connection, brief_id)
        total = connection.execute(text("SELECT count(*) FROM mentions")).scalar_one()
    assert after == _parsed_mention_rows(parse_brief(MERKEL_REVISED.encode()))
    assert "Angela Merkel" not in {m[0] for m in after}
    assert [m[2] for m in after if m[0] == "Mark Rutte"] == [
        "NATO Secretary General Mark Rutte", "Mark Rutte"
    ]  # fmt: skip
    assert total == len(after)
    assert verify(database_url).problems == []


def test_a_mention_span_not_naming_its_actor_is_reported(database_url: str) -> None:
    _, brief_id = _store_text("merkel.txt", MERKEL)
    with get_engine(database_url).begin() as connection:
        connection.execute(
            text(
                "UPDATE mentions SET span_start = span_start + 1 WHERE id = "
                "(SELECT min(id) FROM mentions WHERE brief_id = :b)"
            ),
            {"b": brief_id},
        )
    problems = verify(database_url).problems
    assert problems == ["merkel.txt: mention span [35, 63) does not name Olaf Scholz"]

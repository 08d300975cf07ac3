"""The shared reads of stored briefs, on both databases, through a connection and a session."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from app.parsing import parse_brief
from app.storage import briefs
from tests.conftest import SEEDS


def _ingest_two(url: str) -> list[int]:
    seeds = sorted(SEEDS.iterdir())[:2]
    report = ingest_sources(discover([str(p) for p in seeds]), database_url=url)
    return sorted(r.brief_id for r in report.results if r.brief_id is not None)


def test_counts_are_those_of_a_fresh_parse_and_zero_for_unknown_ids(database_url: str) -> None:
    ids = _ingest_two(database_url)
    with get_engine(database_url).connect() as connection:
        sources = list(briefs.stored_sources(connection))
        counts = briefs.row_counts(connection, [*ids, 999_999])
    assert [s.id for s in sources] == ids
    for source in sources:
        parsed = parse_brief(source.source_text)
        assert counts[source.id] == {
            "claims": len(parsed.claims),
            "statements": len(parsed.statements),
            "events": len(parsed.events),
            "sections": len(parsed.sections),
            "mentions": len(parsed.mentions),  # every seed mention resolves, each place once
            "brief_revisions": 1,
        }
    assert counts[999_999] == dict.fromkeys(briefs.COUNTED, 0)


def test_a_session_reads_what_a_connection_reads(database_url: str) -> None:
    ids = _ingest_two(database_url)
    engine = get_engine(database_url)
    with engine.connect() as connection, Session(engine) as session:
        for brief_id in ids:
            assert briefs.source_text(session, brief_id) == briefs.source_text(connection, brief_id)
        assert briefs.row_counts(session, ids, ["claims"]) == briefs.row_counts(
            connection, ids, ["claims"]
        )
        assert briefs.source_text(session, 999_999) is None
        assert briefs.source_name(connection, 999_999) is None


def test_stored_keys_name_every_brief_with_its_hash_and_parser(database_url: str) -> None:
    ids = _ingest_two(database_url)
    with get_engine(database_url).connect() as connection:
        keys = sorted(briefs.stored_keys(connection))
        expected = connection.execute(
            text("SELECT id, source_name, sha256, parser_version FROM briefs ORDER BY id")
        ).all()
        names = [briefs.source_name(connection, k.id) for k in keys]
    assert [k.id for k in keys] == ids
    assert [tuple(k) for k in keys] == [tuple(row) for row in expected]
    assert names == [k.source_name for k in keys]

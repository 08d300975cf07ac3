"""`chancery db verify` reports a word index out of step with its table, both databases."""

from __future__ import annotations

from sqlalchemy import text

from app.db import get_engine
from app.ingest.service import store_with_retry
from app.ingest.verify import verify
from app.parsing import parse_brief
from tests.briefs_revised import BEFORE

RECREATE = "CREATE INDEX ix_claims_search_vector ON claims USING gin (search_vector)"


def test_an_index_out_of_step_is_reported(database_url: str) -> None:
    engine = get_engine(database_url)
    store_with_retry(engine, "geneva.md", parse_brief(BEFORE))
    assert verify(database_url).ok
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":  # as if a write had bypassed the triggers
            connection.execute(
                text(
                    "INSERT INTO claims_fts (claims_fts, rowid, search_text) SELECT 'delete', "
                    "id, search_text FROM claims WHERE id = (SELECT min(id) FROM claims)"
                )
            )
        else:
            connection.execute(text("DROP INDEX ix_claims_search_vector"))
    try:
        problems = verify(database_url).problems
    finally:  # PostgreSQL's test database is shared by the run: its schema must stay whole
        if engine.dialect.name == "postgresql":
            with engine.begin() as connection:
                connection.execute(text(RECREATE))
    assert len(problems) == 1
    assert problems[0].startswith("the word index of claims")

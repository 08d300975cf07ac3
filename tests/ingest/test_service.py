"""Storing and deleting one brief: the service the CLI and the API share."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.db import get_engine
from app.errors import BriefError, NotFoundError
from app.ingest.service import delete_brief, store_brief
from app.ingest.writer import Outcome
from tests.conftest import SEEDS

PARIS = (SEEDS / "2025-09-04-paris-security-guarantees.txt").read_bytes()


def _store(data: bytes, name: str | None = None) -> tuple[Outcome, int, str]:
    stored = store_brief(data, source_name=name, unnamed_prefix="test/", max_bytes=1 << 20)
    return stored.outcome, stored.brief_id, stored.source_name


def test_an_unnamed_brief_is_named_by_its_content(database_url: str) -> None:
    outcome, brief_id, name = _store(PARIS)
    assert outcome is Outcome.ingested
    assert name.startswith("test/")
    assert len(name) == len("test/") + 16
    assert _store(PARIS) == (Outcome.unchanged, brief_id, name)


def test_same_content_under_another_name_answers_the_stored_name(database_url: str) -> None:
    _, brief_id, _ = _store(PARIS, "paris.txt")
    assert _store(PARIS, "copy.txt") == (Outcome.unchanged, brief_id, "paris.txt")


def test_a_bad_brief_stores_nothing(database_url: str) -> None:
    with pytest.raises(BriefError):
        _store(b"Official Statements\n\xff")
    with get_engine(database_url).connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM briefs")).scalar_one() == 0


def test_delete_takes_the_extracted_rows_along(database_url: str) -> None:
    _, brief_id, _ = _store(PARIS)
    tables = ("briefs", "claims", "statements", "claim_actors", "mentions")
    with get_engine(database_url).connect() as connection:
        for table in tables:
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() > 0
    delete_brief(brief_id)
    with get_engine(database_url).connect() as connection:
        for table in tables:
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0
    with pytest.raises(NotFoundError):
        delete_brief(brief_id)

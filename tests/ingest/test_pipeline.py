"""What runs ahead of the writer: stored content is recognised without parsing it again."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.db import get_engine
from app.ingest import pipeline
from app.ingest.job import ingest_sources
from app.ingest.pipeline import StoredIndex
from app.ingest.sources import discover
from app.parsing import PARSER_VERSION
from tests.conftest import SEEDS


def test_index_decides_unchanged() -> None:
    index = StoredIndex(by_name={"a.txt": (1, "sha-a", PARSER_VERSION)}, by_sha={"sha-a": 1})
    assert index.unchanged("a.txt", "sha-a") == 1
    assert index.unchanged("a.txt", "sha-b") is None
    assert index.unchanged("copy-of-a.txt", "sha-a") == 1
    assert index.unchanged("new.txt", "sha-new") is None


def test_index_reparses_briefs_of_an_older_parser() -> None:
    index = StoredIndex(by_name={"a.txt": (1, "sha-a", "0.0.1")}, by_sha={"sha-a": 1})
    assert index.unchanged("a.txt", "sha-a") is None


def test_rerun_does_not_parse_stored_briefs(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = list(discover([str(SEEDS)]))
    ingest_sources(sources, database_url=database_url, workers=0)

    def refuse(*_args: object) -> None:
        raise AssertionError("an unchanged brief was parsed again")

    monkeypatch.setattr(pipeline, "parse_text", refuse)
    report = ingest_sources(sources, database_url=database_url, workers=0)
    assert report.counts["unchanged"] == len(sources)


def test_older_parser_version_is_reextracted_without_a_new_revision(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = list(discover([str(SEEDS / "2025-09-04-paris-security-guarantees.txt")]))
    ingest_sources(sources, database_url=database_url)
    monkeypatch.setattr(pipeline, "PARSER_VERSION", "99.0.0")
    monkeypatch.setattr("app.ingest.job.PARSER_VERSION", "99.0.0")

    report = ingest_sources(sources, database_url=database_url)

    assert report.counts["updated"] == 1
    with get_engine(database_url).connect() as connection:
        version = connection.execute(text("SELECT parser_version FROM briefs")).scalar_one()
        revisions = connection.execute(text("SELECT count(*) FROM brief_revisions")).scalar_one()
    assert (version, revisions) == ("99.0.0", 1)

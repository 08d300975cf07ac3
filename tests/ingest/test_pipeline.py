"""What runs ahead of the writer: stored content is recognised without parsing it again."""

from __future__ import annotations

import gc
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pytest
from sqlalchemy import text

from app.db import get_engine
from app.ingest import pipeline
from app.ingest.job import ingest_sources
from app.ingest.pipeline import StoredIndex
from app.ingest.sources import discover
from app.interpreter import YOUNG_GENERATION_THRESHOLD
from app.parsing import PARSER_VERSION
from app.parsing.lexicon.words import lexicon
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
    monkeypatch.setattr("app.parsing.PARSER_VERSION", "99.0.0")

    report = ingest_sources(sources, database_url=database_url)

    assert report.counts["updated"] == 1
    with get_engine(database_url).connect() as connection:
        version = connection.execute(text("SELECT parser_version FROM briefs")).scalar_one()
        revisions = connection.execute(text("SELECT count(*) FROM brief_revisions")).scalar_one()
    assert (version, revisions) == ("99.0.0", 1)


class _BreaksAfter(ThreadPoolExecutor):
    """An executor whose pool breaks after `good` briefs, as when a parser process dies:
    pending futures fail with BrokenProcessPool, and so does every later submit."""

    def __init__(self, good: int) -> None:
        super().__init__(max_workers=1)
        self.left = good

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        if self.left <= 0:
            if self.left < -3:
                raise BrokenProcessPool("a process in the pool was terminated abruptly")
            self.left -= 1
            broken: Future[Any] = Future()
            broken.set_exception(BrokenProcessPool("terminated abruptly"))
            return broken
        self.left -= 1
        return super().submit(fn, *args, **kwargs)


def test_a_broken_parser_pool_leaves_the_job_to_parse_every_brief_itself() -> None:
    sources = list(discover([str(SEEDS)]))
    index = StoredIndex()
    with _BreaksAfter(good=2) as pool:
        prepared = list(pipeline._stream(sources, 1 << 20, index, pool))
    expected = [pipeline.parse_text(pipeline._triage(s, 1 << 20, index), s.display, 1 << 20)
                for s in sources]  # fmt: skip
    assert len(prepared) == len(sources)
    assert prepared == expected


def test_a_parser_process_freezes_the_lexicons_after_its_first_brief(
    unsettled_collector: None,
) -> None:
    pipeline.parse_text((SEEDS / "2015-07-14-vienna-jcpoa.txt").read_text(), "a.txt", 1 << 20)
    names = lexicon().given_names  # loaded by the first parse at the latest
    assert gc.get_threshold()[0] == YOUNG_GENERATION_THRESHOLD
    assert not any(o is names for o in gc.get_objects())  # frozen: no full collection walks it


def test_the_ingest_job_settles_the_collector(database_url: str, unsettled_collector: None) -> None:
    ingest_sources(list(discover([str(SEEDS)])), database_url=database_url, workers=0)
    assert gc.get_threshold()[0] == YOUNG_GENERATION_THRESHOLD
    assert gc.get_freeze_count() > 0


def test_a_parser_process_settles_the_collector_once(
    unsettled_collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[None] = []
    monkeypatch.setattr(pipeline, "settle_collector", lambda: calls.append(None))
    text = (SEEDS / "2015-07-14-vienna-jcpoa.txt").read_text()
    for name in ("a.txt", "b.txt", "c.txt"):
        pipeline.parse_text(text, name, 1 << 20)
    assert len(calls) == 1  # one full collection per process, not one per brief

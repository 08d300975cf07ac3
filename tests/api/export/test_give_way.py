"""Exports give way to the other requests being answered, and the counts they go by come
back to zero however a request or an export ends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.api.export import give_way, reader


@pytest.fixture
def counted() -> Iterator[None]:
    assert (give_way._answering, give_way._exporting) == (0, 0)
    yield
    assert (give_way._answering, give_way._exporting) == (0, 0)


def _waited(monkeypatch: pytest.MonkeyPatch) -> float:
    """How long `give_way` sleeps in all (counted, not timed: a loaded machine would make
    any short call look slow)."""
    slept: list[float] = []
    monkeypatch.setattr(give_way.time, "sleep", slept.append)
    give_way.give_way()
    monkeypatch.undo()
    return sum(slept)


@pytest.mark.usefixtures("counted")
def test_an_export_waits_while_another_request_is_answered_and_not_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _waited(monkeypatch) == 0  # nothing else is being answered
    give_way.answering(+1)  # the export's own request
    give_way.exporting(+1)
    try:
        assert _waited(monkeypatch) == 0
        give_way.answering(+1)  # another request
        try:
            assert _waited(monkeypatch) == pytest.approx(give_way.MAX_WAIT_S)
        finally:
            give_way.answering(-1)
    finally:
        give_way.exporting(-1)
        give_way.answering(-1)


@pytest.mark.usefixtures("counted")
def test_requests_and_exports_leave_the_counts_at_zero(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "EXPORT_BATCH", 2)
    assert client.get("/v1/claims", params={"format": "ndjson"}).text.count("\n") == 11
    assert client.get("/v1/claims", params={"format": "csv", "cursor": "bad"}).status_code == 422
    assert client.get("/v1/claims").status_code == 200
    assert client.get("/v1/nowhere").status_code == 404

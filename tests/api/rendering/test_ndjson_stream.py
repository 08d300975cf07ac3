"""format=ndjson: every matching row, streamed in batches."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from app.api.rendering import ndjson_stream
from tests.api.test_claims import NEWEST_FIRST


def test_ndjson_streams_every_row_in_batches(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ndjson_stream, "NDJSON_BATCH", 3)
    response = client.get("/v1/claims", params={"format": "ndjson", "limit": 1})
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = response.text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == NEWEST_FIRST
    assert "link" not in response.headers
    assert "etag" not in response.headers


def test_ndjson_honours_filters(client: TestClient) -> None:
    params = {"format": "ndjson", "actor": "emmanuel-macron", "sort": "occurred_on"}
    response = client.get("/v1/statements", params=params)
    assert [json.loads(line)["id"] for line in response.text.splitlines()] == [1, 6, 5]

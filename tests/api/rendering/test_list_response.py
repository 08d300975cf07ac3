"""A list in each format: a JSON page with its Link, CSV (the same page, flattened), NDJSON."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from app.api.rendering import ndjson_stream
from tests.api.test_claims import NEWEST_FIRST


def test_csv_is_the_current_page_flattened(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"format": "csv", "limit": 2, "brief": 1})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["id"] for row in rows] == ["3", "2"]
    assert rows[1]["actors"] == "emmanuel-macron;volodymyr-zelenskyy"
    assert rows[1]["brief_title"] == "Paris summit on security guarantees"
    assert rows[1]["text"] == "Macron hosted Zelenskyy at the Élysée."
    assert "format=csv" in response.headers["link"]


def test_csv_header_is_fixed_even_when_nested_values_are_null(client: TestClient) -> None:
    response = client.get("/v1/statements", params={"format": "csv", "brief": 4})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows[0]["speaker_id"] == ""
    assert rows[0]["speaker_role"] == "officials"
    header = response.text.splitlines()[0].split(",")
    assert header[:5] == ["id", "kind", "text", "speaker_id", "speaker_slug"]


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


def test_empty_lists_in_every_format(empty_client: TestClient) -> None:
    assert empty_client.get("/v1/events").json() == {"items": [], "next_cursor": None}
    assert empty_client.get("/v1/events", params={"format": "ndjson"}).text == ""
    csv_text = empty_client.get("/v1/events", params={"format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("id,title,occurred_on,location")


def test_link_header_keeps_every_parameter(client: TestClient) -> None:
    params = [("actor", "emmanuel-macron"), ("actor", "volodymyr-zelenskyy"), ("limit", "1")]
    response = client.get("/v1/claims", params=params)
    link = response.headers["link"]
    assert link.endswith('>; rel="next"')
    url = link[1 : link.index(">")]
    assert "actor=emmanuel-macron&actor=volodymyr-zelenskyy&limit=1&cursor=" in url
    following = client.get(url)
    assert [item["id"] for item in following.json()["items"]] == [2]

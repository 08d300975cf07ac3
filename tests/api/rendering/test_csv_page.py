"""format=csv: the current page, nested values flattened under a fixed header."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient


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

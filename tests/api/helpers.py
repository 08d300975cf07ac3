"""Small helpers shared by the API tests."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

Params = dict[str, Any] | list[tuple[str, Any]]


def ids(client: TestClient, path: str, params: Params | None = None) -> list[int]:
    """Ids of the first page (limit 200) of a list."""
    merged = [*_pairs(params), ("limit", 200)]
    response = client.get(path, params=merged)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def _pairs(params: Params | None) -> list[tuple[str, Any]]:
    if params is None:
        return []
    return list(params.items()) if isinstance(params, dict) else list(params)


def walk(client: TestClient, path: str, params: Params | None, limit: int) -> list[int]:
    """Ids of every page, following `next_cursor` and checking the Link header agrees."""
    seen: list[int] = []
    query = [*_pairs(params), ("limit", limit)]
    cursor: str | None = None
    for _ in range(100):
        response = client.get(path, params=query + ([("cursor", cursor)] if cursor else []))
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= limit
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            assert "link" not in response.headers
            return seen
        assert f"cursor={cursor}" in response.headers["link"]
    raise AssertionError("cursor walk did not end")

"""Cursors: opaque, tamper-evident, bound to their list and sort direction."""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest
from fastapi.testclient import TestClient

from app.api.cursors import Cursor, decode_cursor, encode_cursor
from app.errors import InvalidParameterError


@pytest.mark.parametrize(
    "cursor",
    [Cursor("claims", date(2025, 9, 4), 3, True), Cursor("claims", None, 9, False),
     Cursor("actors", "emmanuel macron", 1, False), Cursor("mentions", 12, 40, False),
     Cursor("claims~relevance", -1.2345678901234567e-06, 7, False)],
)  # fmt: skip
def test_cursor_round_trip(cursor: Cursor) -> None:
    token = encode_cursor(cursor)
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    decoded = decode_cursor(token)
    expected_key = cursor.key.isoformat() if isinstance(cursor.key, date) else cursor.key
    assert decoded == Cursor(cursor.scope, expected_key, cursor.id, cursor.descending)


def _tampered(token: str) -> str:
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    payload, checksum = raw[:-8], raw[-8:]
    body = json.loads(payload)
    body["i"] = body["i"] + 1
    forged = json.dumps(body, separators=(",", ":")).encode() + checksum
    return base64.urlsafe_b64encode(forged).decode().rstrip("=")


@pytest.mark.parametrize("token", ["", "abc", "!!!!", "eyJ9", "A" * 40, "=" * 8])
def test_garbage_cursors_are_refused(token: str) -> None:
    with pytest.raises(InvalidParameterError):
        decode_cursor(token)


def test_tampered_cursor_is_refused() -> None:
    token = encode_cursor(Cursor("claims", None, 9, True))
    with pytest.raises(InvalidParameterError):
        decode_cursor(_tampered(token))


def _first_cursor(client: TestClient, path: str, **params: object) -> str:
    cursor: str = client.get(path, params={"limit": 1, **params}).json()["next_cursor"]
    return cursor


def test_cursor_from_another_list_is_422(client: TestClient) -> None:
    cursor = _first_cursor(client, "/v1/statements")
    response = client.get("/v1/claims", params={"cursor": cursor})
    assert response.status_code == 422
    assert response.json()["invalid_params"][0]["name"] == "query.cursor"


def test_cursor_for_the_other_direction_is_422(client: TestClient) -> None:
    cursor = _first_cursor(client, "/v1/claims")
    response = client.get("/v1/claims", params={"cursor": cursor, "sort": "occurred_on"})
    assert response.status_code == 422


def test_tampered_cursor_over_http_is_422(client: TestClient) -> None:
    cursor = _tampered(_first_cursor(client, "/v1/claims"))
    assert client.get("/v1/claims", params={"cursor": cursor}).status_code == 422

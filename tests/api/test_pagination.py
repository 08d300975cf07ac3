"""Cursors: opaque, tamper-evident, bound to their list and sort direction."""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.api.pagination import Cursor, after, decode_cursor, encode_cursor, order_by
from app.api.repositories.claims import CLAIMS
from app.errors import InvalidParameterError


@pytest.mark.parametrize(
    "cursor",
    [Cursor("claims", date(2025, 9, 4), 3, True), Cursor("claims", None, 9, False),
     Cursor("actors", "emmanuel macron", 1, False)],
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


def test_link_header_keeps_every_parameter(client: TestClient) -> None:
    params = [("actor", "emmanuel-macron"), ("actor", "volodymyr-zelenskyy"), ("limit", "1")]
    response = client.get("/v1/claims", params=params)
    link = response.headers["link"]
    assert link.endswith('>; rel="next"')
    url = link[1 : link.index(">")]
    assert "actor=emmanuel-macron&actor=volodymyr-zelenskyy&limit=1&cursor=" in url
    following = client.get(url)
    assert [item["id"] for item in following.json()["items"]] == [2]


def test_a_cursor_page_starts_at_its_position_in_the_index(engine: Engine) -> None:
    """The keyset is an index range, not a scan that skips every earlier row."""
    query = CLAIMS.query().where(after(CLAIMS.keyset, Cursor("claims", date(2025, 9, 4), 3, True)))
    query = query.order_by(*order_by(CLAIMS.keyset, descending=True)).limit(51)
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SET enable_seqscan = off")
            plan = " ".join(connection.exec_driver_sql(f"EXPLAIN {sql}").scalars())
            assert "Index Cond: (ROW(occurred_on, id) < ROW(" in plan, plan
        else:
            plan = " ".join(
                row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
            )
            assert "SEARCH claims USING INDEX ix_claims_occurred_on_id (occurred_on<?)" in plan, (
                plan
            )

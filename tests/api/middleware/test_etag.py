"""ETag, Cache-Control and conditional GETs."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.api.middleware.etag import matches


def test_gets_carry_an_etag_and_answer_304_when_it_matches(client: TestClient) -> None:
    first = client.get("/v1/claims/1")
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    assert first.headers["cache-control"] == "no-cache"
    cached = client.get("/v1/claims/1", headers={"If-None-Match": etag})
    assert cached.status_code == 304
    assert cached.content == b""
    assert cached.headers["etag"] == etag


def test_a_different_body_has_a_different_etag(client: TestClient) -> None:
    one = client.get("/v1/claims", params={"limit": 1}).headers["etag"]
    two = client.get("/v1/claims", params={"limit": 2}).headers["etag"]
    assert one != two
    stale = client.get("/v1/claims", params={"limit": 2}, headers={"If-None-Match": one})
    assert stale.status_code == 200


def test_etag_is_computed_before_gzip(client: TestClient) -> None:
    plain = client.get("/v1/briefs/1", headers={"Accept-Encoding": "identity"})
    zipped = client.get("/v1/briefs/1", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert plain.headers["etag"] == zipped.headers["etag"]


def test_errors_and_writes_carry_no_etag(client: TestClient) -> None:
    assert "etag" not in client.get("/v1/claims/99").headers
    assert "etag" not in client.delete("/v1/briefs/1").headers


def test_if_none_match_parsing() -> None:
    assert matches('"abc"', 'W/"abc"')
    assert matches('W/"x", W/"abc"', 'W/"abc"')
    assert matches("*", 'W/"abc"')
    assert not matches('"abcd"', 'W/"abc"')
    assert not matches(None, 'W/"abc"')

"""ETag, Cache-Control and conditional GETs: `/v1` answers tagged by the data version and
answered 304 before any query, other answers by their body."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, text

from app.api.main import create_app
from app.api.middleware.etag import etag_of, matches


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


def _statements_run(engine: Engine) -> list[str]:
    """The SQL statements run through `engine` from now on."""
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", record)
    return statements


def test_a_304_for_the_current_version_runs_no_query(client: TestClient, engine: Engine) -> None:
    url = "/v1/claims?status=verified&limit=3"
    etag = client.get(url).headers["etag"]
    statements = _statements_run(engine)
    not_modified = client.get(url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert statements == []
    client.get(url, headers={"If-None-Match": 'W/"another"', "Accept-Encoding": "br"})
    assert statements, "a request the client has no answer for runs the route"


def test_the_tag_follows_the_data_version_and_every_process_makes_the_same(
    client: TestClient, engine: Engine
) -> None:
    url = "/v1/claims/1"
    first = client.get(url)
    with TestClient(create_app()) as another_process:
        assert another_process.get(url).headers["etag"] == first.headers["etag"]
    with engine.begin() as connection:  # a write to the briefs moves the version
        connection.execute(text("UPDATE briefs SET title = title WHERE id = 1"))
    with TestClient(create_app()) as after_the_write:
        moved = after_the_write.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert moved.status_code == 200
    assert moved.content == first.content
    assert moved.headers["etag"] != first.headers["etag"]


def test_a_304_carries_the_headers_of_every_answer(client: TestClient) -> None:
    etag = client.get("/v1/briefs").headers["etag"]
    not_modified = client.get("/v1/briefs", headers={"If-None-Match": f'W/"x", {etag}'})
    assert not_modified.status_code == 304
    headers = not_modified.headers
    assert headers["etag"] == etag
    assert headers["cache-control"] == "no-cache"
    assert headers["x-content-type-options"] == "nosniff"
    assert len(headers["x-request-id"]) == 32
    assert "content-type" not in headers
    assert "content-length" not in headers


def test_any_tag_answers_304_for_a_200_only(client: TestClient) -> None:
    assert client.get("/v1/claims/1", headers={"If-None-Match": "*"}).status_code == 304
    assert client.get("/v1/claims/99", headers={"If-None-Match": "*"}).status_code == 404


def test_answers_outside_v1_are_tagged_by_their_body(client: TestClient) -> None:
    document = client.get("/openapi.json")
    assert document.headers["etag"] == etag_of(document.content)
    again = client.get("/openapi.json", headers={"If-None-Match": document.headers["etag"]})
    assert again.status_code == 304


def test_the_change_feed_is_tagged_by_its_body(client: TestClient) -> None:
    feed = client.get("/v1/changes")
    assert feed.headers["etag"] == etag_of(feed.content)

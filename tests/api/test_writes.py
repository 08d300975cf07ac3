"""POST /v1/briefs and DELETE /v1/briefs/{id}: keys, sizes, bodies, outcomes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.config import get_settings
from tests.conftest import SEEDS
from tests.counts import assert_counts_exact

PARIS = SEEDS / "2025-09-04-paris-security-guarantees.txt"


def _auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def brief_text() -> str:
    return Path(PARIS).read_text(encoding="utf-8")


def test_post_text_creates_then_reports_unchanged(
    empty_client: TestClient, api_key: str, brief_text: str
) -> None:
    headers = {**_auth(api_key), "Content-Type": "text/plain"}
    created = empty_client.post("/v1/briefs", content=brief_text.encode(), headers=headers)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["outcome"] == "ingested"
    assert body["source_name"].startswith("api/")
    assert len(body["source_name"]) == 20
    assert created.headers["location"].endswith(f"/v1/briefs/{body['id']}")
    again = empty_client.post("/v1/briefs", content=brief_text.encode(), headers=headers)
    assert again.status_code == 200
    assert again.json() == {**body, "outcome": "unchanged"}
    assert "location" not in again.headers
    assert empty_client.get(created.headers["location"]).json()["id"] == body["id"]


def test_post_json_uses_source_name(
    empty_client: TestClient, api_key: str, brief_text: str
) -> None:
    payload = {"text": brief_text, "source_name": "paris.txt"}
    created = empty_client.post("/v1/briefs", json=payload, headers=_auth(api_key))
    assert created.status_code == 201
    assert created.json()["source_name"] == "paris.txt"
    changed = {**payload, "text": brief_text.replace("Paris", "Paris ", 1)}
    updated = empty_client.post("/v1/briefs", json=changed, headers=_auth(api_key))
    assert updated.status_code == 200
    assert updated.json() == {**created.json(), "outcome": "updated"}


def test_post_text_takes_source_name_from_the_query(
    empty_client: TestClient, api_key: str, brief_text: str
) -> None:
    response = empty_client.post(
        "/v1/briefs", params={"source_name": "from-query.txt"}, content=brief_text.encode(),
        headers={**_auth(api_key), "Content-Type": "text/plain; charset=utf-8"},
    )  # fmt: skip
    assert response.status_code == 201
    assert response.json()["source_name"] == "from-query.txt"


def test_unparseable_brief_is_422_with_line(empty_client: TestClient, api_key: str) -> None:
    response = empty_client.post(
        "/v1/briefs", content=b"", headers={**_auth(api_key), "Content-Type": "text/plain"}
    )
    assert response.status_code == 422
    body = response.json()
    assert response.headers["content-type"] == "application/problem+json"
    assert body["type"].endswith("/unparseable-brief")
    assert isinstance(body["line"], int)
    assert body["detail"]


@pytest.mark.parametrize(
    ("payload", "name"),
    [(b"{}", "body.text"), (b"[1]", "body"), (b"{not json", "body"),
     (b'{"text": "x", "source_name": ""}', "body.source_name")],
)  # fmt: skip
def test_invalid_json_body_is_422(
    empty_client: TestClient, api_key: str, payload: bytes, name: str
) -> None:
    headers = {**_auth(api_key), "Content-Type": "application/json"}
    response = empty_client.post("/v1/briefs", content=payload, headers=headers)
    assert response.status_code == 422
    assert next(p["name"] for p in response.json()["invalid_params"]).startswith(name)


def test_other_media_types_are_415(empty_client: TestClient, api_key: str) -> None:
    headers = {**_auth(api_key), "Content-Type": "application/xml"}
    response = empty_client.post("/v1/briefs", content=b"<brief/>", headers=headers)
    assert response.status_code == 415


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch, api_key: str) -> Iterator[int]:
    monkeypatch.setenv("CHANCERY_MAX_BRIEF_BYTES", "100")
    get_settings.cache_clear()
    yield 100
    get_settings.cache_clear()


def test_declared_length_over_the_limit_is_413(
    empty_client: TestClient, api_key: str, small_limit: int
) -> None:
    headers = {**_auth(api_key), "Content-Type": "text/plain"}
    response = empty_client.post("/v1/briefs", content=b"x" * 101, headers=headers)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


def test_streamed_body_over_the_limit_is_413(
    empty_client: TestClient, api_key: str, small_limit: int
) -> None:
    def chunks() -> Iterator[bytes]:
        yield from (b"x" * 60, b"y" * 60)

    headers = {**_auth(api_key), "Content-Type": "text/plain"}
    response = empty_client.post("/v1/briefs", content=chunks(), headers=headers)
    assert "content-length" not in response.request.headers
    assert response.status_code == 413


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic dGVzdA=="},
     {"Authorization": "Bearer "}, {"Authorization": "Bearer \xe9t\xe9".encode("latin-1")}],
)  # fmt: skip
def test_writes_refuse_without_a_valid_key(
    client: TestClient, api_key: str, headers: dict[str, Any]
) -> None:
    post = client.post("/v1/briefs", content=b"text", headers=headers)
    delete = client.delete("/v1/briefs/1", headers=headers)
    for response in (post, delete):
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.json()["type"].endswith("/unauthorized")
        assert api_key not in response.text
    assert client.get("/v1/briefs/1").status_code == 200


def test_writes_are_disabled_without_configured_keys(client: TestClient) -> None:
    assert get_settings().api_keys == []
    for response in (
        client.post("/v1/briefs", content=b"text", headers=_auth("anything")),
        client.delete("/v1/briefs/1", headers=_auth("anything")),
    ):
        assert response.status_code == 403
        assert response.json()["type"].endswith("/writes-disabled")


def test_delete_removes_the_brief_and_its_rows(client: TestClient, api_key: str) -> None:
    response = client.delete("/v1/briefs/3", headers=_auth(api_key))
    assert response.status_code == 204
    assert response.content == b""
    assert client.get("/v1/briefs/3").status_code == 404
    assert client.get("/v1/claims", params={"brief": 3}).json()["items"] == []
    assert client.get("/v1/events/3").status_code == 404
    assert client.delete("/v1/briefs/3", headers=_auth(api_key)).status_code == 404


def test_writes_keep_the_dashboard_counts_exact(
    client: TestClient, api_key: str, brief_text: str
) -> None:
    """POST (new, then revised under the same name) and DELETE each leave the kept counts
    equal to a recount of the rows, and /v1/stats follows them."""
    database_url = str(get_settings().database_url)
    headers = _auth(api_key)
    before = client.get("/v1/stats").json()["briefs_by_month"]

    payload = {"text": brief_text, "source_name": "p.txt"}
    created = client.post("/v1/briefs", json=payload, headers=headers)
    assert created.status_code == 201
    assert_counts_exact(database_url)
    revised = brief_text.replace("On Sept. 4, 2025", "On Oct. 9, 2025", 1)
    assert revised != brief_text
    payload = {"text": revised, "source_name": "p.txt"}
    updated = client.post("/v1/briefs", json=payload, headers=headers)
    assert updated.json()["outcome"] == "updated"
    assert_counts_exact(database_url)
    assert {"month": "2025-10", "count": 1} in client.get("/v1/stats").json()["briefs_by_month"]

    assert client.delete(f"/v1/briefs/{created.json()['id']}", headers=headers).status_code == 204
    assert_counts_exact(database_url)
    assert client.get("/v1/stats").json()["briefs_by_month"] == before

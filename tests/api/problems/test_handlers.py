"""Every error is RFC 9457 problem+json with one shape; this test locks that shape."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.api.problems.handlers import METHODS

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "request_id"}
OPTIONAL_KEYS = {"invalid_params", "line", "column"}


def _assert_problem(response: Any, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert PROBLEM_KEYS <= set(body) <= PROBLEM_KEYS | OPTIONAL_KEYS
    assert body["type"] == f"https://chancery.dev/problems/{slug}"
    assert body["status"] == status
    assert isinstance(body["title"], str)
    assert isinstance(body["detail"], str)
    assert body["instance"] == response.request.url.path
    assert body["request_id"] == response.headers["x-request-id"]
    return body


def test_unknown_route_is_a_404_problem(empty_client: TestClient) -> None:
    _assert_problem(empty_client.get("/v1/nothing-here"), 404, "not-found")


def test_unknown_row_is_a_404_problem(empty_client: TestClient) -> None:
    body = _assert_problem(empty_client.get("/v1/claims/5"), 404, "not-found")
    assert body["detail"] == "No claim with id 5."


def test_wrong_method_is_a_405_problem(empty_client: TestClient) -> None:
    response = empty_client.put("/v1/claims")
    _assert_problem(response, 405, "method-not-allowed")
    assert "GET" in response.headers["allow"]


def test_options_on_briefs_allows_get_and_post(empty_client: TestClient) -> None:
    response = empty_client.options("/v1/briefs")
    _assert_problem(response, 405, "method-not-allowed")
    assert response.headers["allow"] == "GET, POST"


def test_one_brief_allows_get_and_delete(empty_client: TestClient) -> None:
    response = empty_client.patch("/v1/briefs/1")
    _assert_problem(response, 405, "method-not-allowed")
    assert response.headers["allow"] == "GET, DELETE"


def _documented_paths() -> list[tuple[str, list[str]]]:
    document = create_app().openapi()
    return [
        (re.sub(r"\{[^}]+\}", "1", path), [method.upper() for method in operations])
        for path, operations in document["paths"].items()
    ]


@pytest.mark.parametrize(("path", "methods"), _documented_paths())
def test_every_405_allows_what_the_path_serves(
    empty_client: TestClient, path: str, methods: list[str]
) -> None:
    response = empty_client.put(path)
    _assert_problem(response, 405, "method-not-allowed")
    assert response.headers["allow"].split(", ") == [m for m in METHODS if m in methods]
    assert "HEAD" not in response.headers["allow"]  # FastAPI routes do not answer HEAD
    assert empty_client.head(path).status_code == 405


def test_validation_error_names_the_parameters(empty_client: TestClient) -> None:
    response = empty_client.get("/v1/claims", params={"limit": "many", "status": "x"})
    body = _assert_problem(response, 422, "invalid-parameter")
    names = {param["name"] for param in body["invalid_params"]}
    assert names == {"query.limit", "query.status.0"}
    assert all(param["reason"] for param in body["invalid_params"])


def test_inverted_date_range_is_a_422_problem(empty_client: TestClient) -> None:
    params = {"date_from": "2024-02-02", "date_to": "2024-02-01"}
    body = _assert_problem(empty_client.get("/v1/events", params=params), 422, "invalid-parameter")
    assert body["invalid_params"] == [
        {"name": "query.date_to", "reason": "must not be before date_from"}
    ]


def test_write_errors_are_problems(client: TestClient) -> None:
    _assert_problem(client.delete("/v1/briefs/1"), 403, "writes-disabled")


@pytest.mark.parametrize(
    "path",
    [
        "/v1/claims?q=%00", "/v1/claims?actor=%00", "/v1/events?location=%00",
        "/v1/briefs?q=%25%00_%5C", "/v1/actors?q=%00", "/v1/actors/%00",
        "/v1/claims?actor=" + "9" * 400, "/v1/claims/" + "9" * 400,
        "/v1/stats?actor=%00&q=%00",
    ],
)  # fmt: skip
def test_hostile_input_never_gives_500(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (200, 404, 422), response.text

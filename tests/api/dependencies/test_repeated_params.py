"""One-value query parameters refuse several values; repeatable filters take them."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_a_repeated_one_value_parameter_is_a_422(client: TestClient) -> None:
    response = client.get("/v1/briefs?location=Paris&location=&limit=5&limit=6")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["invalid_params"] == [
        {"name": "query.limit", "reason": "takes one value, was given several"},
        {"name": "query.location", "reason": "takes one value, was given several"},
    ]


def test_repeatable_filters_still_take_several_values(client: TestClient) -> None:
    params = [("status", "verified"), ("status", "disputed"), ("actor", "xi-jinping")]
    response = client.get("/v1/claims", params=params)
    assert response.status_code == 200
    assert {claim["status"] for claim in response.json()["items"]} == {"verified", "disputed"}


def test_a_parameter_the_route_does_not_take_is_still_ignored(client: TestClient) -> None:
    assert client.get("/v1/briefs?status=a&status=b").status_code == 200

"""GET /v1/stats on the fixture corpus."""

from __future__ import annotations

from typing import NoReturn

import pytest
from fastapi.testclient import TestClient

from app.api.repositories import counts, stats
from app.api.schemas.stats import Stats


def _ref(actor_id: int, slug: str, name: str, kind: str = "person") -> dict[str, object]:
    return {"id": actor_id, "slug": slug, "name": name, "kind": kind}


def test_stats_without_filters(client: TestClient) -> None:
    body = client.get("/v1/stats", params={"top": 4}).json()
    assert body == {
        "claims_by_status": {"verified": 4, "unconfirmed": 2, "disputed": 2, "reported": 3},
        "claims_by_month": [
            {"month": "2022-07", "count": 3}, {"month": "2023-11", "count": 2},
            {"month": "2025-09", "count": 4}, {"month": None, "count": 2},
        ],
        "claims_by_month_and_status": [
            {"month": "2022-07", "status": "verified", "count": 1},
            {"month": "2022-07", "status": "unconfirmed", "count": 1},
            {"month": "2022-07", "status": "reported", "count": 1},
            {"month": "2023-11", "status": "verified", "count": 1},
            {"month": "2023-11", "status": "disputed", "count": 1},
            {"month": "2025-09", "status": "verified", "count": 2},
            {"month": "2025-09", "status": "unconfirmed", "count": 1},
            {"month": "2025-09", "status": "reported", "count": 1},
            {"month": None, "status": "disputed", "count": 1},
            {"month": None, "status": "reported", "count": 1},
        ],
        "statements_by_month": [
            {"month": "2022-07", "count": 1}, {"month": "2023-11", "count": 1},
            {"month": "2025-09", "count": 3}, {"month": None, "count": 1},
        ],
        "briefs_by_month": [
            {"month": "2022-07", "count": 1}, {"month": "2023-11", "count": 1},
            {"month": "2025-09", "count": 2}, {"month": None, "count": 1},
        ],
        "top_actors": [
            {"actor": _ref(1, "emmanuel-macron", "Emmanuel Macron"), "mentions": 6},
            {"actor": _ref(3, "ukraine", "Ukraine", "country"), "mentions": 5},
            {"actor": _ref(2, "volodymyr-zelenskyy", "Volodymyr Zelenskyy"), "mentions": 4},
            {"actor": _ref(5, "xi-jinping", "Xi Jinping"), "mentions": 3},
        ],
        "events_by_place": [
            {"location": "Istanbul", "country": "TR", "count": 1},
            {"location": "Paris, France", "country": "FR", "count": 1},
            {"location": "Woodside, California", "country": "US", "count": 1},
        ],
    }  # fmt: skip


def test_stats_take_the_list_filters(client: TestClient) -> None:
    params = {"date_from": "2023-01-01", "actor": "xi-jinping", "top": 2}
    body = client.get("/v1/stats", params=params).json()
    assert body["claims_by_status"] == {
        "verified": 1, "unconfirmed": 0, "disputed": 1, "reported": 0
    }  # fmt: skip
    assert body["claims_by_month"] == [{"month": "2023-11", "count": 2}]
    assert body["statements_by_month"] == [{"month": "2023-11", "count": 1}]
    assert body["briefs_by_month"] == [{"month": "2023-11", "count": 1}]
    assert body["top_actors"] == [
        {"actor": _ref(5, "xi-jinping", "Xi Jinping"), "mentions": 3},
        {"actor": _ref(4, "joe-biden", "Joe Biden"), "mentions": 1},
    ]


def test_stats_status_and_kind_narrow_claims_and_statements(client: TestClient) -> None:
    body = client.get("/v1/stats", params={"status": "verified", "kind": "reported"}).json()
    assert body["claims_by_status"] == {
        "verified": 4, "unconfirmed": 0, "disputed": 0, "reported": 0
    }  # fmt: skip
    assert body["claims_by_month"] == [
        {"month": "2022-07", "count": 1}, {"month": "2023-11", "count": 1},
        {"month": "2025-09", "count": 2},
    ]  # fmt: skip
    assert body["statements_by_month"] == [
        {"month": "2025-09", "count": 1}, {"month": None, "count": 1}
    ]  # fmt: skip


def test_stats_of_an_empty_database(empty_client: TestClient) -> None:
    body = empty_client.get("/v1/stats").json()
    assert body["claims_by_status"] == {
        "verified": 0, "unconfirmed": 0, "disputed": 0, "reported": 0
    }  # fmt: skip
    assert body["top_actors"] == body["briefs_by_month"] == []


def test_stats_refuse_an_inverted_range(client: TestClient) -> None:
    params = {"date_from": "2025-01-01", "date_to": "2024-01-01"}
    assert client.get("/v1/stats", params=params).status_code == 422


def test_stats_location_narrows_every_count_to_that_place(client: TestClient) -> None:
    # `Paris` names both Paris briefs ('Paris, France' and 'Paris'); the events counted are
    # those there, the claims and statements those of briefs there.
    body = client.get("/v1/stats", params={"location": "paris"}).json()
    assert body["claims_by_month"] == [{"month": "2025-09", "count": 4}]
    assert body["statements_by_month"] == [{"month": "2025-09", "count": 3}]
    assert body["briefs_by_month"] == [{"month": "2025-09", "count": 2}]
    assert body["events_by_place"] == [{"location": "Paris, France", "country": "FR", "count": 1}]
    nowhere = client.get("/v1/stats", params={"location": "Atlantis"}).json()
    assert nowhere["claims_by_month"] == nowhere["events_by_place"] == []


def test_stats_are_written_as_the_model_writes_them(client: TestClient) -> None:
    """The route writes its data with orjson, no model built: the bytes are the model's."""
    for params in (
        {},
        {"actor": "xi-jinping", "date_from": "2023-01-01", "top": 2},
        {"status": "disputed", "kind": "quote"},
        {"q": "grain"},
        {"location": "paris"},
    ):
        response = client.get("/v1/stats", params=params)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        model = Stats.model_validate_json(response.content)
        assert response.content == model.model_dump_json().encode(), params


def test_stats_of_one_actor_read_the_kept_counts(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One actor, with dates, status and kind, is answered from the kept counts, never by
    counting rows (seconds at 100,000 briefs), and without the claims list's reads of the
    actor's counts (`counts.few_claims`), which only rows counted need."""

    def counted_rows(*_: object) -> NoReturn:
        raise AssertionError("counted from the rows")

    monkeypatch.setattr(stats, "_from_rows", counted_rows)
    monkeypatch.setattr(counts, "few_claims", counted_rows)
    for params in (
        {"actor": "xi-jinping"},
        {"actor": "emmanuel-macron", "date_from": "2022-07-15", "date_to": "2025-09-30"},
        {"actor": "ukraine", "status": "verified", "kind": "quote", "date_to": "2024-01-01"},
    ):
        assert client.get("/v1/stats", params=params).status_code == 200, params

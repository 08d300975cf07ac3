"""GET /v1/actors and /v1/actors/{id_or_slug}."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import Params, ids, walk

BY_NAME = [1, 4, 6, 3, 7, 2, 5]

CASES: list[tuple[Params, list[int]]] = [
    ({}, BY_NAME),
    ({"sort": "-name"}, BY_NAME[::-1]),
    ({"kind": "country"}, [3]),
    ({"kind": "organization"}, [7]),
    ([("kind", "organization"), ("kind", "country")], [3, 7]),
    ({"q": "erdogan"}, [6]),
    ({"q": "ERDOĞAN"}, [6]),
    ({"q": "president macron"}, [1]),
    ({"q": "nations"}, [7]),
    ({"q": "zz\x00"}, []),
    ({"date_to": "2023-12-31"}, [4, 6, 3, 7, 5]),
    ({"date_from": "2025-01-01", "kind": "person"}, [1, 2]),
]  # fmt: skip


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_actor_filters_return_exactly_the_expected_rows(
    client: TestClient, params: Params, expected: list[int]
) -> None:
    assert ids(client, "/v1/actors", params) == expected


@pytest.mark.parametrize("limit", [1, 3])
@pytest.mark.parametrize(("params", "expected"), CASES[:2])
def test_actor_cursor_walk_returns_every_row_once(
    client: TestClient, params: Params, expected: list[int], limit: int
) -> None:
    assert walk(client, "/v1/actors", params, limit) == expected


@pytest.mark.parametrize("ref", ["ukraine", "3"])
def test_actor_detail_has_counts_and_dates_seen(client: TestClient, ref: str) -> None:
    body = client.get(f"/v1/actors/{ref}").json()
    assert body == {
        "id": 3, "slug": "ukraine", "name": "Ukraine", "kind": "country", "title": None,
        "country": "UA", "counts": {"briefs": 3, "statements": 2, "claims": 3},
        "first_seen_on": "2022-07-22", "last_seen_on": "2025-09-04", "aliases": ["Ukraine"],
    }  # fmt: skip


def test_actor_counts_include_speaking_and_mentions(client: TestClient) -> None:
    body = client.get("/v1/actors/emmanuel-macron").json()
    assert body["counts"] == {"briefs": 3, "statements": 3, "claims": 3}
    assert body["aliases"] == ["Emmanuel Macron", "Macron", "President Macron"]


@pytest.mark.parametrize("ref", ["nobody", "0", "99999999999999999999999", "a%00b"])
def test_unknown_actor_is_404(client: TestClient, ref: str) -> None:
    response = client.get(f"/v1/actors/{ref}")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"

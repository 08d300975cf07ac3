"""GET /v1/statements: the speaker counts as a mentioned actor."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import Params, ids, walk

NEWEST_FIRST = [6, 2, 1, 3, 4, 5]

CASES: list[tuple[Params, list[int]]] = [
    ({}, NEWEST_FIRST),
    ({"sort": "occurred_on"}, [4, 3, 1, 2, 6, 5]),
    ({"actor": "emmanuel-macron"}, [6, 1, 5]),
    ([("actor", "emmanuel-macron"), ("actor", "volodymyr-zelenskyy")], [6]),
    ({"actor": "volodymyr-zelenskyy"}, [6, 2]),
    ({"actor": "ukraine"}, [1, 4]),
    ({"actor": "united-nations"}, [4]),
    ({"actor": "nobody"}, []),
    ({"kind": "quote"}, [6, 1, 3, 4]),
    ({"kind": "reported"}, [2, 5]),
    ([("kind", "quote"), ("kind", "reported")], NEWEST_FIRST),
    ({"kind": "quote", "actor": "emmanuel-macron", "date_from": "2025-09-04"}, [6, 1]),
    ({"date_from": "2022-01-01", "date_to": "2023-12-31"}, [3, 4]),
    ({"brief": 1}, [2, 1]),
    ({"q": "NOUS"}, [6]),
    ({"q": "beacon hope"}, [4]),
]  # fmt: skip


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_statement_filters_return_exactly_the_expected_rows(
    client: TestClient, params: Params, expected: list[int]
) -> None:
    assert ids(client, "/v1/statements", params) == expected


@pytest.mark.parametrize("limit", [1, 4])
@pytest.mark.parametrize(("params", "expected"), CASES[:3])
def test_statement_cursor_walk_returns_every_row_once(
    client: TestClient, params: Params, expected: list[int], limit: int
) -> None:
    assert walk(client, "/v1/statements", params, limit) == expected


def test_statement_carries_speaker_role_mentions_and_brief(client: TestClient) -> None:
    item = client.get("/v1/statements/1").json()
    assert item["speaker"] == {
        "id": 1, "slug": "emmanuel-macron", "name": "Emmanuel Macron", "kind": "person"
    }  # fmt: skip
    assert item["speaker_role"] == "President of France"
    assert [actor["slug"] for actor in item["actors"]] == ["ukraine"]
    assert item["brief"] == {
        "id": 1, "title": "Paris summit on security guarantees",
        "label": "Paris summit on security guarantees", "occurred_on": "2025-09-04",
    }  # fmt: skip
    unattributed = client.get("/v1/statements/5").json()
    assert unattributed["speaker"] is None
    assert unattributed["occurred_on"] is None


def test_unknown_statement_is_404(client: TestClient) -> None:
    assert client.get("/v1/statements/77").status_code == 404

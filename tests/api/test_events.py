"""GET /v1/events: dates are the event's own; participants are the actors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import Params, ids, walk

CASES: list[tuple[Params, list[int]]] = [
    ({}, [1, 2, 3, 4]),
    ({"sort": "occurred_on"}, [3, 2, 1, 4]),
    ({"actor": "emmanuel-macron"}, [1, 4]),
    ([("actor", "joe-biden"), ("actor", "xi-jinping")], [2]),
    ([("actor", "joe-biden"), ("actor", "emmanuel-macron")], []),
    ({"location": "paris"}, [1]),
    ({"location": "PARIS, france"}, [1]),
    ({"location": "Woodside, California"}, [2]),
    ({"location": "istanbul"}, [3]),
    ({"location": "california"}, []),
    ({"location": "par\x00is"}, []),
    ({"brief": 2}, [2]),
    ({"date_to": "2023-01-01"}, [3]),
    ({"q": "summit"}, [1, 2]),
    ({"q": "summit", "actor": "xi-jinping"}, [2]),
]  # fmt: skip


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_event_filters_return_exactly_the_expected_rows(
    client: TestClient, params: Params, expected: list[int]
) -> None:
    assert ids(client, "/v1/events", params) == expected


@pytest.mark.parametrize(("params", "expected"), CASES[:2])
def test_event_cursor_walk_returns_every_row_once(
    client: TestClient, params: Params, expected: list[int]
) -> None:
    assert walk(client, "/v1/events", params, 1) == expected


def test_event_detail_lists_participants(client: TestClient) -> None:
    item = client.get("/v1/events/3").json()
    assert item["title"] == "Signing of the Black Sea Grain Initiative"
    assert [p["slug"] for p in item["participants"]] == ["recep-tayyip-erdogan", "united-nations"]
    assert item["brief"]["id"] == 3

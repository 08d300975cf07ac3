"""GET /v1/claims and /v1/claims/{id} on the fixture corpus (see corpus.py for the ids)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import Params, ids, walk
from tests.conftest import SEEDS

NEWEST_FIRST = [11, 3, 2, 1, 5, 4, 8, 7, 6, 10, 9]
OLDEST_FIRST = [6, 7, 8, 4, 5, 1, 2, 3, 11, 9, 10]

CASES: list[tuple[Params, list[int]]] = [
    ({}, NEWEST_FIRST),
    ({"sort": "occurred_on"}, OLDEST_FIRST),
    ({"actor": "emmanuel-macron"}, [11, 2, 9]),
    ({"actor": "1"}, [11, 2, 9]),
    ([("actor", "emmanuel-macron"), ("actor", "volodymyr-zelenskyy")], [11, 2]),
    ([("actor", "emmanuel-macron"), ("actor", "3")], [9]),
    ({"actor": "ukraine"}, [1, 6, 9]),
    ({"actor": "nobody-at-all"}, []),
    ([("actor", "ukraine"), ("actor", "nobody-at-all")], []),
    ({"actor": "99999999999999999999"}, []),
    ({"date_from": "2023-01-01"}, [11, 3, 2, 1, 5, 4]),
    ({"date_to": "2023-11-15"}, [5, 4, 8, 7, 6]),
    ({"date_from": "2023-11-15", "date_to": "2023-11-15"}, [5, 4]),
    ({"status": "verified"}, [11, 1, 4, 6]),
    ([("status", "verified"), ("status", "disputed")], [11, 1, 5, 4, 6, 10]),
    ({"status": "reported", "actor": "emmanuel-macron"}, [2, 9]),
    ({"actor": "ukraine", "date_from": "2022-01-01", "date_to": "2024-12-31",
      "status": "verified"}, [6]),
    ({"actor": "emmanuel-macron", "date_from": "2025-01-01", "status": "verified"}, [11]),
    ([("actor", "emmanuel-macron"), ("actor", "volodymyr-zelenskyy"),
      ("date_to", "2025-09-03")], []),
    ({"brief": 3}, [8, 7, 6]),
    ({"brief": 3, "status": "unconfirmed"}, [8]),
    ({"q": "élysée"}, [2]),
    ({"q": "ELYSEE"}, [2]),
    ({"q": "ukrainian ports"}, [6]),
    ({"q": "ports ukrainian"}, [6]),
    ({"q": "ukrainian elysee"}, []),
    ({"q": "100%"}, [7]),
    # Words start words (docs/api.md, "Text search"): no mid-word match any more.
    ({"q": "elys"}, [2]),
    ({"q": "lysee"}, []),
    ({"q": "ukr por"}, [6]),
    ({"q": "twenty-six"}, [1]),
    ({"q": "six"}, [1]),
    ({"q": "202"}, [5]),
    # Punctuation, `_` and NUL separate words; a `q` with no word matches nothing.
    ({"q": "%"}, []),
    ({"q": "_"}, []),
    ({"q": "grain_corridor"}, [7]),
    ({"q": "corridor grain"}, [7]),
    ({"q": "\\"}, []),
    ({"q": "talks\x00"}, [4, 10]),
    # Index query syntax typed in `q` is only words.
    ({"q": '"talks" AND'}, [4]),
    ({"q": "talks*"}, [4, 10]),
    ({"q": "talks OR ports"}, []),
    ({"q": "NEAR(talks ^ -stalled:"}, []),
    ({"q": "'talks'::tsquery & !"}, []),
    ({"q": "talks"}, [4, 10]),
    ({"q": "talks", "date_from": "2000-01-01"}, [4]),
]  # fmt: skip


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_claim_filters_return_exactly_the_expected_rows(
    client: TestClient, params: Params, expected: list[int]
) -> None:
    assert ids(client, "/v1/claims", params) == expected


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
@pytest.mark.parametrize(("params", "expected"), [CASES[0], CASES[1], CASES[5], CASES[14]])
def test_claim_cursor_walk_returns_every_row_once(
    client: TestClient, params: Params, expected: list[int], limit: int
) -> None:
    assert walk(client, "/v1/claims", params, limit) == expected


def test_claim_items_carry_actors_and_brief(client: TestClient) -> None:
    item = client.get("/v1/claims/2").json()
    assert item == {
        "id": 2,
        "text": "Macron hosted Zelenskyy at the Élysée.",
        "status": "reported",
        "section": "Key Takeaways",
        "occurred_on": "2025-09-04",
        "span": item["span"],
        "brief": {"id": 1, "title": "Paris summit on security guarantees",
                  "label": "Paris summit on security guarantees", "occurred_on": "2025-09-04"},
        "actors": [
            {"id": 1, "slug": "emmanuel-macron", "name": "Emmanuel Macron", "kind": "person"},
            {"id": 2, "slug": "volodymyr-zelenskyy", "name": "Volodymyr Zelenskyy",
             "kind": "person"},
        ],
    }  # fmt: skip
    source = client.get("/v1/briefs/1/source").text
    assert source[item["span"]["start"] : item["span"]["end"]] == item["text"]


def test_include_total_counts_every_matching_row(client: TestClient) -> None:
    body = client.get("/v1/claims", params={"limit": 2, "include_total": "true"}).json()
    assert body["total"] == 11
    assert "total" not in client.get("/v1/claims", params={"limit": 2}).json()


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"date_from": "2025-01-02", "date_to": "2025-01-01"}, "query.date_to"),
        ({"status": "rumoured"}, "query.status.0"),
        ({"limit": 0}, "query.limit"),
        ({"limit": 201}, "query.limit"),
        ({"brief": 2**31}, "query.brief"),
        ({"date_from": "yesterday"}, "query.date_from"),
        ({"sort": "title"}, "query.sort"),
    ],
)
def test_invalid_claim_parameters_are_422(client: TestClient, params: Params, name: str) -> None:
    response = client.get("/v1/claims", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert name in [p["name"] for p in response.json()["invalid_params"]]


@pytest.mark.parametrize("claim_id", ["999", "0", str(2**31), str(10**40), "abc"])
def test_unknown_or_impossible_claim_ids_are_404_or_422(client: TestClient, claim_id: str) -> None:
    response = client.get(f"/v1/claims/{claim_id}")
    assert response.status_code == (404 if claim_id == "999" else 422)
    assert response.headers["content-type"] == "application/problem+json"


def test_q_matches_letters_unicode_does_not_decompose(
    empty_client: TestClient, api_key: str
) -> None:
    """Search folds as slugs do: 'Łódź', 'ŁÓDŹ' and 'lodz' find the same claims."""
    brief = SEEDS.joinpath("2025-09-04-paris-security-guarantees.txt").read_text("utf-8")
    posted = empty_client.post(
        "/v1/briefs",
        content=brief.replace("Paris", "Łódź").encode(),
        headers={"Authorization": f"Bearer {api_key}", "Content-Type": "text/plain"},
    )
    assert posted.status_code == 201, posted.text
    found = {q: ids(empty_client, "/v1/claims", {"q": q}) for q in ("Łódź", "ŁÓDŹ", "lodz")}
    assert found["lodz"]
    assert found["Łódź"] == found["ŁÓDŹ"] == found["lodz"]


@pytest.mark.parametrize("path", ["/v1/claims", "/v1/statements"])
def test_location_keeps_the_rows_of_briefs_at_that_place(client: TestClient, path: str) -> None:
    """`location` is matched as on briefs and events: whole, or the part before a comma,
    ignoring case and accents; the rows kept are those of the briefs there."""
    briefs = client.get("/v1/briefs", params={"location": "PARIS", "limit": 200}).json()["items"]
    assert len(briefs) == 2
    rows = client.get(path, params={"location": "PARIS", "limit": 200}).json()["items"]
    assert rows
    assert {row["brief"]["id"] for row in rows} == {brief["id"] for brief in briefs}
    every = client.get(path, params={"limit": 200}).json()["items"]
    in_paris = [row["id"] for row in every if row["brief"]["id"] in {b["id"] for b in briefs}]
    assert [row["id"] for row in rows] == in_paris
    assert ids(client, path, {"location": "Atlantis"}) == []

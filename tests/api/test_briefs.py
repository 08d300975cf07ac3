"""GET /v1/briefs, /v1/briefs/{id} and /v1/briefs/{id}/source."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.db import get_engine
from app.ingest.service import store_with_retry
from app.parsing import parse_brief
from tests.api.helpers import Params, ids, walk
from tests.briefs_naming import MERKEL
from tests.conftest import SEEDS

CASES: list[tuple[Params, list[int]]] = [
    ({}, [5, 1, 2, 3, 4]),
    ({"sort": "occurred_on"}, [3, 2, 1, 5, 4]),
    ({"actor": "ukraine"}, [1, 3, 4]),
    ({"actor": "xi-jinping"}, [2]),
    ([("actor", "emmanuel-macron"), ("actor", "volodymyr-zelenskyy")], [5, 1]),
    ([("actor", "emmanuel-macron"), ("actor", "ukraine")], [1, 4]),
    ({"actor": "united-nations"}, [3]),
    ({"actor": "nobody"}, []),
    ({"location": "paris"}, [5, 1]),
    ({"location": "istanbul"}, [3]),
    ({"location": "türkiye"}, []),
    ({"date_from": "2023-11-15", "date_to": "2025-09-04"}, [5, 1, 2]),
    ({"actor": "ukraine", "date_to": "2024-01-01"}, [3]),
    ({"q": "istanbul"}, [3]),
    ({"q": "kyiv"}, [4]),
]  # fmt: skip


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_brief_filters_return_exactly_the_expected_rows(
    client: TestClient, params: Params, expected: list[int]
) -> None:
    assert ids(client, "/v1/briefs", params) == expected


@pytest.mark.parametrize("limit", [1, 2])
@pytest.mark.parametrize(("params", "expected"), CASES[:2])
def test_brief_cursor_walk_returns_every_row_once(
    client: TestClient, params: Params, expected: list[int], limit: int
) -> None:
    assert walk(client, "/v1/briefs", params, limit) == expected


def test_brief_list_items_carry_counts(client: TestClient) -> None:
    item = client.get("/v1/briefs", params={"limit": 1}).json()["items"][0]
    assert item["id"] == 5
    assert item["source_name"] == "paris-2.txt"
    assert item["counts"] == {"claims": 1, "statements": 1, "events": 0}


def test_brief_detail_has_every_part_in_document_order(client: TestClient) -> None:
    brief = client.get("/v1/briefs/1").json()
    assert brief["title"] == "Paris summit on security guarantees"
    assert [claim["id"] for claim in brief["claims"]] == [1, 2, 3]
    assert [statement["id"] for statement in brief["statements"]] == [1, 2]
    assert [event["id"] for event in brief["events"]] == [1]
    assert [actor["slug"] for actor in brief["actors"]] == [
        "emmanuel-macron", "ukraine", "volodymyr-zelenskyy"
    ]  # fmt: skip
    assert brief["impacts"] == [
        {"label": "Security", "text": "Europe steps up.", "span": brief["impacts"][0]["span"]}
    ]
    assert [section["kind"] for section in brief["sections"]] == ["lead"]
    assert brief["counts"] == {"claims": 3, "statements": 2, "events": 1}


def test_every_span_points_into_the_source(client: TestClient) -> None:
    brief = client.get("/v1/briefs/3").json()
    response = client.get("/v1/briefs/3/source")
    assert response.headers["content-type"].startswith("text/plain")
    source = response.text
    for part in ("claims", "statements", "impacts"):
        for row in brief[part]:
            assert source[row["span"]["start"] : row["span"]["end"]] == row["text"]
    for event in brief["events"]:
        assert source[event["span"]["start"] : event["span"]["end"]] == event["title"]


@pytest.mark.parametrize("path", ["/v1/briefs/9", "/v1/briefs/9/source"])
def test_unknown_brief_is_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["detail"] == "No brief with id 9."


def test_a_brief_naming_someone_outside_claims_statements_and_events_is_theirs(
    empty_client: TestClient,
) -> None:
    """Merkel is named only in Context & Impact, Rutte only under "What to Watch": each
    brief list, count and summary that asks which briefs name them finds the brief."""
    brief_id = store_with_retry(get_engine(), "merkel.txt", parse_brief(MERKEL.encode())).brief_id
    for slug in ("angela-merkel", "mark-rutte"):
        assert ids(empty_client, "/v1/briefs", {"actor": slug}) == [brief_id]
        actor = empty_client.get(f"/v1/actors/{slug}").json()
        assert actor["counts"] == {"briefs": 1, "statements": 0, "claims": 0}
        assert actor["first_seen_on"] == actor["last_seen_on"] == "2025-03-03"
        stats = empty_client.get("/v1/stats", params={"actor": slug}).json()
        assert stats["briefs_by_month"] == [{"month": "2025-03", "count": 1}]
        # Claims and statements keep to the actors they hold themselves.
        assert ids(empty_client, "/v1/claims", {"actor": slug}) == []
        assert ids(empty_client, "/v1/statements", {"actor": slug}) == []
    both = [("actor", "angela-merkel"), ("actor", "mark-rutte")]
    assert ids(empty_client, "/v1/briefs", both) == [brief_id]
    listed = empty_client.get("/v1/actors", params={"date_from": "2025-03-03"}).json()
    counts = {item["slug"]: item["counts"]["briefs"] for item in listed["items"]}
    assert counts["angela-merkel"] == counts["mark-rutte"] == 1
    brief = empty_client.get(f"/v1/briefs/{brief_id}").json()
    assert {"angela-merkel", "mark-rutte"} <= {actor["slug"] for actor in brief["actors"]}


def test_every_brief_reference_carries_its_label(client: TestClient) -> None:
    """Briefs, and the brief of every claim, statement and event, are named by `label`:
    the parser's (here the title)."""
    briefs = client.get("/v1/briefs", params={"limit": 200}).json()["items"]
    labels = {brief["id"]: brief["label"] for brief in briefs}
    assert labels
    assert all(brief["label"] == brief["title"] for brief in briefs)
    for path in ("/v1/claims", "/v1/statements", "/v1/events"):
        for item in client.get(path, params={"limit": 200}).json()["items"]:
            assert item["brief"]["label"] == labels[item["brief"]["id"]], path


def test_a_brief_without_a_title_is_labelled_from_its_lead(
    empty_client: TestClient, api_key: str
) -> None:
    text = SEEDS.joinpath("2025-09-04-paris-security-guarantees.txt").read_bytes()
    headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "text/plain"}
    posted = empty_client.post("/v1/briefs", content=text, headers=headers)
    assert posted.status_code == 201, posted.text
    brief = empty_client.get(f"/v1/briefs/{posted.json()['id']}").json()
    assert brief["title"] is None
    assert brief["label"] == (
        "Ukrainian President Volodymyr Zelenskyy met a group of European leaders"
        " — Paris, 4 Sep 2025"
    )
    assert brief["events"][0]["country"] == "FR"
    assert brief["claims"][0]["brief"]["label"] == brief["label"]

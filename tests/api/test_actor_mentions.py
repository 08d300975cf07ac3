"""GET /v1/actors/{id_or_slug}/mentions: every place a brief names an actor."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.service import store_with_retry
from app.ingest.sources import discover
from app.parsing import parse_brief
from app.vocabulary import fold
from tests.api.helpers import Params, ids, walk
from tests.briefs_naming import MERKEL
from tests.conftest import SEEDS

# In the corpus (tests/api/corpus.py) each brief names, in order, the actors it links.
MACRON = "/v1/actors/emmanuel-macron/mentions"
CASES: list[tuple[Params, list[int]]] = [
    ({}, [2, 9, 11]),
    ({"brief": 4}, [9]),
    ({"brief": 2}, []),
    ({"section": "Context & Impact"}, [2, 9, 11]),
    ({"section": "context & impact"}, []),
    ({"date_from": "2025-01-01"}, [2, 11]),
    ({"date_to": "2025-01-01"}, []),
]  # fmt: skip


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_mention_filters_return_exactly_the_expected_rows(
    client: TestClient, params: Params, expected: list[int]
) -> None:
    assert ids(client, MACRON, params) == expected


@pytest.mark.parametrize("limit", [1, 3])
def test_mention_cursor_walk_returns_every_row_once(client: TestClient, limit: int) -> None:
    assert walk(client, MACRON, {}, limit) == [2, 9, 11]
    assert walk(client, "/v1/actors/1/mentions", {"date_from": "2025-01-01"}, limit) == [2, 11]


def test_mention_items_name_their_brief_section_span_and_snippet(client: TestClient) -> None:
    body = client.get("/v1/actors/xi-jinping/mentions", params={"include_total": True}).json()
    assert body["total"] == 1
    (item,) = body["items"]
    source = client.get("/v1/briefs/2/source").text
    start, end = item["span"]["start"], item["span"]["end"]
    assert source[start:end] == "Xi Jinping"
    assert item["brief"] == {"id": 2, "title": "Biden and Xi meet in Woodside",
                             "label": "Biden and Xi meet in Woodside",
                             "occurred_on": "2023-11-15"}  # fmt: skip
    assert item["section"] == "Context & Impact"
    snippet = item["snippet"]
    assert snippet["text"][snippet["start"] : snippet["end"]] == "Xi Jinping"
    # The 60 characters before it start inside "countries": the snippet starts a word later.
    assert snippet["text"] == "to succeed. Lead: Biden and Xi meet in Woodside Joe Biden Xi Jinping"


@pytest.mark.parametrize("ref", ["nobody", "0", "a%00b"])
def test_mentions_of_an_unknown_actor_are_404(client: TestClient, ref: str) -> None:
    response = client.get(f"/v1/actors/{ref}/mentions")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_a_cursor_of_another_list_is_refused(client: TestClient) -> None:
    cursor = client.get("/v1/claims", params={"limit": 1}).json()["next_cursor"]
    response = client.get(MACRON, params={"cursor": cursor})
    assert response.status_code == 422
    assert "another list" in response.json()["detail"]


def test_mentions_speak_csv_and_ndjson(client: TestClient) -> None:
    csv = client.get(MACRON, params={"format": "csv", "limit": 1})
    assert csv.text.splitlines()[0] == (
        "id,brief_id,brief_title,brief_label,brief_occurred_on,section,span_start,span_end,"
        "snippet_text,snippet_start,snippet_end"
    )
    assert len(csv.text.splitlines()) == 1 + 3  # an export: every mention, `limit` ignored
    assert "link" not in csv.headers
    lines = client.get(MACRON, params={"format": "ndjson"}).text.splitlines()
    assert len(lines) == 3


def _every_mention(client: TestClient, slug: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        body = client.get(f"/v1/actors/{slug}/mentions", params=params).json()
        items += body["items"]
        if (cursor := body["next_cursor"]) is None:
            return items


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_span_slices_the_served_source_at_a_name_of_the_actor(
    empty_client: TestClient, database_url: str
) -> None:
    """On the seeds, as parsed: each page of each actor's mentions, in (brief, start) order,
    each span a name or alias of the actor in the text `/source` serves, each snippet
    that text around it on one line."""
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    actors = empty_client.get("/v1/actors", params={"limit": 200}).json()["items"]
    sources: dict[int, str] = {}
    seen = 0
    for actor in actors:
        detail = empty_client.get(f"/v1/actors/{actor['slug']}").json()
        names = {fold(name) for name in (detail["name"], *detail["aliases"])}
        items = _every_mention(empty_client, actor["slug"])
        assert items, actor["slug"]
        places = [(item["brief"]["id"], item["span"]["start"]) for item in items]
        assert places == sorted(places)
        assert len({item["brief"]["id"] for item in items}) == detail["counts"]["briefs"]
        for item in items:
            brief_id = item["brief"]["id"]
            if brief_id not in sources:
                sources[brief_id] = empty_client.get(f"/v1/briefs/{brief_id}/source").text
            named = sources[brief_id][item["span"]["start"] : item["span"]["end"]]
            assert fold(named) in names, (actor["slug"], named)
            snippet = item["snippet"]
            assert snippet["text"][snippet["start"] : snippet["end"]] == _one_line(named)
            assert snippet["text"] in _one_line(sources[brief_id])
            assert len(snippet["text"]) <= 2 * 60 + len(named)
            seen += 1
    with get_engine(database_url).connect() as connection:
        assert seen == connection.execute(text("SELECT count(*) FROM mentions")).scalar_one()


def test_a_mention_in_context_and_impact_is_listed(empty_client: TestClient) -> None:
    brief_id = store_with_retry(get_engine(), "merkel.txt", parse_brief(MERKEL.encode())).brief_id
    body = empty_client.get("/v1/actors/angela-merkel/mentions").json()
    assert [(i["brief"]["id"], i["section"]) for i in body["items"]] == [
        (brief_id, "Context & Impact")
    ]
    snippet = body["items"][0]["snippet"]
    assert snippet["text"] == (
        "The talks echo the 2017 Franco-German push led by former Chancellor Angela Merkel, "
        "whose government first proposed a common defence fund."
    )
    rutte = empty_client.get("/v1/actors/mark-rutte/mentions", params={"section": "What to Watch"})
    assert len(rutte.json()["items"]) == 1

"""A list answered in the format asked for; the JSON page and its `Link` to the next."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_empty_lists_in_every_format(empty_client: TestClient) -> None:
    assert empty_client.get("/v1/events").json() == {"items": [], "next_cursor": None}
    assert empty_client.get("/v1/events", params={"format": "ndjson"}).text == ""
    csv_text = empty_client.get("/v1/events", params={"format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("id,title,occurred_on,location")


def test_link_header_keeps_every_parameter(client: TestClient) -> None:
    params = [("actor", "emmanuel-macron"), ("actor", "volodymyr-zelenskyy"), ("limit", "1")]
    response = client.get("/v1/claims", params=params)
    link = response.headers["link"]
    assert link.endswith('>; rel="next"')
    url = link[1 : link.index(">")]
    assert "actor=emmanuel-macron&actor=volodymyr-zelenskyy&limit=1&cursor=" in url
    following = client.get(url)
    assert [item["id"] for item in following.json()["items"]] == [2]

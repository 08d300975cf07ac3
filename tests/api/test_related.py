"""GET /v1/actors/{id_or_slug}/related on the fixture corpus (tests/api/corpus.py)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def _ref(actor_id: int, slug: str, name: str, kind: str = "person") -> dict[str, object]:
    return {"id": actor_id, "slug": slug, "name": name, "kind": kind}


ZELENSKYY = _ref(2, "volodymyr-zelenskyy", "Volodymyr Zelenskyy")
UKRAINE = _ref(3, "ukraine", "Ukraine", "country")


def _related(client: TestClient, ref: str, **params: Any) -> dict[str, Any]:
    answer = client.get(f"/v1/actors/{ref}/related", params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def test_related_counts_shared_claims_statements_and_events(client: TestClient) -> None:
    body = _related(client, "emmanuel-macron")
    assert body == {
        "actor": _ref(1, "emmanuel-macron", "Emmanuel Macron"),
        "items": [
            # Two claims, the statement he made naming Zelenskyy, the Paris summit.
            {"actor": ZELENSKYY, "count": 4, "last_seen_on": "2025-09-04",
             "shared": {"claims": 2, "statements": 1, "events": 1}},
            # The undated claim about Kyiv and his statement naming Ukraine.
            {"actor": UKRAINE, "count": 2, "last_seen_on": "2025-09-04",
             "shared": {"claims": 1, "statements": 1, "events": 0}},
        ],
    }  # fmt: skip


def test_related_by_id_and_by_slug_agree(client: TestClient) -> None:
    assert _related(client, "1") == _related(client, "emmanuel-macron")


def test_related_takes_dates_and_status(client: TestClient) -> None:
    verified = _related(client, "emmanuel-macron", status="verified")["items"]
    assert [(item["actor"]["slug"], item["shared"]) for item in verified] == [
        ("volodymyr-zelenskyy", {"claims": 1, "statements": 1, "events": 1}),
        ("ukraine", {"claims": 0, "statements": 1, "events": 0}),
    ]
    dated = _related(client, "emmanuel-macron", date_from="2025-01-01")["items"]
    assert [(item["actor"]["slug"], item["count"]) for item in dated] == [
        ("volodymyr-zelenskyy", 4),
        ("ukraine", 1),
    ]
    assert _related(client, "emmanuel-macron", date_to="2020-01-01")["items"] == []


def test_related_counts_the_speaker_of_a_statement(client: TestClient) -> None:
    # Xi speaks alone; Biden and Xi share one claim and the Woodside summit.
    items = _related(client, "joe-biden")["items"]
    assert [(item["actor"]["slug"], item["shared"]) for item in items] == [
        ("xi-jinping", {"claims": 1, "statements": 0, "events": 1}),
    ]
    assert _related(client, "united-nations")["items"][0]["actor"] == UKRAINE


def test_related_limit_keeps_the_most_shared(client: TestClient) -> None:
    items = _related(client, "emmanuel-macron", limit=1)["items"]
    assert [item["actor"] for item in items] == [ZELENSKYY]


def test_related_refuses_bad_input(client: TestClient) -> None:
    assert client.get("/v1/actors/nobody/related").status_code == 404
    for params in ({"limit": 0}, {"limit": 101}, {"status": "rumour"},
                   {"date_from": "2025-02-01", "date_to": "2025-01-01"}):  # fmt: skip
        answer = client.get("/v1/actors/emmanuel-macron/related", params=params)
        assert answer.status_code == 422, params
        assert answer.headers["content-type"] == "application/problem+json"

"""Revisions through the API, on both databases: the feed, a claim's history, a brief's
revisions, and what a deletion leaves."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api import feed
from app.parsing import parse_brief
from tests.briefs_revised import ADDED, AFTER, BEFORE, CONFIRMED, WITHDRAWN

NAME = "geneva.md"


def _post(client: TestClient, key: str, text: str, name: str = NAME) -> dict[str, Any]:
    response = client.post(
        "/v1/briefs",
        json={"text": text, "source_name": name},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code in (200, 201), response.text
    return dict(response.json())


def _claims(client: TestClient, brief_id: int) -> dict[str, dict[str, Any]]:
    page = client.get("/v1/claims", params={"brief": brief_id, "limit": 200}).json()
    return {claim["text"]: claim for claim in page["items"]}


@pytest.fixture
def revised(empty_client: TestClient, api_key: str) -> dict[str, Any]:
    """A brief stored, then revised; its claims before and after."""
    brief_id = _post(empty_client, api_key, BEFORE)["id"]
    before = _claims(empty_client, brief_id)
    detail = empty_client.get(f"/v1/briefs/{brief_id}").json()
    assert _post(empty_client, api_key, AFTER)["outcome"] == "updated"
    after = _claims(empty_client, brief_id)
    return {"id": brief_id, "before": before, "after": after, "detail": detail}


def test_the_feed_shows_exactly_the_revision_s_changes(
    empty_client: TestClient, revised: dict[str, Any]
) -> None:
    before, after = revised["before"], revised["after"]
    page = empty_client.get("/v1/changes").json()
    seen = [(c["type"], c["item_id"], c["old_status"], c["new_status"]) for c in page["items"]]
    assert seen == [
        ("brief.created", None, None, None),
        ("brief.updated", None, None, None),
        ("claim.status_changed", before[CONFIRMED[0]]["id"], "unconfirmed", "verified"),
        ("claim.status_changed", before[CONFIRMED[1]]["id"], "unconfirmed", "verified"),
        ("claim.added", after[ADDED]["id"], None, "unconfirmed"),
        ("claim.removed", before[WITHDRAWN]["id"], "unconfirmed", None),
    ]
    assert {c["brief_id"] for c in page["items"]} == {revised["id"]}
    assert [c["revision"] for c in page["items"]] == [1, 2, 2, 2, 2, 2]
    assert page["next_cursor"] == str(page["items"][-1]["id"])
    rest = empty_client.get("/v1/changes", params={"after": page["next_cursor"]}).json()
    assert rest == {"items": [], "next_cursor": page["next_cursor"]}


def test_the_feed_pages_and_filters(empty_client: TestClient, revised: dict[str, Any]) -> None:
    ids = [c["id"] for c in empty_client.get("/v1/changes").json()["items"]]
    first = empty_client.get("/v1/changes", params={"limit": 4}).json()
    second = empty_client.get("/v1/changes", params={"after": first["next_cursor"]}).json()
    assert [c["id"] for c in first["items"] + second["items"]] == ids
    typed = empty_client.get("/v1/changes", params=[("type", "claim.added"),
                                                    ("type", "claim.removed")]).json()  # fmt: skip
    assert [c["type"] for c in typed["items"]] == ["claim.added", "claim.removed"]
    assert (
        empty_client.get("/v1/changes", params={"brief": revised["id"] + 1}).json()["items"] == []
    )
    guterres = empty_client.get("/v1/changes", params={"actor": "antonio-guterres"}).json()
    assert [c["type"] for c in guterres["items"]][:2] == ["brief.created", "brief.updated"]
    nobody = empty_client.get("/v1/changes", params={"actor": "nobody-at-all"}).json()
    assert nobody["items"] == []


def test_the_feed_read_from_its_end_newest_first(
    empty_client: TestClient, revised: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [c["id"] for c in empty_client.get("/v1/changes").json()["items"]]
    latest = empty_client.get("/v1/changes", params={"sort": "-id", "limit": 4}).json()
    assert [c["id"] for c in latest["items"]] == ids[::-1][:4]
    assert latest["next_cursor"] == str(ids[2])
    older = empty_client.get(
        "/v1/changes", params={"sort": "-id", "limit": 4, "before": latest["next_cursor"]}
    ).json()
    assert [c["id"] for c in older["items"]] == ids[1::-1]
    end = {"sort": "-id", "before": older["next_cursor"]}
    assert empty_client.get("/v1/changes", params=end).json() == {
        "items": [], "next_cursor": str(ids[0])
    }  # fmt: skip
    # Filters and the lower bound apply as in commit order; NDJSON streams the same order,
    # batch after batch.
    since = {"sort": "-id", "after": ids[1], "type": "claim.status_changed"}
    confirmed = empty_client.get("/v1/changes", params=since).json()["items"]
    assert [c["id"] for c in confirmed] == ids[3:1:-1]
    monkeypatch.setattr(feed, "NDJSON_BATCH", 2)
    lines = empty_client.get("/v1/changes", params={"sort": "-id", "format": "ndjson"}).text
    assert [json.loads(line)["id"] for line in lines.splitlines()] == ids[::-1]
    before_all = {"sort": "-id", "before": "3000000000"}
    assert empty_client.get("/v1/changes", params=before_all).status_code == 422


def test_an_empty_feed_read_from_its_end(empty_client: TestClient) -> None:
    assert empty_client.get("/v1/changes", params={"sort": "-id"}).json() == {
        "items": [], "next_cursor": "0"
    }  # fmt: skip


def test_the_feed_as_ndjson(empty_client: TestClient, revised: dict[str, Any]) -> None:
    response = empty_client.get("/v1/changes", params={"format": "ndjson", "after": "1"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert lines[0]["type"] == "brief.updated"
    assert len(lines) == 5


def test_a_long_poll_waits_for_a_change_then_gives_up(
    empty_client: TestClient, revised: dict[str, Any]
) -> None:
    last = empty_client.get("/v1/changes").json()["next_cursor"]
    started = time.monotonic()
    waited = empty_client.get("/v1/changes", params={"after": last, "wait": 0.6}).json()
    assert waited == {"items": [], "next_cursor": last}
    assert time.monotonic() - started >= 0.5


def test_a_window_closed_by_before_is_read_once_however_long_the_wait(
    empty_client: TestClient, revised: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Changes get ever higher ids: none can come below `before`, so there is nothing to
    wait for."""
    reads: list[object] = []
    read = feed.read_changes
    monkeypatch.setattr(feed, "read_changes", lambda *args: reads.append(args) or read(*args))
    answer = empty_client.get("/v1/changes", params={"before": "1", "wait": 30}).json()
    assert answer["items"] == []
    assert len(reads) == 1


def test_bad_feed_parameters_are_problems(empty_client: TestClient) -> None:
    for params in ({"after": "-1"}, {"after": "x"}, {"after": "3000000000"}, {"wait": 31},
                   {"type": "claim.eaten"}, {"format": "csv"}, {"sort": "id,-id"},
                   {"before": "-3"}):  # fmt: skip
        response = empty_client.get("/v1/changes", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"


def test_a_confirmed_claim_shows_both_statuses(
    empty_client: TestClient, revised: dict[str, Any]
) -> None:
    claim_id = revised["before"][CONFIRMED[0]]["id"]
    assert revised["after"][CONFIRMED[0]]["id"] == claim_id
    history = empty_client.get(f"/v1/claims/{claim_id}/history").json()
    assert history["brief_id"] == revised["id"]
    entries = [(e["change"], e["status"], e["revision"]) for e in history["entries"]]
    assert entries == [("added", "unconfirmed", 1), ("status_changed", "verified", 2)]


def test_a_removed_claim_keeps_its_history(
    empty_client: TestClient, revised: dict[str, Any]
) -> None:
    claim_id = revised["before"][WITHDRAWN]["id"]
    assert empty_client.get(f"/v1/claims/{claim_id}").status_code == 404
    history = empty_client.get(f"/v1/claims/{claim_id}/history").json()
    entries = [(e["change"], e["status"], e["revision"]) for e in history["entries"]]
    assert entries == [("added", "unconfirmed", 1), ("removed", None, 2)]
    assert empty_client.get("/v1/claims/999999/history").status_code == 404


def test_revisions_list_and_serve_their_source_and_rows(
    empty_client: TestClient, revised: dict[str, Any]
) -> None:
    brief_id = revised["id"]
    listed = empty_client.get(f"/v1/briefs/{brief_id}/revisions").json()["items"]
    assert [(r["number"], r["kind"]) for r in listed] == [(1, "created"), (2, "updated")]
    assert listed[1]["summary"]["claims_status_changed"] == 2
    assert listed[1]["summary"]["claims_added"] == listed[1]["summary"]["claims_removed"] == 1
    assert listed[0]["superseded_at"] == listed[1]["recorded_at"]

    old = empty_client.get(f"/v1/briefs/{brief_id}/revisions/1").json()
    assert old["source"] == BEFORE
    assert [c["text"] for c in old["claims"]][-1] == WITHDRAWN
    assert [c["id"] for c in old["claims"]] == sorted(c["id"] for c in revised["before"].values())
    for claim in old["claims"]:
        assert old["source"][claim["span"]["start"] : claim["span"]["end"]] == claim["text"]
    new = empty_client.get(f"/v1/briefs/{brief_id}/revisions/2").json()
    assert new["source"] == AFTER
    assert {c["text"]: c["status"] for c in new["claims"]}[CONFIRMED[1]] == "verified"
    assert len(new["statements"]) == len(new["events"]) == 1
    assert empty_client.get(f"/v1/briefs/{brief_id}/revisions/3").status_code == 404


def test_a_deleted_brief_leaves_a_tombstone(
    empty_client: TestClient, api_key: str, revised: dict[str, Any]
) -> None:
    brief_id = revised["id"]
    deleted = empty_client.delete(
        f"/v1/briefs/{brief_id}", headers={"Authorization": f"Bearer {api_key}"}
    )
    assert deleted.status_code == 204
    assert empty_client.get(f"/v1/briefs/{brief_id}").status_code == 404
    listed = empty_client.get(f"/v1/briefs/{brief_id}/revisions").json()["items"]
    assert [r["kind"] for r in listed] == ["created", "updated", "deleted"]
    # Each revision names the brief as its content did; the tombstone as the last one did.
    label = parse_brief(AFTER).label
    assert label
    assert [r["label"] for r in listed] == [parse_brief(BEFORE).label, label, label]
    tombstone = empty_client.get(f"/v1/briefs/{brief_id}/revisions/3").json()
    assert (tombstone["source"], tombstone["claims"]) == (None, [])
    assert empty_client.get(f"/v1/briefs/{brief_id}/revisions/2").json()["source"] == AFTER
    feed = empty_client.get("/v1/changes", params={"type": "brief.deleted"}).json()["items"]
    assert [(c["brief_id"], c["revision"]) for c in feed] == [(brief_id, 3)]
    before_deletion = listed[1]["recorded_at"]
    then = empty_client.get(f"/v1/briefs/{brief_id}", params={"as_of": before_deletion})
    assert {c["id"] for c in then.json()["claims"]} == {c["id"] for c in revised["after"].values()}
    claims = empty_client.get("/v1/claims", params={"as_of": before_deletion}).json()["items"]
    assert {c["text"] for c in claims} == set(revised["after"])
    gone = empty_client.get(f"/v1/briefs/{brief_id}", params={"as_of": listed[2]["recorded_at"]})
    assert gone.status_code == 404


def _revision_times(client: TestClient, brief_id: int) -> list[str]:
    listed = client.get(f"/v1/briefs/{brief_id}/revisions").json()["items"]
    return [revision["recorded_at"] for revision in listed]


def test_claims_as_of_before_the_revision_are_the_old_rows(
    empty_client: TestClient, revised: dict[str, Any]
) -> None:
    first, second = _revision_times(empty_client, revised["id"])
    then = _claims_as_of(empty_client, first)
    assert then == revised["before"]
    assert _claims_as_of(empty_client, second) == revised["after"]
    verified = empty_client.get("/v1/claims", params={"as_of": first, "status": "verified"})
    assert len(verified.json()["items"]) == 1
    before_anything = empty_client.get("/v1/claims", params={"as_of": "2000-01-01T00:00:00Z"})
    assert before_anything.json()["items"] == []


def _claims_as_of(client: TestClient, at: str) -> dict[str, dict[str, Any]]:
    page = client.get("/v1/claims", params={"as_of": at, "limit": 200}).json()
    return {claim["text"]: claim for claim in page["items"]}


def test_a_brief_as_of_before_the_revision_is_the_old_brief(
    empty_client: TestClient, revised: dict[str, Any]
) -> None:
    brief_id = revised["id"]
    first, second = _revision_times(empty_client, brief_id)
    then = empty_client.get(f"/v1/briefs/{brief_id}", params={"as_of": first}).json()
    assert then == revised["detail"]
    now = empty_client.get(f"/v1/briefs/{brief_id}", params={"as_of": second}).json()
    assert now == empty_client.get(f"/v1/briefs/{brief_id}").json()
    early = empty_client.get(f"/v1/briefs/{brief_id}", params={"as_of": "2000-01-01"})
    assert early.status_code == 404


def test_as_of_refuses_filters_it_cannot_answer(empty_client: TestClient) -> None:
    for params in ({"as_of": "2025-01-01T00:00:00Z", "q": "convoy"},
                   {"as_of": "2025-01-01T00:00:00Z", "actor": "antonio-guterres"},
                   {"as_of": "not a time"}):  # fmt: skip
        response = empty_client.get("/v1/claims", params=params)
        assert response.status_code == 422, params

"""A claim's status history and the recently changed list (issue #15) in headless Chromium:
the history of a claim confirmed by a revision, the revision's changes newest first, a click
on a change opening its claim or brief, a shared URL reopening the view, the keyboard, AA
contrast, and nothing split mid-word or scrolling sideways at 375 and 1440 px. The API is
the oracle, as in test_dashboard.py; the server's newest brief is `tests/briefs_revised.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.briefs_revised import ADDED, CONFIRMED, WITHDRAWN
from tests.dashboard.page import (
    BROKEN_WORDS,
    COLOURS,
    DESKTOP,
    PAGE_SIZE,
    PHONE,
    Dashboard,
    contrast,
)

WIDE = {"width": 1440, "height": 900}
HISTORY = "#claim-history-list li"
CHANGES = "#changes-list li"
# The part of the page from the top of element `from` to the bottom of element `to`.
BETWEEN = """([from, to]) => {
    const top = document.getElementById(from).getBoundingClientRect().top + scrollY - 8;
    const end = document.getElementById(to).getBoundingClientRect().bottom + scrollY + 8;
    return {x: 0, y: top, width: document.documentElement.clientWidth, height: end - top};
}"""


def _latest(dashboard: Dashboard, **params: Any) -> list[dict[str, Any]]:
    page = dashboard.api("/v1/changes", sort="-id", limit=PAGE_SIZE, **params)
    return list(page["items"])


def _confirmed(dashboard: Dashboard) -> dict[str, Any]:
    """The status change confirming the first of the revised brief's confirmed claims."""
    changes = _latest(dashboard, type="claim.status_changed")[:2]
    texts = [dashboard.api(f"/v1/claims/{change['item_id']}")["text"] for change in changes]
    return changes[texts.index(CONFIRMED[0])]


def _entry(dashboard: Dashboard, change_id: int) -> Any:
    return dashboard.page.locator(f"{CHANGES}[data-change-id='{change_id}'] .change-entry")


def test_a_claim_confirmed_in_a_revision_shows_its_status_history(dashboard: Dashboard) -> None:
    claim_id = _confirmed(dashboard)["item_id"]
    history = dashboard.api(f"/v1/claims/{claim_id}/history")
    assert [(e["status"], e["revision"]) for e in history["entries"]] == [
        ("unconfirmed", 1), ("verified", 2)
    ]  # fmt: skip
    dashboard.open(f"?claim={claim_id}")
    page = dashboard.page
    entries = page.locator(HISTORY)
    expect(entries).to_have_count(2)
    expect(entries.nth(0)).to_contain_text("unconfirmed")
    expect(entries.nth(0)).to_contain_text("added in revision 1")
    expect(entries.nth(1)).to_contain_text("verified")
    expect(entries.nth(1)).to_contain_text("changed in revision 2")
    recorded = history["entries"][1]["recorded_at"]
    expect(entries.nth(1).locator("time")).to_have_attribute("datetime", recorded)
    minute = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d UTC$")
    expect(entries.nth(1).locator("time")).to_have_text(minute)
    # The current status is marked, in words and for assistive technology; only it.
    expect(page.locator(f"{HISTORY}[aria-current='true']")).to_have_count(1)
    expect(entries.nth(1)).to_have_attribute("aria-current", "true")
    expect(entries.nth(1)).to_contain_text("current")
    expect(page.locator("#highlight")).to_have_text(CONFIRMED[0])
    dashboard.shot("changes-history")
    # A statement has no status history: the list goes.
    page.locator("#statements-list").get_by_role("button", name="Show in brief").first.click()
    dashboard.wait_ready()
    expect(page.locator("#claim-history")).to_be_hidden()


def test_recently_changed_lists_the_revision_s_changes_newest_first(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    latest = _latest(dashboard)
    shown = dashboard.ids_shown(CHANGES, "data-change-id")
    assert shown == [change["id"] for change in latest]
    # The revision's changes come first: the claim withdrawn, the one added, the two
    # confirmed, then the brief's update.
    assert [c["type"] for c in latest[:5]] == [
        "claim.removed", "claim.added", "claim.status_changed", "claim.status_changed",
        "brief.updated",
    ]  # fmt: skip
    label = dashboard.api(f"/v1/briefs/{latest[0]['brief_id']}")["label"]
    confirmed = _entry(dashboard, _confirmed(dashboard)["id"])
    expect(confirmed).to_contain_text("Claim status changed")
    expect(confirmed.locator(".badge")).to_have_text(["unconfirmed", "verified"])
    expect(confirmed.locator(".brief-label")).to_have_text(label)
    expect(confirmed).to_contain_text("revision 2")
    expect(confirmed.locator(".change-text")).to_have_text(CONFIRMED[0])
    # The withdrawn claim is no longer in the brief: its text comes from the revision before.
    withdrawn = _entry(dashboard, latest[0]["id"])
    expect(withdrawn).to_contain_text("Claim removed")
    expect(withdrawn.locator(".change-text")).to_have_text(WITHDRAWN)
    expect(_entry(dashboard, latest[1]["id"]).locator(".change-text")).to_have_text(ADDED)
    expect(_entry(dashboard, latest[4]["id"])).to_contain_text("Brief revised")
    expect(_entry(dashboard, latest[4]["id"]).locator(".change-text")).to_have_count(0)
    # Every brief is named by its label, never by an id.
    assert not re.search(r"\bBrief \d+\b", page.locator("#changes").inner_text())
    dashboard.shot("changes-list")
    # Older changes: the page before, as the API reads it back with `before`.
    page.get_by_role("button", name="Older", exact=True).click()
    dashboard.wait_ready()
    older = _latest(dashboard, before=latest[-1]["id"])
    assert dashboard.ids_shown(CHANGES, "data-change-id") == [c["id"] for c in older]
    expect(page.locator("#changes-page")).to_have_text("Page 2")
    page.get_by_role("button", name="Newer", exact=True).click()
    dashboard.wait_ready()
    assert dashboard.ids_shown(CHANGES, "data-change-id") == shown


def test_a_click_on_a_change_opens_its_claim_or_its_brief(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    latest = _latest(dashboard)
    added = latest[1]
    _entry(dashboard, added["id"]).click()
    dashboard.wait_ready()
    expect(page.locator("#highlight")).to_have_text(ADDED)
    expect(page).to_have_url(re.compile(f"claim={added['item_id']}"))
    expect(page.locator(HISTORY)).to_have_count(1)
    expect(page.locator(f"{CHANGES}.selected")).to_have_attribute(
        "data-change-id", str(added["id"])
    )
    # The brief's update opens the brief whole: its label, no highlight, no claim history.
    updated = latest[4]
    label = dashboard.api(f"/v1/briefs/{updated['brief_id']}")["label"]
    _entry(dashboard, updated["id"]).click()
    dashboard.wait_ready()
    expect(page.locator("#brief-heading")).to_have_text(label)
    expect(page).to_have_url(re.compile(f"brief={updated['brief_id']}"))
    expect(page).not_to_have_url(re.compile("claim="))
    expect(page.locator("#highlight")).to_have_count(0)
    expect(page.locator("#claim-history")).to_be_hidden()
    expect(page.locator("#brief-source")).to_contain_text("A field hospital will open")
    # In Oslo the same claim was added by revision 2 and withdrawn by revision 3: its entry
    # opens the brief as it is now, without asking for the claim (no 404 in the console).
    oslo = _latest(dashboard, before=latest[5]["id"], type="claim.added")
    gone = next(change for change in oslo if change["revision"] == 2)
    _entry(dashboard, gone["id"]).click()
    dashboard.wait_ready()
    expect(page).to_have_url(re.compile(f"brief={gone['brief_id']}"))
    expect(page.locator("#brief-heading")).to_contain_text("Oslo")
    expect(page.locator("#highlight")).to_have_count(0)
    expect(page.locator("#brief-source")).not_to_contain_text("A field hospital will open")


def test_a_deleted_brief_is_named_by_its_last_label(dashboard: Dashboard) -> None:
    (deleted,) = _latest(dashboard, type="brief.deleted")
    revisions = dashboard.api(f"/v1/briefs/{deleted['brief_id']}/revisions")["items"]
    label = revisions[-1]["label"]
    assert revisions[-1]["kind"] == "deleted"
    assert "Lisbon" in label
    assert label == revisions[-2]["label"]
    dashboard.open("?change=brief.deleted")
    entry = dashboard.page.locator(f"{CHANGES}[data-change-id='{deleted['id']}']")
    expect(entry.locator(".brief-label")).to_have_text(label)
    # A brief no longer stored cannot be opened: the entry is no button, and nothing asked
    # for the brief (no 404 in the console: the fixture fails the test on any).
    expect(entry.locator("button")).to_have_count(0)
    # Its claims' removals read their texts from the revision before the tombstone.
    dashboard.open("?change=claim.removed")
    last = dashboard.api(f"/v1/briefs/{deleted['brief_id']}/revisions/{revisions[-2]['number']}")
    removed = f"{CHANGES}[data-brief-id='{deleted['brief_id']}']"
    texts = dashboard.page.locator(f"{removed} .change-text").all_inner_texts()
    assert sorted(texts) == sorted(claim["text"] for claim in last["claims"])
    assert len(texts) == 4
    expect(dashboard.page.locator(f"{removed} .brief-label").first).to_have_text(label)


def _state(dashboard: Dashboard) -> dict[str, Any]:
    page = dashboard.page
    return {
        "url": page.url,
        "type": page.get_by_label("Kind of change").input_value(),
        "changes": dashboard.ids_shown(CHANGES, "data-change-id"),
        "highlight": page.locator("#highlight").inner_text(),
        "history": page.locator(HISTORY).all_inner_texts(),
        "brief": page.locator("#brief-heading").inner_text(),
    }


def test_a_shared_url_reopens_the_changes_and_the_history(
    open_dashboard: Callable[[dict[str, int]], Dashboard],
) -> None:
    first = open_dashboard(DESKTOP)
    first.open()
    page = first.page
    page.get_by_label("Kind of change").select_option("claim.status_changed")
    first.wait_ready()
    expect(page).to_have_url(re.compile(r"change=claim\.status_changed"))
    changes = _latest(first, type="claim.status_changed")
    assert first.ids_shown(CHANGES, "data-change-id") == [c["id"] for c in changes]
    page.locator(".change-entry").first.click()
    first.wait_ready()
    expect(page.locator(HISTORY)).to_have_count(2)
    shared = _state(first)
    assert f"claim={changes[0]['item_id']}" in shared["url"]

    second = open_dashboard(DESKTOP)
    second.page.goto(shared["url"])
    second.wait_ready()
    expect(second.page.locator(HISTORY)).to_have_count(2)
    assert {**_state(second), "url": shared["url"]} == shared
    assert second.page.url == shared["url"]
    # A brief opened whole is in the URL too.
    brief_id = changes[0]["brief_id"]
    second.open(f"?brief={brief_id}")
    expect(second.page.locator("#brief-heading")).to_have_text(shared["brief"])
    expect(second.page.locator("#highlight")).to_have_count(0)


def test_the_changes_and_the_history_work_with_the_keyboard(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    page.get_by_label("Kind of change").focus()
    page.keyboard.press("Tab")
    entry = page.locator(".change-entry").first
    expect(entry).to_be_focused()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused entry shows a focus ring"
    page.keyboard.press("Tab")
    expect(page.locator(".change-entry").nth(1)).to_be_focused()
    page.keyboard.press("Enter")  # the claim added by the revision
    dashboard.wait_ready()
    expect(page.locator("#brief-heading")).to_be_focused()
    expect(page.locator("#highlight")).to_have_text(ADDED)
    expect(page.locator(HISTORY)).to_have_count(1)
    expect(page.locator(HISTORY).first).to_have_attribute("aria-current", "true")


def test_the_changes_and_the_history_meet_aa_contrast(dashboard: Dashboard) -> None:
    dashboard.open(f"?claim={_confirmed(dashboard)['item_id']}")
    page = dashboard.page
    page.locator(".change-entry").first.hover()
    parts = (
        "#changes .change-type, #changes .change-text, #changes .badge, #changes .brief-label,"
        " #changes .when,"
        " #changes .change-meta, #changes label, #changes select, #changes button,"
        " #claim-history h3, #claim-history li, #claim-history .badge, #claim-history .when"
    )
    colours = page.locator(parts).evaluate_all(COLOURS)
    assert len(colours) > 40
    assert [(name, fg, bg) for name, fg, bg in colours if contrast(fg, bg) < 4.5] == []


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["375px", "1440px"])
def test_the_changes_and_the_history_fit_without_breaking_words(
    open_dashboard: Callable[[dict[str, int]], Dashboard], viewport: dict[str, int]
) -> None:
    dashboard = open_dashboard(viewport)
    dashboard.open()
    page = dashboard.page
    _entry(dashboard, _confirmed(dashboard)["id"]).click()
    dashboard.wait_ready()
    expect(page.locator(HISTORY)).to_have_count(2)
    parts = "#changes-list li, #changes label, #changes .pager, #claim-history li, #brief-heading"
    assert page.locator(parts).evaluate_all(BROKEN_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.mouse.move(0, 0)  # no entry under the pointer, hovered
    # The pictures in docs/dashboard.md. Wide: the list, the brief and its history beside it
    # (sticky, so the viewport is taken, not the page); phone: the list's first changes, and
    # the brief's heading down to the history.
    if viewport is PHONE:
        clip = page.evaluate(BETWEEN, ["changes", "changes-list"])
        page.screenshot(
            path=dashboard.screenshots / "changes-375px.png",
            clip={**clip, "height": min(clip["height"], 1000)},
            full_page=True,
        )
        clip = page.evaluate(BETWEEN, ["brief", "claim-history"])
        page.screenshot(path=dashboard.screenshots / "history-375px.png", clip=clip, full_page=True)
    else:
        page.evaluate("window.scrollTo(0, document.getElementById('changes').offsetTop - 8)")
        dashboard.shot(f"changes-{viewport['width']}px")

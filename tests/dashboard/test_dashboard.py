"""The dashboard in headless Chromium: load, filter, page, open a brief and see the
highlight, errors shown, markup escaped, keyboard and phone use, with no console errors.

The API itself is the oracle: what the page shows is compared with what `/v1` answers.
Each state is saved as a PNG in the `dashboard-screenshots` folder of pytest's temp dir.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx
from playwright.sync_api import expect

from tests.dashboard.page import COLOURS, PAGE_SIZE, PHONE, Dashboard, contrast


def test_page_loads_the_timeline_claims_and_statements(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    claims = dashboard.all_rows("/v1/claims")
    stats = dashboard.api("/v1/stats")
    months = {bucket["month"] for bucket in stats["statements_by_month"]}
    months |= {claim["occurred_on"][:7] for claim in claims if claim["occurred_on"]}
    expect(page.locator("#timeline-rows tr")).to_have_count(len(months))  # the chart as a table
    september = page.locator("#timeline-rows tr", has_text="2025-09")
    in_september = sum(1 for claim in claims if (claim["occurred_on"] or "").startswith("2025-09"))
    expect(september.locator("td").nth(1)).to_have_text(str(in_september))
    verified = stats["claims_by_status"]["verified"]
    expect(page.locator("#status-counts li").first).to_have_text(f"verified {verified}")
    expect(page.locator("#claims-summary")).to_have_text(f"{len(claims)} claims match the filters.")
    assert dashboard.ids_shown("#claims-rows tr", "data-claim-id") == [
        claim["id"] for claim in claims[:PAGE_SIZE]
    ]
    expect(page.locator("#statements-list > li")).to_have_count(PAGE_SIZE)
    dashboard.shot("01-loaded")


def test_filters_by_autocompleted_actor_date_range_and_status(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    page.get_by_label("Actor", exact=True).fill("macr")
    expect(page.get_by_role("option", name=re.compile("Emmanuel Macron"))).to_be_visible()
    dashboard.shot("02-autocomplete")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#actor-chosen-name")).to_have_text("Actor: Emmanuel Macron")
    dashboard.wait_ready()
    page.get_by_label("From").fill("2025-01-01")
    page.get_by_label("To", exact=True).fill("2025-12-31")
    page.get_by_label("verified").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"date_from=2025-01-01&date_to=2025-12-31&status=verified"))
    dashboard.wait_ready()

    filters = {"actor": "emmanuel-macron", "date_from": "2025-01-01", "date_to": "2025-12-31"}
    claims = dashboard.all_rows("/v1/claims", **filters, status="verified")
    assert claims, "the seeds hold verified claims about Macron in 2025"
    assert dashboard.ids_shown("#claims-rows tr", "data-claim-id") == [c["id"] for c in claims]
    expect(page.locator("#claims-rows .badge")).to_have_text(["verified"] * len(claims))
    statements = dashboard.all_rows("/v1/statements", **filters)
    shown = dashboard.ids_shown("#statements-list > li", "data-statement-id")
    assert shown == [statement["id"] for statement in statements]
    expect(page.locator("#statements-summary")).to_contain_text("by or about Emmanuel Macron")
    speakers = page.locator("#statements-list .speaker").all_inner_texts()
    assert any(speaker.startswith("Emmanuel Macron") for speaker in speakers), speakers
    dashboard.shot("03-filtered")
    page.locator("#claims-rows").get_by_role("button", name="Show in brief").first.click()
    expect(page.locator("#highlight")).to_have_text(claims[0]["text"])
    dashboard.shot("04-filtered-brief")  # the picture in README.md (docs/dashboard.png)


def test_pages_through_every_claim_and_back(dashboard: Dashboard) -> None:
    dashboard.open()
    claims = dashboard.page.locator("#claims")
    next_page = claims.get_by_role("button", name="Next page")
    seen: list[int] = []
    pages = 1
    while True:
        seen += dashboard.ids_shown("#claims-rows tr", "data-claim-id")
        if next_page.is_disabled():
            break
        next_page.click()
        pages += 1
        expect(claims.locator("#claims-page")).to_contain_text(f"Page {pages} ")
        dashboard.wait_ready()
    assert seen == [claim["id"] for claim in dashboard.all_rows("/v1/claims")]
    assert pages > 1
    dashboard.shot("05-last-page")
    claims.get_by_role("button", name="Previous page").click()
    expect(claims.locator("#claims-page")).to_contain_text(f"Page {pages - 1} ")


def _highlighted(dashboard: Dashboard, item: dict[str, Any]) -> None:
    """The brief view shows the item's whole source with exactly its span marked."""
    source = httpx.get(f"{dashboard.base}/v1/briefs/{item['brief']['id']}/source").text
    start, end = item["span"]["start"], item["span"]["end"]
    mark = dashboard.page.locator("#highlight")
    expect(mark).to_be_in_viewport()
    assert mark.evaluate("(element) => element.textContent") == source[start:end]
    text = dashboard.page.locator("#brief-source").evaluate("(element) => element.textContent")
    assert text == source


def test_opens_the_brief_of_a_claim_and_of_a_statement_with_the_span_highlighted(
    dashboard: Dashboard,
) -> None:
    dashboard.open()
    page = dashboard.page
    claim = dashboard.api("/v1/claims", limit=1)["items"][0]
    page.locator("#claims-rows tr").first.get_by_role("button", name="Show in brief").click()
    expect(page.locator("#brief-selection")).to_contain_text(f"claim ({claim['status']})")
    _highlighted(dashboard, claim)
    dashboard.shot("06-brief-claim")

    statement = dashboard.api("/v1/statements", limit=1)["items"][0]
    page.locator("#statements-list > li").first.get_by_role("button").click()
    expect(page.locator("#brief-selection")).to_contain_text(f"statement ({statement['kind']})")
    _highlighted(dashboard, statement)
    dashboard.shot("07-brief-statement")


def test_shows_the_problem_when_the_api_refuses_a_filter(dashboard: Dashboard) -> None:
    # Chromium logs every 4xx fetch; these two are the point of the test.
    dashboard.allowed_errors += ["status of 422", "status of 404"]
    dashboard.open("?date_from=2025-01-01&date_to=2024-01-01")
    alert = dashboard.page.get_by_role("alert")
    expect(alert).to_contain_text("Invalid parameter")
    expect(alert).to_contain_text("query.date_to: must not be before date_from")
    dashboard.shot("08-problem")
    # An unknown actor in the URL is reported and dropped from the filters.
    dashboard.open("?actor=nobody-of-that-name")
    expect(alert).to_contain_text("Not found")
    expect(dashboard.page).to_have_url(f"{dashboard.base}/dashboard")
    total = len(dashboard.all_rows("/v1/claims"))
    summary = dashboard.page.locator("#claims-summary")
    expect(summary).to_have_text(f"{total} claims match the filters.")


def test_shows_markup_from_briefs_as_text(dashboard: Dashboard) -> None:
    dashboard.open("?date_from=2024-03-03&date_to=2024-03-03")
    page = dashboard.page
    expect(page.locator("#claims-rows td", has_text="<b>talks</b>")).to_have_count(1)
    expect(page.locator("#statements-list blockquote")).to_contain_text(["<em>not</em>"])
    page.locator("#claims-rows").get_by_role("button", name="Show in brief").click()
    expect(page.locator("#highlight")).to_contain_text("<script>window.injected=1</script>")
    expect(page.locator("#brief-source")).to_contain_text('<img src=x onerror="window.injected=1">')
    assert page.locator("main b, main em, main script, main img").count() == 0
    assert page.evaluate("window.injected") is None


def test_works_with_the_keyboard_alone(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    unlabelled = page.locator("input").evaluate_all(
        "(inputs) => inputs.filter((i) => !i.labels.length && !i.getAttribute('aria-label'))"
        ".map((i) => i.outerHTML)"
    )
    assert unlabelled == []
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.get_by_role("link", name="Skip to claims")).to_be_focused()
    page.keyboard.press("Tab")  # then the link to the API docs
    page.keyboard.press("Tab")
    expect(page.get_by_label("Actor", exact=True)).to_be_focused()
    page.keyboard.type("biden")
    expect(page.get_by_role("option").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#actor-chosen-name")).to_have_text("Actor: Joe Biden")
    dashboard.wait_ready()
    for _ in range(150):  # onwards through the filters, map and network to a claim's button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Show in brief":
            break
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused button shows a focus ring"
    page.keyboard.press("Enter")
    expect(page.locator("#highlight")).to_be_visible()
    expect(page.locator("#brief-heading")).to_be_focused()


def test_text_meets_aa_contrast(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    page.locator("#claims-rows").get_by_role("button").first.click()
    expect(page.locator("#highlight")).to_be_visible()
    selector = (
        ".badge, .muted, .hint, button:not(:disabled), th, td, a, mark, label, h2, .legend li,"
        " .neighbours li, summary"
    )
    colours = page.locator(selector).evaluate_all(COLOURS)
    low = [(name, fg, bg) for name, fg, bg in colours if contrast(fg, bg) < 4.5]
    assert low == []
    assert len({name for name, _, _ in colours if "badge-" in name}) >= 4


def test_fits_a_phone_screen(open_dashboard: Callable[[dict[str, int]], Dashboard]) -> None:
    dashboard = open_dashboard(PHONE)
    dashboard.open()
    page = dashboard.page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    dashboard.shot("09-phone", full_page=True)
    page.locator("#claims-rows").get_by_role("button").first.click()
    expect(page.locator("#highlight")).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    dashboard.shot("10-phone-brief")


def test_spans_count_characters_as_the_api_does(dashboard: Dashboard) -> None:
    # The API counts code points; JavaScript strings count UTF-16 units, which differ
    # beyond the Basic Multilingual Plane.
    dashboard.open()
    mark = "(await import('/dashboard/static/js/brief.js')).markSource"
    parts = dashboard.page.evaluate(
        f"""async () => {{
            const {{ nodes, highlight }} = {mark}('a😀b«c»', {{start: 2, end: 5}},
                                                [{{start: 1, end: 3}}]);
            const root = document.createElement('pre');
            root.append(...nodes);
            return [root.textContent, highlight.textContent,
                    [...root.querySelectorAll('mark.mention')].map((m) => m.textContent)];
        }}"""
    )
    text = "a😀b«c»"
    # The mention [1, 3) straddles the start of the highlight: marked on both sides of it.
    assert parts == [text, text[2:5], [text[1:2], text[2:3]]]


def test_marks_every_place_the_brief_names_the_actor_in_focus(dashboard: Dashboard) -> None:
    """With an actor chosen, the brief shows each of its mentions (the API's spans, in any
    section) marked, besides the highlighted claim."""
    slug = "emmanuel-macron"
    dashboard.open(f"?actor={slug}")
    page = dashboard.page
    claim = dashboard.api("/v1/claims", actor=slug, limit=1)["items"][0]
    page.locator("#claims-rows tr").first.get_by_role("button", name="Show in brief").click()
    _highlighted(dashboard, claim)
    brief_id = claim["brief"]["id"]
    mentions = dashboard.api(f"/v1/actors/{slug}/mentions", brief=brief_id, limit=200)["items"]
    source = httpx.get(f"{dashboard.base}/v1/briefs/{brief_id}/source").text
    named = [source[m["span"]["start"] : m["span"]["end"]] for m in mentions]
    sections = {m["section"] for m in mentions}
    assert len(sections) > 2, "the brief names the actor in several parts"
    marks = page.locator("#brief-source mark.mention")
    expect(marks).to_have_count(len(named))
    assert marks.evaluate_all("(marks) => marks.map((m) => m.textContent)") == named
    expect(page.locator("#brief-selection")).to_contain_text(
        f"Emmanuel Macron is named in {len(named)} places in this brief"
    )
    dashboard.shot("11-brief-mentions")

    page.get_by_role("button", name="Remove actor").click()
    dashboard.wait_ready()
    page.locator("#claims-rows tr").first.get_by_role("button", name="Show in brief").click()
    expect(page.locator("#highlight")).to_be_visible()
    expect(page.locator("#brief-source mark.mention")).to_have_count(0)

"""The dashboard's views in headless Chromium: brief labels, the time axis (gaps, stacks, a
drag that sets the dates), the network re-centring, the map filtering by place, and a URL
that reopens the same view; no console errors, the keyboard works them, nothing wraps
mid-word from 375 px up. The API is the oracle, as in test_dashboard.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.dashboard.page import BROKEN_WORDS, BUTTON_LINES, DESKTOP, PHONE, Dashboard

WIDE = {"width": 1440, "height": 900}


def _x(dashboard: Dashboard, month: str) -> float:
    """Where the chart puts a month: the x of its first bar."""
    bar = dashboard.page.locator(f".timeline-chart rect.bar[data-month='{month}']").first
    return float(bar.get_attribute("x") or "nan")


def _months_between(first: str, last: str) -> int:
    (y1, m1), (y2, m2) = (map(int, first.split("-")), map(int, last.split("-")))
    return (y2 * 12 + m2) - (y1 * 12 + m1)


def test_briefs_are_named_by_their_label_everywhere(dashboard: Dashboard) -> None:
    """The seed brief without a title is named by the label the parser made from its Lead,
    in the claims, the statements and the brief view; never 'Brief <id>'."""
    dashboard.open("?date_from=2025-09-04&date_to=2025-09-04")
    page = dashboard.page
    claim = dashboard.api("/v1/claims", date_from="2025-09-04", date_to="2025-09-04")["items"][0]
    brief = dashboard.api(f"/v1/briefs/{claim['brief']['id']}")
    assert brief["title"] is None
    assert brief["label"].endswith("— Paris, 4 Sep 2025")
    expect(page.locator("#claims-rows .brief-label").first).to_have_text(brief["label"])
    expect(page.locator("#statements-list .brief-label").first).to_have_text(brief["label"])
    page.locator("#claims-rows").get_by_role("button", name="Show in brief").first.click()
    expect(page.locator("#brief-heading")).to_have_text(brief["label"])
    assert not re.search(r"\bBrief \d+\b", page.locator("main").inner_text())


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["375px", "1440px"])
def test_buttons_and_columns_never_wrap_mid_word(
    open_dashboard: Callable[[dict[str, int]], Dashboard], viewport: dict[str, int]
) -> None:
    dashboard = open_dashboard(viewport)
    dashboard.open()
    page = dashboard.page
    # The pictures in docs/dashboard.md: the charts, from the top (wide) or the timeline on.
    top = page.evaluate("document.getElementById('timeline').offsetTop") if viewport is PHONE else 0
    clip = {"x": 0, "y": top, "width": viewport["width"], "height": 1640}
    page.screenshot(
        path=dashboard.screenshots / f"views-{viewport['width']}px.png", clip=clip, full_page=True
    )
    page.locator("#claims-rows").get_by_role("button", name="Show in brief").first.click()
    expect(page.locator("#highlight")).to_be_visible()
    # An entry of the recently changed list is a button of several lines by design: its
    # words are checked with the cells instead.
    assert page.locator("button:not(.change-entry)").evaluate_all(BUTTON_LINES) == []
    cells = (
        "#claims-rows td, #claims thead th, #statements-list .meta, .legend li, #brief-heading,"
        " #changes-list li"
    )
    assert page.locator(cells).evaluate_all(BROKEN_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_the_time_axis_is_continuous_with_gaps_and_stacks_claims_by_status(
    dashboard: Dashboard,
) -> None:
    dashboard.open()
    page = dashboard.page
    stats = dashboard.api("/v1/stats")
    dated = sorted(
        {b["month"] for b in stats["claims_by_month"] + stats["statements_by_month"] if b["month"]}
    )
    chart = page.locator(".timeline-chart")
    expect(chart).to_have_attribute("data-first", dated[0])
    expect(chart).to_have_attribute("data-last", dated[-1])
    bars = page.locator(".timeline-chart rect.bar")
    shown = set(bars.evaluate_all("(rects) => rects.map((r) => r.dataset.month)"))
    assert shown == set(dated)
    # A gap: the seeds have nothing between July 2015 and April 2018, and the axis keeps
    # room for those 33 months, as for every other pair of months.
    assert "2016-01" not in shown
    slot = (_x(dashboard, dated[-1]) - _x(dashboard, dated[0])) / _months_between(
        dated[0], dated[-1]
    )
    for month in dated[1:-1]:
        expected = _x(dashboard, dated[0]) + slot * _months_between(dated[0], month)
        assert _x(dashboard, month) == pytest.approx(expected, abs=0.01), month
    # Stacked: each month has a bar per verification status its claims have.
    for month in dated:
        statuses = {b["status"] for b in stats["claims_by_month_and_status"] if b["month"] == month}
        drawn = page.locator(f".timeline-chart rect.bar[data-month='{month}']").evaluate_all(
            "(rects) => rects.map((r) => r.dataset.status)"
        )
        assert set(drawn) - {"statements"} == statuses, month
    dashboard.shot("views-timeline")


def _drag(dashboard: Dashboard, first: str, last: str) -> None:
    page = dashboard.page

    def centre(month: str) -> tuple[float, float]:
        box = page.locator(f".timeline-chart rect.bar[data-month='{month}']").first.bounding_box()
        assert box is not None
        return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    page.mouse.move(*centre(first))
    page.mouse.down()
    page.mouse.move(*centre(last), steps=5)
    page.mouse.up()


def test_dragging_across_the_axis_sets_the_dates(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    _drag(dashboard, "2023-08", "2023-11")
    expect(page.get_by_label("From")).to_have_value("2023-08-01")
    expect(page.get_by_label("To", exact=True)).to_have_value("2023-11-30")
    expect(page).to_have_url(re.compile(r"date_from=2023-08-01&date_to=2023-11-30"))
    dashboard.wait_ready()
    claims = dashboard.all_rows("/v1/claims", date_from="2023-08-01", date_to="2023-11-30")
    expect(page.locator("#claims-summary")).to_have_text(f"{len(claims)} claims match the filters.")
    chart = page.locator(".timeline-chart")
    expect(chart).to_have_attribute("data-first", "2023-08")
    expect(chart).to_have_attribute("data-last", "2023-11")
    dashboard.shot("views-dragged")


def _neighbours(dashboard: Dashboard) -> list[str]:
    return dashboard.page.locator(".network g.neighbour").evaluate_all(
        "(nodes) => nodes.map((n) => n.dataset.slug)"
    )


def test_the_network_recentres_on_a_clicked_neighbour(dashboard: Dashboard) -> None:
    dashboard.open("?focus=ukraine")
    page = dashboard.page
    related = dashboard.api("/v1/actors/ukraine/related", limit=12)
    expect(page.locator(".network")).to_have_attribute("data-centre", "ukraine")
    assert _neighbours(dashboard) == [item["actor"]["slug"] for item in related["items"]]
    widths = page.locator(".network line.edge").evaluate_all(
        "(lines) => lines.map((l) => Number(l.getAttribute('stroke-width')))"
    )
    counts = [item["count"] for item in related["items"]]
    assert widths == sorted(widths, reverse=True)
    if counts[0] > counts[-1]:
        assert widths[0] > widths[-1]
    dashboard.shot("views-network")

    russia = related["items"][0]["actor"]
    page.locator(f".network g.neighbour[data-slug='{russia['slug']}']").click()
    expect(page.locator(".network")).to_have_attribute("data-centre", russia["slug"])
    expect(page.locator("#network-heading")).to_have_text(f"Who appears with {russia['name']}")
    expect(page).to_have_url(re.compile(f"focus={russia['slug']}"))
    dashboard.wait_ready()
    again = dashboard.api(f"/v1/actors/{russia['slug']}/related", limit=12)
    assert _neighbours(dashboard) == [item["actor"]["slug"] for item in again["items"]]
    # With the keyboard: Enter on a neighbour re-centres too.
    back = page.locator(".network g.neighbour[data-slug='ukraine']")
    back.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".network")).to_have_attribute("data-centre", "ukraine")


def test_a_click_on_the_map_filters_by_place(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    places = dashboard.api("/v1/stats")["events_by_place"]
    paris = next(place for place in places if place["location"] == "Paris")
    assert paris["country"] == "FR"
    france = page.locator(".world-map path[data-country='FR']")
    expect(france).to_have_attribute("role", "button")
    assert "shade-0" not in (france.get_attribute("class") or "")
    brazil = page.locator(".world-map path[data-country='BR']")
    expect(brazil).to_have_class(re.compile("shade-0"))
    expect(brazil).not_to_have_attribute("role", "button")
    _click_at(dashboard, longitude=2.35, latitude=48.86)  # Paris
    expect(page.get_by_label("Place", exact=True)).to_have_value("Paris")
    expect(page).to_have_url(re.compile(r"location=Paris"))
    dashboard.wait_ready()
    claims = dashboard.all_rows("/v1/claims", location="Paris")
    assert claims
    assert dashboard.ids_shown("#claims-rows tr", "data-claim-id") == [c["id"] for c in claims][:20]
    expect(page.locator("#map-places button[aria-pressed='true']")).to_have_text("Paris (1)")
    dashboard.shot("views-map-paris")
    # The map shows the events under the filters: only France's now, and with the keyboard
    # (Enter on a shaded country) the place can be changed back.
    expect(page.locator(".world-map path[role='button']")).to_have_count(1)
    page.get_by_role("button", name="Reset").click()
    dashboard.wait_ready()
    page.locator(".world-map path[data-country='AT']").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Place", exact=True)).to_have_value("Vienna")


def _click_at(dashboard: Dashboard, *, longitude: float, latitude: float) -> None:
    """Click the map where it draws a point (as map.js projects it)."""
    svg = dashboard.page.locator(".world-map")
    svg.scroll_into_view_if_needed()
    box = svg.bounding_box()
    assert box is not None
    width, height = (float(v) for v in (svg.get_attribute("viewBox") or "").split()[2:])
    x = (longitude + 180) / 360 * width
    y = (84 - latitude) / (84 + 58) * height
    dashboard.page.mouse.click(
        box["x"] + x * box["width"] / width, box["y"] + y * box["height"] / height
    )


def _state(dashboard: Dashboard) -> dict[str, Any]:
    page = dashboard.page
    return {
        "url": page.url,
        "actor": page.locator("#actor-chosen-name").inner_text(),
        "from": page.get_by_label("From").input_value(),
        "to": page.get_by_label("To", exact=True).input_value(),
        "place": page.get_by_label("Place", exact=True).input_value(),
        "statuses": page.locator("input[name=status]:checked").evaluate_all(
            "(boxes) => boxes.map((b) => b.value)"
        ),
        "claims": dashboard.ids_shown("#claims-rows tr", "data-claim-id"),
        "highlight": page.locator("#highlight").inner_text(),
        "brief": page.locator("#brief-heading").inner_text(),
        "centre": page.locator(".network").get_attribute("data-centre"),
    }


def test_a_shared_url_reopens_the_same_view(
    open_dashboard: Callable[[dict[str, int]], Dashboard],
) -> None:
    first = open_dashboard(DESKTOP)
    first.open()
    page = first.page
    page.get_by_label("Actor", exact=True).fill("macr")
    page.get_by_role("option", name=re.compile("Emmanuel Macron")).click()
    first.wait_ready()
    page.get_by_label("From").fill("2025-01-01")
    page.get_by_label("verified").check()
    page.get_by_label("Place", exact=True).fill("paris")
    page.get_by_role("button", name="Apply filters").click()
    first.wait_ready()
    page.locator(".network g.neighbour").first.click()
    first.wait_ready()
    page.locator("#claims-rows").get_by_role("button", name="Show in brief").first.click()
    expect(page.locator("#highlight")).to_be_visible()
    shared = _state(first)
    for part in ("actor=emmanuel-macron", "date_from=2025-01-01", "status=verified",
                 "location=paris", "claim=", "focus="):  # fmt: skip
        assert part in shared["url"], part

    second = open_dashboard(DESKTOP)
    second.page.goto(shared["url"])
    second.wait_ready()
    expect(second.page.locator("#highlight")).to_be_visible()
    assert _state(second) == shared
    second.shot("views-reopened")

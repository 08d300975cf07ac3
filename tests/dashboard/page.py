"""One browser page on the dashboard, and the sizes, waits and page checks the tests share."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import ConsoleMessage, Page

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
PAGE_SIZE = 20  # as in static/js/pager.js
TIMEOUT_MS = 10_000
READY = """() => [...document.querySelectorAll('[aria-busy]')]
    .every((section) => section.getAttribute('aria-busy') === 'false')"""

# Every word in the elements `selector` finds that is split over two lines: a word's range
# has client rectangles on more than one line. A hyphen or dash is a fair place to break
# ('Putin–Zelenskyy'), so it ends a word here.
BROKEN_WORDS = """(elements) => elements.flatMap((element) => {
    if (!element.getClientRects().length) return [];
    const broken = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/[^\\s\\-–—]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) broken.push(match[0]);
        }
    }
    return broken;
})"""
# The lines a button's text takes.
BUTTON_LINES = """(buttons) => buttons.filter((b) => b.getClientRects().length).map((b) => {
    const range = document.createRange();
    range.selectNodeContents(b);
    return [b.textContent, new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size];
}).filter(([, lines]) => lines > 1)"""


def luminance(rgb: str) -> float:
    """The relative luminance (WCAG 2) of a CSS `rgb(...)` colour."""
    channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two CSS `rgb(...)` colours (AA text: 4.5 or more)."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# [class, colour, background] of each element: the first background behind it that is set.
COLOURS = """(elements) => elements.map((element) => {
    let behind = element;
    while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)') {
        behind = behind.parentElement;
    }
    const background = behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)';
    return [element.className || element.tagName, getComputedStyle(element).color, background];
})"""


class Dashboard:
    """One browser page on the dashboard, recording console errors."""

    def __init__(self, page: Page, base: str, screenshots: Path) -> None:
        self.page = page
        self.base = base
        self.screenshots = screenshots
        self.console_errors: list[str] = []
        self.allowed_errors: list[str] = []
        page.on("console", self._record)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _record(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.console_errors.append(message.text)

    def unexpected_errors(self) -> list[str]:
        return [
            error
            for error in self.console_errors
            if not any(allowed in error for allowed in self.allowed_errors)
        ]

    def open(self, query: str = "") -> None:
        self.page.goto(f"{self.base}/dashboard{query}")
        self.wait_ready()

    def wait_ready(self) -> None:
        self.page.wait_for_function(READY)

    def shot(self, name: str, *, full_page: bool = False) -> None:
        self.page.screenshot(path=self.screenshots / f"{name}.png", full_page=full_page)

    def api(self, path: str, **params: Any) -> Any:
        return httpx.get(f"{self.base}{path}", params=params).raise_for_status().json()

    def all_rows(self, path: str, **params: Any) -> list[dict[str, Any]]:
        answer = httpx.get(f"{self.base}{path}", params={**params, "format": "ndjson"})
        return [json.loads(line) for line in answer.raise_for_status().text.splitlines()]

    def ids_shown(self, selector: str, attribute: str) -> list[int]:
        values = self.page.locator(selector).evaluate_all(
            f"(rows) => rows.map((row) => row.getAttribute('{attribute}'))"
        )
        return [int(value) for value in values]

"""One browser page on the dashboard, and the sizes and waits the tests share."""

from __future__ import annotations

import json
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

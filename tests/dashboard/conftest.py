"""A seeded server and headless Chromium (Debian's package, driven by Playwright)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from app import migrate
from app.ingest.job import ingest_sources
from app.ingest.service import delete_brief
from app.ingest.sources import discover
from tests.briefs_revised import AFTER, BEFORE
from tests.conftest import SEEDS
from tests.dashboard.page import DESKTOP, TIMEOUT_MS, Dashboard
from tests.live_server import live_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

# A brief whose claim, statement and title carry markup: the dashboard must show it as text.
MARKUP_BRIEF = """Markup <b>check</b> in Geneva

Lead: On March 3, 2024 in Geneva, delegates met to discuss <img src=x onerror="window.injected=1"> a ceasefire.

VERIFIED FACTS:

Delegates said the <b>talks</b> would resume <script>window.injected=1</script> next week.

OFFICIAL STATEMENTS:

Spokesperson Jane Doe said: "We will <em>not</em> sign <img src=x onerror=window.injected=1> today."
"""  # noqa: E501


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a server on an SQLite file holding `seeds/`, the markup brief, a brief
    set in Lisbon and deleted (its tombstone), the same brief set in Oslo revised twice
    (over 20 changes in all: two pages of recent changes)
    and, last, the brief revised once (two claims confirmed, one withdrawn, one added: the
    newest changes)."""
    folder = tmp_path_factory.mktemp("dashboard-server")
    url = f"sqlite:///{folder / 'dashboard.db'}"
    (folder / "markup.txt").write_text(MARKUP_BRIEF, encoding="utf-8")
    revised = folder / "revised"
    revised.mkdir()
    migrate.upgrade(url)
    report = ingest_sources(discover([str(SEEDS), str(folder / "markup.txt")]), database_url=url)
    assert not report.rejected, report.rejected
    (folder / "lisbon.md").write_text(BEFORE.replace("Geneva", "Lisbon"), encoding="utf-8")
    report = ingest_sources(discover([str(folder / "lisbon.md")]), database_url=url)
    (lisbon,) = report.results
    assert lisbon.brief_id is not None, lisbon
    delete_brief(lisbon.brief_id, url)
    oslo = [(text.replace("Geneva", "Oslo"), "oslo.md") for text in (BEFORE, AFTER, BEFORE)]
    for text, name in [*oslo, (BEFORE, "geneva.md"), (AFTER, "geneva.md")]:
        (revised / name).write_text(text, encoding="utf-8")
        report = ingest_sources(discover([str(revised)]), database_url=url)
        assert not report.rejected, report.rejected
    with live_server(url, folder / "server.log") as live:
        yield live.base_url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium; the tests skip without it, except in CI, which installs it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where each state of the dashboard is saved as a PNG."""
    return tmp_path_factory.mktemp("dashboard-screenshots")


@pytest.fixture
def open_dashboard(
    browser: Browser, server: str, screenshots: Path
) -> Iterator[Callable[[dict[str, int]], Dashboard]]:
    """Opens dashboards at a viewport size; afterwards, none may have logged an error."""
    opened: list[Dashboard] = []

    def open_one(viewport: dict[str, int]) -> Dashboard:
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        context.set_default_timeout(TIMEOUT_MS)
        opened.append(Dashboard(context.new_page(), server, screenshots))
        return opened[-1]

    yield open_one
    for dashboard in opened:
        dashboard.page.context.close()
    assert [error for d in opened for error in d.unexpected_errors()] == []


@pytest.fixture
def dashboard(open_dashboard: Callable[[dict[str, int]], Dashboard]) -> Dashboard:
    return open_dashboard(DESKTOP)

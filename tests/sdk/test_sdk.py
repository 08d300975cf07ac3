"""The SDKs: generated without warnings from the OpenAPI document, and the Python client,
installed from that output, walks a live server on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import PROJECT_ROOT
from tests.live_server import live_server

SCRIPT = PROJECT_ROOT / "scripts" / "sdk.py"
NODE_BIN = PROJECT_ROOT / "sdk" / "typescript" / "node_modules" / ".bin"
CLAIM_FILTERS: dict[str, Any] = {
    "actor": ["ukraine"],
    "date_from": "2022-01-01",
    "date_to": "2025-12-31",
    "status": ["verified", "reported"],
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The output folder of `scripts/sdk.py` and what it printed."""
    if not (NODE_BIN / "tsc").exists():
        if os.environ.get("CI"):
            pytest.fail("sdk/typescript/node_modules is missing: .ci/run runs `npm ci`")
        pytest.skip("needs `npm ci --prefix sdk/typescript`")
    out = tmp_path_factory.mktemp("sdk")
    command = [sys.executable, str(SCRIPT), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout + result.stderr


@pytest.fixture(scope="module")
def client_installed(generated: tuple[Path, str]) -> Iterator[None]:
    """The generated Python client, installed by pip into a folder put on `sys.path`."""
    out, _ = generated
    site = out / "site"
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    result = subprocess.run(
        [*command, "--target", str(site), str(out / "python")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    sys.path.insert(0, str(site))
    yield
    sys.path.remove(str(site))
    for name in [name for name in sys.modules if name.startswith("chancery_client")]:
        del sys.modules[name]


def test_generation_emits_no_warning(generated: tuple[Path, str]) -> None:
    out, output = generated
    assert "warn" not in output.lower(), output
    document = json.loads((out / "openapi.json").read_text(encoding="utf-8"))
    assert document["info"]["title"] == "Chancery"
    assert (out / "python" / "chancery_client" / "api" / "claims" / "list_claims.py").is_file()
    assert "listClaims" in (out / "typescript" / "schema.d.ts").read_text(encoding="utf-8")


def test_typescript_check_fails_on_a_consumer_that_misuses_the_types(
    generated: tuple[Path, str], tmp_path: Path
) -> None:
    out, _ = generated
    shutil.copytree(out / "typescript", tmp_path, dirs_exist_ok=True)
    consumer = tmp_path / "consumer.ts"
    broken = consumer.read_text(encoding="utf-8").replace("// @ts-expect-error", "// no longer")
    consumer.write_text(broken, encoding="utf-8")
    tsc = [str(NODE_BIN / "tsc"), "--project", str(tmp_path / "tsconfig.json")]
    result = subprocess.run(tsc, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert '"rumoured"' in result.stdout


def _expected_claim_ids(base: str) -> list[int]:
    answer = httpx.get(f"{base}/v1/claims", params={**CLAIM_FILTERS, "format": "ndjson"})
    return [json.loads(line)["id"] for line in answer.raise_for_status().text.splitlines()]


def _walk_claims(client: Any) -> list[Any]:
    from chancery_client.api.claims import list_claims
    from chancery_client.models import ClaimPage, ClaimStatus
    from chancery_client.types import UNSET

    claims: list[Any] = []
    cursor: Any = UNSET
    while True:
        page = list_claims.sync(
            client=client,
            actor=CLAIM_FILTERS["actor"],
            date_from=date.fromisoformat(CLAIM_FILTERS["date_from"]),
            date_to=date.fromisoformat(CLAIM_FILTERS["date_to"]),
            status=[ClaimStatus.VERIFIED, ClaimStatus.REPORTED],
            limit=4,
            cursor=cursor,
        )
        assert isinstance(page, ClaimPage)
        claims += page.items
        if not page.next_cursor:
            return claims
        cursor = page.next_cursor


def _check_walk(client: Any, base: str) -> list[Any]:
    claims = _walk_claims(client)
    assert [claim.id for claim in claims] == _expected_claim_ids(base)
    assert len(claims) > 4, "the walk spans several pages"
    for claim in claims:
        assert claim.status.value in CLAIM_FILTERS["status"]
        assert "ukraine" in {actor.slug for actor in claim.actors}
        assert date(2022, 1, 1) <= claim.occurred_on <= date(2025, 12, 31)
    return claims


def _check_actor_and_brief(client: Any, claim: Any) -> None:
    from chancery_client.api.actors import get_actor
    from chancery_client.api.briefs import get_brief
    from chancery_client.models import ActorDetail, BriefDetail

    actor = get_actor.sync(client=client, id_or_slug="ukraine")
    assert isinstance(actor, ActorDetail)
    assert (actor.name, actor.kind.value) == ("Ukraine", "country")
    assert actor.counts.claims > 0
    brief = get_brief.sync(client=client, brief_id=claim.brief.id)
    assert isinstance(brief, BriefDetail)
    assert claim.id in {brief_claim.id for brief_claim in brief.claims}


def _check_mentions(client: Any) -> None:
    from chancery_client.api.actors import get_actor, list_actor_mentions
    from chancery_client.models import ActorDetail, MentionPage, Problem

    page = list_actor_mentions.sync(client=client, id_or_slug="ukraine", limit=200)
    assert isinstance(page, MentionPage)
    actor = get_actor.sync(client=client, id_or_slug="ukraine")
    assert isinstance(actor, ActorDetail)
    assert len({mention.brief.id for mention in page.items}) == actor.counts.briefs
    first = page.items[0].snippet
    assert first.text[first.start : first.end].casefold().startswith("ukrain")
    missing = list_actor_mentions.sync_detailed(client=client, id_or_slug="nobody")
    assert missing.status_code == 404
    assert isinstance(missing.parsed, Problem)


def _check_related(client: Any) -> None:
    from chancery_client.api.actors import list_related_actors
    from chancery_client.models import ClaimStatus, Problem, RelatedActors

    related = list_related_actors.sync(client=client, id_or_slug="ukraine", limit=5)
    assert isinstance(related, RelatedActors)
    assert related.actor.slug == "ukraine"
    assert 0 < len(related.items) <= 5
    counts = [item.count for item in related.items]
    assert counts == sorted(counts, reverse=True)
    for item in related.items:
        shared = item.shared
        assert item.count == shared.claims + shared.statements + shared.events
    verified = list_related_actors.sync(
        client=client, id_or_slug="ukraine", status=[ClaimStatus.VERIFIED]
    )
    assert isinstance(verified, RelatedActors)
    missing = list_related_actors.sync_detailed(client=client, id_or_slug="nobody")
    assert missing.status_code == 404
    assert isinstance(missing.parsed, Problem)


def _check_problems(client: Any) -> None:
    from chancery_client.api.briefs import get_brief
    from chancery_client.api.claims import list_claims
    from chancery_client.models import Problem

    missing = get_brief.sync_detailed(client=client, brief_id=2_000_000_000)
    assert missing.status_code == 404
    assert isinstance(missing.parsed, Problem)
    assert missing.parsed.type_.endswith("/not-found")
    refused = list_claims.sync_detailed(
        client=client, date_from=date(2025, 1, 1), date_to=date(2024, 1, 1)
    )
    assert refused.status_code == 422
    assert isinstance(refused.parsed, Problem)
    assert [param.name for param in refused.parsed.invalid_params] == ["query.date_to"]


def _check_feed(client: Any, base: str) -> None:
    """Follow the change feed from the start, two changes a page, to its end."""
    from chancery_client.api.changes import list_changes
    from chancery_client.models import ChangePage, ChangeType, FeedSort

    seen: list[Any] = []
    after = "0"
    while True:
        page = list_changes.sync(client=client, after=after, limit=2, wait=0.1)
        assert isinstance(page, ChangePage)
        seen += page.items
        if not page.items:
            assert page.next_cursor == after
            break
        after = page.next_cursor
    every = httpx.get(f"{base}/v1/changes", params={"format": "ndjson"}).raise_for_status()
    assert [change.id for change in seen] == [
        json.loads(line)["id"] for line in every.text.splitlines()
    ]
    assert len(seen) > 2, "the walk spans several pages"
    assert {change.type_ for change in seen} == {ChangeType.BRIEF_CREATED}
    # From the end: the latest two, then the two before them.
    newest_first = FeedSort("-id")
    latest = list_changes.sync(client=client, sort=newest_first, limit=2)
    assert isinstance(latest, ChangePage)
    older = list_changes.sync(client=client, sort=newest_first, limit=2, before=latest.next_cursor)
    assert isinstance(older, ChangePage)
    assert [change.id for change in latest.items + older.items] == [c.id for c in seen][:-5:-1]


def test_python_client_walks_the_live_api(
    client_installed: None, database_url: str, tmp_path: Path
) -> None:
    from chancery_client import Client

    with live_server(database_url, tmp_path / "server.log", seed=True) as server:
        client = Client(base_url=server.base_url, raise_on_unexpected_status=True)
        claims = _check_walk(client, server.base_url)
        _check_actor_and_brief(client, claims[0])
        _check_mentions(client)
        _check_related(client)
        _check_problems(client)
        _check_feed(client, server.base_url)

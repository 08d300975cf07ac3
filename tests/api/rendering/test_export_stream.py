"""format=ndjson and format=csv: exports of every matching row, the same rows as the pages."""

from __future__ import annotations

import asyncio
import csv
import gzip
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from starlette.types import ASGIApp, Message, Scope

from app.api.export import give_way, reader
from app.api.main import create_app
from tests.api.corpus import seed
from tests.api.test_claims import NEWEST_FIRST

# Every list, with filters that keep some rows and leave out others.
LISTS = [
    ("/v1/claims", {}),
    ("/v1/claims", {"actor": "emmanuel-macron", "status": ["verified", "reported"]}),
    ("/v1/claims", {"sort": "occurred_on", "date_from": "2023-01-01", "q": "macron"}),
    ("/v1/claims", {"sort": "relevance", "q": "macron"}),
    ("/v1/statements", {}),
    ("/v1/statements", {"actor": "emmanuel-macron", "kind": "quote"}),
    ("/v1/events", {"location": "paris"}),
    ("/v1/events", {"sort": "occurred_on"}),
    ("/v1/briefs", {}),
    ("/v1/briefs", {"actor": "volodymyr-zelenskyy", "date_from": "2025-01-01"}),
    ("/v1/actors", {}),
    ("/v1/actors", {"kind": "person", "sort": "-name"}),
    ("/v1/actors/emmanuel-macron/mentions", {}),
]


def _paged(client: TestClient, url: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item, walking the JSON pages two at a time, without the `snippet` a searched
    page adds (an export has none: docs/api.md, "Text search")."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = client.get(
            url, params={**params, "limit": 2, **({"cursor": cursor} if cursor else {})}
        )
        assert page.status_code == 200, page.text
        searched = "q" in params  # a mention's own snippet stays
        items += [
            {name: value for name, value in item.items() if not (searched and name == "snippet")}
            for item in page.json()["items"]
        ]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 3 rows, so every export of the corpus spans several."""
    monkeypatch.setattr(reader, "EXPORT_BATCH", 3)


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize(("url", "params"), LISTS)
def test_ndjson_export_is_the_paged_rows(
    client: TestClient, url: str, params: dict[str, Any]
) -> None:
    response = client.get(url, params={**params, "format": "ndjson"})
    assert response.headers["content-type"] == "application/x-ndjson"
    exported = [json.loads(line) for line in response.text.splitlines()]
    assert exported == _paged(client, url, params)
    assert exported  # every filter above keeps some rows


def _flat(item: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """An item's CSV cells: nested objects flattened, actor lists as slugs."""
    cells: dict[str, str] = {}
    for name, value in item.items():
        if isinstance(value, dict):
            cells |= _flat(value, f"{prefix}{name}_")
        elif isinstance(value, list):
            cells[prefix + name] = ";".join(v["slug"] if isinstance(v, dict) else v for v in value)
        else:
            cells[prefix + name] = "" if value is None else str(value)
    return cells


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize(("url", "params"), LISTS)
def test_csv_export_is_the_paged_rows_flattened(
    client: TestClient, url: str, params: dict[str, Any]
) -> None:
    response = client.get(url, params={**params, "format": "csv"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "link" not in response.headers
    rows = list(csv.DictReader(io.StringIO(response.text)))
    paged = _paged(client, url, params)
    # Statements without a speaker have empty speaker cells, which a flattened null lacks.
    assert [{k: v for k, v in row.items() if v} for row in rows] == [
        {k: v for k, v in _flat(item).items() if v} for item in paged
    ]


def test_csv_has_one_fixed_header_even_when_nested_values_are_null(client: TestClient) -> None:
    response = client.get("/v1/statements", params={"format": "csv", "brief": 4})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows[0]["speaker_id"] == ""
    assert rows[0]["speaker_role"] == "officials"
    header = response.text.splitlines()[0].split(",")
    assert header[:5] == ["id", "kind", "text", "speaker_id", "speaker_slug"]
    assert response.text.count("id,kind,text") == 1


@pytest.mark.usefixtures("small_batches")
def test_claims_csv_cells(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"format": "csv", "limit": 1})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [int(row["id"]) for row in rows] == NEWEST_FIRST
    second = next(row for row in rows if row["id"] == "2")
    assert second["actors"] == "emmanuel-macron;volodymyr-zelenskyy"
    assert second["brief_title"] == "Paris summit on security guarantees"
    assert second["text"] == "Macron hosted Zelenskyy at the Élysée."
    assert second["occurred_on"] == "2025-09-04"


def test_export_starts_at_the_cursor(client: TestClient) -> None:
    first = client.get("/v1/claims", params={"limit": 4}).json()
    rest = client.get("/v1/claims", params={"format": "ndjson", "cursor": first["next_cursor"]})
    assert [json.loads(line)["id"] for line in rest.text.splitlines()] == NEWEST_FIRST[4:]


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
def test_export_is_gzipped_when_asked(client: TestClient, fmt: str) -> None:
    plain = client.get(
        "/v1/claims", params={"format": fmt}, headers={"Accept-Encoding": "identity"}
    )
    with client.stream(
        "GET", "/v1/claims", params={"format": fmt}, headers={"Accept-Encoding": "gzip"}
    ) as response:
        assert response.headers["content-encoding"] == "gzip"
        assert "etag" not in response.headers
        body = b"".join(response.iter_raw())
    assert gzip.decompress(body) == plain.content
    assert "content-encoding" not in plain.headers


def test_empty_exports(empty_client: TestClient) -> None:
    assert empty_client.get("/v1/events", params={"format": "ndjson"}).text == ""
    csv_text = empty_client.get("/v1/events", params={"format": "csv"}).text
    header = "id,title,occurred_on,location,country,span_start,span_end,brief_id,brief_title,"
    assert csv_text.splitlines() == [header + "brief_label,brief_occurred_on,participants"]
    gzipped = empty_client.get(
        "/v1/events", params={"format": "csv"}, headers={"Accept-Encoding": "gzip"}
    )
    assert gzipped.text == csv_text


def test_a_bad_cursor_is_a_problem_before_the_export_starts(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"format": "csv", "cursor": "nonsense"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def _open_transactions(engine: Engine) -> int:
    if engine.dialect.name != "postgresql":
        return 0
    query = text(
        "select count(*) from pg_stat_activity where datname = current_database() "
        "and state like 'idle in transaction%' and pid <> pg_backend_pid()"
    )
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def _scope(query: bytes) -> Scope:
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": "/v1/claims", "raw_path": b"/v1/claims", "root_path": "",
        "query_string": query, "headers": [(b"host", b"test")],
        "client": ("127.0.0.1", 1), "server": ("test", 80),
    }  # fmt: skip


async def _whole(app: ASGIApp) -> None:
    """One ordinary request, read to its end."""

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        pass

    await app(_scope(b"limit=1"), receive, send)


async def _read_two_chunks_then_go(app: ASGIApp) -> list[bytes]:
    """An export whose client reads two chunks, then stops reading and disconnects."""
    received: list[bytes] = []
    requests = iter([{"type": "http.request", "body": b"", "more_body": False}])
    gone = asyncio.Event()

    async def receive() -> Message:
        request = next(requests, None)
        if request is not None:
            return request
        await gone.wait()
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.body" and message.get("body"):
            received.append(message["body"])
            if len(received) == 2:
                gone.set()
            if gone.is_set():
                await asyncio.sleep(1)  # the client reads no more

    await asyncio.wait_for(app(_scope(b"format=ndjson"), receive, send), timeout=30)
    return received


@pytest.mark.usefixtures("small_batches")
def test_a_client_that_goes_away_leaves_no_connection_or_transaction(engine: Engine) -> None:
    """After a client reads two chunks of an export and disconnects, the pool has as many
    connections checked out as before (the response cache keeps one of its own on SQLite),
    and (PostgreSQL) no session of the database sits in a transaction."""
    seed(engine)
    app = create_app()

    async def scenario() -> tuple[int, list[bytes]]:
        await _whole(app)
        before = engine.pool.checkedout()  # type: ignore[attr-defined]
        return before, await _read_two_chunks_then_go(app)

    before, received = asyncio.run(scenario())
    lines = b"".join(received).splitlines()
    assert 3 <= len(lines) < len(NEWEST_FIRST)  # some rows, not all
    assert engine.pool.checkedout() == before  # type: ignore[attr-defined]
    assert _open_transactions(engine) == 0
    assert (give_way._answering, give_way._exporting) == (0, 0)  # nothing left counted


def test_exports_are_described_as_exports(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    listing = schema["paths"]["/v1/claims"]["get"]
    fmt = next(p for p in listing["parameters"] if p["name"] == "format")
    assert "export, not a page" in fmt["description"]
    ok = listing["responses"]["200"]
    assert "an export, not a page" in ok["description"]
    assert set(ok["content"]) == {"application/json", "application/x-ndjson", "text/csv"}

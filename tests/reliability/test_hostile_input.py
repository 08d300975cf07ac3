"""Hostile input on every endpoint: never a 500, always problem+json, the data unchanged.

Two layers: schemathesis with every check against a real uvicorn process (on SQLite and on
PostgreSQL), and a table of classic attacks sent in every query parameter, path id and body.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote_from_bytes

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode
from sqlalchemy import Engine, text
from sqlmodel import SQLModel

from app.api.main import create_app
from app.config import get_settings
from tests.api.corpus import seed
from tests.api.openapi.test_document import SCHEMATHESIS_CONFIG, _run_operation
from tests.live_server import live_server

API_KEY = "live-key-0123456789abcdef"
# Strings that a filter may legitimately receive: answered 200, and an injection (a label
# with one of these prefixes) matches no row; a plain `0` may match a date in the text.
TEXT_PARAMS = {"q", "location", "actor"}
INJECTIONS = ("sql-", "like-", "fts-", "json-")
ATTACKS: dict[str, bytes] = {
    "sql-quote": b"' OR '1'='1",
    "sql-stacked": b"1; DROP TABLE briefs; --",
    "sql-union": b"1 UNION SELECT source_text FROM briefs --",
    "sql-comment": b'" OR 1=1 /*',
    "like-wildcards": b"%%_\\",
    "fts-syntax": b'"paris" NEAR/2 macr* OR NOT (ukraine',
    "fts-column": b"source_text:* AND {",
    "nul": b"paris\x00",
    "nul-only": b"\x00",
    "invalid-utf8": b"\xff\xfe\xfd",
    "overlong-utf8": b"\xc0\xaf\xe0\x80\xaf",
    "surrogate-utf8": b"\xed\xa0\x80",
    "huge-number": b"9" * 400,
    "int64-overflow": b"9223372036854775808",
    "negative": b"-1",
    "zero": b"0",
    "float": b"1e308",
    "nan": b"NaN",
    "overlong-string": b"a" * 20_000,
    "path-traversal": b"../../../../etc/passwd",
    "encoded-traversal": b"..%2F..%2Fetc%2Fpasswd",
    "json-operator": b'{"$ne": null}',
    "crlf-injection": b"x\r\nSet-Cookie: a=b",
}


def _problem(response: Any) -> str | None:
    """Why `response` is not an acceptable answer to hostile input, or None."""
    status = response.status_code
    if status >= 500:
        return f"{status}: {response.text[:200]}"
    if status >= 400:
        if response.headers.get("content-type") != "application/problem+json":
            return f"{status} without problem+json"
        body = response.json()
        if body.get("status") != status or not body.get("type"):
            return f"malformed problem: {body}"
    return None


def _snapshot(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        tables = [table.name for table in SQLModel.metadata.sorted_tables]
        count = 'SELECT count(*) FROM "{}"'
        return {name: connection.execute(text(count.format(name))).scalar_one() for name in tables}


def _operations(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    document = client.get("/openapi.json").json()
    return [
        (method, path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def _cursors(client: TestClient) -> dict[str, str]:
    real = client.get("/v1/claims", params={"limit": 1}).json()["next_cursor"]
    other = client.get("/v1/briefs", params={"limit": 1}).json()["next_cursor"]
    raw = base64.urlsafe_b64decode(real + "=" * (-len(real) % 4))
    forged_body = json.dumps({"s": "claims", "k": None, "i": -1, "d": "asc"}).encode()
    tampered = raw.replace(b'"i":', b'"i":9')
    return {
        "cursor-forged": base64.urlsafe_b64encode(forged_body + b"\0" * 8).decode(),
        "cursor-tampered": base64.urlsafe_b64encode(tampered).decode(),
        "cursor-truncated": real[: len(real) // 2],
        "cursor-other-list": other,
        "cursor-not-base64": "!!!***",
    }


def _query_attacks(client: TestClient, cursors: dict[str, str]) -> list[str]:
    failures: list[str] = []
    for method, path, operation in _operations(client):
        if method != "get" or "{" in path:
            continue
        for parameter in operation.get("parameters", []):
            name = parameter["name"]
            payloads = {k: quote_from_bytes(v) for k, v in ATTACKS.items()}
            if name == "cursor":
                payloads.update(cursors)
            for label, payload in payloads.items():
                response = client.get(f"{path}?{name}={payload}")
                reason = _problem(response)
                if name in TEXT_PARAMS and label.startswith(INJECTIONS) and not reason:
                    reason = _leaks(response.json())
                if reason:
                    failures.append(f"GET {path}?{name}=<{label}>: {reason}")
    return failures


def _leaks(body: dict[str, Any]) -> str | None:
    # A hostile string matches none of the corpus; any row would mean it changed the query.
    if body.get("items"):
        return f"{len(body['items'])} row(s) matched"
    return None


def _path_attacks(client: TestClient) -> list[str]:
    failures: list[str] = []
    for method, path, _ in _operations(client):
        if "{" not in path:
            continue
        for label, payload in ATTACKS.items():
            url = path.split("{")[0] + quote_from_bytes(payload, safe="") + path.split("}")[1]
            headers = {"Authorization": f"Bearer {API_KEY}"}
            response = client.request(method.upper(), url, headers=headers)
            reason = _problem(response)
            if reason is None and response.status_code < 400:
                reason = f"{response.status_code} for a hostile id"
            if reason:
                failures.append(f"{method.upper()} {path} <{label}>: {reason}")
    return failures


def _body_attacks(client: TestClient) -> list[str]:
    failures: list[str] = []
    auth = {"Authorization": f"Bearer {API_KEY}"}
    for label, payload in ATTACKS.items():
        as_json = b'{"text": "' + payload + b'", "source_name": "' + payload + b'"}'
        for content_type, body in (("text/plain", payload), ("application/json", as_json)):
            response = client.post(
                f"/v1/briefs?source_name={quote_from_bytes(payload)}",
                content=body,
                headers={**auth, "Content-Type": content_type},
            )
            reason = _problem(response)
            if reason is None and response.status_code < 400:
                reason = f"{response.status_code}: a hostile body was stored"
            if reason:
                failures.append(f"POST /v1/briefs {content_type} <{label}>: {reason}")
    return failures


@pytest.fixture
def attack_client(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("CHANCERY_API_KEYS", API_KEY)
    monkeypatch.setenv("CHANCERY_WRITE_RATE_PER_MINUTE", "0")
    get_settings.cache_clear()
    seed(engine)
    return TestClient(create_app())


def test_classic_attacks_in_every_parameter_are_refused_cleanly(
    attack_client: TestClient, engine: Engine
) -> None:
    before = _snapshot(engine)
    with attack_client as client:
        cursors = _cursors(client)
        failures = _query_attacks(client, cursors) + _path_attacks(client)
        failures += _body_attacks(client)
    assert not failures, "\n".join(failures)
    assert _snapshot(engine) == before


@pytest.mark.slow
def test_live_server_conforms_to_its_openapi_document(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    """Schemathesis, every check, positive and negative data, over real HTTP."""
    seed(engine)
    log = tmp_path / "server.log"
    # A long poll (`/v1/changes?wait=`) on an empty window answers at once, not after
    # schemathesis's read timeout.
    settings = {"api_keys": API_KEY, "write_rate_per_minute": "0", "feed_max_wait_s": "0"}
    with live_server(database_url, log, **settings) as server:
        config = schemathesis.config.SchemathesisConfig.from_dict(SCHEMATHESIS_CONFIG)
        schema = schemathesis.openapi.from_url(f"{server.base_url}/openapi.json", config=config)
        headers = {"Authorization": f"Bearer {API_KEY}"}
        failures: list[str] = []
        for result in schema.get_all_operations():
            operation = result.ok()
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                try:
                    _run_operation(operation, mode, headers)
                except Unsatisfiable:
                    assert mode is GenerationMode.NEGATIVE
                except Exception as error:  # report every operation, not just the first
                    failures.append(f"{operation.label} [{mode.value}]: {error}")
    assert not failures, "\n\n".join(failures)
    assert "Traceback" not in log.read_text(errors="replace")
    assert API_KEY not in log.read_text(errors="replace")

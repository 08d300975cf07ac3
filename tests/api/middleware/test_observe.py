"""Request ids (kept when well-formed, else made), on every response, in every problem body and
in every log line of the request; JSON log lines."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.api.main import create_app
from app.config import get_settings
from app.logs import configure_logging

TRACE_ID = "Root=1-5759e988-bd862e3fe1be46a994272793"
LOGGED_IN_ROUTE = "a line logged while the route ran"


@pytest.fixture
def json_log(empty_client: TestClient) -> Iterator[io.StringIO]:
    """Every record logged meanwhile, as `CHANCERY_LOG_FORMAT=json` writes it."""
    stream = io.StringIO()
    configure_logging("INFO", "json", stream)
    yield stream
    configure_logging("INFO", "text")


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    """The log, parsed line by line: each line must be one JSON object."""
    parsed = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert parsed, "nothing was logged"
    for entry in parsed:
        assert {"time", "level", "logger", "message", "request_id"} <= set(entry)
    return parsed


@pytest.mark.parametrize("incoming", ["abc-123", "7f3e8c1a-93a4-4c87-8d0b-55ad1e2cd9f0", TRACE_ID])
def test_a_well_formed_request_id_comes_back(empty_client: TestClient, incoming: str) -> None:
    response = empty_client.get("/v1/claims", headers={"X-Request-ID": incoming})
    assert response.headers["x-request-id"] == incoming


@pytest.mark.parametrize(
    "incoming", ["", "x" * 129, "two words", "<script>", "new\tline", "é-accented"]
)
def test_a_bad_request_id_is_replaced(empty_client: TestClient, incoming: str) -> None:
    raw = incoming.encode("utf-8")  # sent as raw bytes, as a hostile client would
    response = empty_client.get("/v1/claims", headers=[(b"X-Request-ID", raw)])
    made = response.headers["x-request-id"]
    assert made != incoming
    assert len(made) == 32
    assert made.isalnum()


def test_every_response_gets_an_id_of_its_own(client: TestClient) -> None:
    urls = ["/v1/claims", "/v1/claims", "/healthz", "/nowhere", "/dashboard", "/openapi.json"]
    ids = [client.get(url).headers["x-request-id"] for url in urls]
    assert len(set(ids)) == len(ids)  # the second /v1/claims is a cache hit: its own id too


def test_the_request_id_is_in_the_problem_body_and_instance_stays_the_path(
    empty_client: TestClient,
) -> None:
    response = empty_client.get("/v1/claims/12345", headers={"X-Request-ID": "trace-42"})
    assert response.status_code == 404
    body = response.json()
    assert body["request_id"] == "trace-42"
    assert body["instance"] == "/v1/claims/12345"
    invalid = empty_client.get("/v1/claims?limit=0", headers={"X-Request-ID": "trace-43"})
    assert invalid.json()["request_id"] == "trace-43"


def test_the_request_id_is_in_every_log_line_of_the_request(
    engine: Engine, json_log: io.StringIO
) -> None:
    app = create_app()
    configure_logging("INFO", "json", json_log)  # create_app set up its own handler

    @app.get("/logs-a-line")
    def logs_a_line() -> dict[str, str]:  # a sync route: it runs on a thread of the pool
        logging.getLogger("tests.route").warning(LOGGED_IN_ROUTE)
        return {}

    with TestClient(app) as client:
        client.get("/logs-a-line", headers={"X-Request-ID": "trace-77"})
        client.get("/v1/claims/1", headers={"X-Request-ID": "trace-78"})
    entries = lines(json_log)
    in_route = [e for e in entries if e["message"] == LOGGED_IN_ROUTE]
    assert [e["request_id"] for e in in_route] == ["trace-77"]
    access = {e["request_id"]: e for e in entries if e["logger"] == "chancery.access"}
    assert access["trace-77"]["route"] == "/logs-a-line"
    assert access["trace-78"] | {"duration_ms": 0, "time": ""} == {
        "time": "",
        "level": "INFO",
        "logger": "chancery.access",
        "message": access["trace-78"]["message"],
        "request_id": "trace-78",
        "method": "GET",
        "path": "/v1/claims/1",
        "route": "/v1/claims/{claim_id}",
        "status": 404,
        "duration_ms": 0,
    }
    assert access["trace-78"]["duration_ms"] > 0


def test_json_logs_parse_line_by_line(engine: Engine, json_log: io.StringIO) -> None:
    app = create_app()
    configure_logging("INFO", "json", json_log)
    with TestClient(app) as client:
        for url in ("/v1/claims", "/v1/claims/1", "/v1/claims?limit=0", "/v1/actors?q=%0A"):
            client.get(url)
    logging.getLogger("tests").warning('quotes " and\nnewlines')
    entries = lines(json_log)
    assert {e["status"] for e in entries if "status" in e} == {200, 404, 422}
    assert entries[-1]["message"] == 'quotes " and\nnewlines'
    assert entries[-1]["request_id"] is None or entries[-1]["request_id"] == "-"


def test_browsers_on_an_allowed_origin_may_send_and_read_the_id(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHANCERY_CORS_ORIGINS", "https://dashboard.example")
    get_settings.cache_clear()
    with TestClient(create_app()) as client:
        preflight = client.options(
            "/v1/claims",
            headers={
                "Origin": "https://dashboard.example",
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "x-request-id",
            },
        )
        answer = client.get("/v1/claims", headers={"Origin": "https://dashboard.example"})
    get_settings.cache_clear()
    assert preflight.status_code == 200
    assert "x-request-id" in preflight.headers["access-control-allow-headers"].lower()
    assert "x-request-id" in answer.headers["access-control-expose-headers"].lower()

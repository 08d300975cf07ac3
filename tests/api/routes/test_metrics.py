"""`/metrics`: Prometheus's text format, counting what the test does; off the OpenAPI
document; behind a key or on a port of its own when configured."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Engine

from app.api.main import create_app
from app.config import get_settings
from app.db import POOL_SIZE, SQLITE_POOL_OVERFLOW
from tests.api.conftest import API_KEY
from tests.conftest import SEEDS
from tests.live_server import free_port, live_server

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def parse(text: str) -> Samples:
    """Every sample of a scrape, by name and labels, through Prometheus's own parser."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def scrape(client: TestClient, **headers: str) -> Samples:
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return parse(response.text)


REQUESTS = "chancery_http_requests_total"
CLAIMS_200 = {"method": "GET", "route": "/v1/claims", "status": "200"}


def test_metrics_parse_and_count_a_request_made_here(client: TestClient) -> None:
    before = scrape(client)
    assert client.get("/v1/claims?limit=3").status_code == 200
    assert client.get("/v1/claims/999999").status_code == 404
    after = scrape(client)
    assert value(after, REQUESTS, **CLAIMS_200) == value(before, REQUESTS, **CLAIMS_200) + 1
    one_claim_404 = {"method": "GET", "route": "/v1/claims/{claim_id}", "status": "404"}
    assert value(after, REQUESTS, **one_claim_404) == value(before, REQUESTS, **one_claim_404) + 1
    histogram = "chancery_http_request_duration_seconds_count"
    assert value(after, histogram, **CLAIMS_200) == value(before, histogram, **CLAIMS_200) + 1
    assert value(after, "chancery_http_requests_in_flight") >= 1  # the scrape itself
    assert value(after, "chancery_db_pool_connections_limit") > 0


def test_the_route_template_is_the_label_not_the_path(client: TestClient) -> None:
    for claim_id in (1, 2, 3):
        client.get(f"/v1/claims/{claim_id}")
    client.get("/no/such/path")
    routes = {dict(labels)["route"] for name, labels in scrape(client) if name == REQUESTS}
    assert "/v1/claims/{claim_id}" in routes
    assert "unmatched" in routes
    assert not any(route.startswith("/v1/claims/") and "{" not in route for route in routes)


def test_a_304_for_a_tag_another_process_made_is_counted_under_its_route(
    client: TestClient,
) -> None:
    etag = client.get("/v1/claims/2").headers["etag"]
    with TestClient(create_app()) as fresh:  # has routed nothing yet
        assert fresh.get("/v1/claims/2", headers={"If-None-Match": etag}).status_code == 304
        labels = {"method": "GET", "route": "/v1/claims/{claim_id}", "status": "304"}
        assert value(scrape(fresh), REQUESTS, **labels) >= 1
        assert value(scrape(fresh), REQUESTS, method="GET", route="unmatched", status="304") == 0


def test_cache_hits_and_misses_and_the_data_version(client: TestClient, engine: Engine) -> None:
    before = scrape(client)
    for _ in range(3):
        assert client.get("/v1/actors?limit=7").status_code == 200
    after = scrape(client)
    hits, misses = "chancery_response_cache_hits_total", "chancery_response_cache_misses_total"
    assert value(after, misses) - value(before, misses) == 1
    assert value(after, hits) - value(before, hits) == 2
    with engine.connect() as connection:
        version = connection.exec_driver_sql("SELECT max(id) FROM data_changes").scalar_one()
    assert value(after, "chancery_data_version") == version


def test_ingest_counters_move_with_a_post(
    empty_client: TestClient, api_key: str, engine: Engine
) -> None:
    brief = (SEEDS / "2025-09-04-paris-security-guarantees.txt").read_bytes()
    headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "text/plain"}
    before = scrape(empty_client)
    assert empty_client.post("/v1/briefs", content=brief, headers=headers).status_code == 201
    assert empty_client.post("/v1/briefs", content=brief, headers=headers).status_code == 200
    bad = b"not a brief"
    assert empty_client.post("/v1/briefs", content=bad, headers=headers).status_code == 422
    after = scrape(empty_client)
    briefs = "chancery_ingest_briefs_total"
    for outcome in ("ingested", "unchanged", "rejected"):
        moved = value(after, briefs, outcome=outcome) - value(before, briefs, outcome=outcome)
        assert moved == 1, outcome
    for timing in ("parse", "store"):
        count = f"chancery_ingest_{timing}_duration_seconds_count"
        assert value(after, count) - value(before, count) == 2, timing


def test_metrics_are_off_the_openapi_document(client: TestClient) -> None:
    assert "/metrics" not in client.get("/openapi.json").json()["paths"]


@pytest.fixture
def settings_client(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[TestClient]:
    for name, setting in request.param.items():
        monkeypatch.setenv(f"CHANCERY_{name}", setting)
    get_settings.cache_clear()
    with TestClient(create_app()) as client:
        yield client
    get_settings.cache_clear()


@pytest.mark.parametrize("settings_client", [{"METRICS_KEY": "scrape-key"}], indirect=True)
def test_a_metrics_key_is_required_when_configured(settings_client: TestClient) -> None:
    assert settings_client.get("/metrics").status_code == 401
    wrong = {"Authorization": f"Bearer {API_KEY}"}
    assert settings_client.get("/metrics", headers=wrong).status_code == 401
    assert (
        REQUESTS.removesuffix("_total")
        in settings_client.get("/metrics", headers={"Authorization": "Bearer scrape-key"}).text
    )


@pytest.mark.parametrize("settings_client", [{"METRICS_ENABLED": "false"}], indirect=True)
def test_metrics_can_be_turned_off(settings_client: TestClient) -> None:
    assert settings_client.get("/v1/claims").status_code == 200
    assert settings_client.get("/metrics").status_code == 404


PORT = free_port()


@pytest.mark.parametrize("settings_client", [{"METRICS_PORT": str(PORT)}], indirect=True)
def test_metrics_on_a_port_of_their_own(settings_client: TestClient) -> None:
    assert settings_client.get("/metrics").status_code == 404
    settings_client.get("/v1/claims")
    samples = parse(httpx.get(f"http://127.0.0.1:{PORT}/metrics", timeout=5).text)
    assert value(samples, REQUESTS, **CLAIMS_200) >= 1


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_served_api_counts_every_request_on_one_and_on_two_workers(
    tmp_path: Path, workers: int
) -> None:
    """Real `chancery serve` processes: with two workers every scrape, whichever worker
    answers it, adds up both workers' counts (prometheus-client's multiprocess mode)."""
    database_url = f"sqlite:///{tmp_path / 'live.db'}"
    with live_server(database_url, tmp_path / "server.log", seed=True, workers=workers) as server:
        before = parse(httpx.get(f"{server.base_url}/metrics", timeout=10).text)
        for limit in range(1, REQUESTS_MADE + 1):  # a connection each, spread over the workers
            assert httpx.get(f"{server.base_url}/v1/claims?limit={limit}").status_code == 200
        for _ in range(2 * workers):
            after = parse(httpx.get(f"{server.base_url}/metrics", timeout=10).text)
            made = value(after, REQUESTS, **CLAIMS_200) - value(before, REQUESTS, **CLAIMS_200)
            assert made == REQUESTS_MADE
            pool_limit = value(after, "chancery_db_pool_connections_limit")
            assert pool_limit == workers * one_pool_limit()


REQUESTS_MADE = 25


def one_pool_limit() -> int:
    """What one process's pool may open on a file SQLite database."""
    return POOL_SIZE + SQLITE_POOL_OVERFLOW

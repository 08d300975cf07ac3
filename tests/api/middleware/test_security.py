"""Access control and hardening: keys, revocation, write limits, CORS, security headers."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.api.main import create_app
from app.api.middleware.security import DOCS_CSP, STRICT_CSP
from app.config import get_settings
from tests.api.conftest import API_KEY
from tests.api.corpus import seed
from tests.conftest import SEEDS

ORIGIN = "https://dashboard.example"


def _auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def _settings(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for name, value in values.items():
        monkeypatch.setenv(f"CHANCERY_{name.upper()}", value)
    get_settings.cache_clear()


@pytest.fixture
def secured(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """A seeded app with one key, a tight write limit and one CORS origin."""
    _settings(
        monkeypatch, api_keys=API_KEY, write_rate_per_minute="2", write_burst="2",
        cors_origins=ORIGIN,
    )  # fmt: skip
    seed(engine)
    app = create_app()

    @app.get("/boom", include_in_schema=False)
    def boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _assert_hardened(response: object, csp: str = STRICT_CSP) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["content-security-policy"] == csp
    assert "frame-ancestors 'none'" in csp
    assert "strict-transport-security" not in headers


def test_security_headers_on_every_kind_of_response(secured: TestClient) -> None:
    responses = [
        secured.get("/v1/briefs"),  # 200
        secured.get("/v1/briefs/999"),  # 404 problem
        secured.get("/no/such/path"),  # 404 from the router
        secured.get("/v1/briefs", params={"limit": 0}),  # 422
        secured.post("/v1/briefs", content=b"x"),  # 401
        secured.get("/boom"),  # 500 from the error middleware
        secured.options("/v1/briefs", headers={
            "Origin": ORIGIN, "Access-Control-Request-Method": "POST"}),  # preflight
    ]  # fmt: skip
    assert [r.status_code for r in responses] == [200, 404, 404, 422, 401, 500, 200]
    for response in responses:
        _assert_hardened(response)
    assert responses[5].headers["content-type"] == "application/problem+json"
    assert "secret internals" not in responses[5].text
    assert "Traceback" not in responses[5].text


def test_docs_pages_get_the_relaxed_policy_and_still_load(secured: TestClient) -> None:
    docs = secured.get("/docs")
    assert docs.status_code == 200
    _assert_hardened(docs, DOCS_CSP)
    assert "cdn.jsdelivr.net" in DOCS_CSP
    assert "'unsafe-inline'" not in STRICT_CSP


def test_hsts_only_over_tls(engine: Engine) -> None:
    with TestClient(create_app(), base_url="https://testserver") as client:
        response = client.get("/healthz")
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_cors_allows_only_configured_origins(secured: TestClient) -> None:
    allowed = secured.get("/v1/briefs", headers={"Origin": ORIGIN})
    other = secured.get("/v1/briefs", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-origin" not in other.headers
    preflight = secured.options(
        "/v1/briefs",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers


def test_a_revoked_key_is_refused(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Revoking = removing the key from CHANCERY_API_KEYS and reloading the settings."""
    _settings(monkeypatch, api_keys=f"{API_KEY},old-key-to-revoke")
    with TestClient(create_app()) as client:
        assert client.delete("/v1/briefs/99", headers=_auth("old-key-to-revoke")).status_code == 404
    _settings(monkeypatch, api_keys=API_KEY)
    with TestClient(create_app()) as client:
        revoked = client.delete("/v1/briefs/99", headers=_auth("old-key-to-revoke"))
        assert revoked.status_code == 401
        assert revoked.headers["content-type"] == "application/problem+json"
        assert client.delete("/v1/briefs/99", headers=_auth(API_KEY)).status_code == 404


def test_writes_over_the_key_limit_get_429_with_retry_after(secured: TestClient) -> None:
    statuses = [
        secured.delete("/v1/briefs/99", headers=_auth(API_KEY)).status_code for _ in range(3)
    ]
    assert statuses == [404, 404, 429]
    limited = secured.delete("/v1/briefs/1", headers=_auth(API_KEY))
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) >= 1
    assert limited.headers["content-type"] == "application/problem+json"
    assert limited.json()["type"].endswith("/rate-limited")
    assert secured.get("/v1/briefs/1").status_code == 200  # reads are not limited


def test_wrong_keys_spend_the_client_bucket(secured: TestClient) -> None:
    """Guessing keys is throttled per client address, before the key is even compared."""
    statuses = [secured.post("/v1/briefs", headers=_auth("guess")).status_code for _ in range(3)]
    assert statuses == [401, 401, 429]
    assert secured.delete("/v1/briefs/99", headers=_auth(API_KEY)).status_code == 429


def test_keys_never_reach_the_log(secured: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    brief_text = (SEEDS / "2025-09-04-paris-security-guarantees.txt").read_text(encoding="utf-8")
    headers = {**_auth(API_KEY), "Content-Type": "text/plain"}
    assert secured.post("/v1/briefs", content=brief_text.encode(), headers=headers).is_success
    secured.post("/v1/briefs", headers=_auth("wrong-secret-key"))
    assert API_KEY not in caplog.text
    assert "wrong-secret-key" not in caplog.text

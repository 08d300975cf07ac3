"""The dashboard's files are served by the app, outside the API and its OpenAPI document."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.api.main import create_app


def test_dashboard_page_and_modules_are_served() -> None:
    client = TestClient(create_app())
    page = client.get("/dashboard")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert '<script type="module" src="/dashboard/static/js/main.js">' in page.text
    module = client.get("/dashboard/static/js/main.js")
    assert module.status_code == 200
    assert "javascript" in module.headers["content-type"]
    assert client.get("/dashboard/", follow_redirects=False).headers["location"] == "/dashboard"
    assert client.get("/dashboard/static/missing.js").status_code == 404


def test_dashboard_is_not_part_of_the_api_document() -> None:
    paths = create_app().openapi()["paths"]
    assert not [path for path in paths if path.startswith("/dashboard")]

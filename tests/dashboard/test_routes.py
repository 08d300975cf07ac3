"""The dashboard's files are served by the app, outside the API and its OpenAPI document."""

from __future__ import annotations

import json
import re

import pycountry
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.dashboard import STATIC
from app.vocabulary import ChangeType


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


def test_the_map_shapes_are_served_with_the_page() -> None:
    """The map's country shapes are a static file of the dashboard, not fetched elsewhere."""
    client = TestClient(create_app())
    shapes = client.get("/dashboard/static/vendor/world-atlas/countries-110m.json")
    assert shapes.status_code == 200
    countries = shapes.json()["objects"]["countries"]["geometries"]
    assert len(countries) > 170
    assert client.get("/dashboard/static/vendor/world-atlas/LICENSE").status_code == 200


def test_the_maps_country_codes_are_pycountrys() -> None:
    """static/js/iso-codes.js maps ISO numeric codes (the map's ids) to the alpha-2 codes
    the API serves, exactly as pycountry does; every shape with an id is covered."""
    text = (STATIC / "js" / "iso-codes.js").read_text("utf-8")
    table = dict(re.findall(r'"(\d{3})": "([A-Z]{2})"', text))
    assert table == {country.numeric: country.alpha_2 for country in pycountry.countries}
    shapes = json.loads((STATIC / "vendor/world-atlas/countries-110m.json").read_text("utf-8"))
    ids = {g["id"] for g in shapes["objects"]["countries"]["geometries"] if "id" in g}
    assert ids <= set(table)


def test_the_recently_changed_list_names_every_change_type() -> None:
    """static/js/changes.js names every type of the change feed, and only those."""
    text = (STATIC / "js" / "changes.js").read_text("utf-8")
    named = re.findall(r'^  "([a-z]+\.[a-z_]+)": "', text, flags=re.MULTILINE)
    assert named == [change_type.value for change_type in ChangeType]

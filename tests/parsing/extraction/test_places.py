"""The country of the Lead's place."""

from __future__ import annotations

import pytest

from app.parsing.extraction.places import place_country


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("Paris", "FR"),  # a seat of government
        ("Kremlin", "RU"),
        ("Istanbul", "TR"),  # a known place (data/places.json)
        ("Woodside, California", "US"),  # a subdivision only one country has
        ("Rio de Janeiro", "BR"),
        ("Lyon, France", "FR"),  # a country name, read from the last part
        ("Nowhere Town", None),
        ("", None),
        (None, None),
    ],
)
def test_place_country(place: str | None, code: str | None) -> None:
    assert place_country(place) == code

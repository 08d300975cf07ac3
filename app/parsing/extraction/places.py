"""The country of a place named in a Lead ('Paris', 'Woodside, California')."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

import pycountry

from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import Category, lexicon

_COUNTRY_WORDS = (Category.country, Category.seat)


@cache
def _places() -> dict[str, str]:
    return dict(load_data("places.json")["places"])


@cache
def _subdivisions() -> dict[str, str]:
    """pycountry's subdivision names that belong to one country only ('California')."""
    codes: dict[str, set[str]] = defaultdict(set)
    for subdivision in pycountry.subdivisions:
        codes[" ".join(subdivision.name.split())].add(subdivision.country_code)
    return {name: next(iter(found)) for name, found in codes.items() if len(found) == 1}


def _part_country(part: str) -> str | None:
    entry = lexicon().phrases.get(part)
    if entry is not None and entry.category in _COUNTRY_WORDS:
        return entry.value
    return _places().get(part) or _subdivisions().get(part)


def place_country(location: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of the country `location` lies in, or None when unknown.

    The parts of a location are read from the last ('Woodside, California': California,
    then Woodside): a country name, a seat of government, a known place (data/places.json)
    or a subdivision that only one country has.
    """
    if not location:
        return None
    for part in reversed(location.split(",")):
        code = _part_country(" ".join(part.split()))
        if code is not None:
            return code
    return None

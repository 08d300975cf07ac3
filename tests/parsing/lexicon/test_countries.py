"""Countries, seats and capitals as loaded (app/parsing/lexicon/countries.py)."""

from __future__ import annotations

from app.parsing.lexicon.countries import capitals, plain


def test_capitals_are_read_folded_and_without_accents() -> None:
    assert {"luanda", "bogota", "canberra", "asuncion"} <= capitals()
    assert "izvestia" not in capitals()
    assert "" not in capitals()
    assert plain("Bogotá") == "bogota"

"""The recogniser's word lists as loaded (app/parsing/lexicon/words.py)."""

from __future__ import annotations

from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import Category, lexicon
from app.parsing.names.org_keys import known_organisation
from tests.parsing.helpers import brief


def _organisation_tables() -> list[dict[str, list[str]]]:
    bodies = load_data("international_bodies.json")
    kinds = ("intergovernmental", "peace_operations", "news_agencies", "broadcasters")
    return [load_data("organizations.json")["known"], *(bodies[k] for k in kinds)]


def test_no_form_of_an_international_body_names_another_organisation() -> None:
    owners: dict[str, set[str]] = {}
    for table in _organisation_tables():
        for canonical, aliases in table.items():
            for form in [canonical, *aliases]:
                owners.setdefault(form.casefold(), set()).add(canonical)
    bodies = {
        form.casefold()
        for table in _organisation_tables()[1:]
        for canonical, aliases in table.items()
        for form in [canonical, *aliases]
    }
    assert {form: owners[form] for form in bodies if len(owners[form]) > 1} == {}


def test_international_bodies_are_known_organisations_but_never_a_country() -> None:
    assert known_organisation("KFOR") == "Kosovo Force"
    assert known_organisation("Council for Mutual Economic Assistance") == "Comecon"
    for table in _organisation_tables()[1:]:
        for canonical, aliases in table.items():
            for form in [canonical, *aliases]:
                assert lexicon().phrases[form].category is Category.org, form


def test_a_known_body_written_with_a_slash_is_read_whole() -> None:
    parsed = brief(
        "Lead: On May 2, 2025 in Prague, envoys met.",
        "Key Takeaways",
        "- Moscow fined Radio Free Europe/Radio Liberty (RFE/RL) again.",
    )
    names = [a.name for a in parsed.actors if a.kind == "organization"]
    assert names == ["Radio Free Europe/Radio Liberty"]


def test_an_office_joined_to_vice_or_deputy_by_a_hyphen_is_a_title_head() -> None:
    heads = lexicon().title_heads
    assert {"vice-minister", "deputy-minister", "vice-premier", "vice-president"} <= heads
    assert "vice-dr." not in heads


def test_the_french_body_words_are_words_written_first() -> None:
    """`french_heads` (after which French adjectives are read) is a part of `heads_first`."""
    organisations = load_data("organizations.json")
    assert set(organisations["french_heads"]) <= set(organisations["heads_first"])

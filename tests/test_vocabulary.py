"""The shared vocabulary: folding and slugs, how names and text are matched and addressed."""

from __future__ import annotations

import pytest

from app.vocabulary import fold, slugify


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Erdoğan", "erdogan"),
        ("ERDOGAN", "erdogan"),
        ("  Luiz   Inácio Lula da Silva ", "luiz inacio lula da silva"),
        ("Russia’s", "russia's"),
        ("Élysée", "elysee"),
        ("“Hold” — Élysée’s", '"hold" - elysee\'s'),
        ("“Hold” – 2025", '"hold" - 2025'),
        ("Łódź", "lodz"),
        ("Søren Østergaard", "soren ostergaard"),
        ("Straße", "strasse"),
        ("Đorđe", "dorde"),
    ],
)
def test_fold_ignores_case_accents_and_spacing(name: str, folded: str) -> None:
    assert fold(name) == folded


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Luiz Inácio Lula da Silva", "luiz-inacio-lula-da-silva"),
        ("Moon Jae-in", "moon-jae-in"),
        ("U.S. Department of State", "u-s-department-of-state"),
        ("北京", "actor"),
        ("Radosław Sikorski", "radoslaw-sikorski"),
        ("Côte d’Ivoire", "cote-d-ivoire"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_slug_is_bounded() -> None:
    assert len(slugify("word " * 100)) <= 150
    assert not slugify("word " * 100).endswith("-")


@pytest.mark.parametrize("name", ["Łódź", "Radosław Sikorski", "Søren Østergaard", "İstanbul"])
def test_slug_is_the_folded_name_made_url_safe(name: str) -> None:
    """Search (`fold`) and slugs agree on letters Unicode does not decompose."""
    assert slugify(name) == fold(name).replace(" ", "-")

"""The actor scorer counts what docs/parsing.md reports: an acronym is its full name, a
second find of one organisation is a false positive, a variant pair is one actor or not."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from app.parsing.models import ParsedActor
from app.vocabulary import ActorKind
from bench.actor_eval import Score, Tally, score_merges, score_organisations, score_persons

GOLD = [
    {"name": "Democratic Unionist Party", "acronym": "DUP"},
    {"name": "European Commission", "acronym": None},
    {"name": "Amnesty International", "acronym": None},
]


def _brief(*actors: tuple[str, ActorKind, list[str]]) -> Any:
    return SimpleNamespace(
        actors=[
            ParsedActor(key=name.lower(), name=name, kind=kind, aliases=aliases)
            for name, kind, aliases in actors
        ]
    )


def test_acronym_counts_as_its_name_and_a_second_find_is_a_false_positive() -> None:
    org = ActorKind.organization
    parsed = _brief(
        ("DUP", org, []),
        ("Democratic Unionist Party", org, []),
        ("European Commission", org, []),
        ("French Naval Group", org, []),
    )
    tally = Tally()
    score_organisations("b", parsed, GOLD, tally)
    assert (tally.found, tally.right, tally.wanted) == (4, 2, 3)
    assert tally.cell() == "0.50 / 0.67"
    assert sorted(tally.misses) == [
        "b: duplicate organisation 'Democratic Unionist Party'",
        "b: missed organisation 'Amnesty International'",
        "b: spurious organisation 'French Naval Group'",
    ]


def test_pairs_are_merged_only_when_one_actor_holds_both_names() -> None:
    source = "The Democratic Unionist Party (DUP) met Sergei Lavrov. Sergey Lavrov spoke."
    gold = {"organisations": GOLD, "person_variants": [["Sergei Lavrov", "Sergey Lavrov"]]}
    apart = _brief(
        ("Democratic Unionist Party", ActorKind.organization, ["DUP"]),
        ("Sergei Lavrov", ActorKind.person, []),
        ("Sergey Lavrov", ActorKind.person, []),
    )
    score = Score()
    score_merges("b", apart, source, gold, score)
    assert score.merged == {"acronym pairs": [1, 1], "variants in a brief": [0, 1]}
    merged = _brief(("Sergei Lavrov", ActorKind.person, ["Sergey Lavrov"]))
    score = Score()
    score_merges("b", merged, source, gold, score)
    assert score.merged == {"acronym pairs": [0, 1], "variants in a brief": [1, 1]}


def test_any_spelling_matches_a_person_by_an_alias_once() -> None:
    person = ActorKind.person
    parsed = _brief(
        ("Hugo Chávez", person, ["Hugo Chávez Frías"]),
        ("Juan Manuel Santos", person, []),
        ("Empire Free Trade", person, []),
    )
    gold = {"persons": ["Hugo Chávez Frías", "Juan Manuel Santos Calderón", "Juan Manuel Santos"]}
    strict, loose = Tally(), Tally()
    score_persons("b", parsed, gold, strict)
    score_persons("b", parsed, gold, loose, any_spelling=True)
    assert (strict.found, strict.right, strict.wanted) == (3, 1, 3)
    assert (loose.found, loose.right, loose.wanted) == (3, 2, 3)
    assert sorted(loose.misses) == [
        "b: missed person 'juan manuel santos calderon'",
        "b: spurious person 'empire free trade'",
    ]

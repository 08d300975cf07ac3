"""Person precision: events, places and organisations are not people; evidence is needed."""

from __future__ import annotations

import pytest

from app.parsing.models import ActorKind
from tests.parsing.helpers import brief, people

LEAD = "Lead: On May 2, 2025 in Oslo, envoys met."


def organisations(sentence: str) -> set[str]:
    parsed = brief(LEAD, "Key Takeaways", "- " + sentence)
    return {a.name for a in parsed.actors if a.kind is ActorKind.organization}


@pytest.mark.parametrize(
    "sentence",
    [
        "Since World War I, envoys have met here.",
        "The Oslo II Accord and Geneva II talks were recalled.",
        "Delegates cited Vatican II and the Dayton Agreement.",
        "The Cold War and the Helsinki Final Act shaped the text.",
        "The Marshall Plan and the Truman Doctrine were cited.",
        "The Korean War Armistice was cited again.",
        "Envoys referred to the Second Lateran Council era and the Thirty Years War.",
    ],
)
def test_named_events_and_eras_are_not_people(sentence: str) -> None:
    parsed = brief(LEAD, "Key Takeaways", "- " + sentence)
    assert people(parsed) == set()
    assert all(a.name not in ("II", "I") for a in parsed.actors)


@pytest.mark.parametrize(
    "sentence",
    [
        "Santa Cruz hosted the talks before envoys went to Los Angeles.",
        "Port Moresby and Fort Bragg sent observers.",
        "Observers from St. Petersburg and Mount Fuji arrived.",
        "Lake Geneva, Cape Town and New South Wales were mentioned.",
        "In San Antonio, officials waited.",
        "Rio Grande residents and Mar del Plata officials watched.",
    ],
)
def test_multi_word_places_are_not_people(sentence: str) -> None:
    assert people(brief(LEAD, "Key Takeaways", "- " + sentence)) == set()


@pytest.mark.parametrize(
    ("sentence", "organisation"),
    [
        ("The Canadian Trade Section in Taipei reopened.", "Canadian Trade Section"),
        ("Kenya’s National Security Council met.", "Kenyan National Security Council"),
        ("The Central Military Commission met.", "Central Military Commission"),
        (
            "Envoys from the Institute of Peace and Conflict Studies came.",
            "Institute of Peace and Conflict Studies",
        ),
        ("Jane Roe, director of the Caspian Trade Office, said so.", "Caspian Trade Office"),
        ("The Northern Ireland Assembly voted.", "Northern Ireland Assembly"),
    ],
)
def test_organisations_extend_to_their_head_noun(sentence: str, organisation: str) -> None:
    assert organisation in organisations(sentence)


def test_an_organisation_head_never_makes_a_person() -> None:
    parsed = brief(LEAD, "Key Takeaways", "- Kenya’s National Security Council met.")
    assert people(parsed) == set()
    assert "UN Security Council" not in {a.name for a in parsed.actors}


def test_a_place_head_wins_over_an_organisation_word_inside() -> None:
    assert organisations("Troops left Ramstein Air Force Base.") == set()


def test_untitled_pairs_with_no_evidence_are_not_people() -> None:
    parsed = brief(LEAD, "Key Takeaways", "- Hollow Creek and Silver Ridge were mentioned.")
    assert people(parsed) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Roe said the talks were useful.",
        "Jane Roe, the envoy, met them.",
        "Jane Roe, who leads the team, met them.",
        "The ambassador, Jane Roe, met them.",
        "His sister Jane Roe met them.",
        "The team, led by Jane Roe, met them.",
        "Jane Roe met them. Roe left early.",
    ],
)
def test_untitled_names_with_evidence_are_people(sentence: str) -> None:
    assert people(brief(LEAD, "Key Takeaways", "- " + sentence)) == {"Jane Roe"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Talks with Kwame ibn Rashid went on.", "Kwame ibn Rashid"),
        ("Talks with Park Ji-won went on.", "Park Ji-won"),
        ("Lebanon’s Omar al-Khatib arrived.", "Omar al-Khatib"),
    ],
)
def test_names_shaped_like_people_need_no_other_evidence(sentence: str, name: str) -> None:
    assert people(brief(LEAD, "Key Takeaways", "- " + sentence)) == {name}


def test_regnal_numbers_stay_with_a_titled_name() -> None:
    parsed = brief(LEAD, "Key Takeaways", "- King Harald V and Pope Leo XIV met.")
    assert people(parsed) == {"Harald V", "Leo XIV"}

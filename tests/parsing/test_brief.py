from __future__ import annotations

from datetime import date

import pytest

from app.errors import BriefError, BriefTooLargeError
from app.parsing import PARSER_VERSION, parse_brief
from app.vocabulary import ClaimStatus, SectionKind
from tests.parsing.helpers import brief

BRIEF = [
    "Security talks in Paris",
    "Lead: On Sept. 4, 2025 in Paris, Ukrainian President Volodymyr Zelenskyy met leaders.",
    "Key Takeaways",
    "- Zelenskyy asked for guarantees.",
    "* The U.S. was consulted.",
    "1. NATO stayed silent.",
    "Verified Facts",
    "Zelenskyy met Macron at 8 a.m. ET. The U.S. joined by phone.",
    "Context & Impact",
    "Talks have stalled for months.",
    "- Political impact: Kyiv gains leverage.",
    "- Nothing moved in the markets.",
    "Unconfirmed",
    "• Moscow may respond.",
    "Disputed",
    "– Kyiv denied the report.",
    "Background",
    "Talks began in 2022.",
    "Bottom Line",
    "Progress is slow.",
]


def test_every_part_of_a_brief() -> None:
    parsed = brief(*BRIEF)
    assert parsed.title == "Security talks in Paris"
    assert parsed.occurred_on == date(2025, 9, 4)
    assert parsed.location == "Paris"
    assert parsed.bottom_line == "Progress is slow."
    assert parsed.context == ["Talks have stalled for months."]
    assert [(i.label, i.text) for i in parsed.impacts] == [
        ("Political impact", "Kyiv gains leverage."),
        (None, "Nothing moved in the markets."),
    ]
    assert [(c.status, c.text) for c in parsed.claims] == [
        (ClaimStatus.reported, "Zelenskyy asked for guarantees."),
        (ClaimStatus.reported, "The U.S. was consulted."),
        (ClaimStatus.reported, "NATO stayed silent."),
        (ClaimStatus.verified, "Zelenskyy met Macron at 8 a.m. ET."),
        (ClaimStatus.verified, "The U.S. joined by phone."),
        (ClaimStatus.unconfirmed, "Moscow may respond."),
        (ClaimStatus.disputed, "Kyiv denied the report."),
    ]
    assert parsed.sections[-2].kind is SectionKind.extra
    assert parsed.sections[-2].name == "Background"


def test_event_from_the_lead() -> None:
    event = brief(*BRIEF).events[0]
    assert event.title == "Ukrainian President Volodymyr Zelenskyy met leaders"
    assert event.participants == ["volodymyr-zelenskyy"]
    assert event.occurred_on == date(2025, 9, 4)


def test_claim_spans_and_actor_lists() -> None:
    parsed = brief(*BRIEF)
    for claim in parsed.claims:
        assert parsed.source[claim.span[0] : claim.span[1]] == claim.text
    assert parsed.claims[1].actors == ["united-states"]


def test_blank_lines_join_wrapped_paragraphs() -> None:
    parsed = brief(
        "Lead: On May 1, 2025 leaders met.", "", "Context and Impact", "",
        "The first paragraph is", "wrapped over two lines.", "", "Second one.",
    )  # fmt: skip
    assert parsed.context == ["The first paragraph is wrapped over two lines.", "Second one."]


def test_output_is_deterministic() -> None:
    text = "\n".join(BRIEF)
    assert parse_brief(text).model_dump_json() == parse_brief(text).model_dump_json()


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        (b"", 1),
        (b"  \n\t\n", 1),
        (b"Lead: fine\nKey Takeaways\n- bad \xff byte\n", 3),
        (b"Some text\nwith no sections.\n", 1),
        (b"Lead: x\nKey Takeaways\n- a\nKey Takeaways\n- b\n", 4),
        (b"Lead: x\nKey Takeaways\n- a\nVerified Facts\n", 4),
        (b'Lead: x\nKey Takeaways\n- He said "we will', 3),
    ],
)
def test_bad_input_names_file_and_line(raw: bytes, line: int) -> None:
    with pytest.raises(BriefError) as caught:
        parse_brief(raw, file="briefs/bad.txt")
    assert caught.value.file == "briefs/bad.txt"
    assert caught.value.line == line
    assert str(caught.value).startswith(f"briefs/bad.txt:{line}: ")


def test_too_large() -> None:
    with pytest.raises(BriefTooLargeError):
        parse_brief(b"Lead: x\n" * 100, max_bytes=100)


def test_parser_version_is_semver() -> None:
    assert PARSER_VERSION.count(".") == 2

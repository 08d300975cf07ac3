from __future__ import annotations

import pytest

from app.errors import BriefError
from app.parsing.document.sections import heading_name, known_kind, split_sections
from app.parsing.document.source import split_lines
from app.vocabulary import SectionKind


def kinds(text: str) -> list[tuple[str, SectionKind]]:
    return [(s.name, s.kind) for s in split_sections(split_lines(text))]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Key Takeaways", SectionKind.key_takeaways),
        ("KEY TAKEAWAYS:", SectionKind.key_takeaways),
        ("## Verified facts", SectionKind.verified_facts),
        ("Context & Impact", SectionKind.context_impact),
        ("context and impact:", SectionKind.context_impact),
        ("**Official Statements**", SectionKind.official_statements),
        ("Disputed Claims", SectionKind.disputed),
        ("Contested", SectionKind.disputed),
        ("Denied:", SectionKind.disputed),
        ("### Bottom Line", SectionKind.bottom_line),
        ("Bottom lines are drawn.", None),
    ],
)
def test_known_headings_in_every_variation(line: str, kind: SectionKind | None) -> None:
    assert known_kind(line) == kind


def test_heading_name_is_kept_as_written() -> None:
    assert heading_name("## KEY TAKEAWAYS:") == ("KEY TAKEAWAYS", "key takeaways")


def test_markdown_title_lead_and_sections() -> None:
    text = "# Big day\n\n**Lead:** On May 1, 2025 things happened.\n\n## Bottom Line\n\nDone.\n"
    assert kinds(text) == [
        ("Title", SectionKind.title),
        ("Lead", SectionKind.lead),
        ("Bottom Line", SectionKind.bottom_line),
    ]


def test_plain_first_line_is_the_title() -> None:
    sections = split_sections(split_lines("Talks in Paris\nLead: text.\nBottom Line\nEnd.\n"))
    assert sections[0].kind is SectionKind.title
    assert sections[0].lines[0].text == "Talks in Paris"


def test_unknown_short_line_followed_by_content_is_an_extra_section() -> None:
    text = "Lead: x.\nTimeline\nTalks resume in October.\nBottom Line\nEnd.\n"
    assert ("Timeline", SectionKind.extra) in kinds(text)


def test_short_sentence_is_not_a_heading() -> None:
    text = "Lead: x.\nBottom Line\nIt ended.\nNothing changed.\n"
    assert [k for _, k in kinds(text)] == [SectionKind.lead, SectionKind.bottom_line]


def test_markdown_unknown_heading_is_extra() -> None:
    text = "Lead: x.\n## What to watch next, and why\nMore talks.\n"
    assert kinds(text)[-1] == ("What to watch next, and why", SectionKind.extra)


def test_attribution_after_a_quote_is_not_a_heading() -> None:
    text = "Lead: x.\nOfficial Statements\n“We are ready.”\nEmmanuel Macron\nBottom Line\nEnd.\n"
    assert [k for _, k in kinds(text)] == [
        SectionKind.lead,
        SectionKind.official_statements,
        SectionKind.bottom_line,
    ]


def test_duplicated_section_reports_the_second_heading() -> None:
    with pytest.raises(BriefError) as caught:
        kinds("Lead: x.\nKey Takeaways\n- a\nkey takeaways:\n- b\n")
    assert caught.value.line == 4
    assert "duplicated" in caught.value.message


def test_file_ending_right_after_a_heading_is_truncated() -> None:
    with pytest.raises(BriefError) as caught:
        kinds("Lead: x.\nKey Takeaways\n- a\nVerified Facts\n")
    assert caught.value.line == 4


def test_no_lead_and_no_known_section() -> None:
    with pytest.raises(BriefError, match="no Lead"):
        kinds("Just a note\nwith two lines of text.\n")


def test_section_span_covers_heading_to_last_content() -> None:
    text = "Lead: x.\nBottom Line\nEnd.\n\n"
    section = split_sections(split_lines(text))[-1]
    assert text[section.span[0] : section.span[1]] == "Bottom Line\nEnd."

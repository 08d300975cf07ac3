from __future__ import annotations

import pytest

from app.errors import BriefError
from app.vocabulary import StatementKind
from tests.parsing.helpers import brief

LEAD = "Lead: On Sept. 4, 2025 in Paris, French President Emmanuel Macron met Maria Zakharova."


@pytest.mark.parametrize(
    "entry",
    [
        ["“We are ready.”", "Emmanuel Macron, President of France"],
        ['"We are ready."', "— Emmanuel Macron, President of France"],
        ["“We are ready.”", "– Emmanuel Macron, President of France"],
        ["“We are ready.”", "- Emmanuel Macron, President of France"],
        ["> “We are ready.”", ">", "> — Emmanuel Macron, President of France"],
        ["“We are ready.” — Emmanuel Macron, President of France"],
    ],
)
def test_attribution_styles(entry: list[str]) -> None:
    parsed = brief(LEAD, "Official Statements", *entry)
    quote = next(s for s in parsed.statements if s.kind is StatementKind.quote)
    assert quote.text == "We are ready."
    assert parsed.source[quote.span[0] : quote.span[1]] == "We are ready."
    assert quote.speaker == "emmanuel-macron"
    assert quote.speaker_role == "President of France"


def test_speaker_role_names_an_organisation_and_lends_a_country() -> None:
    parsed = brief(
        LEAD, "Official Statements", "“No.”", "Maria Zakharova, Russian Foreign Ministry"
    )
    quote = parsed.statements[-1]
    assert (quote.speaker, quote.speaker_role) == ("maria-zakharova", "Russian Foreign Ministry")
    zakharova = next(a for a in parsed.actors if a.key == "maria-zakharova")
    assert zakharova.country == "RU"
    assert any(a.key == "russian-foreign-ministry" for a in parsed.actors)


def test_name_only_attribution() -> None:
    parsed = brief(LEAD, "Official Statements", "“No.”", "- Zakharova")
    assert parsed.statements[-1].speaker == "maria-zakharova"
    assert parsed.statements[-1].speaker_role is None


def test_entry_without_attribution_names_its_line() -> None:
    with pytest.raises(BriefError) as caught:
        brief(LEAD, "Official Statements", "“One.”", "“Two.”", "Macron, President")
    assert caught.value.line == 3
    assert "attribution" in caught.value.message


def test_unclosed_quotation_in_statements() -> None:
    with pytest.raises(BriefError, match=r"unclosed|never closed"):
        brief(LEAD, "Official Statements", "“We will never", "Bottom Line", "End.")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Macron said Europe was prepared.", "emmanuel-macron"),
        ("Spokesperson Maria Zakharova characterized the plan as a threat.", "maria-zakharova"),
        ("Moscow publicly warned it will not accept troops.", "russia"),
        ("The meeting was described by the French presidency as useful.", "france"),
        (
            "Russia’s Foreign Ministry statement on Sept. 4, 2025, reiterated its view.",
            "russian-foreign-ministry",
        ),
        ("Maria Zakharova, a Russian spokesperson, said talks were over.", "maria-zakharova"),
        ("Ukraine’s foreign minister called the proposal unacceptable.", None),
    ],
)
def test_reported_speech_speakers(sentence: str, speaker: str | None) -> None:
    parsed = brief(LEAD, "Verified Facts", sentence)
    reported = [s for s in parsed.statements if s.text == sentence]
    assert len(reported) == 1
    assert reported[0].kind is StatementKind.reported
    assert reported[0].speaker == speaker


def test_sentences_without_speech_are_not_statements() -> None:
    parsed = brief(LEAD, "Verified Facts", "Zelenskyy held talks with leaders described as allies.")
    assert [s for s in parsed.statements if "allies" in s.text] == []


@pytest.mark.parametrize(
    ("attribution", "body"),
    [
        ("– Melanesian Brotherhood, statement issued in Honiara", "Melanesian Brotherhood"),
        ("> — Bangladesh Sangbad Sangstha, summary of a text", "Bangladesh Sangbad Sangstha"),
        ("— Solomon Star, editorial", "Solomon Star"),
        ("> — New China News Agency, commentary issued in Beijing", "New China News Agency"),
        (
            "– United States Mission to the United Nations, joint press statement",
            "United States Mission to the United Nations",
        ),
    ],
)
def test_a_speaker_issuing_a_document_is_an_organisation(attribution: str, body: str) -> None:
    parsed = brief(LEAD, "Official Statements", "“No.”", attribution)
    speaker = next(a for a in parsed.actors if a.key == parsed.statements[-1].speaker)
    assert (speaker.name, speaker.kind) == (body, "organization")
    assert body not in {a.name for a in parsed.actors if a.kind == "person"}


def test_a_person_issuing_a_statement_stays_a_person() -> None:
    parsed = brief(
        LEAD, "Official Statements", "“No.”", "— John Kerry, statement on behalf of Washington"
    )
    speaker = next(a for a in parsed.actors if a.key == parsed.statements[-1].speaker)
    assert (speaker.name, speaker.kind) == ("John Kerry", "person")

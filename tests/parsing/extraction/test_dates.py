from __future__ import annotations

from datetime import date

import pytest

from app.parsing.extraction.dates import event_title, lead_date, lead_location


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Sept. 4, 2025 in Paris", date(2025, 9, 4)),
        ("On September 4, 2025 in Paris", date(2025, 9, 4)),
        ("On 4 September 2025 in Paris", date(2025, 9, 4)),
        ("On Nov. 15, 2023 in Woodside", date(2023, 11, 15)),
        ("On 2025-09-04 in Paris", date(2025, 9, 4)),
        ("Leaders met on June 1st, 2024.", date(2024, 6, 1)),
        ("On February 30, 2025 nothing happened.", None),
        ("No date here.", None),
    ],
)
def test_lead_date_styles(text: str, expected: date | None) -> None:
    assert lead_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Sept. 4, 2025 in Paris, Ukrainian President Volodymyr Zelenskyy met", "Paris"),
        (
            "On Nov. 15, 2023 in Woodside, California, U.S. President Joe Biden met",
            "Woodside, California",
        ),
        ("Leaders met in Rio de Janeiro on Monday.", "Rio de Janeiro"),
        ("Leaders met in Santa Cruz de la Sierra on Monday.", "Santa Cruz de la Sierra"),
        (
            "Leaders met in Santa Cruz de la Sierra, Bolivia, on Monday.",
            "Santa Cruz de la Sierra, Bolivia",
        ),
        ("Envoys met in Geneva de facto recognising the junta.", "Geneva"),  # 1.41.1
        ("Envoys met in Lisbon da la nuit.", "Lisbon"),  # particles, then a lowercase word
        ("In September 2025 leaders met in New Delhi.", "New Delhi"),
        ("Leaders met by video link.", None),
        ("On May 2, 2021 in East Jerusalem, police said", "East Jerusalem"),
        (
            "On 2 May 2021 in Skopje, North Macedonia, the two leaders met",
            "Skopje, North Macedonia",
        ),
        ("On 2 May 2021 in Brussels, Finland joined the alliance", "Brussels"),
        ("Talks resumed in Monday's session in Geneva.", "Geneva"),
    ],
)
def test_lead_location(text: str, expected: str | None) -> None:
    assert lead_location(text, 0, len(text)) == expected


def test_event_title_drops_date_place_and_trailing_clause() -> None:
    lead = (
        "On Sept. 4, 2025 in Paris, Ukrainian President Volodymyr Zelenskyy met a group of "
        "European leaders to discuss security guarantees, while Moscow warned."
    )
    assert event_title(lead, "Paris") == (
        "Ukrainian President Volodymyr Zelenskyy met a group of European leaders"
    )

"""A brief's label: its title, or event, place and date from its Lead, short and whole-worded."""

from __future__ import annotations

from datetime import date

from app.parsing import parse_brief
from app.parsing.extraction.labels import EVENT_LIMIT, brief_label, date_text, shorten


def test_the_title_is_the_label() -> None:
    label = brief_label("  Talks  in Geneva ", "x", "Paris", date(2025, 9, 4), "first line")
    assert label == "Talks in Geneva"


def test_without_a_title_the_label_is_event_place_and_date() -> None:
    assert brief_label(None, "Leaders met", "Paris", date(2025, 9, 4), "") == (
        "Leaders met — Paris, 4 Sep 2025"
    )
    assert (
        brief_label(None, "Leaders met", None, date(2025, 9, 4), "") == "Leaders met — 4 Sep 2025"
    )
    assert brief_label(None, "Leaders met", "Oslo", None, "") == "Leaders met — Oslo"
    assert brief_label(None, "Leaders met", None, None, "") == "Leaders met"
    assert brief_label(None, None, None, None, "Key Takeaways") == "Key Takeaways"


def test_dates_are_written_day_month_year() -> None:
    assert [date_text(date(2023, month, 1)) for month in (1, 9, 12)] == [
        "1 Jan 2023", "1 Sep 2023", "1 Dec 2023",
    ]  # fmt: skip


def test_a_long_event_is_cut_between_words_never_inside_a_name_or_after_a_small_word() -> None:
    event = "South African President Cyril Ramaphosa announced that the BRICS group of Brazil"
    short = shorten(event, EVENT_LIMIT)
    assert short == "South African President Cyril Ramaphosa announced that the BRICS group…"
    assert len(short) <= EVENT_LIMIT + 1
    # 'Joint Comprehensive Plan' would be cut inside the name: the whole name goes.
    named = "Iran and six world powers concluded the Joint Comprehensive Plan of Action"
    assert shorten(named, 60) == "Iran and six world powers concluded…"
    assert shorten("Short enough", 60) == "Short enough"


def test_the_parser_labels_a_brief_without_a_title_from_its_lead() -> None:
    brief = parse_brief(
        "Lead: On 4 September 2025 in Geneva, U.N. envoys convened ceasefire talks, "
        "while fighting continued.\n\nKey Takeaways\n- Talks began.\n"
    )
    assert brief.title is None
    assert brief.label == "U.N. envoys convened ceasefire talks — Geneva, 4 Sep 2025"
    assert brief.events[0].country == "CH"

"""A brief's label: its title, or else a short one made from its Lead's event, place, date."""

from __future__ import annotations

from datetime import date

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EVENT_LIMIT = 72
FALLBACK_LIMIT = 80
# Words a cut phrase must not end on ('met a group of…').
_DANGLING = frozenset(
    ("a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "and", "or", "but", "by",
     "from", "as", "that", "which", "who", "than")
)  # fmt: skip


def date_text(day: date) -> str:
    """A date as people write it, in any order of day and month: '4 Sep 2025'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def shorten(text: str, limit: int) -> str:
    """`text` up to `limit` characters, cut between words with an ellipsis, never after a
    small word ('of', 'the') nor before the end of a capitalised name."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    words = text[: limit + 1].split(" ")[:-1]
    while len(words) > 1 and words[-1][:1].isupper() and text.split(" ")[len(words)][:1].isupper():
        words.pop()  # the next word goes on with this name
    while len(words) > 1 and words[-1].casefold().strip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:") + "…"


def brief_label(
    title: str | None,
    event: str | None,
    place: str | None,
    occurred_on: date | None,
    first_line: str,
) -> str:
    """The title when there is one; else '<event> — <place>, <date>' from the Lead, each
    part only when the Lead has it; else the brief's first line, shortened."""
    if title:
        return " ".join(title.split())
    where = ", ".join(
        part for part in (place, date_text(occurred_on) if occurred_on else None) if part
    )
    if event:
        return f"{shorten(event, EVENT_LIMIT)} — {where}" if where else shorten(event, EVENT_LIMIT)
    return where or shorten(first_line, FALLBACK_LIMIT)

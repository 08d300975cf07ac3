"""`chancery db verify` reads a superseded revision's items against the source that revision
kept, not against the brief's current source; both databases."""

from __future__ import annotations

from sqlalchemy import text

from app.db import get_engine
from app.ingest.service import store_with_retry
from app.ingest.verify import verify
from app.parsing import parse_brief
from tests.briefs_revised import BEFORE

# A revision far shorter than BEFORE: BEFORE's claims lie past its end.
SHORTER = """\
Lead: On May 13, 2025 in Geneva, the talks ended.
Verified Facts
The talks ended.
"""


def _revised(database_url: str) -> None:
    engine = get_engine(database_url)
    for source in (BEFORE, SHORTER):
        store_with_retry(engine, "revised.md", parse_brief(source))


def _first_claim_item(database_url: str, assignment: str) -> tuple[int, int]:
    """Apply `assignment` to the first claim revision 1 kept; its span afterwards."""
    with get_engine(database_url).begin() as connection:
        first = "(SELECT min(id) FROM revision_items WHERE kind = 'claim')"
        connection.execute(text(f"UPDATE revision_items SET {assignment} WHERE id = {first}"))
        start, end = connection.execute(
            text(f"SELECT span_start, span_end FROM revision_items WHERE id = {first}")
        ).one()
    return int(start), int(end)


def test_a_revision_shorter_than_the_last_leaves_verify_clean(database_url: str) -> None:
    _revised(database_url)
    with get_engine(database_url).connect() as connection:
        furthest = connection.execute(text("SELECT max(span_end) FROM revision_items")).scalar()
    assert furthest > len(parse_brief(SHORTER).source)  # read against it, they would fail
    assert verify(database_url).problems == []


def test_a_revision_item_outside_its_own_source_is_reported(database_url: str) -> None:
    _revised(database_url)
    start, end = _first_claim_item(database_url, f"span_end = {len(BEFORE) + 10}")
    assert verify(database_url).problems == [
        f"revised.md, revision 1: claim span [{start}, {end}) is outside its source"
    ]


def test_a_revision_claim_whose_span_misses_its_text_is_reported(database_url: str) -> None:
    _revised(database_url)
    start, end = _first_claim_item(database_url, "text = 'Another sentence.'")
    assert verify(database_url).problems == [
        f"revised.md, revision 1: claim span [{start}, {end}) does not hold its text"
    ]

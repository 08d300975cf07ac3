"""Revisions keep ids while a row is the same thing, and record what changed: both databases."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from app.db import get_engine
from app.ingest.history import OldItem, match
from app.ingest.service import delete_brief, store_with_retry
from app.ingest.verify import verify
from app.ingest.writer import Outcome
from app.parsing import parse_brief
from tests.briefs_revised import ADDED, AFTER, BEFORE, CONFIRMED, WITHDRAWN

NAME = "geneva.md"


def _rows(database_url: str, query: str, **params: Any) -> list[Any]:
    with get_engine(database_url).connect() as connection:
        return list(connection.execute(text(query), params))


def _claims(database_url: str) -> dict[str, tuple[int, str]]:
    rows = _rows(database_url, "SELECT text, id, status FROM claims")
    return {body: (claim_id, status) for body, claim_id, status in rows}


def _store(database_url: str, source: str, name: str = NAME) -> tuple[Outcome, int]:
    stored = store_with_retry(get_engine(database_url), name, parse_brief(source))
    return stored.outcome, stored.brief_id


def test_matching_pairs_equal_texts_in_order() -> None:
    old = [OldItem(1, "a", None), OldItem(2, "b", None), OldItem(3, "a", None)]
    assert match(old, ["a", "c", "a", "a", "b"]) == [1, None, 3, None, 2]


def test_a_revision_keeps_the_ids_of_the_claims_that_stay(database_url: str) -> None:
    _store(database_url, BEFORE)
    before = _claims(database_url)
    statements = _rows(database_url, "SELECT id FROM statements")
    events = _rows(database_url, "SELECT id FROM events")

    assert _store(database_url, AFTER)[0] == Outcome.updated

    after = _claims(database_url)
    for body in CONFIRMED:
        assert after[body] == (before[body][0], "verified")
    assert WITHDRAWN not in after
    assert after[ADDED][0] > max(claim_id for claim_id, _ in before.values())
    assert _rows(database_url, "SELECT id FROM statements") == statements
    assert _rows(database_url, "SELECT id FROM events") == events
    assert verify(database_url).problems == []


def test_a_revision_records_its_changes_in_the_feed(database_url: str) -> None:
    _, brief_id = _store(database_url, BEFORE)
    before = _claims(database_url)
    _store(database_url, AFTER)
    after = _claims(database_url)

    feed = _rows(
        database_url,
        "SELECT type, brief_id, revision, item_id, old_status, new_status FROM changes ORDER BY id",
    )
    assert feed == [
        ("brief.created", brief_id, 1, None, None, None),
        ("brief.updated", brief_id, 2, None, None, None),
        ("claim.status_changed", brief_id, 2, before[CONFIRMED[0]][0], "unconfirmed", "verified"),
        ("claim.status_changed", brief_id, 2, before[CONFIRMED[1]][0], "unconfirmed", "verified"),
        ("claim.added", brief_id, 2, after[ADDED][0], None, "unconfirmed"),
        ("claim.removed", brief_id, 2, before[WITHDRAWN][0], "unconfirmed", None),
    ]


def test_a_superseded_revision_keeps_its_source_and_rows(database_url: str) -> None:
    _, brief_id = _store(database_url, BEFORE)
    _store(database_url, AFTER)

    revisions = _rows(
        database_url,
        "SELECT number, kind, source_text, summary, superseded_at IS NULL FROM brief_revisions "
        "WHERE brief_id = :b ORDER BY number",
        b=brief_id,
    )
    (one, kind_one, source_one, _, current_one), (two, kind_two, source_two, summary, current) = (
        revisions
    )
    assert (one, kind_one, source_one, current_one) == (1, "created", BEFORE, False)
    assert (two, kind_two, source_two, current) == (2, "updated", None, True)
    summary = summary if isinstance(summary, dict) else json.loads(summary)
    assert summary["claims_added"] == summary["claims_removed"] == 1
    assert summary["claims_status_changed"] == 2
    kept = _rows(
        database_url,
        "SELECT i.text, i.status FROM revision_items i JOIN brief_revisions r "
        "ON r.id = i.revision_id WHERE r.number = 1 AND i.kind = 'claim' ORDER BY i.position",
    )
    assert [status for _, status in kept] == ["verified", *["unconfirmed"] * 3]
    assert kept[3][0] == WITHDRAWN


def test_the_same_content_again_is_no_revision_and_no_change(database_url: str) -> None:
    _store(database_url, BEFORE)
    assert _store(database_url, BEFORE)[0] == Outcome.unchanged
    assert _rows(database_url, "SELECT count(*) FROM changes") == [(1,)]


def test_a_brief_back_to_an_earlier_content_is_a_third_revision(database_url: str) -> None:
    _store(database_url, BEFORE)
    _store(database_url, AFTER)
    assert _store(database_url, BEFORE)[0] == Outcome.updated
    numbers = _rows(database_url, "SELECT number FROM brief_revisions ORDER BY number")
    assert numbers == [(1,), (2,), (3,)]


def test_a_deleted_brief_leaves_a_tombstone_and_its_ids_are_never_reused(
    database_url: str,
) -> None:
    _store(database_url, BEFORE, "first.md")
    _, brief_id = _store(database_url, AFTER, "second.md")
    claims = [
        row[0]
        for row in _rows(database_url, "SELECT id FROM claims WHERE brief_id = :b", b=brief_id)
    ]

    delete_brief(brief_id)

    tombstone = _rows(
        database_url, "SELECT number, kind FROM brief_revisions WHERE brief_id = :b", b=brief_id
    )
    assert tombstone == [(1, "created"), (2, "deleted")]
    # The tombstone keeps the last content's label: a deleted brief can still be named.
    labels = _rows(
        database_url, "SELECT label FROM brief_revisions WHERE brief_id = :b", b=brief_id
    )
    assert labels == [(parse_brief(AFTER).label,)] * 2
    assert labels[0][0]
    feed = _rows(
        database_url, "SELECT type FROM changes WHERE brief_id = :b ORDER BY id", b=brief_id
    )
    assert [t for (t,) in feed] == ["brief.created", "brief.deleted"] + ["claim.removed"] * 4 + [
        "statement.removed",
        "event.removed",
    ]
    _, again = _store(database_url, AFTER, "third.md")
    assert again > brief_id
    new_claims = [
        row[0] for row in _rows(database_url, "SELECT id FROM claims WHERE brief_id = :b", b=again)
    ]
    assert min(new_claims) > max(claims)
    assert verify(database_url).problems == []


def test_the_same_content_parsed_again_relabels_its_revision(database_url: str) -> None:
    """A newer parser reading a stored content again makes no revision, but the current one
    takes the label it gives now."""
    _store(database_url, BEFORE)
    with get_engine(database_url).begin() as connection:
        connection.execute(text("UPDATE briefs SET parser_version = '1.3.0', label = 'old'"))
        connection.execute(text("UPDATE brief_revisions SET label = 'old'"))

    assert _store(database_url, BEFORE)[0] == Outcome.updated

    revisions = _rows(database_url, "SELECT number, label FROM brief_revisions")
    assert revisions == [(1, parse_brief(BEFORE).label)]
    assert verify(database_url).problems == []


def _tamper(database_url: str, statement: str) -> list[str]:
    """The history problems `verify` finds after `statement` changed rows behind the writer
    (the dashboard's kept counts then drift too: tests/ingest/test_verify.py covers that)."""
    with get_engine(database_url).begin() as connection:
        connection.execute(text(statement))
    return [p for p in verify(database_url).problems if "differ from a recount" not in p]


def test_verify_finds_a_status_no_change_recorded(database_url: str) -> None:
    _store(database_url, BEFORE)
    _store(database_url, AFTER)
    problems = _tamper(
        database_url, f"UPDATE claims SET status = 'disputed' WHERE text = '{CONFIRMED[0]}'"
    )
    assert problems == ["1 claim(s) whose status is not the one their last change gave"]


def test_verify_finds_rows_that_are_not_the_latest_revision(database_url: str) -> None:
    _store(database_url, BEFORE)
    _store(database_url, AFTER)
    problems = _tamper(database_url, "DELETE FROM brief_revisions WHERE number = 2")
    assert problems == [
        f"{NAME}: its rows are not its latest revision",
        "1 brief.updated change(s) belong to no recorded revision",
        "1 claim.added change(s) belong to no recorded revision",
        "1 claim.removed change(s) belong to no recorded revision",
        "2 claim.status_changed change(s) belong to no recorded revision",
    ]


def test_verify_finds_a_revision_labelled_otherwise_than_its_brief(database_url: str) -> None:
    _store(database_url, BEFORE)
    problems = _tamper(database_url, "UPDATE brief_revisions SET label = 'another'")
    assert problems == [f"{NAME}: its latest revision's label is not the brief's"]


def test_verify_finds_a_brief_gone_without_a_tombstone(database_url: str) -> None:
    _, brief_id = _store(database_url, BEFORE)
    problems = _tamper(database_url, f"DELETE FROM briefs WHERE id = {brief_id}")
    assert problems == [f"brief {brief_id} is gone but its last revision is no tombstone"]

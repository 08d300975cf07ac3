"""The history's invariants, which `chancery db verify` checks beside the rows'.

Every stored brief's rows are its latest revision (that revision is current and holds its
content and label); every deleted brief ends with a tombstone; every change, status changes
included, belongs to a recorded revision; each claim's status is the one its last change
left; and each superseded revision's items point into that revision's own source.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, text

LATEST = (
    "SELECT r.brief_id, r.kind, r.sha256, r.superseded_at IS NULL, r.label, b.sha256, "
    "b.source_name, b.label "
    "FROM brief_revisions r LEFT JOIN briefs b ON b.id = r.brief_id "
    "WHERE r.number = (SELECT max(number) FROM brief_revisions x WHERE x.brief_id = r.brief_id)"
)
UNREVISED = (
    "SELECT b.source_name FROM briefs b WHERE NOT EXISTS "
    "(SELECT 1 FROM brief_revisions r WHERE r.brief_id = b.id)"
)
OPEN_EARLIER = (
    "SELECT count(*) FROM brief_revisions r WHERE r.superseded_at IS NULL AND r.number < "
    "(SELECT max(number) FROM brief_revisions x WHERE x.brief_id = r.brief_id)"
)
UNRECORDED = (
    "SELECT c.type, count(*) FROM changes c LEFT JOIN brief_revisions r "
    "ON r.brief_id = c.brief_id AND r.number = c.revision WHERE r.id IS NULL GROUP BY c.type "
    "ORDER BY c.type"
)
CLAIM_CHANGES = "('claim.added', 'claim.status_changed', 'claim.removed')"
STALE_STATUS = (
    "SELECT count(*) FROM claims c JOIN changes ch ON ch.id = (SELECT max(x.id) FROM changes x "
    f"WHERE x.item_id = c.id AND x.type IN {CLAIM_CHANGES}) "
    "WHERE ch.new_status IS NULL OR ch.new_status <> c.status"
)

# A superseded revision's claims, statements and events whose span is not within the source
# that revision kept, or (a claim) does not hold its text. `length` and `substr` count
# characters on both databases, as Python's slices do.
_INSIDE = "i.span_start >= 0 AND i.span_start <= i.span_end AND i.span_end <= length(r.source_text)"
REVISION_SPANS = (
    f"SELECT r.source_name, r.number, i.kind, i.span_start, i.span_end, {_INSIDE} "
    "FROM revision_items i JOIN brief_revisions r ON r.id = i.revision_id "
    f"WHERE r.source_text IS NOT NULL AND NOT ({_INSIDE} AND (i.kind <> 'claim' "
    "OR substr(r.source_text, i.span_start + 1, i.span_end - i.span_start) = i.text)) "
    "ORDER BY r.brief_id, r.number, i.id"
)


def _latest(connection: Connection) -> Iterator[str]:
    for row in connection.execute(text(LATEST)):
        brief_id, kind, sha256, is_open, label, stored_sha256, name, stored_label = row
        if name is None and kind != "deleted":
            yield f"brief {brief_id} is gone but its last revision is no tombstone"
        elif name is not None and kind == "deleted":
            yield f"{name}: its last revision is a tombstone, yet it is stored"
        elif name is not None and (sha256 != stored_sha256 or not is_open):
            yield f"{name}: its rows are not its latest revision"
        elif name is not None and label != stored_label:
            yield f"{name}: its latest revision's label is not the brief's"


def history_problems(connection: Connection) -> Iterator[str]:
    """Every violation of the history's invariants."""
    yield from _latest(connection)
    for (name,) in connection.execute(text(UNREVISED)):
        yield f"{name}: no revision recorded"
    if n := connection.execute(text(OPEN_EARLIER)).scalar_one():
        yield f"{n} superseded revision(s) not marked superseded"
    for change_type, n in connection.execute(text(UNRECORDED)):
        yield f"{n} {change_type} change(s) belong to no recorded revision"
    if n := connection.execute(text(STALE_STATUS)).scalar_one():
        yield f"{n} claim(s) whose status is not the one their last change gave"
    for name, number, kind, start, end, inside in connection.execute(text(REVISION_SPANS)):
        problem = "is outside its source" if not inside else "does not hold its text"
        yield f"{name}, revision {number}: {kind} span [{start}, {end}) {problem}"

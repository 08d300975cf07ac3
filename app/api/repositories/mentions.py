"""Which actor each row is linked to, as (parent id, actor id) selects.

A statement's speaker counts as mentioned by it; an actor appears in a brief when any claim,
statement (as speaker or mentioned) or event (as participant) of the brief names it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Subquery, exists, select, union_all
from sqlmodel import col

from app.api.repositories.keyset import AnySelect
from app.storage.tables import (
    Claim,
    ClaimActor,
    Event,
    EventParticipant,
    Statement,
    StatementActor,
)

# Parts are combined with UNION ALL, never UNION: a UNION subquery is built whole and sorted
# before any filter of the outer query applies (seconds at 10k briefs), and a filter on
# UNION ALL reaches each part's indexes.


def claim_pairs() -> AnySelect:
    """(claim id, actor id)."""
    return select(col(ClaimActor.claim_id), col(ClaimActor.actor_id))


def event_pairs() -> AnySelect:
    """(event id, actor id)."""
    return select(col(EventParticipant.event_id), col(EventParticipant.actor_id))


def _spoken(*, unless_mentioned: bool) -> AnySelect:
    spoken = select(col(Statement.id), col(Statement.speaker_id)).where(
        col(Statement.speaker_id).is_not(None)
    )
    if not unless_mentioned:
        return spoken
    listed = select(col(StatementActor.statement_id)).where(
        col(StatementActor.statement_id) == col(Statement.id),
        col(StatementActor.actor_id) == col(Statement.speaker_id),
    )
    return spoken.where(~exists(listed))


def statement_pair_parts(*, with_speaker: bool = True) -> tuple[AnySelect, ...]:
    """(statement id, actor id) selects, no pair twice: mentioned actors, then the speaker
    where the statement does not also list them as mentioned."""
    mentioned = select(col(StatementActor.statement_id), col(StatementActor.actor_id))
    if not with_speaker:
        return (mentioned,)
    return mentioned, _spoken(unless_mentioned=True)


def statement_pairs(*, with_speaker: bool = True) -> AnySelect:
    """(statement id, actor id), the speaker included unless `with_speaker` is false."""
    parts = statement_pair_parts(with_speaker=with_speaker)
    return parts[0] if len(parts) == 1 else select(union_all(*parts).subquery())


def statement_mention_pairs() -> AnySelect:
    """(statement id, actor id) for the actors a statement mentions, its speaker aside."""
    return statement_pairs(with_speaker=False)


def brief_pair_parts() -> tuple[AnySelect, ...]:
    """(brief id, actor id) selects, one per way an actor can appear in a brief; the same
    pair can come from several parts, so readers count or select it DISTINCT."""
    claims = select(col(Claim.brief_id), col(ClaimActor.actor_id)).join(
        ClaimActor, col(ClaimActor.claim_id) == col(Claim.id)
    )
    mentioned = select(col(StatementActor.statement_id), col(StatementActor.actor_id))
    stated = [
        select(col(Statement.brief_id), part.c[1]).join(part, part.c[0] == col(Statement.id))
        for part in (p.subquery() for p in (mentioned, _spoken(unless_mentioned=False)))
    ]
    events = select(col(Event.brief_id), col(EventParticipant.actor_id)).join(
        EventParticipant, col(EventParticipant.event_id) == col(Event.id)
    )
    return claims, *stated, events


def brief_pairs() -> AnySelect:
    """(brief id, actor id) for every actor appearing anywhere in a brief (repeats kept)."""
    return select(union_all(*brief_pair_parts()).subquery())


def linked(
    parts: Sequence[AnySelect],
    *,
    parents: Sequence[int] | None = None,
    actors: Sequence[int] | None = None,
) -> Subquery:
    """The (parent id, actor id) pairs of `parts` for some parents or some actors, each
    part filtered before they are combined."""
    filtered = []
    for part in parts:
        parent, actor = part.selected_columns
        if parents is not None:
            part = part.where(parent.in_(parents))
        if actors is not None:
            part = part.where(actor.in_(actors))
        filtered.append(part)
    return union_all(*filtered).subquery()

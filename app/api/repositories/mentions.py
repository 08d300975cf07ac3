"""Which actor each row is linked to, as (parent id, actor id) selects.

A statement's speaker counts as mentioned by it; an actor appears in a brief when any claim,
statement (as speaker or mentioned) or event (as participant) of the brief names it.
"""

from __future__ import annotations

from sqlalchemy import select, union
from sqlmodel import col

from app.api.pagination import AnySelect
from app.storage.tables import (
    Claim,
    ClaimActor,
    Event,
    EventParticipant,
    Statement,
    StatementActor,
)


def claim_pairs() -> AnySelect:
    """(claim id, actor id)."""
    return select(col(ClaimActor.claim_id), col(ClaimActor.actor_id))


def event_pairs() -> AnySelect:
    """(event id, actor id)."""
    return select(col(EventParticipant.event_id), col(EventParticipant.actor_id))


def statement_pair_parts(*, with_speaker: bool = True) -> tuple[AnySelect, ...]:
    """(statement id, actor id) selects: mentioned actors, then the speaker."""
    mentioned = select(col(StatementActor.statement_id), col(StatementActor.actor_id))
    if not with_speaker:
        return (mentioned,)
    spoken = select(col(Statement.id), col(Statement.speaker_id)).where(
        col(Statement.speaker_id).is_not(None)
    )
    return mentioned, spoken


def statement_pairs(*, with_speaker: bool = True) -> AnySelect:
    """(statement id, actor id), the speaker included unless `with_speaker` is false."""
    parts = statement_pair_parts(with_speaker=with_speaker)
    return parts[0] if len(parts) == 1 else select(union(*parts).subquery())


def statement_mention_pairs() -> AnySelect:
    """(statement id, actor id) for the actors a statement mentions, its speaker aside."""
    return statement_pairs(with_speaker=False)


def brief_pair_parts() -> tuple[AnySelect, ...]:
    """(brief id, actor id) selects, one per way an actor can appear in a brief."""
    claims = select(col(Claim.brief_id), col(ClaimActor.actor_id)).join(
        ClaimActor, col(ClaimActor.claim_id) == col(Claim.id)
    )
    stated = [
        select(col(Statement.brief_id), part.c[1]).join(part, part.c[0] == col(Statement.id))
        for part in (p.subquery() for p in statement_pair_parts())
    ]
    events = select(col(Event.brief_id), col(EventParticipant.actor_id)).join(
        EventParticipant, col(EventParticipant.event_id) == col(Event.id)
    )
    return claims, *stated, events


def brief_pairs() -> AnySelect:
    """(brief id, actor id) for every actor appearing anywhere in a brief."""
    return select(union(*brief_pair_parts()).subquery())

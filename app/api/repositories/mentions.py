"""Which actor each row is linked to, as (parent id, actor id) selects.

A statement's speaker counts as mentioned by it; an actor appears in a brief when the brief
names it anywhere (a row of `mentions`: the Lead, any section, a quotation or attribution),
which every claim, statement and event linking it does too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from sqlalchemy import Subquery, exists, select, union_all
from sqlmodel import col

from app.api.repositories.keyset import AnySelect
from app.storage.tables import (
    ClaimActor,
    EventParticipant,
    Mention,
    Statement,
    StatementActor,
)

# The selects are built once (`cache`): a statement is immutable, and the conditions that
# read them memoise their subqueries' columns (`conditions.mentions_all`).
#
# Parts are combined with UNION ALL, never UNION: a UNION subquery is built whole and sorted
# before any filter of the outer query applies (seconds at 10k briefs), and a filter on
# UNION ALL reaches each part's indexes.


@cache
def claim_pairs(statuses: tuple[str, ...] = ()) -> AnySelect:
    """(claim id, actor id), of claims of `statuses` only when given (each link holds its
    claim's status: an actor's claims of a status come from its links alone)."""
    pairs = select(col(ClaimActor.claim_id), col(ClaimActor.actor_id))
    return pairs.where(col(ClaimActor.status).in_(statuses)) if statuses else pairs


@cache
def event_pairs() -> AnySelect:
    """(event id, actor id)."""
    return select(col(EventParticipant.event_id), col(EventParticipant.actor_id))


def _spoken_unless_mentioned() -> AnySelect:
    """(statement id, speaker id) where the statement does not also list the speaker."""
    listed = select(col(StatementActor.statement_id)).where(
        col(StatementActor.statement_id) == col(Statement.id),
        col(StatementActor.actor_id) == col(Statement.speaker_id),
    )
    return select(col(Statement.id), col(Statement.speaker_id)).where(
        col(Statement.speaker_id).is_not(None), ~exists(listed)
    )


@cache
def statement_pair_parts(*, with_speaker: bool = True) -> tuple[AnySelect, ...]:
    """(statement id, actor id) selects, no pair twice: mentioned actors, then the speaker
    where the statement does not also list them as mentioned."""
    mentioned = select(col(StatementActor.statement_id), col(StatementActor.actor_id))
    if not with_speaker:
        return (mentioned,)
    return mentioned, _spoken_unless_mentioned()


@cache
def statement_pairs(*, with_speaker: bool = True) -> AnySelect:
    """(statement id, actor id), the speaker included unless `with_speaker` is false."""
    parts = statement_pair_parts(with_speaker=with_speaker)
    return parts[0] if len(parts) == 1 else select(union_all(*parts).subquery())


def statement_mention_pairs() -> AnySelect:
    """(statement id, actor id) for the actors a statement mentions, its speaker aside."""
    return statement_pairs(with_speaker=False)


@cache
def brief_pair_parts() -> tuple[AnySelect, ...]:
    """(brief id, actor id) selects for every actor a brief names; one per place it is
    named, so readers count or select a pair DISTINCT."""
    return (select(col(Mention.brief_id), col(Mention.actor_id)),)


@cache
def brief_pairs() -> AnySelect:
    """(brief id, actor id) for every actor named anywhere in a brief (repeats kept)."""
    return brief_pair_parts()[0]


def linked(
    parts: Sequence[AnySelect],
    *,
    parents: Sequence[int] | None = None,
    actors: Sequence[int] | None = None,
) -> Subquery:
    """The (parent id, actor id) pairs of `parts` for some parents or some actors, each
    part filtered before they are combined (one part is used as it is)."""
    filtered = []
    for part in parts:
        parent, actor = part.selected_columns
        if parents is not None:
            part = part.where(parent.in_(parents))
        if actors is not None:
            part = part.where(actor.in_(actors))
        filtered.append(part)
    return filtered[0].subquery() if len(filtered) == 1 else union_all(*filtered).subquery()

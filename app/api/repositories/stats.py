"""Aggregates for the dashboard, under the same filters as the lists."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select, union_all
from sqlmodel import Session, col

from app.api.repositories import briefs, claims, statements
from app.api.repositories.base import actor_ref_columns
from app.api.repositories.conditions import Conditions
from app.api.repositories.keyset import AnySelect, SqlColumn
from app.api.repositories.mentions import claim_pairs, statement_pairs
from app.api.schemas.common import ActorRef
from app.api.schemas.stats import ActorMentions, ClaimStatusCounts, MonthCount, Stats
from app.storage.tables import Actor, Brief, Claim, Statement
from app.vocabulary import ClaimStatus


def _claims_by_status(session: Session, where: Conditions) -> ClaimStatusCounts:
    query = select(col(Claim.status), func.count()).where(*where).group_by(col(Claim.status))
    counted = {row[0]: row[1] for row in session.execute(query)}
    return ClaimStatusCounts(
        **{status.value: counted.get(status.value, 0) for status in ClaimStatus}
    )


def _per_month(session: Session, day: SqlColumn, where: Conditions) -> list[MonthCount]:
    # Counted per day in SQL and per month here: month arithmetic differs between SQLite
    # and PostgreSQL, and there are only as many rows as distinct dates.
    query = select(day, func.count()).where(*where).group_by(day)
    months: Counter[str | None] = Counter()
    for occurred_on, count in session.execute(query):
        months[occurred_on.strftime("%Y-%m") if occurred_on else None] += count
    ordered = sorted(months, key=lambda month: (month is None, month or ""))
    return [MonthCount(month=month, count=months[month]) for month in ordered]


def _mentioning(pairs: AnySelect, parent_id: SqlColumn, where: Conditions) -> Any:
    links = pairs.subquery()
    mentioned = select(links.c[1].label("actor_id"))
    if not where:
        # Every row matches: no need to read the parent table at all.
        return mentioned
    return mentioned.where(links.c[0].in_(select(parent_id).where(*where)))


def _top_actors(
    session: Session, claim_where: Conditions, statement_where: Conditions, limit: int
) -> list[ActorMentions]:
    mentions = union_all(
        _mentioning(claim_pairs(), col(Claim.id), claim_where),
        _mentioning(statement_pairs(), col(Statement.id), statement_where),
    ).subquery()
    count = func.count().label("mentions")
    query = (
        select(*actor_ref_columns(), count)
        .join(mentions, mentions.c.actor_id == col(Actor.id))
        .group_by(*actor_ref_columns())
        .order_by(count.desc(), col(Actor.id))
        .limit(limit)
    )
    return [
        ActorMentions(actor=ActorRef.model_validate(row._mapping), mentions=row.mentions)
        for row in session.execute(query)
    ]


def get_stats(
    session: Session,
    claim_filters: claims.ClaimFilters,
    statement_filters: statements.StatementFilters,
    brief_filters: briefs.BriefFilters,
    top: int,
) -> Stats:
    """Claims per status, claims, statements and briefs per month, and the most mentioned
    actors."""
    claim_where = claims.conditions(claim_filters)
    statement_where = statements.conditions(statement_filters)
    return Stats(
        claims_by_status=_claims_by_status(session, claim_where),
        claims_by_month=_per_month(session, col(Claim.occurred_on), claim_where),
        statements_by_month=_per_month(session, col(Statement.occurred_on), statement_where),
        briefs_by_month=_per_month(
            session, col(Brief.occurred_on), briefs.conditions(session, brief_filters)
        ),
        top_actors=_top_actors(session, claim_where, statement_where, top),
    )

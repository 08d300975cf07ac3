"""Aggregates for the dashboard, under the same filters as the lists."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, union_all
from sqlmodel import Session, col

from app.api.repositories import briefs, claims, counts, events, statements
from app.api.repositories.base import Data
from app.api.repositories.conditions import Conditions, DateRange
from app.api.repositories.keyset import AnySelect, SqlColumn
from app.api.repositories.mentions import claim_pairs, statement_pairs
from app.storage.tables import Brief, Claim, Event, Statement
from app.vocabulary import ClaimStatus


def _per_month(session: Session, day: SqlColumn, where: Conditions) -> list[Data]:
    # Counted per day in SQL and per month here: month arithmetic differs between SQLite
    # and PostgreSQL, and there are only as many rows as distinct dates.
    query = select(day, func.count()).where(*where).group_by(day)
    months: Counter[str | None] = Counter()
    for occurred_on, count in session.execute(query):
        months[occurred_on.strftime("%Y-%m") if occurred_on else None] += count
    return counts.month_list(months)


def _claims_counted(session: Session, where: Conditions) -> Data:
    """Claims meeting `where` by status, by month, and by month and status, from one
    query: counted per day and status in SQL, summed per month here (`_per_month`)."""
    day, status = col(Claim.occurred_on), col(Claim.status)
    query = select(day, status, func.count()).where(*where).group_by(day, status)
    by_status: Counter[str] = Counter()
    by_month: Counter[str | None] = Counter()
    by_month_and_status: Counter[tuple[str | None, str]] = Counter()
    for occurred_on, claim_status, count in session.execute(query):
        month = occurred_on.strftime("%Y-%m") if occurred_on else None
        by_status[claim_status] += count
        by_month[month] += count
        by_month_and_status[(month, claim_status)] += count
    return {
        "claims_by_status": {status.value: by_status[status.value] for status in ClaimStatus},
        "claims_by_month": counts.month_list(by_month),
        "claims_by_month_and_status": counts.month_status_list(by_month_and_status),
    }


def _events_by_place(session: Session, where: Conditions) -> list[Data]:
    """Events per place meeting `where`."""
    place, country = col(Event.location), col(Event.country)
    count = func.count().label("count")
    query = select(place, country, count).where(place.is_not(None), *where)
    query = query.group_by(place, country).order_by(count.desc(), place, country)
    return [
        {"location": row.location, "country": row.country, "count": row.count}
        for row in session.execute(query)
    ]


def _mentioning(pairs: AnySelect, parent_id: SqlColumn, where: Conditions) -> Any:
    links = pairs.subquery()
    mentioned = select(links.c[1].label("actor_id"))
    if not where:
        # Every row matches: no need to read the parent table at all.
        return mentioned
    return mentioned.where(links.c[0].in_(select(parent_id).where(*where)))


def _top_actors(
    session: Session, claim_where: Conditions, statement_where: Conditions, limit: int
) -> list[Data]:
    mentions = union_all(
        _mentioning(claim_pairs(), col(Claim.id), claim_where),
        _mentioning(statement_pairs(), col(Statement.id), statement_where),
    ).subquery()
    return counts.ranked_actors(session, mentions.c.actor_id, func.count(), limit)


@dataclass(frozen=True)
class StatsFilters:
    """The list filters, as each of the four kinds of row counted takes them."""

    claims: claims.ClaimFilters
    statements: statements.StatementFilters
    briefs: briefs.BriefFilters
    events: events.EventFilters


def _counted_scope(filters: StatsFilters) -> tuple[int | None] | None:
    """(the one actor, or None for all) when the kept counts answer `filters`; None when
    they do not (text search, several actors, one brief, a location)."""
    common = filters.claims.common
    if (
        filters.statements.common != common
        or filters.briefs != briefs.BriefFilters(common)
        or filters.events != events.EventFilters(common)
        or filters.claims.brief_id is not None
        or filters.statements.brief_id is not None
    ):
        return None
    return counts.counted_actor(common)


def _from_counts(session: Session, actor: int | None, filters: StatsFilters, top: int) -> Data:
    dates = filters.claims.common.dates
    measures = counts.Measures(filters.claims.statuses, filters.statements.kinds)
    monthly = counts.monthly(session, actor, dates, measures)
    top_actors = counts.top_actors(session, actor, dates, measures, top)
    if dates == DateRange():
        places = counts.places(session, actor)
    else:
        places = counts.places_within(session, dates, actor)
    return {**vars(monthly), "top_actors": top_actors, "events_by_place": places}


def _from_rows(session: Session, filters: StatsFilters, top: int) -> Data:
    claim_where = claims.conditions(claims.with_few_claims(session, filters.claims))
    statement_where = statements.conditions(filters.statements)
    brief_where = briefs.conditions(session, filters.briefs)
    return {
        # The claims' three counts read the matching claims once, not three times: with `q`
        # a common word matches most of them.
        **_claims_counted(session, claim_where),
        "statements_by_month": _per_month(session, col(Statement.occurred_on), statement_where),
        "briefs_by_month": _per_month(session, col(Brief.occurred_on), brief_where),
        "top_actors": _top_actors(session, claim_where, statement_where, top),
        "events_by_place": _events_by_place(session, events.conditions(session, filters.events)),
    }


def get_stats(session: Session, filters: StatsFilters, top: int) -> Data:
    """Claims per status, claims (also per status), statements and briefs per month, the
    most mentioned actors and events per place, from the kept counts where they answer the
    filters, from the rows otherwise: `Stats` as data, in its fields' order (no model is
    built: validating and writing back its ~900 parts cost more than counting them)."""
    scope = _counted_scope(filters)
    if scope is not None:
        return _from_counts(session, scope[0], filters, top)
    return _from_rows(session, filters, top)

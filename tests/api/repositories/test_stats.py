"""/v1/stats from the kept counts gives what counting the rows gives, under every filter
the counts answer (actor, dates, status, kind, alone and together), on both databases, and
both are what the `Stats` model writes."""

from __future__ import annotations

import itertools
from datetime import date

import orjson
from sqlalchemy import text
from sqlmodel import Session

from app.api.repositories.briefs import BriefFilters
from app.api.repositories.claims import ClaimFilters
from app.api.repositories.conditions import ActorMatch, CommonFilters, DateRange
from app.api.repositories.events import EventFilters
from app.api.repositories.statements import StatementFilters
from app.api.repositories.stats import StatsFilters, _counted_scope, _from_counts, _from_rows
from app.api.schemas.stats import Stats
from app.db import get_engine
from app.vocabulary import ClaimStatus, StatementKind
from tests.storage.test_counts import ingest_some

DATES = [
    DateRange(),
    DateRange(date(2020, 3, 15), None),
    DateRange(None, date(2021, 6, 10)),
    DateRange(date(2016, 2, 29), date(2023, 1, 2)),
    # Whole months only, none, and the ends of months (the counts per month read the whole
    # months, the counts per day the rest).
    DateRange(date(2019, 1, 1), date(2020, 12, 31)),
    DateRange(date(2020, 3, 5), date(2020, 3, 20)),
    DateRange(date(2020, 3, 15), date(2020, 4, 10)),
    DateRange(date(2020, 2, 1), date(2020, 2, 29)),
]
STATUSES = [(), (ClaimStatus.verified,), (ClaimStatus.disputed, ClaimStatus.reported)]
KINDS = [(), (StatementKind.quote,)]


Statuses = tuple[ClaimStatus, ...]
Kinds = tuple[StatementKind, ...]
BY_LINKS = "SELECT actor_id FROM claim_actors GROUP BY actor_id ORDER BY count(*) DESC, actor_id"


def _filters(common: CommonFilters, statuses: Statuses, kinds: Kinds) -> StatsFilters:
    return StatsFilters(
        ClaimFilters(common, statuses),
        StatementFilters(common, kinds),
        BriefFilters(common),
        EventFilters(common),
    )


def test_stats_from_the_counts_equal_stats_from_the_rows(database_url: str) -> None:
    ingest_some(database_url, 30)
    engine = get_engine(database_url)
    with Session(engine) as session:
        most_linked = session.execute(text(BY_LINKS)).scalars().all()
        actors = [None, most_linked[0], most_linked[len(most_linked) // 2], most_linked[-1]]
        checked = 0
        for actor, dates, statuses, kinds in itertools.product(actors, DATES, STATUSES, KINDS):
            match = ActorMatch((actor,)) if actor is not None else ActorMatch()
            filters = _filters(CommonFilters(match, dates), statuses, kinds)
            assert _counted_scope(filters) == (actor,)
            counted = _from_counts(session, actor, filters, top=15)
            assert counted == _from_rows(session, filters, top=15), (actor, dates, statuses, kinds)
            # The data is what the model would write: the same bytes once validated.
            assert orjson.dumps(counted) == Stats.model_validate(counted).model_dump_json().encode()
            checked += bool(counted["claims_by_month"])
    assert checked > 50  # most combinations count something


def test_what_the_counts_do_not_answer_is_counted_from_the_rows() -> None:
    two = CommonFilters(ActorMatch((1, 2)))
    assert _counted_scope(_filters(two, (), ())) is None
    assert _counted_scope(_filters(CommonFilters(terms=("grain",)), (), ())) is None
    assert _counted_scope(_filters(CommonFilters(ActorMatch(unknown=True)), (), ())) is None
    places = ("Paris",)
    located = StatsFilters(
        ClaimFilters(places=places),
        StatementFilters(places=places),
        BriefFilters(location="paris"),
        EventFilters(location="paris"),
    )
    assert _counted_scope(located) is None

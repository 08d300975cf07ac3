"""Claims read from the links of one actor (`by_links`) are the pages the claims' own path
gives, cursor by cursor, on both databases."""

from __future__ import annotations

from datetime import date
from itertools import pairwise, product

import pytest
from sqlalchemy import select, text
from sqlmodel import Session, col

from app.api.repositories import claims
from app.api.repositories.base import Data, Listing
from app.api.repositories.conditions import ActorMatch, CommonFilters, Conditions, DateRange
from app.api.repositories.keyset import PageRequest
from app.db import get_engine
from app.storage.tables import ClaimActor
from app.vocabulary import ClaimStatus
from tests.storage.test_counts import ingest_some

RANGES = (
    DateRange(),
    DateRange(date(2018, 1, 1), date(2022, 6, 30)),
    DateRange(end=date(2019, 12, 31)),
)


def _walk(session: Session, listing: Listing[object], where: Conditions, limit: int) -> list[Data]:
    """Every item, page after page."""
    items: list[Data] = []
    request = PageRequest(limit=limit, descending=True)
    while True:
        page = listing.page(session, where, request)
        items += page.items
        if page.next_cursor is None:
            return items
        request = PageRequest(limit=limit, descending=True, cursor=page.next_cursor)


def _both(session: Session, filters: claims.ClaimFilters) -> tuple[list[Data], list[Data]]:
    linked = claims.by_links(session, filters, descending=True)
    assert linked is not None
    listing, where = linked
    own = claims.conditions(claims.with_few_claims(session, filters))
    return _walk(session, claims.CLAIMS, own, 7), _walk(session, listing, where, 7)  # type: ignore[arg-type]


def _linked_actors(session: Session) -> list[int]:
    query = select(col(ClaimActor.actor_id)).group_by(col(ClaimActor.actor_id))
    return [*session.execute(query.order_by(col(ClaimActor.actor_id))).scalars()]


def test_an_actors_claims_of_a_status_from_its_links_are_the_claims_own_pages(
    database_url: str,
) -> None:
    ingest_some(database_url, 20)
    with Session(get_engine(database_url)) as session:
        # Some claims without a date (with their links' copies), which page last.
        session.execute(text("UPDATE claims SET occurred_on = NULL WHERE id % 9 = 0"))
        session.execute(text("UPDATE claim_actors SET occurred_on = NULL WHERE claim_id % 9 = 0"))
        actors = _linked_actors(session)
        checked = 0
        for actor, status, dates in product(actors[:25], tuple(ClaimStatus), RANGES):
            common = CommonFilters(actors=ActorMatch((actor,)), dates=dates)
            expected, found = _both(session, claims.ClaimFilters(common, (status,)))
            assert found == expected, (actor, status, dates)
            checked += len(expected) > 7
        session.rollback()
    assert checked > 10


def test_two_actors_claims_are_read_from_the_links_of_either(database_url: str) -> None:
    """With several actors the page is read from the links of the one with fewest claims of
    the status, the others probed: the same pages whichever drives."""
    ingest_some(database_url, 20)
    with Session(get_engine(database_url)) as session:
        actors = _linked_actors(session)
        checked = 0
        for first, second in pairwise(actors[:13]):
            for pair in ((first, second), (second, first), (first, actors[0])):
                common = CommonFilters(actors=ActorMatch(pair))
                filters = claims.ClaimFilters(common, (ClaimStatus.verified,))
                expected, found = _both(session, filters)
                assert found == expected, pair
                checked += bool(expected)
    assert checked > 5


@pytest.mark.parametrize(
    ("statuses", "common", "brief_id", "descending"),
    [
        ((), CommonFilters(actors=ActorMatch((1,))), None, True),
        (tuple(ClaimStatus)[:2], CommonFilters(actors=ActorMatch((1,))), None, True),
        ((ClaimStatus.verified,), CommonFilters(), None, True),
        ((ClaimStatus.verified,), CommonFilters(actors=ActorMatch(unknown=True)), None, True),
        ((ClaimStatus.verified,), CommonFilters(ActorMatch((1,)), terms=("talks",)), None, True),
        ((ClaimStatus.verified,), CommonFilters(actors=ActorMatch((1,))), 1, True),
        ((ClaimStatus.verified,), CommonFilters(actors=ActorMatch((1,))), None, False),
    ],
    ids=["no status", "two statuses", "no actor", "unknown actor", "q", "one brief", "oldest"],
)
def test_other_questions_are_not_read_from_the_links(
    database_url: str,
    statuses: tuple[ClaimStatus, ...],
    common: CommonFilters,
    brief_id: int | None,
    descending: bool,
) -> None:
    with Session(get_engine(database_url)) as session:
        filters = claims.ClaimFilters(common, statuses, brief_id)
        assert claims.by_links(session, filters, descending) is None

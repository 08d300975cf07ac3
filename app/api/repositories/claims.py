"""Queries for claims."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import select
from sqlmodel import Session, col

from app.api.repositories import counts
from app.api.repositories.base import (
    Data,
    JsonRows,
    Listing,
    Rows,
    brief_label_text,
    brief_ref,
    brief_ref_columns,
    item_text,
    linked_actor_rows,
    load_actor_refs,
)
from app.api.repositories.conditions import (
    CommonFilters,
    Conditions,
    common_conditions,
    equal_if_given,
    in_briefs_at,
    in_range,
    mentions_all,
    one_of_if_given,
)
from app.api.repositories.json_text import CsvCell, CsvJoined, csv_line_text, json_object_text
from app.api.repositories.keyset import AnySelect, Keyset, SqlColumn
from app.api.repositories.mentions import claim_pairs
from app.api.schemas.claims import ClaimItem
from app.storage.tables import Brief, Claim, ClaimActor
from app.vocabulary import ClaimStatus


@dataclass(frozen=True)
class ClaimFilters:
    common: CommonFilters = field(default_factory=CommonFilters)
    statuses: tuple[ClaimStatus, ...] = ()
    brief_id: int | None = None
    places: tuple[str, ...] | None = None


def with_few_claims(session: Session, filters: ClaimFilters) -> ClaimFilters:
    """`filters` with those of its actors linked to few claims of its statuses (all when
    none; `counts.few_claims`) marked, so that `conditions` reads their claims from their
    links. Only the claims lists ask: the other lists probe each row whatever the actor."""
    actors = filters.common.actors
    if not actors.ids:
        return filters
    few = counts.few_claims(session, actors.ids, filters.statuses)
    return replace(filters, common=replace(filters.common, actors=replace(actors, few_claims=few)))


def conditions(filters: ClaimFilters) -> Conditions:
    """WHERE conditions on `claims` for `filters`."""
    return [
        *common_conditions(
            filters.common,
            row_id=col(Claim.id),
            pairs=[claim_pairs()],
            occurred_on=col(Claim.occurred_on),
            search_text=col(Claim.search_text),
            few=filters.common.actors.few_claims,
            # An actor with few claims of the statuses asked is listed from its links of them
            # (each link holds its claim's status); one with many is probed per claim read,
            # by claim and actor alone: with the links narrowed there too, PostgreSQL took
            # them for few and started from them (`united-states`, disputed: 660 against 40
            # ms).
            listed=claim_pairs(tuple(status.value for status in filters.statuses)),
        ),
        *one_of_if_given(col(Claim.status), filters.statuses),
        *equal_if_given(col(Claim.brief_id), filters.brief_id),
        *in_briefs_at(col(Claim.brief_id), filters.places),
    ]


# The link a page of one actor's claims of one status is read from, in the lists' order
# (`by_links`); an alias, so that the other actors' subqueries of `claim_actors` stay
# subqueries of their own.
LINK = ClaimActor.__table__.alias("link")  # type: ignore[attr-defined]


def by_links(
    session: Session, filters: ClaimFilters, descending: bool
) -> tuple[Listing[ClaimItem], Conditions] | None:
    """The newest-first claims of one status linked to the actors of `filters`, read from
    the links of the actor with fewest claims of that status (`CLAIMS_BY_LINK`), with the
    conditions for them; None when they are better read otherwise.

    Each link holds its claim's status and date, indexed by actor, status and date, so the
    page is the first 51 entries of one index range, however many claims the actor has:
    a claim read per row of the page. Not with several statuses (one range each, merged
    only by a sort), oldest first (PostgreSQL's index is newest first), text search (the
    word index narrows more) or one brief (its own index does).
    """
    common = filters.common
    actors = common.actors
    if (
        len(filters.statuses) != 1
        or not actors.ids
        or actors.unknown
        or common.terms
        or filters.brief_id is not None
        or not descending
    ):
        return None
    driver = actors.ids[0]
    if len(actors.ids) > 1:  # one actor needs no counts to be chosen
        claimed = counts.actor_claims(session, actors.ids, filters.statuses)
        driver = min(actors.ids, key=lambda actor: claimed.get(actor, 0))
    others = replace(actors, ids=tuple(actor for actor in actors.ids if actor != driver))
    where = [
        LINK.c.actor_id == driver,
        LINK.c.status == filters.statuses[0].value,
        *in_range(LINK.c.occurred_on, common.dates),
        *mentions_all(col(Claim.id), [claim_pairs()], others),
        *in_briefs_at(col(Claim.brief_id), filters.places),
    ]
    return CLAIMS_BY_LINK, where


def kept_total(session: Session, filters: ClaimFilters) -> int | None:
    """How many claims match `filters`, from the kept counts (None: they cannot say)."""
    narrowed = filters.brief_id is not None or filters.places is not None
    columns = counts.Measures(statuses=filters.statuses).claim_columns()
    return counts.list_total(session, filters.common, columns, narrowed=narrowed)


def claim_columns() -> tuple[SqlColumn, ...]:
    """A claim's own columns, in the order the listing's rows hold them (also as-of reads)."""
    return (
        col(Claim.id),
        col(Claim.text),
        col(Claim.status),
        col(Claim.section),
        col(Claim.occurred_on),
        col(Claim.span_start),
        col(Claim.span_end),
        col(Claim.brief_id),
    )


def _query() -> AnySelect:
    return select(
        *claim_columns(),
        *brief_ref_columns(),
    ).join(Brief, col(Brief.id) == col(Claim.brief_id))


def claim_item(row: Sequence[Any], actors: list[Data]) -> Data:
    """A ClaimItem, as data, from a row of `claim_columns()` then `brief_ref_columns()`."""
    claim_id, text, status, section, occurred_on, start, end, brief_id, *brief = row
    title, label, brief_occurred_on = brief
    return {
        "id": claim_id,
        "text": text,
        "status": status,
        "section": section,
        "occurred_on": occurred_on,
        "span": {"start": start, "end": end},
        # A brief deleted since (as-of reads) has no row left to name it by.
        "brief": brief_ref(brief_id, title, label or f"Brief {brief_id}", brief_occurred_on),
        "actors": actors,
    }


def _by_link_query() -> AnySelect:
    """`_query` from the driving link (`LINK`), its claim's id and date read from the link
    (they are the claim's: the keyset reads them from the link's index)."""
    own = claim_columns()
    columns = (LINK.c.claim_id, *own[1:4], LINK.c.occurred_on, *own[5:])
    return (
        select(*columns, *brief_ref_columns())
        .select_from(LINK)
        .join(Claim, col(Claim.id) == LINK.c.claim_id)
        .join(Brief, col(Brief.id) == col(Claim.brief_id))
    )


def _json_query(dialect: str) -> AnySelect:
    """Each claim's item but its actors as JSON text (`claim_item`'s), its id and date."""
    brief = [
        ("id", col(Claim.brief_id)),
        ("title", col(Brief.title)),
        ("label", brief_label_text()),
        ("occurred_on", col(Brief.occurred_on)),
    ]
    item = json_object_text(
        dialect,
        [
            ("id", col(Claim.id)),
            ("text", col(Claim.text)),
            ("status", col(Claim.status)),
            ("section", col(Claim.section)),
            ("occurred_on", col(Claim.occurred_on)),
            ("span", [("start", col(Claim.span_start)), ("end", col(Claim.span_end))]),
            ("brief", brief),
        ],
    )
    return select(item, col(Claim.id), col(Claim.occurred_on)).join(
        Brief, col(Brief.id) == col(Claim.brief_id)
    )


def _csv_query(dialect: str) -> AnySelect:
    """Each claim's CSV line (`_csv_cells`' cells, as Python's csv module writes them), its
    id and date."""
    line = csv_line_text(
        dialect,
        [
            CsvCell(col(Claim.id)),
            CsvCell(col(Claim.text), "text"),
            CsvCell(col(Claim.status), "text"),
            CsvCell(col(Claim.section), "text"),
            CsvCell(col(Claim.occurred_on), "date"),
            CsvCell(col(Claim.span_start)),
            CsvCell(col(Claim.span_end)),
            CsvCell(col(Claim.brief_id)),
            CsvCell(col(Brief.title), "text"),
            CsvCell(brief_label_text(), "text"),
            CsvCell(col(Brief.occurred_on), "date"),
            CsvJoined(linked_actor_rows(claim_pairs, col(Claim.id)), "slug"),
        ],
    )
    return select(line, col(Claim.id), col(Claim.occurred_on)).join(
        Brief, col(Brief.id) == col(Claim.brief_id)
    )


def _csv_cells(session: Session, rows: Rows) -> list[Sequence[Any]]:
    """Each claim's CSV cells from a row of `_query`, which holds them in ClaimItem's order
    but the label's fallback and the actors (as slugs)."""
    actors = load_actor_refs(session, claim_pairs, [row[0] for row in rows])
    none: list[Data] = []
    return [
        (
            *row[:9],
            row[9] or f"Brief {row[7]}",
            row[10],
            ";".join([actor["slug"] for actor in actors.get(row[0], none)]),
        )
        for row in rows
    ]


def _data(session: Session, rows: Rows) -> list[Data]:
    actors = load_actor_refs(session, claim_pairs, [row[0] for row in rows])
    return [claim_item(row, actors.get(row[0], [])) for row in rows]


CLAIMS = Listing(
    noun="claim",
    keyset=Keyset("claims", col(Claim.occurred_on), col(Claim.id)),
    query=_query,
    to_data=_data,
    items=TypeAdapter(list[ClaimItem]),
    position=col(Claim.position),
    brief_id=col(Claim.brief_id),
    json_rows=JsonRows(_json_query, claim_pairs),
    csv_cells=_csv_cells,
    csv_query=_csv_query,
    search_text=col(Claim.search_text),
    shown_text=item_text,
)

# JSON pages of one actor's claims of one status (`by_links`): the same rows and items as
# CLAIMS, read from the links. Not for exports, which read `CLAIMS`' own queries.
CLAIMS_BY_LINK = replace(
    CLAIMS,
    keyset=Keyset("claims", LINK.c.occurred_on, LINK.c.claim_id),
    query=_by_link_query,
    json_rows=None,
    csv_cells=None,
    csv_query=None,
)

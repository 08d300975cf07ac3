"""What every list resource shares: one page, one row by id, the rows of one brief."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from pydantic import TypeAdapter
from sqlalchemy import Label, Row, bindparam, func, select
from sqlmodel import Session, col

from app.api.repositories.conditions import Conditions
from app.api.repositories.keyset import (
    AnySelect,
    Keyset,
    Page,
    PageRequest,
    SqlColumn,
    fetch_page,
    read,
)
from app.errors import NotFoundError
from app.storage.tables import Actor, Brief

T = TypeVar("T")
Rows = Sequence[Row[Any]]


@dataclass(frozen=True)
class Listing(Generic[T]):
    """A resource listed by keyset: its base query and how rows become items."""

    noun: str
    keyset: Keyset
    query: Callable[[], AnySelect]
    to_items: Callable[[Session, Rows], list[T]]
    position: SqlColumn | None = None
    brief_id: SqlColumn | None = None

    def fetcher(self, conditions: Conditions) -> Callable[[Session, PageRequest], Page[T]]:
        """`page` with the conditions bound, for the list renderers."""
        return lambda session, page: self.page(session, conditions, page)

    def page(self, session: Session, conditions: Conditions, page: PageRequest) -> Page[T]:
        """One page of the rows meeting `conditions`."""
        rows = fetch_page(session, self.query().where(*conditions), self.keyset, page)
        return Page(self.to_items(session, rows.items), rows.next_cursor, rows.total)

    def one(self, session: Session, row_id: int) -> T:
        """The row with id `row_id`, or NotFoundError."""
        rows = read(session, self.query().where(self.keyset.id == row_id)).all()
        if not rows:
            raise NotFoundError(f"No {self.noun} with id {row_id}.")
        return self.to_items(session, rows)[0]

    def of_brief(self, session: Session, brief_id: int) -> list[T]:
        """Every row of one brief, in document order."""
        assert self.position is not None
        assert self.brief_id is not None
        query = self.query().where(self.brief_id == brief_id).order_by(self.position)
        return self.to_items(session, read(session, query).all())


# A page's items are built as plain dicts and validated into models by one call into
# pydantic's Rust core (`validate_items`): for 50 claims that is about 1 ms, where building
# each nested model in Python (`Model(...)` or `model_construct`) took 1.5 to 2.6 ms.
Data = dict[str, Any]


def validate_items(adapter: TypeAdapter[list[T]], items: list[Data]) -> list[T]:
    """`items` validated into models in one call."""
    return adapter.validate_python(items)


def span_of(row: Row[Any]) -> Data:
    """A TextSpan, as data."""
    return {"start": row.span_start, "end": row.span_end}


def brief_label(name: str = "label") -> Label[str]:
    """A brief's label: the parser's, else (stored by an older parser) its title, else its
    source name; selected as `name`."""
    return func.coalesce(col(Brief.label), col(Brief.title), col(Brief.source_name)).label(name)


def brief_ref_columns() -> tuple[SqlColumn, ...]:
    """The columns of a row's brief that `brief_ref_of` reads (the row joins `briefs`)."""
    return (
        col(Brief.title).label("brief_title"),
        brief_label("brief_label"),
        col(Brief.occurred_on).label("brief_occurred_on"),
    )


def brief_ref_of(row: Row[Any]) -> Data:
    """A BriefRef, as data."""
    return {
        "id": row.brief_id,
        "title": row.brief_title,
        "label": row.brief_label,
        "occurred_on": row.brief_occurred_on,
    }


def actor_ref(actor_id: int, slug: str, name: str, kind: str) -> Data:
    """An ActorRef, as data."""
    return {"id": actor_id, "slug": slug, "name": name, "kind": kind}


def actor_ref_columns() -> tuple[SqlColumn, ...]:
    """The columns an ActorRef is built from."""
    return (col(Actor.id), col(Actor.slug), col(Actor.name), col(Actor.kind))


@cache
def _actor_refs_query(pairs: Callable[[], AnySelect]) -> AnySelect:
    # Built once per kind of link: the statement object memoises its cache key, so repeated
    # requests skip both building the subquery and keying SQLAlchemy's compiled cache.
    links = pairs().subquery()
    parent = links.c[0]
    return (
        select(parent, *actor_ref_columns())
        .join(Actor, col(Actor.id) == links.c[1])
        .where(parent.in_(bindparam("parent_ids", expanding=True)))
        .order_by(parent, col(Actor.name), col(Actor.id))
    )


def load_actor_refs(
    session: Session, pairs: Callable[[], AnySelect], parent_ids: Sequence[int]
) -> dict[int, list[Data]]:
    """Actors linked to each of `parent_ids` by `pairs()`, in one query, ordered by name.

    `pairs` is a module-level function (it keys a cache), not a select.
    """
    if not parent_ids:
        return {}
    refs: dict[int, list[Data]] = {}
    query = _actor_refs_query(pairs)
    for row in read(session, query, {"parent_ids": list(parent_ids)}):
        refs.setdefault(row[0], []).append(actor_ref(row.id, row.slug, row.name, row.kind))
    return refs

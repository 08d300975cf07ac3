"""What every list resource shares: one page, one row by id, the rows of one brief."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

import orjson
from pydantic import TypeAdapter
from sqlalchemy import (
    ColumnElement,
    Label,
    Row,
    Text,
    cast,
    func,
    select,
    true,
)
from sqlmodel import Session, col

from app.api.export.give_way import sliced
from app.api.repositories.conditions import Conditions
from app.api.repositories.json_text import RelatedRows, text_literal
from app.api.repositories.keyset import (
    AnySelect,
    Keyset,
    Page,
    PageRequest,
    SqlColumn,
    core_column,
    fetch_page,
    read,
    read_prepared,
)
from app.api.repositories.text_search import for_paging, ranked
from app.api.snippets import match_snippet
from app.errors import NotFoundError
from app.storage.bound import bound_values, in_bound
from app.storage.tables import Actor, Brief

T = TypeVar("T")


# Items are built as plain dicts shaped as the item model (fields in its order, absent
# fields left out as it leaves them out), which orjson writes as the model would: a page
# (app.api.rendering.list_response) and an export serialise them without any model, and
# tests/api/rendering/test_page_bytes.py holds the bytes to the models'. A single item
# (`one`, `of_brief`) is validated into its model by one call into pydantic's Rust core.
Data = dict[str, Any]
# Rows as SQLAlchemy or the driver returns them, columns in the order of the listing's query
# (exports read driver tuples: dates may then be ISO strings, which serialise the same).
Rows = Sequence[Sequence[Any]]


@dataclass(frozen=True)
class JsonRows:
    """A list's items as JSON text the database writes (exports; `json_text`).

    `query(dialect)` selects each item's JSON object without its last field, `actors`,
    then the item's id and the keyset's columns; `pairs` links items to their actors (as
    `load_actor_refs` takes it), which Python writes into the object: on SQLite that was
    a quarter faster than the database writing the actors too (docs/benchmarks.md,
    "Exports"), and no slower on PostgreSQL.
    """

    query: Callable[[str], AnySelect]
    pairs: Callable[[], AnySelect]


@dataclass(frozen=True)
class Listing(Generic[T]):
    """A resource listed by keyset: its base query and how rows become items.

    `to_data` turns rows of `query` into item data (plain dicts shaped as the item model);
    `items` validates that data into models.
    """

    noun: str
    keyset: Keyset
    query: Callable[[], AnySelect]
    to_data: Callable[[Session, Rows], list[Data]]
    items: TypeAdapter[list[T]]
    position: SqlColumn | None = None
    brief_id: SqlColumn | None = None
    json_rows: JsonRows | None = None
    # Each row's CSV cells straight from rows of `query` (exports), in the order of the
    # item model's flattened fields, without building item data; None: from the data.
    csv_cells: Callable[[Session, Rows], list[Sequence[Any]]] | None = None
    # Each item's CSV line as the database writes it (`json_text.csv_line_text`), then the
    # keyset's id and key, for CSV exports; None: lines are written from the cells.
    csv_query: Callable[[str], AnySelect] | None = None
    # Searched lists (`q`): the folded text the index holds, and the text of each item (as
    # data) that its snippet is cut from.
    search_text: SqlColumn | None = None
    shown_text: Callable[[Session, list[Data]], list[str]] | None = None

    def __post_init__(self) -> None:
        # The base query is built once: a statement is immutable (`where` returns a new
        # one), and building its joins and columns on every request was a few per cent of
        # an uncached page's work.
        object.__setattr__(self, "query", cache(self.query))

    def to_items(self, session: Session, rows: Rows) -> list[T]:
        """`rows` as item models."""
        return self.items.validate_python(self.to_data(session, rows))

    def ordered(
        self, conditions: Conditions, page: PageRequest, dialect: str
    ) -> tuple[AnySelect, Keyset]:
        """The rows meeting `conditions` and the keyset they are paged by: the list's own,
        or with `sort=relevance` the index's score of `q` (selected last, see `unranked`)
        then id, a cursor of its own."""
        query = self.query().where(*conditions)
        if not page.by_relevance or self.search_text is None:
            return query, self.keyset
        query, score = ranked(query, self.search_text, self.keyset.id, page.search, dialect)
        scope = f"{self.keyset.scope}~relevance"
        return query, Keyset(scope, score, self.keyset.id, key_is_date=False)

    def page(self, session: Session, conditions: Conditions, page: PageRequest) -> Page[Data]:
        """One page of the rows meeting `conditions` as item data, each with a snippet
        when searched and one is found (the item model leaves an absent one out)."""
        if not page.by_relevance:  # which reads every match anyway
            conditions = for_paging(session, conditions)
        query, keyset = self.ordered(conditions, page, session.get_bind().dialect.name)
        rows = fetch_page(session, query, keyset, page)
        data = self.to_data(session, unranked(rows.items, page))
        if page.search and self.shown_text is not None:
            texts = self.shown_text(session, data)
            for item, shown in zip(data, texts, strict=True):
                if (found := match_snippet(shown, page.search)) is not None:
                    item["snippet"] = found.model_dump()
        return Page(data, rows.next_cursor, rows.total)

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


def unranked(rows: Rows, page: PageRequest) -> Rows:
    """`rows` without the relevance score `Listing.ordered` selects last, if it did."""
    return [tuple(row)[:-1] for row in rows] if page.by_relevance else rows


def item_text(_session: Session, data: list[Data]) -> list[str]:
    """Each item's `text` (claims, statements): what its snippet is cut from."""
    return [item["text"] for item in data]


def span_of(row: Row[Any]) -> Data:
    """A TextSpan, as data."""
    return {"start": row.span_start, "end": row.span_end}


def brief_label(name: str = "label") -> Label[str]:
    """A brief's label: the parser's, else (stored by an older parser) its title, else its
    source name; selected as `name`."""
    return func.coalesce(col(Brief.label), col(Brief.title), col(Brief.source_name)).label(name)


def brief_ref_columns() -> tuple[SqlColumn, ...]:
    """The columns of a row's brief that `brief_ref` takes after the brief's id, in order
    (the row joins `briefs`)."""
    return (
        col(Brief.title).label("brief_title"),
        brief_label("brief_label"),
        col(Brief.occurred_on).label("brief_occurred_on"),
    )


def brief_label_text() -> ColumnElement[str]:
    """The label `brief_ref` is given for a joined brief (its label, else `Brief {id}`),
    in SQL."""
    label = func.coalesce(col(Brief.label), col(Brief.title), col(Brief.source_name))
    fallback = text_literal("Brief ").op("||", return_type=Text)(cast(col(Brief.id), Text))
    return func.coalesce(func.nullif(label, text_literal("")), fallback)


def brief_ref(brief_id: int, title: str | None, label: str, occurred_on: Any) -> Data:
    """A BriefRef, as data (from the brief's id and the `brief_ref_columns`)."""
    return {"id": brief_id, "title": title, "label": label, "occurred_on": occurred_on}


def actor_ref(actor_id: int, slug: str, name: str, kind: str) -> Data:
    """An ActorRef, as data."""
    return {"id": actor_id, "slug": slug, "name": name, "kind": kind}


def actor_ref_columns() -> tuple[SqlColumn, ...]:
    """The columns an ActorRef is built from."""
    return (col(Actor.id), col(Actor.slug), col(Actor.name), col(Actor.kind))


@cache
def _first_in_ids(rows: Callable[[], AnySelect], dialect: str) -> AnySelect:
    # The rows of `rows()` whose first column is one of the `parent_ids` parameter. Built
    # once per query: the statement object memoises its cache key, so repeated requests
    # skip both building it and keying SQLAlchemy's compiled cache.
    links = rows()
    return links.where(in_bound(links.selected_columns[0], "parent_ids", dialect))


def _actor_rows() -> AnySelect:
    return select(*actor_ref_columns())


def _actor_refs(session: Session, dialect: str, actor_ids: Iterable[int]) -> dict[int, Data]:
    # A statement built once, not an IN list per page: building and keying one was about
    # 5% of a list request's Python work (docs/benchmarks.md, "A lean list path").
    query = _first_in_ids(_actor_rows, dialect)
    wanted = {"parent_ids": bound_values(dialect, actor_ids)}
    return {row[0]: actor_ref(*row) for row in read_prepared(session, query, wanted)}


def _by_name(ref: Data) -> tuple[str, int]:
    return ref["name"], ref["id"]


def _by_name_in_sql(dialect: str, columns: Any) -> list[ColumnElement[Any]]:
    # `_by_name` in SQL: names compared by code point, as Python compares them (SQLite's
    # BINARY collation compares UTF-8 bytes, which is the same order; PostgreSQL's "C").
    name = columns["name"]
    return [name.collate("C") if dialect == "postgresql" else name, columns["id"]]


def linked_actor_rows(pairs: Callable[[], AnySelect], parent: SqlColumn) -> RelatedRows:
    """The actors (`actor_ref_columns`) linked to the outer query's `parent` by `pairs()`
    (parent id, actor id), ordered as `load_actor_refs` orders them."""

    def rows(dialect: str) -> AnySelect:
        links = pairs()
        parent_id, actor_id = links.selected_columns
        refs: Any = select(*actor_ref_columns()).where(col(Actor.id) == actor_id)
        if dialect == "postgresql":
            # Each actor by its key, as a lateral subquery that OFFSET 0 keeps whole: joined
            # plainly, PostgreSQL hashed the whole actors table for every claim (20 µs a
            # claim; docs/benchmarks.md, "Exports").
            refs = refs.offset(0).lateral()
            linked = links.join(refs, true())
        else:
            refs = core_column(col(Actor.id)).table
            linked = links.join(refs, refs.c.id == actor_id)
        ref_columns = [refs.c.id, refs.c.slug, refs.c.name, refs.c.kind]
        return linked.with_only_columns(*ref_columns).where(parent_id == parent)

    return RelatedRows(rows, _by_name_in_sql, correlate=[core_column(parent).table])


def load_actor_refs(
    session: Session, pairs: Callable[[], AnySelect], parent_ids: Sequence[int]
) -> dict[int, list[Data]]:
    """Actors linked to each of `parent_ids` by `pairs()`, ordered by name (then id).

    `pairs` is a module-level function (it keys a cache), not a select. The links are read
    alone and each actor once, rather than joined and sorted in SQL: on an export's batch
    of thousands of rows that was most of the time spent on actors; an actor named by many
    rows is one dict, serialised as often as it is named.
    """
    if not parent_ids:
        return {}
    dialect = session.get_bind().dialect.name
    parents = {"parent_ids": bound_values(dialect, parent_ids)}
    links = read_prepared(session, _first_in_ids(pairs, dialect), parents)
    if not links:
        return {}
    actors = _actor_refs(session, dialect, {actor_id for _, actor_id in links})
    refs: dict[int, list[Data]] = {}
    for parent, actor_id in links:
        refs.setdefault(parent, []).append(actors[actor_id])
    for linked in refs.values():
        if len(linked) > 1:
            linked.sort(key=_by_name)
    return refs


def ndjson_lines(session: Session, pairs: Callable[[], AnySelect], rows: Rows) -> bytes:
    """NDJSON lines from rows of a `JsonRows.query`: each item's object given its `actors`
    (ordered as `load_actor_refs` orders them) as its last field."""
    actors = load_actor_refs(session, pairs, [row[1] for row in rows])
    dumps, none = orjson.dumps, list[Data]()

    def lines(part: Rows) -> bytes:
        return b"".join(
            [
                b'%s,"actors":%s}\n' % (row[0][:-1].encode(), dumps(actors.get(row[1], none)))
                for row in part
            ]
        )

    return sliced(lines, list(rows))


def text_lines(rows: Rows) -> bytes:
    """Lines from rows whose first column is each item's line (JSON or CSV) as text."""
    return "".join([row[0] + "\n" for row in rows]).encode()

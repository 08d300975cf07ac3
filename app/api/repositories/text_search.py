"""`q` answered from the word index (`app.storage.search_index`): which rows hold every
word, and how well each matches (`sort=relevance`).

The query is folded and split into words in Python (`app.vocabulary.words`), the one rule
both databases' indexes also split stored text by; each word must start a word of the row.
The words reach the database as one bound value, written in the index's own query language
from letters, digits and marks only, so nothing a user types is ever read as an operator.
The conditions are SQL elements compiled per dialect, so the repositories stay the same on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import isqrt
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Float,
    bindparam,
    column,
    false,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.visitors import InternalTraversal
from sqlmodel import Session

from app.api.repositories.keyset import AnySelect, SqlColumn, core_column
from app.storage.search_index import VECTOR, fts_table
from app.vocabulary import STARTS_WORDS_SQL, fold, words

LIKE_ESCAPE = "\\"


def like_pattern(term: str) -> str:
    """`%term%` with LIKE's own wildcards escaped."""
    escaped = term.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")
    return f"%{escaped.replace('_', LIKE_ESCAPE + '_')}%"


# The terms of a `q` holding no word at all (only punctuation, say): it matches nothing.
NO_WORD = ""


def query_words(q: str | None) -> tuple[str, ...]:
    """The folded words of a `q` parameter, each at most once; `(NO_WORD,)` when `q` is
    given but holds none."""
    if not q:
        return ()
    return tuple(dict.fromkeys(words(fold(q)))) or (NO_WORD,)


def fts_query(terms: Sequence[str], *, prefixes: bool = True) -> str:
    """FTS5: every term as the start of a word (`"grain"* "corridor"*`), or as a whole
    word (`prefixes=False`)."""
    star = "*" if prefixes else ""
    return " ".join('"' + term.replace('"', '""') + '"' + star for term in terms)


def ts_query(terms: Sequence[str]) -> str:
    """PostgreSQL tsquery text (cast, never parsed as words): `'grain':* & 'corridor':*`."""
    quoted = ("'" + term.replace("\\", "\\\\").replace("'", "''") + "'" for term in terms)
    return " & ".join(f"{term}:*" for term in quoted)


class _Searched(ColumnElement[Any]):
    """A condition or score over the row of `row_id` (whose table is searched); both forms
    of the query are bound, and each dialect renders its own."""

    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012  (SQLAlchemy declares it an instance variable)
        ("row_id", InternalTraversal.dp_clauseelement),
        ("table", InternalTraversal.dp_string),
        ("fts", InternalTraversal.dp_clauseelement),
        ("tsquery", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, row_id: SqlColumn, table: str, terms: Sequence[str]) -> None:
        self.row_id: ColumnElement[Any] = core_column(row_id)
        self.table = table
        self.fts: BindParameter[str] = bindparam(None, fts_query(terms), unique=True)
        self.tsquery: BindParameter[str] = bindparam(None, ts_query(terms), unique=True)


class WordsMatch(_Searched):
    """The row holds every word (at the start of one of its words)."""

    inherit_cache = True
    type = Boolean()
    # Rendered as is in WHERE: SQLite would otherwise get `(id IN (...)) = 1`, which hides
    # the ids from the planner, and it would read every row in the list's order.
    _is_implicitly_boolean = True

    def __init__(self, row_id: SqlColumn, table: str, terms: Sequence[str]) -> None:
        super().__init__(row_id, table, terms)
        self.terms = tuple(terms)


class Relevance(_Searched):
    """How well the row matches, smaller first: FTS5's bm25, or minus PostgreSQL's ts_rank."""

    inherit_cache = True
    type = Float()


def _fts_rows(element: _Searched, compiler: SQLCompiler, **kw: Any) -> str:
    fts = fts_table(element.table)
    return f"FROM {fts} WHERE {fts} MATCH {compiler.process(element.fts, **kw)}"


@compiles(WordsMatch, "sqlite")
def _sqlite_match(element: WordsMatch, compiler: SQLCompiler, **kw: Any) -> str:
    row_id = compiler.process(element.row_id, **kw)
    return f"{row_id} IN (SELECT rowid {_fts_rows(element, compiler, **kw)})"


def _vector(element: _Searched) -> str:
    return f"{element.table}.{VECTOR}"


@compiles(WordsMatch, "postgresql")
def _postgresql_match(element: WordsMatch, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{_vector(element)} @@ CAST({compiler.process(element.tsquery, **kw)} AS tsquery)"


@compiles(Relevance, "postgresql")
def _postgresql_relevance(element: Relevance, compiler: SQLCompiler, **kw: Any) -> str:
    tsquery = compiler.process(element.tsquery, **kw)
    # In double precision: ts_rank's float4 would come back as rounded text, and a cursor
    # holding it would not equal the row's score on the next page.
    return f"(-CAST(ts_rank({_vector(element)}, CAST({tsquery} AS tsquery)) AS float8))"


def _table(search_text: SqlColumn) -> str:
    """The name of the table `search_text` belongs to."""
    return str(core_column(search_text).table.name)


def words_match(
    search_text: SqlColumn, row_id: SqlColumn, terms: Sequence[str]
) -> list[ColumnElement[bool]]:
    """The row of `row_id` holds every one of `terms` (none: no condition)."""
    if not terms:
        return []
    if NO_WORD in terms:
        return [false()]
    return [WordsMatch(row_id, _table(search_text), terms)]


def ranked(
    query: AnySelect, search_text: SqlColumn, row_id: SqlColumn, terms: Sequence[str], dialect: str
) -> tuple[AnySelect, Any]:
    """`query` with each row's relevance to `terms` selected last (smaller first,
    `sort=relevance`), and that column.

    SQLite: joined to the scores FTS5 gives every match in one pass (`bm25` is only known
    within the index's own query; asked row by row it took seconds for a few thousand).
    PostgreSQL: `ts_rank` of the row's own vector.
    """
    if NO_WORD in terms:  # no row matches: nothing to rank
        score: Any = literal(0.0, Float()).label("relevance")
        return query.add_columns(score), score
    if dialect != "sqlite":
        score = Relevance(row_id, _table(search_text), terms).label("relevance")
        return query.add_columns(score), score
    fts = fts_table(_table(search_text))
    index = table(fts, column("rowid"), column(fts))
    scores = (
        select(index.c.rowid.label("id"), func.bm25(literal_column(fts)).label("relevance"))
        .where(index.c[fts].op("MATCH")(fts_query(terms)))
        .subquery("ranked")
    )
    joined = query.join(scores, scores.c.id == core_column(row_id))
    return joined.add_columns(scores.c.relevance), scores.c.relevance


# n rows of which more than sqrt(COMMON_FACTOR * n) match make a word common (`_common`).
COMMON_FACTOR = 50
SAMPLE_ROWS = 5_000


def _common(session: Session, match: WordsMatch) -> bool:
    """Whether so many of n rows match that reading the list in its order, checking each
    row's text, beats reading and sorting every match: more than sqrt(50 n) of them.

    Reading and sorting m matches costs about 8 us each; the scan 10-12 us per row read
    until a page is full, about 50 n / m rows: the two meet near m = sqrt(60 n) (measured
    at 10,000 briefs, docs/benchmarks.md). It is estimated from the newest SAMPLE_ROWS
    ids (a range the index reads alone), the count stopping once it is reached. A prefix
    of other than 3 characters makes FTS5 merge the lists of every word it starts before
    the first row comes (about m), so it is counted last: the words whole (fewer rows:
    enough of them means common) and their first 3 characters (kept as one list by the
    one prefix index, migration f6a2c8e4b1d9; more rows: too few means rare) decide most
    words without it. A term of 1 or 2 characters is its own first 3: one merge.
    """
    fts = fts_table(match.table)
    largest = session.execute(text(f"SELECT max(id) FROM {match.table}")).scalar() or 0
    threshold = max(1, isqrt(COMMON_FACTOR * largest))
    window = min(largest, SAMPLE_ROWS)
    needed = max(1, -(-threshold * window // max(largest, 1)))  # matches in the window, rounded up
    counted = text(
        f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH :q AND rowid > :floor "
        "LIMIT :n)"
    )

    def enough(query: str) -> bool:
        found = session.execute(counted, {"q": query, "floor": largest - window, "n": needed})
        return int(found.scalar_one()) >= needed

    if enough(fts_query(match.terms, prefixes=False)):
        return True
    return enough(fts_query([t[:3] for t in match.terms])) and enough(fts_query(match.terms))


def _checked(match: WordsMatch) -> list[ColumnElement[bool]]:
    """The row's own folded text holds every word of `match` at a word start, checked by
    `app.vocabulary.starts_words` (the same rule as the index): first a substring test of
    the longest word, in C, so that only the rows holding it reach the Python function.
    Two WHERE terms, not one AND, which SQLite would evaluate whole on every row."""
    folded = match.row_id.table.c.search_text
    longest = like_pattern(max(match.terms, key=len))
    starts = getattr(func, STARTS_WORDS_SQL)(folded, " ".join(match.terms))
    return [folded.like(longest, escape=LIKE_ESCAPE), starts == 1]


def for_paging(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[Any]:
    """`conditions` for a list read in its own order a page at a time: on SQLite, a word
    match whose words are common (`_common`) becomes a check of each row read in that
    order, instead of every match read from the index and sorted."""
    if session.get_bind().dialect.name != "sqlite":
        return list(conditions)
    paged: list[Any] = []
    for condition in conditions:
        if isinstance(condition, WordsMatch) and _common(session, condition):
            paged += _checked(condition)
        else:
            paged.append(condition)
    return paged

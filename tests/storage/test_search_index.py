"""The word index `q` reads (app/storage/search_index.py) is kept in step with the rows on
every write, and splits stored text into the words Python does, on both databases."""

from __future__ import annotations

from sqlalchemy import Table, select, text
from sqlmodel import SQLModel

from app.api.repositories.text_search import words_match
from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.service import delete_brief, store_with_retry
from app.ingest.sources import discover
from app.parsing import parse_brief
from app.storage.search_index import SEARCHED
from app.vocabulary import words
from tests.briefs_revised import AFTER, BEFORE
from tests.conftest import SEEDS

NAME = "geneva.md"
MIXED = (
    "Москва и 北京: U.S.-led talks, don't 3.5% at a@b.com www.example.org/path; "
    "हिन्दी ٣٤ «Ελλάδα» 1,000 x_y Erdoğan’s ½-point."
)


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _indexed(database_url: str, table: Table, term: str) -> set[int]:
    """Ids of the rows the index finds for `term`."""
    query = select(table.c.id).where(*words_match(table.c.search_text, table.c.id, [term]))
    with get_engine(database_url).connect() as connection:
        return set(connection.execute(query).scalars())


def _texts(database_url: str, table: Table) -> dict[int, str]:
    with get_engine(database_url).connect() as connection:
        rows = connection.execute(select(table.c.id, table.c.search_text))
        return dict(rows.all())  # a result has keys(): dict() would read it as a mapping


def _assert_in_step(database_url: str) -> None:
    """For every word stored (and its first two letters), the index finds exactly the rows
    a word of which it starts, as Python splits them."""
    for name in SEARCHED:
        table = _table(name)
        stored = {row_id: words(folded) for row_id, folded in _texts(database_url, table).items()}
        terms = {term for found in stored.values() for word in found for term in (word, word[:2])}
        for term in sorted(terms):
            expected = {i for i, found in stored.items() if any(w.startswith(term) for w in found)}
            assert _indexed(database_url, table, term) == expected, (name, term)


def _store(database_url: str, source: str, name: str = NAME) -> int:
    return store_with_retry(get_engine(database_url), name, parse_brief(source)).brief_id


def test_index_follows_inserts_revisions_and_deletes(database_url: str) -> None:
    brief_id = _store(database_url, BEFORE)
    claims = _table("claims")
    assert _indexed(database_url, claims, "envoy")
    _assert_in_step(database_url)

    assert _store(database_url, AFTER) == brief_id  # a revision: rows replaced, brief updated
    assert not _indexed(database_url, claims, "envoy")
    assert _indexed(database_url, claims, "hospi")
    _assert_in_step(database_url)

    delete_brief(brief_id, database_url)
    for name in SEARCHED:
        assert not _indexed(database_url, _table(name), "geneva"), name
    _assert_in_step(database_url)


def test_both_databases_split_text_into_the_words_python_does(database_url: str) -> None:
    """Punctuation, hyphens, apostrophes, digits and other scripts: the same words."""
    _store(database_url, BEFORE.replace("A second envoy was appointed to the region.", MIXED))
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    _assert_in_step(database_url)
    claims = _table("claims")
    for term in ("москва", "北京", "led", "don", "t", "5", "example", "हिन्दी", "٣٤", "ελλαδα",
                 "000", "y", "erdogan", "2", "point"):  # fmt: skip
        assert len(_indexed(database_url, claims, term)) >= 1, term


def test_migration_fills_the_index_from_stored_rows(database_url: str) -> None:
    from app import migrate

    # Stored before the index is dropped: the writer fills the index of a brief's claims,
    # statements and events on SQLite (a7d3e9f2c5b8), so it needs the index there.
    _store(database_url, BEFORE)
    _store(database_url, BEFORE.replace("Geneva", "Lausanne"), "lausanne.md")
    migrate.downgrade(database_url, "e5d3a1c7b9f2")  # the word index migration's parent
    get_engine(database_url).dispose()
    migrate.upgrade(database_url)
    get_engine(database_url).dispose()
    with get_engine(database_url).connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM briefs")).scalar_one() == 2
    assert len(_indexed(database_url, _table("briefs"), "lausan")) == 1
    assert len(_indexed(database_url, _table("claims"), "envoy")) >= 1
    _assert_in_step(database_url)


def test_one_prefix_index_migration_rebuilds_the_index_both_ways(database_url: str) -> None:
    """f6a2c8e4b1d9 (SQLite: one prefix index, of 3 characters, instead of three) builds
    the index again from the stored rows going up and going down; a7d3e9f2c5b8 hands the
    index of new claims, statements and events to the writer, and back to triggers."""
    from app import migrate

    _store(database_url, BEFORE)
    migrate.downgrade(database_url, "a1d7c3e9f5b2")  # its parent: prefix indexes of 1-3
    get_engine(database_url).dispose()
    if database_url.startswith("sqlite"):  # the triggers fill it again: a row by hand
        with get_engine(database_url).begin() as connection:
            connection.execute(
                text("UPDATE claims SET search_text = search_text || ' zephyr' WHERE id = 1")
            )
            connection.execute(
                text(
                    "INSERT INTO claims (brief_id, position, section, text, search_text, "
                    "status, span_start, span_end) SELECT brief_id, 999, section, text, "
                    "'quokka', status, span_start, span_end FROM claims WHERE id = 1"
                )
            )
        assert len(_indexed(database_url, _table("claims"), "quokk")) == 1
        assert len(_indexed(database_url, _table("claims"), "zeph")) == 1
    _assert_in_step(database_url)
    migrate.upgrade(database_url)
    get_engine(database_url).dispose()
    _store(database_url, BEFORE.replace("Geneva", "Montreux"), "montreux.md")
    for place in ("geneva", "montr", "ge", "m"):
        assert len(_indexed(database_url, _table("briefs"), place)) >= 1, place
    _assert_in_step(database_url)
    if database_url.startswith("sqlite"):
        with get_engine(database_url).connect() as connection:
            created = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'claims_fts'")
            ).scalar_one()
        assert "prefix='3'" in created

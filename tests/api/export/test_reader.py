"""Exports read in batches: NDJSON the database writes, and CSV cells read straight from the
rows, are the item data's, byte for byte."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import Engine, update
from sqlmodel import col

from app.api.export import reader
from app.api.export.formats import CsvWriter, ndjson_chunk
from app.api.export.reader import BatchReader
from app.api.repositories import claims
from app.api.repositories.keyset import PageRequest
from app.api.schemas.claims import ClaimItem
from app.config import Settings
from app.db import session_scope
from app.storage.tables import Actor, Brief, Claim, ClaimActor
from tests.api.corpus import seed


@pytest.mark.parametrize("descending", [True, False])
def test_claims_ndjson_from_the_database_is_the_item_datas(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, descending: bool
) -> None:
    seed(engine)
    monkeypatch.setattr(reader, "EXPORT_BATCH", 3)  # batches across the undated claims too
    start = PageRequest(0, descending)
    by_data, from_data = BatchReader(engine, claims.CLAIMS, [], start), b""
    while (batch := by_data.next_batch()) is not None:
        from_data += ndjson_chunk(batch)
    by_json = BatchReader(engine, claims.CLAIMS, [], start)
    assert claims.CLAIMS.json_rows is not None
    from_json = b"".join(iter(by_json.next_ndjson, None))
    assert from_json == from_data
    assert from_json.count(b"\n") == 11
    assert b'"actors":[{"id":1,"slug":"emmanuel-macron"' in from_json


def _csv_lines(reader_: BatchReader, writer: CsvWriter) -> bytes:
    lines = b""
    while (span := reader_.claim()) is not None:
        lines += reader_.read_csv(span, writer)[0]
    return lines


# Names whose order depends on how they are compared: case, accents, a character outside the
# BMP, a quote and a backslash, and one name twice (then by id).
AWKWARD_NAMES = ["Émile Zola", "zeta", "Zeta", "Ångström", "𝒜 Script", 'O"Brien \\', "Zeta"]


def test_claims_actors_joined_by_the_database_are_in_pythons_order(engine: Engine) -> None:
    """A claims CSV line's actors, slugs the database joins, ordered as the item data's."""
    seed(engine)
    with session_scope(engine) as session:
        actors = [
            Actor(slug=f"awkward-{n}", name=name, normalized_name=name.lower(), kind="person")
            for n, name in enumerate(AWKWARD_NAMES)
        ]
        session.add_all(actors)
        session.flush()
        status = session.get_one(Claim, 1).status
        links = [ClaimActor(claim_id=1, actor_id=actor.id or 0, status=status) for actor in actors]
        session.add_all(links)
    start, writer = PageRequest(0, False), CsvWriter(ClaimItem)
    by_data = BatchReader(engine, claims.CLAIMS, [], start).next_batch()
    assert by_data is not None
    assert _csv_lines(BatchReader(engine, claims.CLAIMS, [], start), writer) == writer.chunk(
        by_data
    )
    first = next(item for item in by_data if item["id"] == 1)
    names = [actor["name"] for actor in first["actors"]]
    assert names == sorted(names)
    assert len(names) > len(AWKWARD_NAMES)


@pytest.mark.parametrize("descending", [True, False])
def test_claims_csv_from_the_rows_and_from_the_database_is_the_item_datas(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, descending: bool
) -> None:
    """Cells read straight from the rows (Parquet's) and lines the database writes (CSV's)."""
    seed(engine)
    monkeypatch.setattr(reader, "EXPORT_BATCH", 3)
    start, writer = PageRequest(0, descending), CsvWriter(ClaimItem)
    by_data, from_data = BatchReader(engine, claims.CLAIMS, [], start), b""
    while (batch := by_data.next_batch()) is not None:
        from_data += writer.chunk(batch)
    by_rows, from_rows = BatchReader(engine, claims.CLAIMS, [], start), b""
    assert claims.CLAIMS.csv_cells is not None
    while (cells := by_rows.next_cells(writer)) is not None:
        from_rows += writer.rows(cells)
    assert from_rows == from_data
    assert from_rows.count(b"\n") == 11
    assert b",emmanuel-macron;volodymyr-zelenskyy\n" in from_rows
    assert claims.CLAIMS.csv_query is not None
    assert _csv_lines(BatchReader(engine, claims.CLAIMS, [], start), writer) == from_data


# Cells that must be quoted (a comma, a quote, line breaks) and cells that must not.
AWKWARD_TEXTS = ['a, "b"\nc', "x\ry", "plain; tab\there", "", " lead", "é — 北京 🇺🇦"]


@pytest.mark.parametrize("text", AWKWARD_TEXTS)
def test_claims_csv_lines_from_the_database_read_back_as_the_item_data(
    engine: Engine, text: str
) -> None:
    seed(engine)
    with session_scope(engine) as session:
        session.execute(update(Claim).where(col(Claim.id) == 1).values(text=text))
        session.execute(update(Brief).where(col(Brief.id) == 1).values(title=f"T, {text}"))
    start, writer = PageRequest(0, False), CsvWriter(ClaimItem)
    from_data = writer.chunk(BatchReader(engine, claims.CLAIMS, [], start).next_batch() or [])
    from_sql = _csv_lines(BatchReader(engine, claims.CLAIMS, [], start), writer)
    parsed = list(csv.reader(io.StringIO(from_sql.decode(), newline="")))
    assert len(parsed) == 11
    assert [text, f"T, {text}"] in [[row[1], row[8]] for row in parsed]
    # Python's csv module leaves a bare carriage return unquoted (which its own reader then
    # takes for a line break); the database quotes it. Otherwise the bytes are the same.
    if "\r" not in text:
        assert from_sql == from_data


@pytest.mark.parametrize("readers", [1, 2, 3])
@pytest.mark.parametrize("descending", [True, False])
def test_ranges_read_at_once_come_out_in_order(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, readers: int, descending: bool
) -> None:
    """`CHANCERY_EXPORT_READERS` ranges read at once by a pool of threads are written in
    the keyset order, every row once, as one range after another."""
    seed(engine)
    monkeypatch.setattr(reader, "EXPORT_BATCH", 2)
    monkeypatch.setattr(reader, "get_settings", lambda: Settings(export_readers=readers))
    start = PageRequest(0, descending)
    one_by_one = BatchReader(engine, claims.CLAIMS, [], start)
    expected = b"".join(iter(one_by_one.next_ndjson, None))
    at_once = BatchReader(engine, claims.CLAIMS, [], start)
    chunks = reader.InParallel(at_once, at_once.read_ndjson)
    assert b"".join(chunks) == expected
    assert expected.count(b"\n") == 11

"""Typed rows: one per table ingestion writes, covering its columns, built by keyword."""

from __future__ import annotations

import pickle
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Column, Float, MetaData, Table, select
from sqlmodel import Session, SQLModel

from app.db import get_engine
from app.ingest import sql
from app.ingest.driver import DriverCursor
from app.ingest.row_types import ROW_TYPES, ClaimRow
from app.ingest.rows import EXTRACTED_ROWS, PENDING, PreparedBrief, prepare_brief
from app.ingest.writer import content_hash
from app.parsing import parse_brief
from app.storage import counts
from tests.conftest import SEEDS

# Filled by the database's triggers (see the migration), or copied and kept by SQL alone
# (app.ingest.sql: a superseded revision's rows, the SQLite id floors; app.storage.counts:
# the kept counts, which SQL over the written rows updates), never from rows.
NOT_INGESTED = {"data_changes", "revision_items", "id_floors"} | {t.name for t in counts.TABLES}


def _numbered_by_the_database(table: Table) -> set[str]:
    """The columns ingestion may leave out: an integer primary key the database numbers."""
    return {c.name for c in table.primary_key.columns if c.autoincrement in (True, "auto")}


def test_every_table_ingestion_writes_has_a_row_type() -> None:
    assert set(ROW_TYPES) == set(SQLModel.metadata.tables) - NOT_INGESTED


def test_every_column_is_a_field_but_database_numbered_ids() -> None:
    for name, row_type in ROW_TYPES.items():
        table = SQLModel.metadata.tables[name]
        fields, columns = set(row_type._fields), set(table.c.keys())
        assert fields <= columns, (name, fields - columns)
        assert columns - fields <= _numbered_by_the_database(table), (name, columns - fields)
    for name in sql.RESERVED:  # ids the writer reserves are written, not numbered
        assert "id" in ROW_TYPES[name]._fields


def widened_claims() -> tuple[Table, type[NamedTuple]]:
    """`claims` and its row with one more column, as a model and a migration would give."""
    claims = SQLModel.metadata.tables["claims"]
    columns = [Column(c.name, c.type, primary_key=c.primary_key) for c in claims.c]
    table = Table("claims_widened", MetaData(), *columns, Column("confidence", Float))
    fields = [(name, Any) for name in ClaimRow._fields] + [("confidence", float)]
    return table, NamedTuple("WidenedClaimRow", fields)


def _claim(row_type: type[NamedTuple], **values: object) -> Any:
    base = {"id": 7, "brief_id": 1, "position": 0, "status": "agreed", "section": "Outcomes",
            "text": "Both sides agreed.", "occurred_on": date(2025, 9, 4),
            "search_text": "both sides agreed.", "span_start": 0, "span_end": 18}  # fmt: skip
    return row_type(**base, **values)


def test_adding_a_column_needs_the_model_the_migration_and_the_row_type_only(
    database_url: str,
) -> None:
    """A new column in the table and a new field in its row: the INSERT writes it, on both
    databases, with no other edit (no column list, no position, no cast to add)."""
    table, row_type = widened_claims()
    engine = get_engine(database_url)
    table.create(engine)
    try:
        with Session(engine) as session:
            db = DriverCursor(session)
            insert = sql.insert_for(session.connection().dialect, table, row_type)
            assert "confidence" in insert.sql
            db.insert(insert, [_claim(row_type, confidence=0.75)])
            session.commit()
        with engine.connect() as connection:
            c = table.c
            query = select(c.id, c.text, c.occurred_on, c.confidence)
            stored = connection.execute(query).one()
        assert tuple(stored) == (7, "Both sides agreed.", date(2025, 9, 4), 0.75)
    finally:
        table.drop(engine)


def test_prepared_rows_hold_the_parse_by_column_name() -> None:
    """A swapped `text` and `section` would show here: each value is under its column."""
    source = (SEEDS / "2025-09-04-paris-security-guarantees.txt").read_bytes()
    parsed = parse_brief(source)
    prepared = prepare_brief(parsed, content_hash(parsed.source))
    assert prepared.brief.title == parsed.title
    assert prepared.brief.source_text == parsed.source
    for row, claim in zip(prepared.claims, parsed.claims, strict=True):
        assert (row.text, row.section, row.status) == (claim.text, claim.section, claim.status)
        assert (row.span_start, row.span_end) == claim.span
        assert (row.id, row.brief_id) == (PENDING, PENDING)
    for row, statement in zip(prepared.statements, parsed.statements, strict=True):
        assert (row.text, row.kind, row.speaker_id) == (statement.text, statement.kind, None)


def test_rows_cross_to_the_writer_as_plain_tuples_and_arrive_typed() -> None:
    """Pickled (as between the parser processes and the writer) the rows are plain tuples,
    which unpickle in C; what arrives is equal, and of the same row types."""
    for path in sorted(SEEDS.iterdir()):
        parsed = parse_brief(path.read_bytes())
        prepared = prepare_brief(parsed, content_hash(parsed.source))
        data = pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)
        assert b"ClaimRow" not in data
        assert b"ActorRow" not in data
        arrived = pickle.loads(data)
        assert arrived == prepared
        assert type(arrived) is type(prepared)
        for name in (*EXTRACTED_ROWS, "brief", "actors"):
            values = getattr(arrived, name)
            expected = getattr(prepared, name)
            items = zip(values, expected, strict=True) if name != "brief" else [(values, expected)]
            assert all(type(a) is type(e) for a, e in items)
        assert all(
            type(a.row) is type(e.row) for a, e in zip(arrived.actors, prepared.actors, strict=True)
        )


def test_each_table_the_writer_reserves_ids_for_is_a_field_of_prepared_briefs() -> None:
    """The writer counts a brief's rows per table by the table's name (`writer._counts`)."""
    assert set(sql.RESERVED) == set(EXTRACTED_ROWS)
    assert set(sql.RESERVED) <= set(PreparedBrief._fields)

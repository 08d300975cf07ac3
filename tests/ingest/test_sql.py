"""The writer's statements, derived from the tables' metadata and the typed rows."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Dialect
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import SQLModel

from app.ingest import sql
from app.ingest.row_types import ROW_TYPES, BriefRow
from tests.ingest.test_rows import widened_claims

DIALECTS = [sqlite.pysqlite.dialect(), postgresql.psycopg.dialect()]
EXTRACTED = {"events", "claims", "statements", "impacts", "sections", "mentions"}


def _columns_named(statement: str) -> list[str]:
    found = re.match(r"INSERT INTO \w+ \(([^)]*)\)", statement)
    assert found, statement
    return found.group(1).split(", ")


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
def test_each_insert_names_its_row_types_fields(dialect: Dialect) -> None:
    for name, row_type in ROW_TYPES.items():
        table = SQLModel.metadata.tables[name]
        insert = sql.insert_for(dialect, table, row_type)
        assert insert.sql.startswith(f"INSERT INTO {name} ")
        assert _columns_named(insert.sql) == list(row_type._fields)
        assert insert.sql.count("%s" if dialect.name == "postgresql" else "?") == len(
            row_type._fields
        )
        assert insert.columnar == (dialect.name == "postgresql")


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
def test_one_row_inserts_give_the_new_id(dialect: Dialect) -> None:
    statements = sql.statements_for(dialect)
    for insert in (statements.brief, statements.actor):
        assert insert.sql.endswith(" RETURNING id")
        assert not insert.columnar


def test_a_field_with_no_column_is_refused() -> None:
    _, row_type = widened_claims()
    with pytest.raises(LookupError, match="confidence"):
        sql.insert_for(DIALECTS[0], SQLModel.metadata.tables["claims"], row_type)


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
def test_a_brief_updated_keeps_its_name_and_first_ingestion_time(dialect: Dialect) -> None:
    update = sql.statements_for(dialect).brief_update
    assigned = re.findall(r"(\w+) = ", update.statement.sql.split(" WHERE ")[0])
    assert assigned == [f for f in BriefRow._fields if f not in ("source_name", "ingested_at")]
    row = BriefRow(*BriefRow._fields)  # each value its own column's name
    assert update.parameters(row, 42) == (*assigned, 42)


def test_extracted_tables_are_those_holding_a_span_of_a_brief() -> None:
    assert set(sql.EXTRACTED) == EXTRACTED
    assert set(sql.RESERVED) == EXTRACTED
    deleted = {re.sub(r"DELETE FROM (\w+) .*", r"\1", d) for d in sql.DELETE_CHILDREN}
    assert deleted == EXTRACTED


def test_rows_pointing_at_extracted_rows_go_with_them() -> None:
    """Why DELETE_CHILDREN need not name the link tables: they cascade."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name in EXTRACTED:
                found.append(table.name)
                assert fk.ondelete == "CASCADE", (table.name, fk.parent.name)
    assert set(found) == {"claim_actors", "statement_actors", "event_participants"}

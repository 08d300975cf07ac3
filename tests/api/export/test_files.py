"""`chancery export`'s files: the API's bytes for NDJSON and CSV, typed columns in Parquet."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from app.api.export import reader
from app.api.export.files import ExportFormat, write_export
from app.api.export.resources import ExportFilters, Resource, export_reader
from app.cli import cli

RESOURCES = [("claims", ["--status", "verified", "--actor", "emmanuel-macron"]),
             ("statements", ["--kind", "quote", "--sort", "occurred_on"]),
             ("events", ["--date-from", "2023-01-01"]), ("briefs", ["--q", "summit"]),
             ("actors", ["--kind", "person", "--sort", "-name"])]  # fmt: skip


def _query(options: list[str]) -> dict[str, list[str]]:
    """The API's query parameters for the same filters."""
    names = {"--date-from": "date_from", "--date-to": "date_to"}
    params: dict[str, list[str]] = {}
    for option, value in zip(options[::2], options[1::2], strict=True):
        params.setdefault(names.get(option, option.removeprefix("--")), []).append(value)
    return params


@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
@pytest.mark.parametrize(("resource", "options"), RESOURCES)
def test_the_command_writes_the_apis_export(
    client: TestClient, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    resource: str, options: list[str], fmt: str,
) -> None:  # fmt: skip
    monkeypatch.setattr(reader, "EXPORT_BATCH", 2)
    out = tmp_path / f"out.{fmt}"
    args = ["export", resource, *options, "--format", fmt, "-o", str(out)]
    result = CliRunner().invoke(cli, [*args, "--database-url", database_url])
    assert result.exit_code == 0, result.output
    params = {**_query(options), "format": fmt}
    api = client.get(f"/v1/{resource}", params=params)
    assert out.read_bytes() == api.content
    assert len(api.content.splitlines()) > (1 if fmt == "csv" else 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["claims", "--kind", "quote"], "claims take no kind filter"),
        (["statements", "--kind", "sung"], "must be one of quote, reported"),
        (["claims", "--sort", "name"], "must be -occurred_on or occurred_on"),
        (["events", "--date-from", "yesterday"], "must be an ISO date"),
        (["briefs", "--date-from", "2025-01-02", "--date-to", "2025-01-01"], "before date_from"),
    ],
)
def test_a_bad_filter_exits_2(database_url: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["export", *args, "--database-url", database_url])
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split())


def test_parquet_holds_the_csv_columns_typed(client: TestClient, engine: Engine) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    export, model = export_reader(engine, Resource.statements, ExportFilters())
    out = io.BytesIO()
    write_export(export, model, ExportFormat.parquet, out, lambda _rows: None)
    table = pq.read_table(io.BytesIO(out.getvalue()))
    csv_header = client.get("/v1/statements", params={"format": "csv"}).text.splitlines()[0]
    assert table.column_names == csv_header.split(",")
    assert str(table.schema.field("id").type) == "int64"
    assert str(table.schema.field("occurred_on").type) == "date32[day]"
    rows = table.to_pylist()
    api = client.get("/v1/statements", params={"limit": 200}).json()["items"]
    assert [row["id"] for row in rows] == [item["id"] for item in api]
    first = next(row for row in rows if row["id"] == 1)
    assert first["speaker_slug"] == "emmanuel-macron"
    assert str(first["occurred_on"]) == "2025-09-04"
    assert [row["speaker_id"] for row in rows if row["id"] == 5] == [None]

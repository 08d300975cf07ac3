"""`chancery export`'s output: NDJSON or CSV bytes as the API streams them, or Parquet.

Parquet goes through pyarrow (the optional `parquet` extra). Its columns are the CSV's,
typed: integers as int64, dates as date32, everything else (timestamps in the API's text,
lists of actors as their slugs joined with `;`) as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import IO, Any, TypeVar

from pydantic import BaseModel
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from app.api.export.formats import CsvWriter, leaf_type
from app.api.export.reader import BatchReader, InParallel, Range
from app.errors import InvalidParameterError

Advance = Callable[[int], None]
T = TypeVar("T")


class ExportFormat(StrEnum):
    ndjson = "ndjson"
    csv = "csv"
    parquet = "parquet"


def _arrow_type(annotation: Any) -> Any:
    import pyarrow as pa

    if annotation is int:
        return pa.int64()
    if annotation is dt.date:
        return pa.date32()
    return pa.string()


def _arrow_value(value: Any, arrow_type: Any) -> Any:
    if isinstance(value, str) and str(arrow_type) == "date32[day]":
        return dt.date.fromisoformat(value)  # SQLite's driver gives the ISO text
    return value


def _write_parquet(
    reader: BatchReader, model: type[BaseModel], out: IO[bytes], on: Advance
) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InvalidParameterError.for_param(
            "format", "parquet needs pyarrow: pip install 'chancery[parquet]'"
        ) from None
    writer = CsvWriter(model)
    names = ["_".join(column) for column in writer.columns]
    types_ = [_arrow_type(leaf_type(model, column)) for column in writer.columns]
    schema = pa.schema(list(zip(names, types_, strict=True)))
    with pq.ParquetWriter(out, schema) as parquet:
        for rows in _ranges(reader, lambda span: reader.read_cells(span, writer)):
            columns = [
                pa.array([_arrow_value(row[i], kind) for row in rows], type=kind)
                for i, kind in enumerate(types_)
            ]
            parquet.write_table(pa.Table.from_arrays(columns, schema=schema))
            on(len(rows))


def _ranges(reader: BatchReader, read: Callable[[Range], T]) -> Iterator[T]:
    """`read` of every range, in order, read ahead as `InParallel` reads them."""
    chunks = InParallel(reader, read)
    try:
        yield from chunks
    finally:
        chunks.close()


def write_export(
    reader: BatchReader, model: type[BaseModel], fmt: ExportFormat, out: IO[bytes], on: Advance
) -> None:
    """Write every row `reader` finds to `out` in `fmt`; `on(n)` after each batch of n."""
    if fmt is ExportFormat.parquet:
        _write_parquet(reader, model, out, on)
        return
    if fmt is ExportFormat.ndjson:
        for lines in _ranges(reader, reader.read_ndjson):
            out.write(lines)
            on(lines.count(b"\n"))  # a line a row: JSON escapes line breaks in strings
        return
    csv = CsvWriter(model)
    out.write(csv.header())
    for lines, rows in _ranges(reader, lambda span: reader.read_csv(span, csv)):
        out.write(lines)
        on(rows)


@contextmanager
def export_progress(console: Console, total: int | None) -> Iterator[Advance]:
    """A progress bar of rows written, shown only when `total` is known (on a terminal)."""
    if total is None:
        yield lambda _rows: None
        return
    columns = (TextColumn("[bold]exporting"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("export", total=total)
        yield lambda rows: progress.advance(task, rows)

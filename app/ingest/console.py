"""Terminal presentation of an ingestion run: progress bar and summary table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from app.ingest.report import FileResult, IngestReport

OUTCOME_STYLES = {"ingested": "green", "updated": "cyan", "unchanged": "dim", "rejected": "red"}


@contextmanager
def progress_bar(console: Console, total: int) -> Iterator[Callable[[FileResult], None]]:
    """A progress bar advanced once per result; rejections are printed as they happen."""
    columns = (
        TextColumn("[bold]ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingest", total=total)

        def advance(result: FileResult) -> None:
            if result.error:
                progress.console.print(f"[red]rejected[/red] {result.error}", highlight=False)
            progress.advance(task)

        yield advance


def summary_table(report: IngestReport) -> Table:
    """Counts per outcome and throughput."""
    table = Table(title="Ingestion summary")
    for outcome in report.counts:
        table.add_column(outcome, justify="right", style=OUTCOME_STYLES[outcome])
    table.add_column("briefs/s", justify="right")
    counts = [str(n) for n in report.counts.values()]
    table.add_row(*counts, f"{report.briefs_per_second:.0f}")
    return table

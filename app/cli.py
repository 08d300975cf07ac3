"""The `chancery` command line."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated, BinaryIO

import typer
import uvicorn
from rich.console import Console

from app import __version__, metrics, migrate
from app.api.export.files import ExportFormat, export_progress, write_export
from app.api.export.resources import ExportFilters, Resource, export_reader
from app.config import Settings, get_settings
from app.db import get_engine
from app.errors import BriefError, InvalidParameterError, NotFoundError
from app.ingest import parser_choice, service
from app.ingest.console import progress_bar, summary_table
from app.ingest.job import ingest_sources
from app.ingest.report import IngestReport
from app.ingest.sources import discover, read_bytes
from app.ingest.verify import recount, verify
from app.logs import configure_logging, dict_config
from app.parsing import parse_brief

SEEDS_DIR = migrate.PROJECT_ROOT / "seeds"
# Idle keep-alive connections are left for the client or proxy to close (nginx's default
# keepalive is 75 s, load balancers' idle timeouts are usually 60 s). With uvicorn's 5 s the
# server closed them first, and a client that sent its next request on a connection at the
# moment the server was closing it lost that request to a dropped connection.
KEEP_ALIVE_S = 75

cli = typer.Typer(
    name="chancery",
    help="Turn diplomatic briefs into structured data and serve it over a REST API.",
    no_args_is_help=True,
    add_completion=False,
)
db_cli = typer.Typer(help="Manage the database schema.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")

DatabaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        help="Database URL; defaults to CHANCERY_DATABASE_URL or sqlite:///./chancery.db.",
        show_default=False,
    ),
]


def _database_url(override: str | None) -> str:
    return override or get_settings().database_url


@cli.command()
def version() -> None:
    """Print the Chancery version."""
    typer.echo(__version__)


@db_cli.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    database_url: DatabaseUrlOption = None,
) -> None:
    """Apply the schema migrations (up to the latest by default)."""
    migrate.upgrade(_database_url(database_url), revision)


@db_cli.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision; `base` empties the schema.")],
    database_url: DatabaseUrlOption = None,
) -> None:
    """Revert the schema migrations down to REVISION."""
    migrate.downgrade(_database_url(database_url), revision)


@db_cli.command("verify")
def db_verify(database_url: DatabaseUrlOption = None) -> None:
    """Check stored briefs: no orphan rows, rows match their source, spans hold their text,
    claims' links hold their status, the dashboard's counts match a recount.

    Exit status 0 when every invariant holds, 1 otherwise (each violation is printed).
    """
    report = verify(_database_url(database_url))
    for problem in report.problems:
        typer.echo(problem, err=True)
    typer.echo(f"{report.briefs} briefs checked, {len(report.problems)} problem(s)")
    raise typer.Exit(0 if report.ok else 1)


@db_cli.command("recount")
def db_recount(database_url: DatabaseUrlOption = None) -> None:
    """Rebuild the dashboard's counts (per day, actor, pair of actors) from the stored rows.

    The migration that adds them fills them, and every write keeps them; run this only
    when `chancery db verify` reports them drifted. One transaction: writers wait.
    """
    recount(_database_url(database_url))
    typer.echo("counts rebuilt")


def _configure_logging(settings: Settings, *, at_least: str = "DEBUG") -> None:
    level = max(settings.log_level, at_least, key=logging.getLevelName)
    configure_logging(level, settings.log_format)


@contextmanager
def _shared_metrics(workers: int, settings: Settings) -> Iterator[None]:
    """With several workers, a fresh folder where each writes its metrics for any to serve
    (prometheus-client's multiprocess mode, set by the variable the workers inherit)."""
    if workers < 2 or not settings.metrics_enabled or metrics.multiprocess_dir() is not None:
        yield
        return
    folder = tempfile.mkdtemp(prefix="chancery-metrics-")
    os.environ[metrics.MULTIPROCESS_DIR_VARIABLE] = folder
    try:
        yield
    finally:
        del os.environ[metrics.MULTIPROCESS_DIR_VARIABLE]
        shutil.rmtree(folder, ignore_errors=True)


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    seed: Annotated[bool, typer.Option("--seed", help="Ingest seeds/ before serving.")] = False,
) -> None:
    """Apply migrations, optionally load the sample briefs, and serve the API.

    On SIGTERM the server stops accepting connections, lets in-flight requests and streams
    finish for up to CHANCERY_SHUTDOWN_TIMEOUT_S seconds, closes the database pool and
    exits 0.
    """
    settings = get_settings()
    _configure_logging(settings)
    url = settings.database_url
    migrate.upgrade(url)
    if seed:
        _ingest_seeds(url)
    # uvicorn raises SIGTERM again once it has shut down gracefully (so the process would
    # end "killed by SIGTERM"); with this handler in place that is a no-op, and it exits 0.
    signal.signal(signal.SIGTERM, lambda _signal, _frame: None)
    with _shared_metrics(workers, settings):
        uvicorn.run(
            "app.api.main:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_config=dict_config(settings.log_level, settings.log_format),
            log_level=settings.log_level.lower(),
            # The application logs one line per request, with its id, route and duration.
            access_log=False,
            timeout_keep_alive=KEEP_ALIVE_S,
            timeout_graceful_shutdown=settings.shutdown_timeout_s,
        )


def _ingest_seeds(url: str) -> None:
    report = ingest_sources(discover([str(SEEDS_DIR)]), database_url=url)
    typer.echo(f"seeds: {report.summary_line()}", err=True)


@cli.command()
def parse(
    file: Annotated[str, typer.Argument(help="Brief to parse (.txt or .md); `-` reads stdin.")],
) -> None:
    """Parse one brief and print its structured form as JSON (nothing is stored); with the
    learned organisation recogniser when CHANCERY_LEARNED_ORGANISATIONS is true."""
    source = next(discover([file]))
    settings = get_settings()
    try:
        data = read_bytes(source, settings.max_brief_bytes)
        brief = parse_brief(
            data,
            file=source.display,
            max_bytes=settings.max_brief_bytes,
            learned=parser_choice.learned(),
        )
    except BriefError as error:
        typer.echo(str(error.with_file(source.display)), err=True)
        raise typer.Exit(1) from None
    typer.echo(brief.model_dump_json(indent=2))


@cli.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files or directories (recursive); `-` reads stdin.")
    ],
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print one JSON report: each brief's outcome and what its revision changed.",
        ),
    ] = False,
    name: Annotated[
        str | None, typer.Option(help="Name to store a brief read from stdin under.")
    ] = None,
    database_url: DatabaseUrlOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="Parser processes beside the writer; 0 parses in the writer's process. "
            "Default: one per core but one.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Store briefs in the database: one transaction each, bad files reported and skipped.

    Each rejection is logged (CHANCERY_LOG_FORMAT) with its file and line. On SIGTERM the
    brief being stored finishes in its transaction, no other is started, and the report
    says what was done. Exit status: 0 when every brief handled was stored or unchanged
    (also when stopped by SIGTERM), 1 when any was rejected.
    """
    # Warnings and errors only (each rejection is one), not the migrations' INFO lines.
    _configure_logging(get_settings(), at_least="WARNING")
    url = _database_url(database_url)
    migrate.upgrade_if_needed(url)
    sources = list(discover(paths, stdin_name=name))
    console = Console(stderr=as_json)
    with _stop_on_sigterm() as stop:
        if as_json or not console.is_terminal:
            report = ingest_sources(sources, database_url=url, workers=workers, stop=stop)
            _print_plain(report, as_json)
        else:
            with progress_bar(console, len(sources)) as advance:
                report = ingest_sources(
                    sources, database_url=url, on_result=advance, workers=workers, stop=stop
                )
            console.print(summary_table(report))
    raise typer.Exit(1 if report.rejected else 0)


@contextmanager
def _stop_on_sigterm() -> Iterator[threading.Event]:
    """An event SIGTERM sets (instead of ending the process), for the run to stop cleanly."""
    stop = threading.Event()

    def on_sigterm(_signal: int, _frame: object) -> None:
        logging.getLogger("chancery.ingest").warning("SIGTERM: stopping after this brief")
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGTERM, previous)


@cli.command()
def delete(
    brief_ids: Annotated[list[int], typer.Argument(help="Ids of the briefs to delete.")],
    database_url: DatabaseUrlOption = None,
) -> None:
    """Delete briefs and everything extracted from them, one transaction each.

    Exit status: 0 when every brief was deleted, 1 when any id named no brief.
    """
    url = _database_url(database_url)
    migrate.upgrade_if_needed(url)
    missing = False
    for brief_id in brief_ids:
        try:
            service.delete_brief(brief_id, url)
        except NotFoundError as error:
            typer.echo(error.detail, err=True)
            missing = True
        else:
            typer.echo(f"deleted {brief_id}")
    raise typer.Exit(1 if missing else 0)


Many = Annotated[list[str], typer.Option(help="Repeat for several.", show_default=False)]


@cli.command("export")
def export(
    resource: Annotated[Resource, typer.Argument(help="The list to export.")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="parquet needs the `parquet` extra.")
    ] = ExportFormat.ndjson,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="File to write; default stdout.")
    ] = None,
    actor: Many = [],  # noqa: B006 -- typer reads the default, never mutates it
    date_from: Annotated[str | None, typer.Option(help="ISO date.", show_default=False)] = None,
    date_to: Annotated[str | None, typer.Option(help="ISO date.", show_default=False)] = None,
    q: Annotated[
        str | None, typer.Option(help="Words that must all occur.", show_default=False)
    ] = None,
    status: Many = [],  # noqa: B006
    kind: Many = [],  # noqa: B006
    brief: Annotated[
        int | None, typer.Option(help="Only rows of this brief (id).", show_default=False)
    ] = None,
    location: Annotated[
        str | None, typer.Option(help="Place (events, briefs).", show_default=False)
    ] = None,
    sort: Annotated[
        str | None,
        typer.Option(help="As the API: -occurred_on (default), occurred_on; actors: name, -name."),
    ] = None,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Write every row of a list, with the API's filters, as NDJSON, CSV or Parquet.

    Reads the database directly, in the batches the API's `format=ndjson|csv` export
    uses, and writes the same bytes (Parquet: the CSV's columns, typed). Filters are the
    list's query parameters (`--actor` for `actor`, `--date-from` for `date_from`, ...).
    A progress bar shows on stderr when it is a terminal. Exit 2 on a bad filter.
    """
    try:
        filters = ExportFilters(
            tuple(actor), _date(date_from, "date-from"), _date(date_to, "date-to"), q,
            tuple(status), tuple(kind), brief, location, sort,
        )  # fmt: skip
        engine = get_engine(get_settings().database_url if database_url is None else database_url)
        reader, model = export_reader(engine, resource, filters)
        console = Console(stderr=True)
        total = reader.count() if console.is_terminal else None
        with export_progress(console, total) as advance:
            if output is None:
                write_export(reader, model, fmt, _stdout(fmt), advance)
            else:
                with open(output, "wb") as out:
                    write_export(reader, model, fmt, out, advance)
    except InvalidParameterError as error:
        raise typer.BadParameter(error.detail) from None


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"--{option} must be an ISO date, YYYY-MM-DD") from None


def _stdout(fmt: ExportFormat) -> BinaryIO:
    if fmt is ExportFormat.parquet and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give -o FILE or redirect stdout")
    return sys.stdout.buffer


def _print_plain(report: IngestReport, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    # Each rejection was logged as it happened (`app.ingest.job.log_rejection`).
    typer.echo(report.summary_line())


def main() -> None:
    """Entry point of the `chancery` console script."""
    cli()


if __name__ == "__main__":
    main()

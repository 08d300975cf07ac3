"""The ingestion job: idempotent, atomic per brief, bad files skipped, nothing else lost."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import func, select, text
from sqlmodel import SQLModel
from typer.testing import CliRunner

from app.cli import cli
from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.pipeline import POOL_THRESHOLD
from app.ingest.sources import discover
from app.ingest.verify import recount, verify
from app.storage.tables import Brief, BriefRevision, Claim
from bench.generator import generate_briefs
from tests.conftest import SEEDS

runner = CliRunner()


def count_rows(database_url: str) -> dict[str, int]:
    with get_engine(database_url).connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in SQLModel.metadata.tables
        }


def _ingest(database_url: str, *paths: Path) -> dict[str, int]:
    report = ingest_sources(discover([str(p) for p in paths]), database_url=database_url)
    return report.counts


def test_seeds_twice_second_run_is_unchanged(database_url: str) -> None:
    seeds = len(list(SEEDS.glob("*.*")))
    first = _ingest(database_url, SEEDS)
    assert first == {"ingested": seeds, "updated": 0, "unchanged": 0, "rejected": 0}
    before = count_rows(database_url)

    second = _ingest(database_url, SEEDS)

    assert second == {"ingested": 0, "updated": 0, "unchanged": seeds, "rejected": 0}
    assert count_rows(database_url) == before
    assert verify(database_url).problems == []


def test_changed_file_is_updated_in_place(database_url: str, tmp_path: Path) -> None:
    sample = next(SEEDS.glob("2025-09-04-*"))
    brief = tmp_path / sample.name
    shutil.copyfile(sample, brief)
    _ingest(database_url, tmp_path)
    brief.write_text(
        brief.read_text(encoding="utf-8").replace(
            "Unconfirmed\n", "Unconfirmed\n- A second meeting may follow in Rome.\n"
        ),
        encoding="utf-8",
    )

    assert _ingest(database_url, tmp_path)["updated"] == 1

    engine = get_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Brief)).scalar() == 1
        revisions = connection.execute(select(func.count()).select_from(BriefRevision)).scalar()
        claims = connection.execute(select(Claim.text).where(Claim.status == "unconfirmed"))
        unconfirmed = list(claims.scalars())
    assert revisions == 2
    assert "A second meeting may follow in Rome." in unconfirmed
    assert len(unconfirmed) == 4
    assert verify(database_url).problems == []


def test_bad_files_are_rejected_and_the_rest_stored(database_url: str, tmp_path: Path) -> None:
    for seed in SEEDS.iterdir():
        shutil.copyfile(seed, tmp_path / seed.name)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "latin1.txt").write_bytes(
        "Lead: On 4 September 2025 in Paris, caf\xe9.".encode("latin-1")
    )

    result = runner.invoke(cli, ["ingest", str(tmp_path), "--json", "--database-url", database_url])

    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    seeds = len(list(SEEDS.iterdir()))
    assert report["counts"] == {"ingested": seeds, "updated": 0, "unchanged": 0, "rejected": 2}
    errors = sorted(r["error"] for r in report["results"] if r["outcome"] == "rejected")
    assert errors[0].startswith(f"{tmp_path / 'empty.txt'}:1: ")
    assert errors[1].startswith(f"{tmp_path / 'latin1.txt'}:1: ")
    with get_engine(database_url).connect() as connection:
        stored = connection.execute(text("SELECT count(*) FROM briefs")).scalar()
    assert stored == seeds


def test_usage_error_exits_2() -> None:
    assert runner.invoke(cli, ["ingest"]).exit_code == 2


def test_same_content_under_another_name_is_unchanged(database_url: str, tmp_path: Path) -> None:
    sample = next(SEEDS.glob("2025-09-04-*"))
    shutil.copyfile(sample, tmp_path / "copy.txt")
    _ingest(database_url, sample)
    assert _ingest(database_url, tmp_path)["unchanged"] == 1


def test_parser_processes_keep_order_and_rejections(database_url: str, tmp_path: Path) -> None:
    for name, body in generate_briefs(POOL_THRESHOLD + 6, seed=3):
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "0-empty.txt").write_text("   \n")
    sources = list(discover([str(tmp_path)]))

    report = ingest_sources(sources, database_url=database_url, workers=1)

    assert report.counts["ingested"] == POOL_THRESHOLD + 6
    assert [r.name for r in report.results] == [s.name for s in sources]
    assert report.results[0].outcome == "rejected"
    assert report.results[0].error == f"{tmp_path / '0-empty.txt'}:1: the brief is empty"
    assert verify(database_url).problems == []


def test_briefs_of_an_older_parser_are_parsed_again(database_url: str) -> None:
    """A brief stored by an earlier parser, without the rows a newer one writes (mentions,
    as after the migration that added them), is updated by the next ingest run."""
    seeds = len(list(SEEDS.glob("*.*")))
    _ingest(database_url, SEEDS)
    with get_engine(database_url).begin() as connection:
        connection.execute(text("DELETE FROM mentions"))
        connection.execute(text("UPDATE briefs SET parser_version = '1.3.0'"))
    recount(database_url)  # the counts as the migration adding them fills them from such rows

    again = _ingest(database_url, SEEDS)

    assert again == {"ingested": 0, "updated": seeds, "unchanged": 0, "rejected": 0}
    with get_engine(database_url).connect() as connection:
        briefs_without = connection.execute(
            text("SELECT count(*) FROM briefs WHERE id NOT IN (SELECT brief_id FROM mentions)")
        ).scalar_one()
    assert briefs_without == 0
    assert verify(database_url).problems == []

"""The `chancery` command line: parse, db, version and a real `serve --seed`."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from sqlalchemy import inspect, text
from typer.testing import CliRunner

from app import __version__
from app.cli import cli
from app.config import get_settings
from app.db import get_engine
from tests.briefs_revised import AFTER, BEFORE
from tests.conftest import SEEDS
from tests.live_server import live_server

runner = CliRunner()
SAMPLE = SEEDS / "2025-09-04-paris-security-guarantees.txt"


def test_version() -> None:
    result = runner.invoke(cli, ["version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == __version__


def test_parse_prints_the_structured_brief() -> None:
    result = runner.invoke(cli, ["parse", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert brief["occurred_on"] == "2025-09-04"
    assert brief["location"] == "Paris"
    statuses = [claim["status"] for claim in brief["claims"]]
    assert (statuses.count("reported"), statuses.count("verified")) == (6, 9)
    assert statuses.count("unconfirmed") == 3
    assert "source" not in brief


def test_parse_writes_spans_as_the_api_does() -> None:
    """One span shape for `chancery parse` and the API: `{"start", "end"}` (`TextSpan`)."""
    brief = json.loads(runner.invoke(cli, ["parse", str(SAMPLE)]).stdout)
    spans = [item["span"] for key in ("claims", "statements", "events") for item in brief[key]]
    assert spans
    assert all(set(span) == {"start", "end"} for span in spans)
    assert all(span["start"] < span["end"] for span in spans)


def test_parse_follows_the_learned_organisations_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """`CHANCERY_LEARNED_ORGANISATIONS=true`: the recogniser's output (it drops the venue
    the rules read as a body in this seed)."""
    seed = SEEDS / "2018-04-27-panmunjom-moon-kim.txt"
    found = {}
    for setting in ("false", "true"):
        monkeypatch.setenv("CHANCERY_LEARNED_ORGANISATIONS", setting)
        get_settings.cache_clear()
        brief = json.loads(runner.invoke(cli, ["parse", str(seed)]).stdout)
        found[setting] = {a["name"] for a in brief["actors"] if a["kind"] == "organization"}
    get_settings.cache_clear()
    assert found["false"] - found["true"] == {"Peace House"}


def test_parse_reports_file_and_line_of_a_bad_brief(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "Lead: On Sept. 4, 2025 in Paris, talks.\nOfficial Statements\n“Unattributed.”\n"
    )
    result = runner.invoke(cli, ["parse", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}:3: ")
    assert "Traceback" not in result.output


def test_db_upgrade_and_downgrade(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert runner.invoke(cli, ["db", "upgrade", "--database-url", url]).exit_code == 0
    assert "claims" in inspect(get_engine(url)).get_table_names()
    assert runner.invoke(cli, ["db", "downgrade", "base", "--database-url", url]).exit_code == 0
    get_engine(url).dispose()
    assert "claims" not in inspect(get_engine(url)).get_table_names()


COMMANDS = [
    [], ["db"], ["db", "recount"], ["parse"], ["ingest"], ["delete"], ["serve"], ["export"]
]  # fmt: skip


@pytest.mark.parametrize("args", COMMANDS)
def test_every_command_has_help(args: list[str]) -> None:
    result = runner.invoke(cli, [*args, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout


@pytest.mark.slow
def test_serve_with_seed_answers_on_a_fresh_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    with live_server(url, tmp_path / "server.log", seed=True) as server:
        base = server.base_url
        assert httpx.get(f"{base}/healthz").json() == {"status": "ok"}
        assert httpx.get(f"{base}/readyz").status_code == 200
        assert httpx.get(f"{base}/docs").status_code == 200
        assert httpx.get(f"{base}/openapi.json").json()["info"]["title"] == "Chancery"
    with get_engine(url).connect() as connection:
        stored = connection.execute(text("SELECT count(*) FROM briefs")).scalar_one()
    assert stored == len(list(SEEDS.iterdir()))


def test_delete_removes_briefs_and_reports_unknown_ids(database_url: str) -> None:
    ingested = runner.invoke(cli, ["ingest", "--json", str(SEEDS), "--database-url", database_url])
    assert ingested.exit_code == 0, ingested.output
    results = json.loads(ingested.stdout)["results"]
    kept, gone = results[0]["brief_id"], results[1]["brief_id"]

    result = runner.invoke(cli, ["delete", str(gone), "999999", "--database-url", database_url])

    assert result.exit_code == 1
    assert result.stdout == f"deleted {gone}\n"
    assert result.stderr == "No brief with id 999999.\n"
    with get_engine(database_url).connect() as connection:
        ids = set(connection.execute(text("SELECT id FROM briefs")).scalars())
        orphans = connection.execute(
            text("SELECT count(*) FROM claims WHERE brief_id = :b"), {"b": gone}
        ).scalar_one()
    assert kept in ids
    assert gone not in ids
    assert orphans == 0


def test_ingest_logs_each_rejection_as_a_json_line_with_file_and_line(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHANCERY_LOG_FORMAT", "json")
    get_settings.cache_clear()
    (tmp_path / "good.txt").write_bytes(SAMPLE.read_bytes())
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "Lead: On Sept. 4, 2025 in Paris, talks.\nOfficial Statements\n“Unattributed.”\n"
    )
    result = runner.invoke(cli, ["ingest", str(tmp_path), "--database-url", database_url])
    get_settings.cache_clear()
    assert result.exit_code == 1
    entries = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(e["level"], e["logger"], e["file"], e["line"]) for e in entries] == [
        ("WARNING", "chancery.ingest", str(bad), 3)
    ]
    assert entries[0]["message"].startswith(f"rejected {bad}:3: ")
    assert result.stdout.startswith("1 ingested, 0 updated, 0 unchanged, 1 rejected")


def test_db_verify_reports_drifted_counts_and_db_recount_rebuilds_them(
    database_url: str,
) -> None:
    url = ["--database-url", database_url]
    assert runner.invoke(cli, ["ingest", str(SAMPLE), *url]).exit_code == 0
    with get_engine(database_url).begin() as connection:
        connection.execute(text("UPDATE daily_counts SET briefs = briefs + 5"))

    drifted = runner.invoke(cli, ["db", "verify", *url])
    assert drifted.exit_code == 1
    assert drifted.stderr.startswith("1 row(s) of daily_counts differ from a recount")
    assert drifted.stdout == "1 briefs checked, 1 problem(s)\n"

    recounted = runner.invoke(cli, ["db", "recount", *url])
    assert (recounted.exit_code, recounted.stdout) == (0, "counts rebuilt\n")
    clean = runner.invoke(cli, ["db", "verify", *url])
    assert (clean.exit_code, clean.stdout) == (0, "1 briefs checked, 0 problem(s)\n")


def test_ingest_json_reports_what_each_revision_changed(database_url: str, tmp_path: Path) -> None:
    brief = tmp_path / "geneva.md"
    brief.write_text(BEFORE, encoding="utf-8")
    first = runner.invoke(cli, ["ingest", "--json", str(brief), "--database-url", database_url])
    created = json.loads(first.stdout)["results"][0]
    assert (created["outcome"], created["changes"]["claims_added"]) == ("ingested", 4)

    brief.write_text(AFTER, encoding="utf-8")
    second = runner.invoke(cli, ["ingest", "--json", str(brief), "--database-url", database_url])
    updated = json.loads(second.stdout)["results"][0]
    assert updated["outcome"] == "updated"
    assert updated["changes"] == {
        "claims_status_changed": 2,
        "claims_added": 1,
        "claims_removed": 1,
        "actors_added": 0,
        "actors_removed": 0,
    }
    third = runner.invoke(cli, ["ingest", "--json", str(brief), "--database-url", database_url])
    assert "changes" not in json.loads(third.stdout)["results"][0]

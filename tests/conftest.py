"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

The PostgreSQL half needs `CHANCERY_TEST_POSTGRES_URL` (an admin URL such as
`postgresql+psycopg://postgres@127.0.0.1:5432/postgres`); `.ci/run` sets it. Each test run
creates its own database there and drops it at the end.
"""

from __future__ import annotations

import gc
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from app import migrate
from app.config import get_settings
from app.db import get_engine
from app.ingest.pipeline import settle_after_first_brief
from bench.generator import write_briefs

POSTGRES_ENV = "CHANCERY_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"


def generated_corpus(factory: pytest.TempPathFactory, name: str, count: int, seed: int) -> Path:
    """A folder of `count` briefs from the benchmark's generator (bench/generator.py)."""
    folder = factory.mktemp(name)
    write_briefs(folder, count, seed=seed)
    return folder


@pytest.fixture
def unsettled_collector() -> Iterator[None]:
    """The garbage collector as Python starts it (nothing frozen), restored afterwards."""
    before = gc.get_threshold()
    settle_after_first_brief.cache_clear()
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    migrate.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this run (this worker), migrated once."""
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL half skipped: set {POSTGRES_ENV} to run it")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"chancery_test_{worker}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    migrate.upgrade(url)
    yield url
    get_engine(url).dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_postgres(url: str) -> None:
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with get_engine(url).begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """URL of an empty, migrated database: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "chancery.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("postgres_url")
        _truncate_postgres(url)
    monkeypatch.setenv("CHANCERY_DATABASE_URL", url)
    # Exports stream in the test's process; tests/api/export/test_process.py starts helpers.
    monkeypatch.setenv("CHANCERY_EXPORT_PROCESS", "false")
    get_settings.cache_clear()
    yield url
    if request.param == "sqlite":
        get_engine(url).dispose()
    get_settings.cache_clear()

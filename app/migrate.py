"""Programmatic access to the Alembic migrations (used by the CLI, `serve` and the tests)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.db import get_engine

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def alembic_config(database_url: str) -> Config:
    """An Alembic config pointing at `migrations/` and at `database_url`."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision`."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    """Revert migrations down to `revision` (`base` empties the database)."""
    command.downgrade(alembic_config(database_url), revision)


def check(database_url: str) -> None:
    """Raise if the models and the migrated database differ."""
    command.check(alembic_config(database_url))


@cache
def _heads() -> frozenset[str]:
    # The revision files do not change while the process runs; read them once, not on every
    # readiness probe.
    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def is_current(engine: Engine) -> bool:
    """Whether the database behind `engine` is migrated to the latest revision."""
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == _heads()


def upgrade_if_needed(database_url: str) -> None:
    """Apply pending migrations, if there are any."""
    if not is_current(get_engine(database_url)):
        upgrade(database_url)

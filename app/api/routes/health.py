"""Liveness and readiness probes."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import text

from app import migrate
from app.api.problems.model import Problem
from app.db import get_engine
from app.errors import DatabaseUnavailableError

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok"] = "ok"


@router.get("/healthz", operation_id="getHealth", summary="Process is up.")
def healthz() -> Health:
    """Answer 200 while the process serves requests; touches nothing else."""
    return Health()


@router.get(
    "/readyz",
    operation_id="getReadiness",
    summary="Database is reachable and migrated.",
    responses={503: {"model": Problem, "description": "Database unreachable or not migrated."}},
)
def readyz() -> Health:
    """Answer 200 when the database answers and carries the latest migration, else 503."""
    engine = get_engine()
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    if not migrate.is_current(engine):
        raise DatabaseUnavailableError("The database is not migrated to the latest revision.")
    return Health()

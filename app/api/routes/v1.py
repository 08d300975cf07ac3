"""The `/v1` router: every resource of API version 1."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from app.api.dependencies.repeated_params import refuse_repeated_scalars
from app.api.routes import actors, briefs, changes, claims, events, statements, stats

router = APIRouter(prefix="/v1", dependencies=[Depends(refuse_repeated_scalars)])
for module in (briefs, claims, statements, actors, events, stats, changes):
    router.include_router(module.router)

TAGS = [
    {"name": "briefs", "description": "Ingested briefs and everything extracted from them."},
    {"name": "claims", "description": "Claims of fact, with their verification status."},
    {"name": "statements", "description": "Quotations and reported speech, with speakers."},
    {"name": "actors", "description": "People, organisations and countries."},
    {"name": "events", "description": "What happened, when, where and with whom."},
    {"name": "stats", "description": "Aggregates for dashboards."},
    {"name": "changes", "description": "What changed, in commit order, to follow or poll."},
]

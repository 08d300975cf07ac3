"""Path parameters shared by the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from app.api.repositories.conditions import MAX_ID

IdPath = Annotated[
    int, Path(ge=1, le=MAX_ID, description="Numeric id of the resource.", examples=[1])
]
RevisionPath = Annotated[
    int, Path(ge=1, le=MAX_ID, description="Revision number, from 1.", examples=[1])
]

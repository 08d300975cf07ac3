"""The ceiling: a bare Starlette app answering every GET with fixed bytes.

Served with the same uvicorn flags as Chancery; the bytes are those of Chancery's own
response, read once from the file named by `BENCH_CEILING_BODY`.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BODY = Path(os.environ.get("BENCH_CEILING_BODY", "/dev/null")).read_bytes()


async def fixed(_request: Request) -> Response:
    return Response(BODY, media_type="application/json")


app = Starlette(routes=[Route("/{path:path}", fixed)])

"""Datasette as an ASGI app over the SQLite file named by `BENCH_SQLITE_PATH`.

Served by the same uvicorn command as the other contenders (rather than `datasette serve`)
so that the HTTP server, its flags and the access log are identical. The file is opened
immutable, Datasette's fastest mode for data that does not change; facets are off.
"""

from __future__ import annotations

import os

from datasette.app import Datasette  # type: ignore[import-untyped]

SETTINGS = {"allow_facet": False, "suggest_facets": False, "default_page_size": 50}

app = Datasette(immutables=[os.environ["BENCH_SQLITE_PATH"]], settings=SETTINGS).app()

"""Datasette as an ASGI app over the SQLite file named by `BENCH_SQLITE_PATH`.

Served by the same uvicorn command as the other contenders (rather than `datasette serve`)
so that the HTTP server, its flags and the access log are identical. The file is opened
immutable, Datasette's fastest mode for data that does not change; facets are off.
"""

from __future__ import annotations

import os

from datasette.app import Datasette  # type: ignore[import-untyped]

# `max_csv_mb` 0: a `_stream=on` CSV is not cut at Datasette's default 100 MB.
SETTINGS = {
    "allow_facet": False,
    "suggest_facets": False,
    "default_page_size": 50,
    "max_csv_mb": 0,
}

app = Datasette(immutables=[os.environ["BENCH_SQLITE_PATH"]], settings=SETTINGS).app()

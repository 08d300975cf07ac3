"""The garbage collector settled for a long-running process: the API server, the ingest job
and its parser processes.

Such a process allocates thousands of short-lived objects per unit of work (a request's rows
and models, a brief's tokens and mentions), so the collector's youngest generation filled
about once per unit, every tenth of those collections also walked the older one, and the
occasional full collection walked every object start-up left (routes, schemas, SQLAlchemy's
tables, the parser's lexicons: sets of thousands of words each). Those objects live as long
as the process, so they are moved out of the collector's reach (`gc.freeze`), and the
youngest generation is collected every 7,000 allocations instead of 700: a few hundred
kilobytes more at most, and a tenth of the collections. In the server, collections had
taken about 1 ms of a 9 ms uncached request; in a parser process, a full collection walked
the lexicons for about 13 ms every 170 briefs or so (docs/benchmarks.md, "Parsing").
"""

from __future__ import annotations

import gc

YOUNG_GENERATION_THRESHOLD = 7_000


def settle_collector() -> None:
    """After start-up's long-lived objects exist: freeze them and collect the young less
    often. Again later (the server after the sample briefs' ingest in its process), it
    freezes what start-up has made since; each call costs one full collection."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, old)

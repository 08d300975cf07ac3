"""Exports give way to the other requests a server process is answering.

On two cores an export that runs as fast as it can takes a core and, in its Python parts,
the interpreter: a request answered meanwhile waits for the interpreter at each of its
hand-offs (the event loop, its worker thread, its queries), and its p99 went from 7 to 20
ms (docs/benchmarks.md, "Exports, fourth pass"). So the observe middleware counts the
requests being answered (`answering`), the export streams count themselves (`exporting`),
and an export's thread, between slices of its work, waits while any other request is being
answered, a little at a time and for a bounded while, so that a stream of requests slows an
export without stopping it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# Requests being answered by this process, and exports among them.
_answering = 0
_exporting = 0
_lock = threading.Lock()
# How long an export waits at most at one point, and how long at a time.
MAX_WAIT_S = 0.002
STEP_S = 0.0002


def answering(change: int) -> None:
    """A request starts (+1) or ends (-1)."""
    global _answering
    with _lock:
        _answering += change


def exporting(change: int) -> None:
    """An export starts (+1) or ends (-1) reading rows for a stream."""
    global _exporting
    with _lock:
        _exporting += change


def give_way() -> None:
    """Wait, up to `MAX_WAIT_S`, while a request other than exports is being answered;
    else let any thread waiting for the interpreter run (`time.sleep(0)`)."""
    waited = 0.0
    while _answering > _exporting and waited < MAX_WAIT_S:
        time.sleep(STEP_S)
        waited += STEP_S
    if not waited:
        time.sleep(0)


# Rows encoded between two offers of the interpreter to other threads (~1-2 ms of work).
GIL_SLICE = 500


def sliced(encode: Callable[[list[T]], bytes], items: list[T]) -> bytes:
    """`encode(items)`, a slice of GIL_SLICE rows at a time, giving way before each to the
    requests being answered (`give_way`): otherwise each of their many hand-offs waits out
    a switch interval while this thread encodes, and a 10 ms request took 100 ms."""
    parts = []
    for start in range(0, len(items), GIL_SLICE):
        give_way()
        parts.append(encode(items[start : start + GIL_SLICE]))
    return b"".join(parts)

"""`python -m app.api.export.worker SOCKET`: the helper process that streams one server
process's exports (`app/api/export/process.py`), the application served on a Unix socket,
at a lower scheduling priority (`CHANCERY_EXPORT_NICE`).

It ends as on SIGTERM when its standard input closes: the server process stopped it, or
went without doing so.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

import uvicorn

from app.config import get_settings
from app.logs import dict_config


def _end_with_the_server() -> None:
    sys.stdin.buffer.read()  # returns once the server's end of the pipe is closed
    os.kill(os.getpid(), signal.SIGTERM)


def main(argv: list[str] | None = None) -> None:
    (socket_path,) = sys.argv[1:] if argv is None else argv
    threading.Thread(target=_end_with_the_server, name="server-watch", daemon=True).start()
    settings = get_settings()
    # Where the helper and the requests' process want one core, the kernel gives it to
    # the requests first (docs/benchmarks.md, "Exports, thirteenth look").
    os.nice(settings.export_nice)
    # uvicorn raises SIGTERM again once it has shut down gracefully: a no-op here, so that
    # the helper exits 0 (as `chancery serve` does).
    signal.signal(signal.SIGTERM, lambda _signal, _frame: None)
    uvicorn.run(
        "app.api.main:create_app",
        factory=True,
        uds=socket_path,
        log_config=dict_config(settings.log_level, settings.log_format),
        log_level=settings.log_level.lower(),
        access_log=False,
        timeout_graceful_shutdown=settings.shutdown_timeout_s,
    )


if __name__ == "__main__":
    main()

"""Log lines as text or as one JSON object per line, each carrying its request's id.

The request id lives in a context variable set by the API's request middleware; a filter on
the handler copies it onto every record, so a line logged anywhere while a request is
answered (a route, the database error handler, a thread of the pool) carries it.
"""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, TextIO

REQUEST_ID: ContextVar[str | None] = ContextVar("chancery_request_id", default=None)
# Fields a record may carry (`extra=`) that the JSON line keeps, in this order.
EXTRA_FIELDS = ("route", "method", "path", "status", "duration_ms", "file", "line")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
# uvicorn's own loggers log through the root handler, as every other logger does; its access
# log is replaced by the API's own line (`chancery.access`: request id, route, duration).
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.asgi")
UVICORN_ACCESS = "uvicorn.access"


class RequestIdFilter(logging.Filter):
    """Stamps each record with the id of the request it was logged for ("-" outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = REQUEST_ID.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        for name in EXTRA_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class _ChanceryHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler `configure_logging` installs (and replaces when called again). Given no
    stream, it writes to whatever `sys.stderr` is when a record comes (a test's capture)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(stream)
        self.follows_stderr = stream is None

    def emit(self, record: logging.LogRecord) -> None:
        if self.follows_stderr:
            self.stream = sys.stderr
        super().emit(record)


def dict_config(level: str, log_format: str) -> dict[str, Any]:
    """The same set-up as `configure_logging`, for `logging.config.dictConfig`: uvicorn
    applies it in each worker process before the application is built."""
    formatter: dict[str, Any] = (
        {"()": JsonFormatter} if log_format == "json" else {"format": TEXT_FORMAT}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"chancery": formatter},
        "handlers": {
            "chancery": {
                "()": _ChanceryHandler,
                "formatter": "chancery",
                "filters": ["request_id"],
            }
        },
        "root": {"level": level, "handlers": ["chancery"]},
        "loggers": {
            **{name: {"handlers": [], "propagate": True} for name in UVICORN_LOGGERS},
            UVICORN_ACCESS: {"handlers": [], "propagate": False},
        },
    }


def configure_logging(level: str, log_format: str, stream: TextIO | None = None) -> None:
    """Send every logger's records to `stream` (stderr) in `log_format`, at `level`.

    Idempotent: called again, it replaces its own handler and leaves others (pytest's) be.
    """
    handler = _ChanceryHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(
        JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT)
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _ChanceryHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in UVICORN_LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
    logging.getLogger(UVICORN_ACCESS).handlers.clear()
    logging.getLogger(UVICORN_ACCESS).propagate = False

"""The write side: read a POSTed brief within the size limit; storing and deleting are the
ingest service's (`app.ingest.service`), shared with the command line."""

from __future__ import annotations

from fastapi import Request
from pydantic import ValidationError

from app.api.schemas.briefs import BriefInput, IngestOutcome, IngestResult
from app.errors import BriefTooLargeError, InvalidParameterError, UnsupportedMediaTypeError
from app.ingest import service

TEXT = "text/plain"
JSON = "application/json"
API_NAME_PREFIX = "api/"


def _too_large(max_bytes: int) -> BriefTooLargeError:
    return BriefTooLargeError(f"brief is larger than the limit of {max_bytes} bytes", line=1)


def _declared_length(request: Request) -> int | None:
    value = request.headers.get("content-length", "")
    return int(value) if value.isascii() and value.isdigit() else None


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, refused as soon as it is known to exceed `max_bytes`.

    A declared Content-Length over the limit is refused before anything is read; a body
    without one (chunked) is counted while it streams in.
    """
    declared = _declared_length(request)
    if declared is not None and declared > max_bytes:
        raise _too_large(max_bytes)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            raise _too_large(max_bytes)
    return bytes(body)


def _json_input(body: bytes) -> BriefInput:
    try:
        return BriefInput.model_validate_json(body)
    except ValidationError as error:
        raise InvalidParameterError.from_validation(error.errors(), prefix=("body",)) from None


def brief_payload(
    content_type: str, body: bytes, source_name: str | None
) -> tuple[bytes, str | None]:
    """The brief's bytes and requested name, from a text/plain or JSON body."""
    media_type = content_type.split(";")[0].strip().lower() or TEXT
    if media_type == TEXT:
        return body, source_name
    if media_type == JSON:
        parsed = _json_input(body)
        return parsed.text.encode("utf-8"), parsed.source_name or source_name
    raise UnsupportedMediaTypeError(f"Send the brief as {TEXT} or {JSON}, not {media_type}.")


def ingest(data: bytes, source_name: str | None, max_bytes: int) -> IngestResult:
    """Parse and store one brief in its own transaction (blocking: run it in a thread)."""
    stored = service.store_brief(
        data, source_name=source_name, unnamed_prefix=API_NAME_PREFIX, max_bytes=max_bytes
    )
    outcome = IngestOutcome(stored.outcome.value)
    return IngestResult(id=stored.brief_id, source_name=stored.source_name, outcome=outcome)

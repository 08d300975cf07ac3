"""Opaque cursors: the position after which a list's next page starts.

A cursor names the last row of a page by its sort key and id, plus the resource and the
direction it was issued for. It is base64url JSON followed by a short keyed checksum, so a
cursor that was edited or truncated is refused with 422 rather than silently misread. The
checksum guards integrity, not secrecy: a cursor only ever names a position in a list.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.errors import InvalidParameterError

# A date, a name, a count, or a relevance score (`sort=relevance`).
SortKey = date | str | int | float | None

_CHECKSUM_KEY = b"chancery-cursor-v1"
_CHECKSUM_BYTES = 8


@dataclass(frozen=True)
class Cursor:
    """The position after which the next page starts."""

    scope: str
    key: SortKey
    id: int
    descending: bool


def invalid_cursor(reason: str) -> InvalidParameterError:
    """The 422 raised for any cursor that cannot be used."""
    return InvalidParameterError.for_param("query.cursor", reason)


def _checksum(payload: bytes) -> bytes:
    return hmac.new(_CHECKSUM_KEY, payload, hashlib.sha256).digest()[:_CHECKSUM_BYTES]


def encode_cursor(cursor: Cursor) -> str:
    """Opaque, URL-safe form of `cursor`."""
    key = cursor.key.isoformat() if isinstance(cursor.key, date) else cursor.key
    body = {
        "s": cursor.scope,
        "k": key,
        "i": cursor.id,
        "d": "desc" if cursor.descending else "asc",
    }
    payload = json.dumps(body, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(payload + _checksum(payload)).decode().rstrip("=")


def _unpack(token: str) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        raise invalid_cursor("not a cursor issued by this API") from None
    payload, checksum = raw[:-_CHECKSUM_BYTES], raw[-_CHECKSUM_BYTES:]
    if len(raw) <= _CHECKSUM_BYTES or not hmac.compare_digest(checksum, _checksum(payload)):
        raise invalid_cursor("not a cursor issued by this API")
    body = json.loads(payload)
    if not isinstance(body, dict):
        raise invalid_cursor("not a cursor issued by this API")
    return body


def _is_int(value: object) -> bool:
    # JSON's `true` reads as a Python bool, which is an int too; no key is a bool.
    return isinstance(value, int) and not isinstance(value, bool)


def decode_cursor(token: str) -> Cursor:
    """Parse a cursor from a request; anything not issued by `encode_cursor` gives 422."""
    body = _unpack(token)
    scope, key, row_id, direction = (body.get(k) for k in ("s", "k", "i", "d"))
    if not (
        isinstance(scope, str)
        and (key is None or isinstance(key, str | float) or _is_int(key))
        and isinstance(row_id, int)
        and not isinstance(row_id, bool)
        and direction in ("asc", "desc")
    ):
        raise invalid_cursor("not a cursor issued by this API")
    return Cursor(scope, key, row_id, direction == "desc")

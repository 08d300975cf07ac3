"""Writes need a configured bearer key, within the per-client and per-key write limits."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.api.dependencies.rate_limits import check_client, check_key
from app.config import get_settings
from app.errors import UnauthorizedError, WritesDisabledError

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="apiKey",
    description="A key from `CHANCERY_API_KEYS`, as `Authorization: Bearer <key>`.",
)


def _is_known(given: str, keys: list[str]) -> bool:
    # Every key is compared, in constant time, so timing tells nothing about which matched.
    found = False
    for key in keys:
        found |= hmac.compare_digest(given.encode(), key.encode())
    return found


def require_writer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Let the request through only with a configured bearer key, within the write limits."""
    keys = get_settings().api_keys
    if not keys:
        raise WritesDisabledError("Writes are disabled: the server has no API keys configured.")
    # The client's bucket is spent before the key is checked, so guessing keys is throttled.
    check_client(request)
    if credentials is None or not _is_known(credentials.credentials, keys):
        raise UnauthorizedError("A valid `Authorization: Bearer <key>` header is required.")
    check_key(request, credentials.credentials)


WriterDep = Annotated[None, Depends(require_writer)]

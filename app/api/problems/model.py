"""The one error shape of every error response: RFC 9457 `application/problem+json`."""

from __future__ import annotations

from pydantic import BaseModel, Field

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://chancery.dev/problems/"


class InvalidParam(BaseModel):
    name: str = Field(description="Dotted location of the parameter, e.g. `query.limit`.")
    reason: str


class Problem(BaseModel):
    """An RFC 9457 problem detail."""

    type: str = Field(description="URI identifying the problem type.")
    title: str
    status: int
    detail: str
    instance: str | None = Field(default=None, description="The request's path.")
    request_id: str | None = Field(
        default=None,
        description="The request's id, as in its `X-Request-ID` header and the server's logs.",
    )
    invalid_params: list[InvalidParam] | None = Field(
        default=None, description="For 422: the offending parameters."
    )
    line: int | None = Field(default=None, description="For an unparseable brief: 1-based line.")
    column: int | None = Field(default=None, description="For an unparseable brief: column.")

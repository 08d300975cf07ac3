"""The one error hierarchy; the API renders every one of these as problem+json."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

# The detail of a 422 that names no parameter.
INVALID_REQUEST = "Invalid request."


class ChanceryError(Exception):
    """Base of every error the application raises on purpose."""

    status: ClassVar[int] = 500
    title: ClassVar[str] = "Internal error"
    slug: ClassVar[str] = "internal-error"
    headers: ClassVar[dict[str, str]] = {}

    def __init__(self, detail: str, **extensions: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extensions = extensions

    def response_headers(self) -> dict[str, str]:
        """Headers the problem response to this error carries."""
        return dict(self.headers)


class BriefError(ChanceryError):
    """A brief that cannot be read or parsed; carries where the problem is."""

    status = 422
    title = "Unparseable brief"
    slug = "unparseable-brief"

    def __init__(self, message: str, *, line: int = 1, column: int = 1, file: str = "<brief>"):
        super().__init__(message, line=line, column=column, file=file)
        self.message = message
        self.line = line
        self.column = column
        self.file = file

    def with_file(self, file: str) -> BriefError:
        """Return the same error attributed to `file`."""
        return type(self)(self.message, line=self.line, column=self.column, file=file)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class BriefTooLargeError(BriefError):
    status = 413
    title = "Brief too large"
    slug = "brief-too-large"


class NotFoundError(ChanceryError):
    status = 404
    title = "Not found"
    slug = "not-found"


class InvalidParameterError(ChanceryError):
    """A 422 naming the offending parameters; build it with the classmethods below."""

    status = 422
    title = "Invalid parameter"
    slug = "invalid-parameter"

    @classmethod
    def for_param(cls, name: str, reason: str) -> InvalidParameterError:
        """One parameter (dotted location, e.g. `query.cursor`) and why it was refused."""
        return cls.for_params([(name, reason)])

    @classmethod
    def for_params(
        cls, params: Sequence[tuple[str, str]], *, detail: str | None = None
    ) -> InvalidParameterError:
        """Several `(name, reason)` pairs; the detail lists them all unless one is given."""
        if detail is None:
            detail = "; ".join(f"{name}: {reason}" for name, reason in params) or INVALID_REQUEST
        invalid_params = [{"name": name, "reason": reason} for name, reason in params]
        return cls(detail, invalid_params=invalid_params)

    @classmethod
    def from_validation(
        cls, errors: Iterable[Mapping[str, Any]], *, prefix: tuple[str, ...] = ()
    ) -> InvalidParameterError:
        """Pydantic's errors, each named by its `loc` after `prefix` (`body.text`)."""
        params = [
            (".".join(str(part) for part in (*prefix, *error["loc"])), str(error["msg"]))
            for error in errors
        ]
        return cls.for_params(params)


class UnauthorizedError(ChanceryError):
    status = 401
    title = "Unauthorized"
    slug = "unauthorized"
    headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": 'Bearer realm="chancery"'}


class UnsupportedMediaTypeError(ChanceryError):
    status = 415
    title = "Unsupported media type"
    slug = "unsupported-media-type"


class WritesDisabledError(ChanceryError):
    status = 403
    title = "Writes disabled"
    slug = "writes-disabled"


class DatabaseUnavailableError(ChanceryError):
    status = 503
    title = "Database unavailable"
    slug = "database-unavailable"


class RateLimitedError(ChanceryError):
    status = 429
    title = "Too many requests"
    slug = "rate-limited"

    def __init__(self, detail: str, *, retry_after_s: int) -> None:
        super().__init__(detail)
        self.retry_after_s = retry_after_s

    def response_headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after_s)}

"""Security headers on every response.

The middleware wraps Starlette's error middleware (`app.api.main`), so a 500 answer, a 404,
a CORS preflight and a cache hit carry the headers too.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Everything the API and the same-origin dashboard (ES modules, no inline script) need.
STRICT_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI and ReDoc load from a CDN and start with an inline script; relaxed on those
# pages only, which render the OpenAPI document and no stored data.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src 'self' https://fonts.gstatic.com; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Sent only over TLS (as uvicorn sees it, e.g. with --proxy-headers behind a proxy).
HSTS = "max-age=31536000; includeSubDomains"


RawHeaders = tuple[tuple[bytes, bytes], ...]


def _raw(headers: dict[str, str]) -> RawHeaders:
    return tuple(
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
    )


class SecurityHeadersMiddleware:
    """Adds the headers above to every HTTP response that does not set its own."""

    def __init__(self, app: ASGIApp, docs_paths: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.docs_paths = docs_paths
        # Encoded once: they are added to every answer, a cache hit's too.
        self._raw = {
            (docs, tls): _raw(self._headers(DOCS_CSP if docs else STRICT_CSP, tls))
            for docs in (False, True)
            for tls in (False, True)
        }

    @staticmethod
    def _headers(csp: str, tls: bool) -> dict[str, str]:
        headers = {**BASE_HEADERS, "Content-Security-Policy": csp}
        if tls:
            headers["Strict-Transport-Security"] = HSTS
        return headers

    def headers_for(self, scope: Scope) -> RawHeaders:
        return self._raw[scope.get("path") in self.docs_paths, scope.get("scheme") == "https"]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.headers_for(scope)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers", ())
                present = {name for name, _ in headers}
                added = [header for header in extra if header[0] not in present]
                message["headers"] = [*headers, *added]
            await send(message)

        await self.app(scope, receive, send_with_headers)

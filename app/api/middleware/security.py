"""Security headers on every response, and the write limits.

The headers middleware wraps the whole middleware stack, outside Starlette's error
middleware, so a 500 answer, a 404 and a CORS preflight carry the headers too. Only the
response cache's replay (`FinalAnswers`) is outside it, and it replays answers that went
through it.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.dependencies.rate_limits import WriteLimits
from app.config import Settings

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


class SecurityHeadersMiddleware:
    """Adds the headers above to every HTTP response that does not set its own."""

    def __init__(self, app: ASGIApp, docs_paths: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.docs_paths = docs_paths

    def headers_for(self, scope: Scope) -> dict[str, str]:
        csp = DOCS_CSP if scope.get("path") in self.docs_paths else STRICT_CSP
        headers = {**BASE_HEADERS, "Content-Security-Policy": csp}
        if scope.get("scheme") == "https":
            headers["Strict-Transport-Security"] = HSTS
        return headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.headers_for(scope)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _docs_paths(app: FastAPI) -> frozenset[str]:
    paths = (app.docs_url, app.redoc_url, app.swagger_ui_oauth2_redirect_url)
    return frozenset(path for path in paths if path)


def install_security(app: FastAPI, settings: Settings) -> None:
    """Give `app` its write limits and wrap its whole stack in the headers middleware."""
    app.state.write_limits = WriteLimits.from_settings(settings)
    build_stack = app.build_middleware_stack

    def build_with_headers() -> ASGIApp:
        return SecurityHeadersMiddleware(build_stack(), _docs_paths(app))

    app.build_middleware_stack = build_with_headers  # type: ignore[method-assign]

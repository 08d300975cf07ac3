"""ASGI middleware: ETag, the response cache and its replay, security headers."""

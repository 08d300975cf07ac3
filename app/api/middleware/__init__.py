"""ASGI middleware, in the order `app.api.main` stacks them: request ids and metrics,
security headers, ETag (from the data version), the response cache."""

"""HTTP layer: reads rows and renders JSON.

By role: `routes/` (thin endpoints), `dependencies/` (what a route declares: filters, paging,
path ids, the write key and its limits, repeated parameters), `repositories/` (every query,
with `keyset` paging), `schemas/` (response models), `rendering/` (a list as a JSON or CSV
page, or NDJSON), `cursors` (opaque page positions), `problems/` (the error shape and its
handlers), `openapi/` (declared responses and the document), `middleware/` (the data version, ETag,
response cache, security headers, request ids and metrics), `writes` (a POSTed brief),
`lifespan`, `main`.
"""

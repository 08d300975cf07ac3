"""Thin HTTP routes, one module per resource: the probes at the root, the rest under `/v1`."""

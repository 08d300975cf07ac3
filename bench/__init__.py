"""Benchmarks and the brief generator they ingest."""

"""Exports: every row a list matches, read in keyset batches and written as NDJSON, CSV or
Parquet without a model per row (served by `format=ndjson|csv`, and `chancery export`)."""

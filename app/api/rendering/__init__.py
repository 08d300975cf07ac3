"""A list's representations: a JSON page, a CSV page, or every row as streamed NDJSON."""

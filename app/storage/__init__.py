"""Database tables: what ingest writes and the API reads."""

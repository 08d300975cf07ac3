"""Ingestion: parsed briefs -> database rows, one transaction per brief."""

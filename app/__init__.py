"""Chancery: diplomatic briefings as structured, queryable data."""

__version__ = "0.1.0"

"""Brief parsing: a pure function from brief text to typed, structured data.

`parse_brief` is the entry point used by the CLI, the API and the benchmarks.
"""

from __future__ import annotations

from app.parsing.brief import parse_brief
from app.parsing.document.source import normalise_source

PARSER_VERSION = "1.21.0"

__all__ = ["PARSER_VERSION", "normalise_source", "parse_brief"]

"""Reading the curated word lists in `app/parsing/data/`."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_data(name: str) -> Any:
    """Load one curated JSON file from `app/parsing/data`."""
    return json.loads(
        resources.files("app.parsing").joinpath("data").joinpath(name).read_text("utf-8")
    )

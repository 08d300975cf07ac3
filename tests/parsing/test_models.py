"""The typed result: a span is a pair in Python and `{"start", "end"}` in JSON."""

from __future__ import annotations

import json

from app.parsing.models import ParsedImpact


def test_a_span_is_a_pair_in_python_and_an_object_in_json() -> None:
    impact = ParsedImpact(label=None, text="Talks", span=(4, 9))
    assert impact.span == (4, 9)
    assert impact.model_dump()["span"] == (4, 9)
    assert json.loads(impact.model_dump_json())["span"] == {"start": 4, "end": 9}

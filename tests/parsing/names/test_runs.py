"""Where a capitalised run ends (`app/parsing/names/runs.py`)."""

from __future__ import annotations

import pytest

from tests.parsing.helpers import brief, people

LEAD = "Lead: On 7 July 1999 in Lomé, Togo, envoys met."


@pytest.mark.parametrize(
    "opening", ["Sierra Leone's President Ahmad Tejan Kabbah", "President Ahmad Tejan Kabbah"]
)
def test_a_titled_name_and_a_body_after_and_are_two_actors(opening: str) -> None:
    parsed = brief(
        LEAD,
        "Key Takeaways",
        f"- {opening} and Revolutionary United Front (RUF) leader Foday Sankoh signed.",
    )
    orgs = {a.name for a in parsed.actors if a.kind == "organization"}
    assert orgs == {"Revolutionary United Front"}
    assert "Ahmad Tejan Kabbah" in people(parsed)


def test_a_body_s_name_still_goes_on_over_and() -> None:
    parsed = brief(LEAD, "Key Takeaways", "- The Social Democratic and Labour Party objected.")
    orgs = {a.name for a in parsed.actors if a.kind == "organization"}
    assert orgs == {"Social Democratic and Labour Party"}


def test_a_known_body_before_and_ends_the_run() -> None:
    parsed = brief(
        LEAD,
        "Key Takeaways",
        "- Ratification by Russia's State Duma and Federation Council is due.",
    )
    orgs = {a.name for a in parsed.actors if a.kind == "organization"}
    assert orgs == {"State Duma", "Federation Council"}

"""The questions the instruction count asks: the rotation, one kind of the mix, or the mix;
an unknown name is refused, not measured as nothing."""

from __future__ import annotations

import pytest

from bench.api_instructions import questions_asked
from bench.scale import mix

SAMPLE = mix.Sample(
    actors=tuple(f"actor-{n}" for n in range(90)),
    names=("fran", "germ", "chin"),
    words=("sanctions", "ceasefire", "corridor", "grain"),
    first_year=2015,
    last_year=2024,
)


def test_the_rotation_is_the_filtered_claims_questions() -> None:
    asked = questions_asked(SAMPLE, "rotation", 25)
    assert asked == [question.chancery() for question in mix.claim_questions(SAMPLE)][:25]
    assert all(url.startswith("/v1/claims?") and "status=" in url for url in asked)


def test_a_kind_of_the_mix_is_asked_by_its_label() -> None:
    asked = questions_asked(SAMPLE, "/v1/stats?actor=X", 10)
    assert len(asked) == 10
    assert all(url.startswith("/v1/stats?actor=") for url in asked)
    every = questions_asked(SAMPLE, "mix", 1000)
    assert every == mix.mixed(mix.dashboard_questions(SAMPLE))
    assert {url.split("?")[0] for url in every} == {
        "/v1/stats",
        "/v1/actors",
        "/v1/claims",
        "/v1/briefs",
    }


def test_unknown_questions_are_refused() -> None:
    with pytest.raises(SystemExit, match="unknown questions"):
        questions_asked(SAMPLE, "/v1/nothing", 10)

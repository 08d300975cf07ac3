"""The garbage collector settled once in a long-running process."""

from __future__ import annotations

import gc

from app.interpreter import YOUNG_GENERATION_THRESHOLD, settle_collector


def test_settling_freezes_what_exists_and_collects_the_young_less_often(
    unsettled_collector: None,
) -> None:
    long_lived = {f"word {n}" for n in range(100)}  # a set: the collector tracks it
    assert gc.is_tracked(long_lived)
    assert any(o is long_lived for o in gc.get_objects())
    settle_collector()
    assert not any(o is long_lived for o in gc.get_objects())  # out of its reach
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == YOUNG_GENERATION_THRESHOLD


def test_settling_again_freezes_what_came_since(unsettled_collector: None) -> None:
    settle_collector()
    frozen = gc.get_freeze_count()
    made_later = [[n] for n in range(1_000)]  # as a server's start-up after an ingest
    settle_collector()
    assert gc.get_freeze_count() >= frozen + 1_000
    assert not any(o is made_later for o in gc.get_objects())

"""`CHANCERY_LEARNED_ORGANISATIONS`: briefs parsed with the learned organisation recogniser
are stored under their own parser version, re-parsed when the setting changes, and verified
the way they were parsed, on both databases."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text

from app.config import get_settings
from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.parser_choice import configured_version
from app.ingest.sources import discover
from app.ingest.verify import verify
from app.parsing import LEARNED_ORGANISATIONS, PARSER_VERSION, parse_brief
from tests.conftest import SEEDS

# The seed whose organisations the learned recogniser changes: it drops 'Peace House' (the
# building the summit met in), which the rules read as an organisation.
CHANGED = "2018-04-27-panmunjom-moon-kim.txt"
ORGANISATIONS = (
    "SELECT DISTINCT a.name FROM mentions m JOIN actors a ON a.id = m.actor_id "
    "JOIN briefs b ON b.id = m.brief_id WHERE b.source_name LIKE :name "
    "AND a.kind = 'organization'"
)


@pytest.fixture
def set_learned(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[bool], None]]:
    """Sets `CHANCERY_LEARNED_ORGANISATIONS`; the settings read under it are dropped after the
    test, so no later test parses with the recogniser."""

    def set_to(on: bool) -> None:
        monkeypatch.setenv("CHANCERY_LEARNED_ORGANISATIONS", "true" if on else "false")
        get_settings.cache_clear()

    yield set_to
    get_settings.cache_clear()


def _stored(database_url: str) -> tuple[set[str], set[str]]:
    """The parser versions stored, and the organisations the changed seed names."""
    with get_engine(database_url).connect() as connection:
        versions = set(connection.execute(text("SELECT parser_version FROM briefs")).scalars())
        names = connection.execute(text(ORGANISATIONS), {"name": f"%{CHANGED}"}).scalars()
        return versions, set(names)


def _organisations(*, learned: bool) -> set[str]:
    parsed = parse_brief((SEEDS / CHANGED).read_bytes(), learned=learned)
    return {a.name for a in parsed.actors if a.kind == "organization"}


def test_the_parser_version_says_whether_the_learned_recogniser_parsed(
    set_learned: Callable[[bool], None],
) -> None:
    set_learned(False)
    assert configured_version() == PARSER_VERSION
    set_learned(True)
    assert configured_version() == PARSER_VERSION + LEARNED_ORGANISATIONS


def test_turning_the_recogniser_on_and_off_reparses_every_brief(
    database_url: str, set_learned: Callable[[bool], None]
) -> None:
    sources = list(discover([str(SEEDS)]))
    rules, learned = _organisations(learned=False), _organisations(learned=True)
    assert rules - learned == {"Peace House"}  # the seed shows the difference

    set_learned(False)
    assert ingest_sources(sources, database_url=database_url).counts["ingested"] == len(sources)
    assert _stored(database_url) == ({PARSER_VERSION}, rules)

    set_learned(True)
    report = ingest_sources(sources, database_url=database_url)
    assert report.counts["updated"] == len(sources)
    assert _stored(database_url) == ({PARSER_VERSION + LEARNED_ORGANISATIONS}, learned)
    assert ingest_sources(sources, database_url=database_url).counts["unchanged"] == len(sources)
    # Verified as parsed, whatever the setting now says.
    set_learned(False)
    assert verify(database_url).problems == []

    report = ingest_sources(sources, database_url=database_url)
    assert report.counts["updated"] == len(sources)
    assert _stored(database_url) == ({PARSER_VERSION}, rules)
    set_learned(True)
    assert verify(database_url).problems == []

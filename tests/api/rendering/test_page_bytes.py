"""A JSON page written by orjson from item data (`page_json`) is byte for byte what the page
models would write after validating the same data, for every listing a page is read from,
every page of it, searched or not, counted or not, on a corpus of varied rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from app.api.cursors import encode_cursor
from app.api.rendering.list_response import page_json
from app.api.repositories import actor_mentions, actors, briefs, claims, events, statements
from app.api.repositories.as_of import claims_at
from app.api.repositories.base import Listing
from app.api.repositories.conditions import CommonFilters, Conditions
from app.api.repositories.keyset import PageRequest
from app.api.repositories.text_search import query_words
from app.api.schemas.actors import ActorPage
from app.api.schemas.briefs import BriefPage
from app.api.schemas.claims import ClaimPage
from app.api.schemas.common import ListBody
from app.api.schemas.events import EventPage
from app.api.schemas.mentions import MentionPage
from app.api.schemas.statements import StatementPage
from app.db import session_scope
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from tests.api.corpus import seed
from tests.conftest import generated_corpus

# Rows worth writing twice: quotes, backslashes, non-ASCII letters, line and paragraph
# separators, an emoji (outside the BMP), markup.
ODD_TEXT = 'He said "no" \\ twice — Łódź, 北京 \u2028 \u2029 </script> 🙂 & <b>'
Case = tuple[Listing[Any], type[ListBody[Any]], Callable[[Session], Conditions], tuple[str, ...]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated briefs, and one more with `ODD_TEXT` in its sentences."""
    folder = generated_corpus(tmp_path_factory, "page-bytes-corpus", 12, seed=5)
    first = sorted(folder.rglob("*.txt"))[0]
    (folder / "odd.txt").write_text(first.read_text().replace("The ", f"The {ODD_TEXT} ", 6))
    return folder


def _pages(session: Session, case: Case, descending: bool, total: bool) -> Iterator[bytes]:
    """Every page of `case`, each written both ways; yields the lean bytes."""
    listing, body, where, terms = case
    request = PageRequest(4, descending, include_total=total, search=terms)
    conditions = where(session)
    while True:
        page = listing.page(session, conditions, request)
        token = encode_cursor(page.next_cursor) if page.next_cursor else None
        models = listing.items.validate_python(page.items)
        expected = body(items=models, next_cursor=token, total=page.total).model_dump_json()
        lean = page_json(page.items, token, page.total)
        assert lean == expected.encode()
        yield lean
        if page.next_cursor is None:
            return
        request = replace(request, cursor=page.next_cursor)


def _cases(word: str) -> list[Case]:
    terms = query_words(word)
    searched = CommonFilters(terms=terms)
    as_of, as_of_where = claims_at(datetime.now(UTC), claims.ClaimFilters())
    by_terms = actors.ActorFilters(terms=("a",))
    return [
        (claims.CLAIMS, ClaimPage, lambda _: claims.conditions(claims.ClaimFilters()), ()),
        (
            claims.CLAIMS,
            ClaimPage,
            lambda _: claims.conditions(claims.ClaimFilters(searched)),
            terms,
        ),
        (as_of, ClaimPage, lambda _: as_of_where, ()),
        (statements.STATEMENTS, StatementPage, lambda _: [], ()),
        (
            statements.STATEMENTS,
            StatementPage,
            lambda _: statements.conditions(statements.StatementFilters(searched)),
            terms,
        ),
        (events.EVENTS, EventPage, lambda _: [], ()),
        (
            events.EVENTS,
            EventPage,
            lambda s: events.conditions(s, events.EventFilters(searched)),
            terms,
        ),
        (briefs.BRIEFS, BriefPage, lambda _: [], ()),
        (
            briefs.BRIEFS,
            BriefPage,
            lambda s: briefs.conditions(s, briefs.BriefFilters(searched)),
            terms,
        ),
        (actors.ACTORS, ActorPage, lambda _: [], ()),
        (actors.ACTORS, ActorPage, lambda _: actors.conditions(by_terms), ()),
        (
            actor_mentions.MENTIONS,
            MentionPage,
            lambda _: actor_mentions.conditions(actor_mentions.MentionFilters(1)),
            (),
        ),
    ]


@pytest.mark.parametrize("descending", [True, False])
def test_every_page_is_the_models_bytes(
    engine: Engine, database_url: str, corpus: Path, descending: bool
) -> None:
    seed(engine)
    ingest_sources(discover([str(corpus)]), database_url=database_url)
    written: list[bytes] = []
    with session_scope(engine) as session:
        for case in _cases("the"):
            for total in (False, True):
                written += _pages(session, case, descending, total)
    everything = b"".join(written)
    # What the corpus was made to hold reached the pages: odd text, snippets, totals, nulls.
    assert orjson.dumps(ODD_TEXT)[1:-1] in everything
    for fragment in (b'"snippet":{"text":', b'"total":', b'"title":null', b'"occurred_on":null'):
        assert fragment in everything, fragment
    assert len(written) > 100

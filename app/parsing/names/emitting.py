"""A mention of an actor, and the base reader that emits mentions for a span's tokens."""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from app.parsing.lexicon.words import Category
from app.parsing.names.groups import RunView
from app.parsing.names.segments import Item
from app.parsing.names.tokens import Token
from app.vocabulary import ActorKind


class Mention(NamedTuple):
    """One mention: `name` is a person's name, an organisation's name or an ISO code.

    `evidence` marks a person named with positive evidence next to the name (a title, a
    speech verb, an appositive, a particle); `actors.Registry` drops untitled full names
    with no evidence anywhere in the brief. A NamedTuple rather than a frozen dataclass:
    a brief creates hundreds of them."""

    kind: ActorKind
    start: int
    end: int
    surface: str
    name: str
    title: str | None = None
    country: str | None = None
    titled: bool = False
    evidence: bool = False


# Builds a Mention from a full tuple without the Python `__new__` that `Mention(...)` runs.
_new_mention = partial(tuple.__new__, Mention)


def code_of(item: Item | None) -> str | None:
    """The ISO code of a country, adjective or seat item (None for organisations)."""
    if item is None or item.entry is None or item.entry.category is Category.org:
        return None
    return item.entry.value


class Emitter(RunView):
    """Collects the mentions found in one span, in the order they are read."""

    def __init__(self, source: str, tokens: list[Token], headline: bool) -> None:
        super().__init__(source, tokens)
        self.headline = headline
        self.found: list[Mention] = []

    def _emit(
        self,
        kind: ActorKind,
        first: int,
        stop: int,
        name: str,
        *,
        title: str | None = None,
        country: str | None = None,
        titled: bool = False,
        evidence: bool = False,
    ) -> None:
        surface = self._text(first, stop)
        start, end = self.tokens[first].start, self.tokens[stop - 1].end
        found = (kind, start, end, surface, name, title, country, titled, evidence)
        self.found.append(_new_mention(found))

    def _entity(self, item: Item) -> None:
        entry = item.entry
        assert entry is not None
        if entry.category is Category.org:  # named as written; `Registry` groups by entry
            self._emit(
                ActorKind.organization, item.first, item.stop, self._text(item.first, item.stop)
            )
        elif entry.category is not Category.seat or not self._is_located(item.first, item.stop):
            self._emit(ActorKind.country, item.first, item.stop, entry.value, country=entry.value)

"""Recognising actor mentions (people, organisations, countries) in a span of text.

A capitalised run (see `tokens.run_end`) is cut into known phrases (countries, adjectives,
seats, organisations, places, titles) by longest match; the words left over form groups
that are organisations (they contain an institution word), places (they end in a place
word) or people. See docs/parsing.md for the rules and their limits.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from app.parsing.countries import country_adjective
from app.parsing.groups import RunView
from app.parsing.lexicon import Category, lexicon
from app.parsing.models import ActorKind
from app.parsing.names import (
    acronym,
    introduced_as_person,
    name_shaped,
    roman_numeral,
    shaped_like_a_person,
)
from app.parsing.runs import run_end
from app.parsing.segments import Item, Part, segment, title_end
from app.parsing.tokens import PARTICLES, Token, TokenIndex, tokenize


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


@cache
def _institution_starts() -> frozenset[str]:
    return frozenset(phrase.split()[0] for phrase in lexicon().institutions)


@cache
def context_words() -> frozenset[str]:
    """The lowercase words the recogniser looks at; tokenising may drop all others."""
    words = lexicon()
    small = {"of", "for", "the", *PARTICLES, *words.locatives, *words.event_nouns}
    small |= {w for phrase in words.institutions for w in phrase.split()}
    return frozenset(small | words.title_heads | words.title_modifiers)


_AFFILIATIONS = (Category.country, Category.demonym, Category.seat, Category.org)


class _Reader(RunView):
    """Turns the runs of one span into mentions."""

    def __init__(self, source: str, tokens: list[Token], headline: bool) -> None:
        super().__init__(source, tokens)
        self.headline = headline
        self.found: list[Mention] = []

    def read(self) -> list[Mention]:
        tokens, index, titles = self.tokens, 0, title_end()
        while index < len(tokens):
            first = index
            if not tokens[index].capitalised:
                if tokens[index].folded not in titles.words:
                    index += 1
                    continue
                title_stop = titles(tokens, index, lowercase=True)
                if title_stop is None or title_stop >= len(tokens):
                    index += 1
                    continue
                index = title_stop - 1
            stop = run_end(self.source, tokens, index, titles, self.words.org_heads)
            if stop == first + 1 and self._lone_stop_word(tokens[first]):
                index = stop  # 'The', 'However', 'Sept': the most common runs name nobody
                continue
            if tokens[stop - 1].capitalised and (first == index or stop > index + 1):
                self._read_run(first, stop)
            index = max(stop, first + 1)
        return self.found

    def _lone_stop_word(self, token: Token) -> bool:
        phrases = self.words.phrases
        return (
            token.folded in self.words.stop_words
            and token.text not in phrases
            and token.text[:-1] not in phrases
        )

    def _read_run(self, first: int, stop: int) -> None:
        items = self._extend_organisations(segment(self.tokens, first, stop))
        position = 0
        while position < len(items):
            position = self._read_item(items, position, stop)

    def _read_item(self, items: list[Item], position: int, stop: int) -> int:
        item = items[position]
        following = items[position + 1 : position + 3]
        parts = [part.part for part in following]
        if item.part is Part.title:
            if parts[:1] == [Part.words]:
                self._words(following[0], title=item)
                return position + 2
            return position + 1
        if item.part is Part.words:
            self._words(item)
            return position + 1
        assert item.entry is not None
        if item.entry.category is Category.place and self._place_organisation(items, position):
            return position + 2
        if item.entry.category not in _AFFILIATIONS:
            return position + 1
        if parts == [Part.title, Part.words]:
            self._words(following[1], title=following[0], affiliation=item)
            return position + 3
        if parts[:1] == [Part.words] and self._is_org(following[0]):
            self._org(following[0], affiliation=item)
            return position + 2
        if parts[:1] == [Part.words] and self._is_place(following[0]):
            return position + 2
        if parts[:1] == [Part.words] and self._is_numbered(following[0]):
            return position + 2  # 'Minsk II', 'Vatican II': an event, not the country
        if parts[:1] == [Part.words] and self._owns(item):
            self._words(following[0], affiliation=item)
            return position + 2
        if not parts and item.entry.category is not Category.org and self._institution(item, stop):
            return position + 1
        self._entity(item)
        return position + 1

    # -- emitting mentions ---------------------------------------------------------------

    def _place_organisation(self, items: list[Item], position: int) -> bool:
        """'Northern Ireland Assembly': a known place, then words ending in an institution."""
        following = items[position + 1] if position + 1 < len(items) else None
        if following is None or following.part is not Part.words:
            return False
        if self.tokens[following.stop - 1].folded not in self.words.org_heads:
            return False
        first, stop = items[position].first, following.stop
        self._emit(ActorKind.organization, first, stop, self._text(first, stop))
        return True

    def _emit(self, kind: ActorKind, first: int, stop: int, name: str, **extra: object) -> None:
        surface = self._text(first, stop)
        start, end = self.tokens[first].start, self.tokens[stop - 1].end
        self.found.append(Mention(kind, start, end, surface, name, **extra))  # type: ignore[arg-type]

    def _entity(self, item: Item) -> None:
        entry = item.entry
        assert entry is not None
        if entry.category is Category.org:
            self._emit(ActorKind.organization, item.first, item.stop, entry.value)
        elif entry.category is not Category.seat or not self._is_located(item.first, item.stop):
            self._emit(ActorKind.country, item.first, item.stop, entry.value, country=entry.value)

    def _org_name(self, first: int, stop: int, affiliation: Item | None) -> str:
        text = self._text(first, stop)
        if affiliation is None or affiliation.entry is None:
            return text
        if affiliation.entry.category is Category.org:
            return f"{affiliation.entry.value} {text}"
        if affiliation.entry.category is Category.country and not self._owns(affiliation):
            return self._text(affiliation.first, stop)  # 'Palestine Liberation Organization'
        return f"{country_adjective(affiliation.entry.value)} {text}"

    def _org(self, item: Item, affiliation: Item | None = None) -> None:
        first = item.first
        while first < item.stop - 1 and self._is_stop(self.tokens[first]):
            first += 1
        start = affiliation.first if affiliation else first
        code = _code(affiliation)
        if affiliation is None and item.stop - first < 2:
            return  # a lone 'Ministry' or 'Council' names nobody in particular
        name = self._org_name(first, item.stop, affiliation)
        self._emit(ActorKind.organization, start, item.stop, name, country=code)

    def _institution(self, item: Item, stop: int) -> bool:
        """'the French presidency', 'Russia’s foreign ministry': an organisation."""
        tokens = self.tokens
        if stop >= len(tokens) or tokens[stop].folded not in _institution_starts():
            return False
        for length in (3, 2, 1):
            words = tokens[stop : stop + length]
            if len(words) < length or any(not t.text.islower() for t in words):
                continue
            if not all(self._next_to(k, k + 1) for k in range(stop - 1, stop + length - 1)):
                continue
            phrase = " ".join(t.text for t in words)
            if phrase in self.words.institutions:
                code = _code(item)
                name = f"{country_adjective(code or '')} {phrase}"
                self._emit(ActorKind.organization, item.first, stop + length, name, country=code)
                return True
        return False

    def _words(
        self, item: Item, title: Item | None = None, affiliation: Item | None = None
    ) -> None:
        if self._is_org(item):
            self._org(item, affiliation)  # also 'director of the Central Affairs Commission'
            return
        if title is None and self._is_place(item):
            return
        groups = self._name_groups(item.first, item.stop)
        if title is not None and groups and groups[0][0] == item.first:
            self._person(groups.pop(0), title, affiliation)
        elif affiliation is not None and groups and groups[0][0] == item.first:
            self._untitled(groups.pop(0), _code(affiliation))  # "Syria’s Bashar al-Assad"
        for group in groups:
            self._untitled(group)

    def _name_groups(self, first: int, stop: int) -> list[tuple[int, int]]:
        groups: list[tuple[int, int]] = []
        begin = None
        for index in range(first, stop + 1):
            token = self.tokens[index] if index < stop else None
            particle = token is not None and token.folded in PARTICLES and begin is not None
            if token is not None and (particle or not self._is_stop(token)):
                begin = index if begin is None else begin
                continue
            if begin is not None:
                groups.append((begin, index))
            begin = None
        return [g for g in groups if self.tokens[g[1] - 1].folded not in PARTICLES]

    def _person(self, group: tuple[int, int], title: Item, affiliation: Item | None) -> None:
        first, stop = group
        start = affiliation.first if affiliation else title.first
        title_text = self._text(title.first, title.stop)
        name = self._text(first, stop)
        self._emit(
            ActorKind.person,
            start,
            stop,
            name,
            title=title_text,
            country=_code(affiliation),
            titled=True,
            evidence=True,
        )

    def _untitled(self, group: tuple[int, int], country: str | None = None) -> None:
        first, stop = group
        if self._names_place(first, stop):
            return
        names = [t for t in self.tokens[first:stop] if t.folded not in PARTICLES]
        if len(names) >= 2 and not self.headline and all(map(name_shaped, names)):
            if not self._is_located(first, stop):
                self._full_name(first, stop, country)
            return
        for index in range(first, stop):
            token = self.tokens[index]
            if acronym(token.text):
                self._emit(ActorKind.organization, index, index + 1, token.text)
            elif name_shaped(token) and token.folded not in PARTICLES:
                self._single_name(index)

    def _single_name(self, index: int) -> None:
        if not roman_numeral(self.tokens[index].text):  # a lone 'II' names nobody
            self._emit(ActorKind.person, index, index + 1, self.tokens[index].text)

    def _full_name(self, first: int, stop: int, country: str | None) -> None:
        """An untitled full name, with whether the words around it show it is a person."""
        span = (self.tokens[first].start, self.tokens[stop - 1].outer)
        evidence = (
            country is not None  # 'Syria’s Bashar al-Assad'
            or shaped_like_a_person(self.tokens[first:stop])
            or introduced_as_person(self.source, span, title_end().words)
        )
        name = self._text(first, stop)
        self._emit(ActorKind.person, first, stop, name, country=country, evidence=evidence)


def _code(item: Item | None) -> str | None:
    if item is None or item.entry is None or item.entry.category is Category.org:
        return None
    return item.entry.value


def find_mentions(
    source: str,
    start: int,
    end: int,
    *,
    headline: bool = False,
    index: TokenIndex | None = None,
) -> list[Mention]:
    """Mentions in `source[start:end]`, in order. In a headline (a title in Title Case)
    untitled multi-word names are not trusted, as every word is capitalised. Pass the
    source's `index` to reuse its tokens rather than tokenising the span again."""
    tokens = index.within(start, end) if index else tokenize(source, start, end, context_words())
    return _Reader(source, tokens, headline).read()


def title_at(source: str, start: int, end: int) -> str | None:
    """The office title that opens `source[start:end]` ('President of France' -> 'President')."""
    tokens = tokenize(source, start, end)
    stop = title_end()(tokens, 0) if tokens else None
    if not stop:
        return None
    return " ".join(source[tokens[0].start : tokens[stop - 1].end].split())

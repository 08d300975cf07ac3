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
from app.parsing.lexicon import Category, lexicon
from app.parsing.models import ActorKind
from app.parsing.segments import Item, Part, segment, title_end
from app.parsing.tokens import (
    PARTICLES,
    Token,
    TokenIndex,
    adjacent,
    run_end,
    tokenize,
)


class Mention(NamedTuple):
    """One mention: `name` is a person's name, an organisation's name or an ISO code.

    A NamedTuple rather than a frozen dataclass: a brief creates hundreds of them."""

    kind: ActorKind
    start: int
    end: int
    surface: str
    name: str
    title: str | None = None
    country: str | None = None
    titled: bool = False


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


class _Reader:
    """Turns the runs of one span into mentions."""

    def __init__(self, source: str, tokens: list[Token], headline: bool) -> None:
        self.source = source
        self.tokens = tokens
        self.headline = headline
        self.words = lexicon()
        self.found: list[Mention] = []

    def read(self) -> list[Mention]:
        tokens, index = self.tokens, 0
        while index < len(tokens):
            first = index
            if not tokens[index].capitalised:
                if tokens[index].folded not in title_end().words:
                    index += 1
                    continue
                title_stop = title_end()(tokens, index, lowercase=True)
                if title_stop is None or title_stop >= len(tokens):
                    index += 1
                    continue
                index = title_stop - 1
            stop = run_end(self.source, tokens, index, title_end())
            if tokens[stop - 1].capitalised and (first == index or stop > index + 1):
                self._read_run(first, stop)
            index = max(stop, first + 1)
        return self.found

    def _read_run(self, first: int, stop: int) -> None:
        items = segment(self.tokens, first, stop)
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
        if parts[:1] == [Part.words] and self._owns(item):
            self._words(following[0], affiliation=item)
            return position + 2
        if not parts and item.entry.category is not Category.org and self._institution(item, stop):
            return position + 1
        self._entity(item)
        return position + 1

    # -- helpers over token ranges -------------------------------------------------------

    def _text(self, first: int, stop: int) -> str:
        return " ".join(self.source[self.tokens[first].start : self.tokens[stop - 1].end].split())

    def _is_org(self, item: Item) -> bool:
        heads = self.words.org_heads
        return any(t.folded in heads and t.capitalised for t in self.tokens[item.first : item.stop])

    def _is_place(self, item: Item) -> bool:
        first, last = self.tokens[item.first], self.tokens[item.stop - 1]
        return last.folded in self.words.place_heads or first.text in self.words.place_prefixes

    def _owns(self, item: Item) -> bool:
        """A possessive country before a name: 'Syria’s Bashar al-Assad'."""
        category = item.entry.category if item.entry else None
        possessive = self.tokens[item.stop - 1].possessive
        return possessive and category in (Category.country, Category.seat)

    def _is_stop(self, token: Token) -> bool:
        return token.folded in self.words.stop_words or not token.capitalised

    def _next_to(self, left: int, right: int) -> bool:
        """True when tokens `left` and `right` exist and only spaces separate them."""
        if left < 0 or right >= len(self.tokens):
            return False
        return adjacent(self.source, self.tokens[left], self.tokens[right])

    def _word_before(self, index: int) -> str:
        return self.tokens[index - 1].folded if self._next_to(index - 1, index) else ""

    def _is_located(self, first: int, stop: int) -> bool:
        """'in Moscow', 'in the Kremlin', 'the Paris talks': a place, not an actor."""
        before = self._word_before(first)
        if before == "the":
            before = self._word_before(first - 1)
        after = self.tokens[stop] if self._next_to(stop - 1, stop) else None
        next_word = after.folded if after and after.text.islower() else ""
        return before in self.words.locatives or next_word in self.words.event_nouns

    # -- emitting mentions ---------------------------------------------------------------

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
        if title is None and self._is_org(item):
            self._org(item, affiliation)
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
        )

    def _untitled(self, group: tuple[int, int], country: str | None = None) -> None:
        first, stop = group
        names = [t for t in self.tokens[first:stop] if t.folded not in PARTICLES]
        if len(names) >= 2 and not self.headline and all(map(_name_shaped, names)):
            if not self._is_located(first, stop):
                name = self._text(first, stop)
                self._emit(ActorKind.person, first, stop, name, country=country)
            return
        for index in range(first, stop):
            token = self.tokens[index]
            if _acronym(token.text):
                self._emit(ActorKind.organization, index, index + 1, token.text)
            elif _name_shaped(token) and token.folded not in PARTICLES:
                self._emit(ActorKind.person, index, index + 1, token.text)


def _code(item: Item | None) -> str | None:
    if item is None or item.entry is None or item.entry.category is Category.org:
        return None
    return item.entry.value


def _name_shaped(token: Token) -> bool:
    text = token.text
    if not token.capitalised:
        return False
    return any(c.islower() for c in text) or len(text) <= 2 or text.endswith(".")


def _acronym(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isupper() and text.isalpha()


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

"""Recognising actor mentions (people, organisations, countries) in a span of text.

A capitalised run (see `runs.run_end`) is cut into known phrases (countries, adjectives,
seats, organisations, places, titles) by longest match; the words left over form groups
that are organisations (they contain an institution word), places (they end in a place
word) or people. See docs/parsing.md for the rules and their limits.
"""

from __future__ import annotations

from functools import cache

from app.parsing.lexicon.words import Category, lexicon
from app.parsing.names.emitting import Mention
from app.parsing.names.people import PeopleReader
from app.parsing.names.runs import run_end
from app.parsing.names.segments import Item, Part, segment, title_end
from app.parsing.names.tokens import PARTICLES, Token, TokenIndex, tokenize

__all__ = ["Mention", "context_words", "find_mentions", "title_at"]


@cache
def context_words() -> frozenset[str]:
    """The lowercase words the recogniser looks at; tokenising may drop all others."""
    words = lexicon()
    small = {"of", "for", "to", "the", *PARTICLES, *words.locatives, *words.event_nouns}
    small |= {w for phrase in words.institutions for w in phrase.split()}
    return frozenset(small | words.title_heads | words.title_modifiers | title_end().plurals)


@cache
def _org_names() -> frozenset[str]:
    """Every written form of a known organisation."""
    return frozenset(p for p, e in lexicon().phrases.items() if e.category is Category.org)


_AFFILIATIONS = (Category.country, Category.demonym, Category.seat, Category.org)


class _Reader(PeopleReader):
    """Turns the runs of one span into mentions."""

    def read(self) -> list[Mention]:
        tokens, index, titles = self.tokens, 0, title_end()
        stop_words = self.words.stop_words
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
                self._pending_title(index, title_stop)
                index = title_stop - 1
            stop = run_end(self.source, tokens, index, titles, self.words.org_heads, _org_names())
            token = tokens[first]
            if stop == first + 1 and token.folded in stop_words and self._lone_stop_word(token):
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
        items = segment(self.tokens, first, stop)
        if len(items) > 1:  # most runs are one piece, with nothing to join
            items = self._place_as_a_given_name(items)
        if len(items) > 1:
            items = self._extend_organisations(self._country_in_a_surname(items))
        position = 0
        while position < len(items):
            position = self._read_item(items, position, stop)

    def _place_as_a_given_name(self, items: list[Item]) -> list[Item]:
        """'Santiago Torres Bernárdez', 'Victoria Nuland': a city's name that is also a
        common given name, opening a run of two pieces whose other is a name of one or two
        words, is the given name (not 'Victoria Falls', which ends in a place's word, nor a
        name ending in a body's word)."""
        place, rest = items[0], items[1:]
        if (
            len(rest) != 1
            or place.part is not Part.entry
            or place.entry is None
            or place.entry.category not in (Category.seat, Category.place)
            or place.stop - place.first != 1
            or rest[0].part is not Part.words
            or not 1 <= rest[0].stop - rest[0].first <= 2
            or self.tokens[place.first].text not in self.words.given_names
            or self.tokens[place.first].possessive
        ):
            return items
        last = self.tokens[rest[0].stop - 1].folded
        words = self.words
        if last in words.place_heads or last in words.org_heads or last in words.stop_words:
            return items
        return [Item(Part.words, place.first, rest[0].stop)]

    def _country_in_a_surname(self, items: list[Item]) -> list[Item]:
        """'Pierre Mendès France': a one-word country's name ending a run right after a
        given name and a surname is the end of a compound surname, as no country is
        written after a person's name with nothing between them; so is any known name after
        a name's particle ('Miguel de la Madrid')."""
        last, before = items[-1], items[-2]
        if (
            last.part is Part.entry
            and before.part is Part.words
            and self.tokens[before.stop - 1].folded in PARTICLES
            and before.stop - before.first >= 2  # a given name and a particle at least
            and self.tokens[before.first].text in self.words.given_names  # not 'Banco de'
        ):  # 'Miguel de la' + 'Madrid': a particle never ends a name, the place is its end
            return [*items[:-2], Item(Part.words, before.first, last.stop)]
        if (
            last.part is not Part.entry
            or before.part is not Part.words
            or last.stop - last.first != 1
            or before.stop - before.first < 2  # a given name and a surname at least
            or last.entry is None
            or last.entry.category is not Category.country
        ):
            return items
        country, given = self.tokens[last.first], self.tokens[before.first]
        surname = self.tokens[before.stop - 1]
        if country.possessive or surname.possessive or given.text not in self.words.given_names:
            return items  # 'Hafez al-Assad's Syria'
        return [*items[:-2], Item(Part.words, before.first, last.stop)]

    def _read_item(self, items: list[Item], position: int, stop: int) -> int:
        item = items[position]
        if item.part is Part.words:  # the most common piece: no look ahead needed
            if self._org_of_country(items, position):
                return position + 2
            self._words(item)
            return position + 1
        if item.part is Part.title:
            following = items[position + 1] if position + 1 < len(items) else None
            if following is not None and following.part is Part.words:
                self._words(following, title=item)
                return position + 2
            self._pending_title(item.first, item.stop)
            return position + 1
        return self._read_entry(items, position, stop)

    def _read_entry(self, items: list[Item], position: int, stop: int) -> int:
        """A known phrase, and what it says about the pieces after it."""
        item = items[position]
        assert item.entry is not None
        category = item.entry.category
        if category is Category.place and self._place_organisation(items, position):
            return position + 2
        if category not in _AFFILIATIONS:
            return position + 1
        following = items[position + 1 : position + 3]
        if not following:  # the most common run: one country, seat or organisation
            self._entity(item)
            return position + 1
        second = following[1].part if len(following) == 2 else None
        if following[0].part is Part.title and second is Part.words:
            if category is Category.org:
                self._entity(item)  # 'European Commission President Jean-Claude Juncker'
            self._words(following[1], title=following[0], affiliation=item)
            return position + 3
        if following[0].part is Part.words:
            if self._is_org(following[0]):
                self._org(following[0], affiliation=item)
                return position + 2
            if self._is_place(following[0]) or self._is_numbered(following[0]):
                return position + 2  # 'Minsk II', 'Vatican II': an event, not the country
            if self._owns(item):
                self._words(following[0], affiliation=item)
                return position + 2
        self._entity(item)
        return position + 1


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

"""Cutting a capitalised run into known phrases, office titles and leftover words."""

from __future__ import annotations

from enum import Enum
from functools import cache, partial
from operator import attrgetter
from typing import NamedTuple

from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import Category, Entry, Lexicon, lexicon
from app.parsing.names.runs import TitleEnd
from app.parsing.names.titles import complement_start, name_start
from app.parsing.names.tokens import Token


class Part(Enum):
    """What a piece of a run is."""

    entry = "entry"
    title = "title"
    words = "words"


class Item(NamedTuple):
    """A piece of a run: tokens `first` to `stop`, and its known phrase if any."""

    part: Part
    first: int
    stop: int
    entry: Entry | None = None


# Builds an Item from a full tuple without the Python `__new__` that `Item(...)` runs.
_new_item = partial(tuple.__new__, Item)


@cache
def title_end() -> TitleEnd:
    """The office-title matcher built from the vocabulary."""
    words = lexicon()
    return TitleEnd(words.title_heads, words.title_modifiers)


@cache
def _first_words() -> dict[str, int]:
    """First word of each known phrase -> the most words a phrase starting with it has."""
    longest: dict[str, int] = {}
    for phrase in lexicon().phrases:
        words = phrase.split()
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


def _match_phrase(words: Lexicon, tokens: list[Token], first: int, stop: int) -> Item | None:
    longest = _first_words().get(tokens[first].text, 0)
    if not longest:
        plural = tokens[first].text[:-1] if tokens[first].text.endswith("s") else ""
        entry = words.phrases.get(plural)
        if entry is not None and entry.category is Category.demonym:
            return Item(Part.entry, first, first + 1, entry)
        return None
    for length in range(min(longest, stop - first), 0, -1):
        if any(token.possessive for token in tokens[first : first + length - 1]):
            # a possessive inside a known phrase: "Democratic People's Republic of Korea"
            inner = [
                t.text + "'s" if t.possessive else t.text
                for t in tokens[first : first + length - 1]
            ]
            entry = words.phrases.get(" ".join([*inner, tokens[first + length - 1].text]))
            if entry is not None:
                return Item(Part.entry, first, first + length, entry)
            continue
        entry = words.phrases.get(" ".join(t.text for t in tokens[first : first + length]))
        if entry is not None:
            if tokens[first].text == "the" and first + length < stop:
                return None  # 'the Alliance' (NATO) of 'the Alliance Party': a longer name
            return Item(Part.entry, first, first + length, entry)
    return None


_CACHE_LIMIT = 8192
# The particles an Arabic name gives its father's name with ('Zayed bin Sultan Al Nahyan').
_PATRONYMICS = frozenset({"bin", "ibn", "bint"})
# Honorifics that are also words of Persian, Arabic and South Asian names: between a given
# name and another word they are the name's ('Ahmad Shah Massoud', 'Mohammed Sultan Ali',
# 'Najib Tun Razak').
_NAME_HONORIFICS = frozenset({"shah", "sultan", "emir", "sheikh", "tun"})
# 'Jr.' and 'Sr.' follow a surname, never a title: 'Martin Luther King Jr.'.
_JUNIOR_SENIOR = frozenset({"jr.", "sr.", "jr", "sr"})


def _initial(text: str) -> bool:
    return len(text) == 2 and text[1] == "." and text[0].isupper()


_words_of = attrgetter("text", "possessive")  # a run's cache key, without a Python loop
_segment_cache: dict[tuple[tuple[str, bool], ...], list[Item]] = {}


def segment(tokens: list[Token], first: int, stop: int) -> list[Item]:
    """Longest known phrase first, then an office title, else a word (words group).

    Cut only depends on the words and their possessive marks, and the same runs ('Moscow',
    'President Trump') recur across briefs, so cuts are cached by words (bounded).
    """
    if stop == first + 1:  # most runs: one word, and a key built without `map`
        key: tuple[tuple[str, bool], ...] = ((tokens[first].text, tokens[first].possessive),)
    else:
        key = tuple(map(_words_of, tokens[first:stop]))
    relative = _segment_cache.get(key)
    if relative is None:
        relative = [
            item._replace(first=item.first - first, stop=item.stop - first)
            for item in _segment(tokens, first, stop)
        ]
        if len(_segment_cache) >= _CACHE_LIMIT:
            _segment_cache.clear()
        _segment_cache[key] = relative
    if not first:
        return list(relative)
    new = _new_item  # `NamedTuple._replace` and even `Item(...)` cost more, per run read
    if len(relative) == 1:  # most runs: no list comprehension (a function call in 3.11)
        part, lo, hi, entry = relative[0]
        return [new((part, lo + first, hi + first, entry))]
    return [new((part, lo + first, hi + first, entry)) for part, lo, hi, entry in relative]


def _segment(tokens: list[Token], first: int, stop: int) -> list[Item]:
    words = lexicon()
    items: list[Item] = []
    index = first
    while index < stop:
        # A father's name after 'bin' is a name's word, even a title's: 'Zayed bin Sultan';
        # so is a word after an initial, even a place's: 'V. K. Wellington Koo'.
        fathers = index > first and (
            tokens[index - 1].folded in _PATRONYMICS
            or _initial(tokens[index - 1].text)
            or _honorific_in_a_name(words, tokens, (first, index, stop))
            or (index + 1 < stop and tokens[index + 1].folded in _JUNIOR_SENIOR)
        )
        item = None if fathers else _match_phrase(words, tokens, first=index, stop=stop)
        if item is not None and _surname_of(words, tokens, items, item):
            item = None
        if item is None and not fathers:
            title_stop = title_end()(tokens, index, stop=stop)
            item = Item(Part.title, index, title_stop) if title_stop else None
        if item is None or (item.entry and item.entry.category is Category.title):
            item = item and Item(Part.title, item.first, item.stop)
        if item is None:
            previous = items[-1] if items else None
            if (
                previous
                and previous.part is Part.words
                and (not tokens[index - 1].possessive or tokens[index - 1].folded in words.plurals)
            ):  # a plural noun's possessive stays inside a name: 'People's Army'
                items[-1] = Item(Part.words, previous.first, index + 1)
            else:
                items.append(Item(Part.words, index, index + 1))
            index += 1
            continue
        items.append(item)
        index = item.stop
    return _extend_title(
        words, tokens, _body_complement(words, tokens, _last_surname(words, tokens, items)), stop
    )


# Titles that are also common surnames (`surname_titles` in titles.json): one ending a run
# after two words of a name, or after a known given name, is the surname ('Coretta Scott
# King came', 'Antony Head'), since a title stands before the name it goes with.
_SURNAME_TITLES = frozenset(load_data("titles.json")["surname_titles"])


def _last_surname(words: Lexicon, tokens: list[Token], items: list[Item]) -> list[Item]:
    if len(items) < 2 or items[-1].part is not Part.title or items[-2].part is not Part.words:
        return items
    title, name = items[-1], items[-2]
    if title.stop - title.first != 1 or tokens[title.first].folded not in _SURNAME_TITLES:
        return items
    if any(t.possessive for t in tokens[name.first : name.stop]):
        return items
    if name.stop - name.first < 2 and tokens[name.first].text not in words.given_names:
        return items
    return [*items[:-2], Item(Part.words, name.first, title.stop)]


def _surname_of(words: Lexicon, tokens: list[Token], items: list[Item], item: Item) -> bool:
    """'Wagner' of 'Richard Wagner': a one-word known organisation right after a known given
    name (no possessive between) is the person's surname."""
    if item.stop - item.first != 1 or item.entry is None or item.entry.category is not Category.org:
        return False
    if not items or items[-1].part is not Part.words or items[-1].stop != item.first:
        return False
    before = tokens[item.first - 1]
    return not before.possessive and before.text in words.given_names


def _honorific_in_a_name(words: Lexicon, tokens: list[Token], at: tuple[int, int, int]) -> bool:
    """'Shah' of 'Ahmad Shah Massoud' and of 'Mohammad Zahir Shah': an honorific after a
    given name and before another word of the name, or ending it after two words (see
    `_NAME_HONORIFICS`)."""
    first, index, stop = at
    if tokens[index].folded not in _NAME_HONORIFICS or tokens[index - 1].possessive:
        return False
    if index + 1 < stop:
        return tokens[index - 1].text in words.given_names
    return (
        index - 2 >= first
        and tokens[index - 2].text in words.given_names
        and tokens[index - 1].capitalised
        and tokens[index - 1].folded not in words.title_heads
        and not tokens[index - 2].possessive
    )


def _body_complement(words: Lexicon, tokens: list[Token], items: list[Item]) -> list[Item]:
    """A title word ending a run after a body's 'of' is what the body serves, part of its
    name: 'Ministry of Justice', 'Permanent Court of International Justice' (with a name
    after it, it stays a title: 'Court of Justice President Koen Lenaerts')."""
    if len(items) < 2 or items[-1].part is not Part.title or items[-2].part is not Part.words:
        return items
    body = tokens[items[-2].first : items[-2].stop]
    of = next((i for i, t in enumerate(body) if t.folded == "of"), 0)
    if not of or not any(t.folded in words.org_heads for t in body[:of]):
        return items
    return [*items[:-2], Item(Part.words, items[-2].first, items[-1].stop)]


def _extend_title(words: Lexicon, tokens: list[Token], items: list[Item], stop: int) -> list[Item]:
    """The first title followed by 'of'/'for'/'to' and a complement ending in a name takes
    the complement: 'Secretary-General' + 'of NATO' + 'Jens Stoltenberg'."""
    for position, item in enumerate(items):
        if item.part is not Part.title:
            continue
        first = complement_start(tokens, item.stop, stop)
        if first is None:
            continue
        known = frozenset(
            index
            for other in items[position + 1 :]
            if other.part is Part.entry
            for index in range(other.first, other.stop)
        )
        begin = name_start(words, tokens, first, stop, known)
        if begin is None:
            return items
        return [
            *items[:position],
            Item(Part.title, item.first, begin),
            Item(Part.words, begin, stop),
        ]
    return items

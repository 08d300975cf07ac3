"""The prose units of a brief (sentences and bullets) and the mentions inside them."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from operator import itemgetter
from typing import NamedTuple

from app.parsing.document.blocks import Block, split_blocks
from app.parsing.document.sections import Section
from app.parsing.document.sentences import split_sentences
from app.parsing.names.mentions import Mention, find_mentions

_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


class Sentence(NamedTuple):
    """A sentence with its section, and the block (paragraph or bullet) it belongs to.

    A NamedTuple rather than a frozen dataclass, which costs several times more to build."""

    start: int
    end: int
    section: Section
    block: Block


_new_sentence = partial(tuple.__new__, Sentence)  # as `Sentence(...)`, without its Python call


def section_blocks(section: Section, wrapped: bool) -> list[Block]:
    """Paragraphs and bullets of one section."""
    return split_blocks(section.lines, wrapped)


def block_sentences(source: str, section: Section, blocks: list[Block]) -> list[Sentence]:
    """Every sentence of the given blocks, in order."""
    return [
        _new_sentence((start, end, section, block))
        for block in blocks
        for start, end in split_sentences(source, block.start, block.end)
    ]


def is_headline(text: str) -> bool:
    """True for Title Case text, where capitals say nothing about names."""
    words = _WORD.findall(text)
    capitals = sum(1 for word in words if word[0].isupper())
    return len(words) >= 4 and capitals >= 0.6 * len(words)


def title_mentions(source: str, section: Section) -> list[Mention]:
    """Mentions in the title line."""
    line = section.lines[0]
    return find_mentions(source, line.start, line.end, headline=is_headline(line.text))


class MentionIndex:
    """Resolved mentions with their actor keys, searchable by span.

    `pairs` come in text order, by start and end, as `Registry.keyed` gives them."""

    def __init__(self, pairs: list[tuple[Mention, str]]) -> None:
        self.pairs = pairs
        self._starts = [pair[0].start for pair in pairs]

    def within(self, start: int, end: int) -> list[tuple[Mention, str]]:
        """Mentions wholly inside `[start, end)`, in text order."""
        first = bisect_left(self._starts, start)
        found = self.pairs[first : bisect_left(self._starts, end, first)]
        for pair in found:  # a loop, and a list comprehension only when one runs past `end`
            if pair[0].end > end:
                return [pair for pair in found if pair[0].end <= end]
        return found

    def keys_within(self, start: int, end: int) -> list[str]:
        """Distinct actor keys mentioned inside `[start, end)`, in order of appearance."""
        return list(dict.fromkeys(map(_KEY, self.within(start, end))))


_KEY = itemgetter(1)  # the actor key of a (mention, key) pair

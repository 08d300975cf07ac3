"""The prose units of a brief (sentences and bullets) and the mentions inside them."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from app.parsing.blocks import Block, split_blocks
from app.parsing.mentions import Mention, find_mentions
from app.parsing.models import SectionKind
from app.parsing.sections import Section
from app.parsing.sentences import split_sentences

_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its section, and the block (paragraph or bullet) it belongs to."""

    start: int
    end: int
    section: Section
    block: Block


def section_blocks(section: Section, wrapped: bool) -> list[Block]:
    """Paragraphs and bullets of one section."""
    return split_blocks(section.lines, wrapped)


def block_sentences(source: str, section: Section, blocks: list[Block]) -> list[Sentence]:
    """Every sentence of the given blocks, in order."""
    return [
        Sentence(start, end, section, block)
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
    """Resolved mentions with their actor keys, searchable by span."""

    def __init__(self, pairs: list[tuple[Mention, str]]) -> None:
        self.pairs = sorted(pairs, key=lambda pair: (pair[0].start, pair[0].end))
        self._starts = [pair[0].start for pair in self.pairs]

    def within(self, start: int, end: int) -> list[tuple[Mention, str]]:
        """Mentions wholly inside `[start, end)`, in text order."""
        index = bisect_left(self._starts, start)
        found = []
        while index < len(self.pairs) and self.pairs[index][0].start < end:
            if self.pairs[index][0].end <= end:
                found.append(self.pairs[index])
            index += 1
        return found

    def keys_within(self, start: int, end: int) -> list[str]:
        """Distinct actor keys mentioned inside `[start, end)`, in order of appearance."""
        return list(dict.fromkeys(key for _, key in self.within(start, end)))


CLAIM_STATUS_SECTIONS = (
    SectionKind.key_takeaways,
    SectionKind.verified_facts,
    SectionKind.unconfirmed,
    SectionKind.disputed,
)

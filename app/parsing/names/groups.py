"""Questions about the tokens of one span: is a group of words an organisation, a place,
an event; is a name located ('in Moscow'); which words are adjacent."""

from __future__ import annotations

from operator import attrgetter

from app.parsing.lexicon.words import Category, lexicon
from app.parsing.names.segments import Item, Part
from app.parsing.names.shapes import roman_numeral
from app.parsing.names.tokens import Token, adjacent

_FOLDED = attrgetter("folded")  # for set operations on token words, without a Python loop


class RunView:
    """The tokens of one span and the vocabulary, with predicates over token ranges."""

    def __init__(self, source: str, tokens: list[Token]) -> None:
        self.source = source
        self.tokens = tokens
        self.words = lexicon()

    def _text(self, first: int, stop: int) -> str:
        if stop == first + 1:
            return self.tokens[first].text  # a token's text is its source text, one-spaced
        return " ".join(self.source[self.tokens[first].start : self.tokens[stop - 1].end].split())

    def _is_org(self, item: Item) -> bool:
        heads = self.words.org_heads
        last = self.tokens[item.stop - 1].folded
        if last in self.words.place_heads and last not in heads:
            # 'Andrews Air Force Base' is a place; 'the General Assembly of the Ottoman
            # Empire' a body of one
            return self._head_before_of(item, heads)
        for token in self.tokens[item.first : item.stop]:  # a loop: no generator to set up
            if token.capitalised and token.folded in heads:
                return True
        return "-" in last and _heads_joined(last, heads)  # 'Interim Legislature-Parliament'

    def _head_before_of(self, item: Item, heads: frozenset[str]) -> bool:
        """Whether an organisation word comes before the item's first 'of'."""
        headed = False
        for token in self.tokens[item.first : item.stop]:
            if token.folded == "of":
                return headed
            headed = headed or (token.capitalised and token.folded in heads)
        return False

    def _is_place(self, item: Item) -> bool:
        return self._names_place(item.first, item.stop)

    def _names_place(self, first: int, stop: int) -> bool:
        """'Black Sea', 'San Diego', 'World War II', 'Camp David Accords': never a person."""
        words = self.words
        if self.tokens[first].text in words.place_prefixes:
            return True
        last = stop - 1
        while last > first and roman_numeral(self.tokens[last].text):
            last -= 1
        if self.tokens[last].folded in words.place_heads:
            return True
        return self._names_event(first, stop)

    def _names_event(self, first: int, stop: int) -> bool:
        """'Framework Agreement', 'Dayton Accords': an event word anywhere."""
        return not self.words.event_heads.isdisjoint(map(_FOLDED, self.tokens[first:stop]))

    def _is_numbered(self, item: Item) -> bool:
        return all(roman_numeral(t.text) for t in self.tokens[item.first : item.stop])

    def _extend_organisations(self, items: list[Item]) -> list[Item]:
        """Words before an organisation head belong to the organisation: 'Supreme National'
        + 'Security Council' is Iran's 'Supreme National Security Council', not a person and
        the UN body."""
        merged: list[Item] = []
        for item in items:
            previous = merged[-1] if merged else None
            if previous and self._joins_organisation(previous, item):
                merged[-1] = Item(Part.words, previous.first, item.stop)
            elif (
                len(merged) >= 2
                and self._adjective_inside(merged[-2], merged[-1])
                and item.part is Part.words
                and self._is_org(item)
            ):
                # 'Free' + 'Syrian' + 'Army', 'Royal' + 'Australian' + 'Navy': one name, from
                # after the last stop word ('Background The Free Syrian Army')
                first = merged[-2].first
                for index in range(merged[-2].first, merged[-2].stop):
                    token = self.tokens[index]
                    if self._is_stop(token) and token.folded not in self.words.org_qualifiers:
                        first = index + 1
                if first < merged[-2].stop:
                    merged[-2:] = [Item(Part.words, first, item.stop)]
                else:
                    merged.append(item)
            else:
                merged.append(item)
        return merged

    def _adjective_inside(self, before: Item, adjective: Item) -> bool:
        """Capitalised words, then a nationality adjective, inside one name."""
        if before.part is not Part.words or self.tokens[before.stop - 1].possessive:
            return False
        last = self.tokens[before.stop - 1]
        if self._is_stop(last) and last.folded not in self.words.org_qualifiers:
            return False  # 'The Royal' + 'Australian' + 'Navy' goes on; 'The' + ... does not
        entry = adjective.entry
        return entry is not None and entry.category is Category.demonym

    def _joins_organisation(self, previous: Item, item: Item) -> bool:
        if previous.part is not Part.words or self.tokens[previous.stop - 1].possessive:
            return False
        if any(self._is_stop(t) for t in self.tokens[previous.first : previous.stop]):
            return False
        if item.part is Part.entry and item.entry and item.entry.category is Category.org:
            # its head: the last word, or the first before a complement ('Bank of Korea')
            last = self.tokens[item.stop - 1].folded
            complemented = item.stop - item.first > 2 and self.tokens[item.first + 1].folded in (
                "of",
                "for",
            )
            head = self.tokens[item.first].folded if complemented else last
            return head in self.words.org_heads
        return False

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


def _heads_joined(folded: str, heads: frozenset[str]) -> bool:
    """'legislature-parliament': organisation words joined by a hyphen are one."""
    return all(part in heads for part in folded.split("-"))

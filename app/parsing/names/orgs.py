"""Organisation mentions: words with an institution word ('Central Military Commission'), a
known place before an institution ('Northern Ireland Assembly') and '<organisation> of
<country>'. '<country adjective> <lowercase institution>' ('the French presidency') is a
description: its country is the actor."""

from __future__ import annotations

from app.parsing.lexicon.countries import country_adjective
from app.parsing.lexicon.words import Category
from app.parsing.names.emitting import Emitter, code_of
from app.parsing.names.segments import Item, Part
from app.vocabulary import ActorKind

_LINKS = frozenset(["of", "for", "the", "and"])
# What a head-first name writes for 'of' before a country ('Partido Comunista do Brasil').
_ROMANCE_LINKS = frozenset(["de", "del", "do", "da", "di", "du"])
# The words that name a part of a country before its name ('Southern Sudan', 'Northern Iraq').
_COMPASS = frozenset(["northern", "southern", "eastern", "western", "central", "upper", "lower"])


class OrgReader(Emitter):
    """Emits organisation mentions."""

    def _place_organisation(self, items: list[Item], position: int) -> bool:
        """'Northern Ireland Assembly': a known place, then words ending in an institution."""
        following = items[position + 1] if position + 1 < len(items) else None
        if following is None or following.part is not Part.words:
            return False
        if self.tokens[following.stop - 1].folded not in self.words.org_heads:
            return False
        first, stop = items[position].first, following.stop
        if self._in_capitals(first, stop):
            return False
        self._emit(ActorKind.organization, first, stop, self._text(first, stop))
        return True

    def _org_of_country(self, items: list[Item], position: int) -> bool:
        """'State Affairs Commission of North Korea', 'Partido Comunista de Chile': the
        country belongs to the name."""
        item = items[position]
        following = items[position + 1] if position + 1 < len(items) else None
        if following is None or following.entry is None:
            return False
        if self.tokens[item.stop - 1].folded in _ROMANCE_LINKS:
            if not self._opened_head_first(item):  # not 'Miguel de' + 'la Madrid'
                return False
        elif not self._is_org(item) or (
            self.tokens[item.stop - 1].folded not in ("of", "for")
            and not self._part_of_country(item)
        ):
            return False
        if following.entry.category is not Category.country:
            return False
        self._org(Item(Part.words, item.first, following.stop), country=following.entry.value)
        return True

    def _opened_head_first(self, item: Item) -> bool:
        """Whether a body's word written first opens the words ('Partido Socialista Unido
        de', after 'the' perhaps): a name in a language that writes 'of' as 'de'."""
        first = item.first
        if self.tokens[first].folded == "the" and first + 1 < item.stop:
            first += 1
        return self.tokens[first].text in self.words.movement_prefixes

    def _part_of_country(self, item: Item) -> bool:
        """'Bank of Southern' + 'Sudan': a compass word after 'of' or 'for' names a part of
        the country after it, which belongs to the name as the country would."""
        last = item.stop - 1
        return (
            last - 1 > item.first
            and self.tokens[last].folded in _COMPASS
            and self.tokens[last - 1].folded in ("of", "for")
        )

    def _org_name(self, first: int, stop: int, affiliation: Item | None) -> str:
        text = self._text(first, stop)
        if affiliation is None or affiliation.entry is None:
            return text
        if affiliation.entry.category is Category.org:
            return f"{affiliation.entry.value} {text}"
        if affiliation.entry.category is Category.country and not self._owns(affiliation):
            return self._text(affiliation.first, stop)  # 'Palestine Liberation Organization'
        return f"{country_adjective(affiliation.entry.value)} {text}"

    def _in_capitals(self, first: int, stop: int) -> bool:
        """Words written all in capitals, a word of six letters or more among them ('OSCE
        MISSION', 'SIX GOVERNMENTS SIGN COAL AND STEEL TREATY'): a headline or a heading,
        where capitals mark no name, so no organisation is read from them but known ones
        (acronyms alone are short: 'SN REPAL')."""
        if stop - first < 2:
            return False
        words = [self.tokens[i].text for i in range(first, stop)]
        return all(w.isupper() for w in words) and any(len(w) >= 6 for w in words)

    def _org(self, item: Item, affiliation: Item | None = None, country: str | None = None) -> None:
        if self._in_capitals(affiliation.first if affiliation else item.first, item.stop):
            if affiliation and affiliation.entry:
                self._entity(affiliation)
            return
        if affiliation and affiliation.entry and affiliation.entry.category is Category.org:
            if not self.tokens[affiliation.stop - 1].possessive:
                stop = item.stop  # 'African Union Commission': one name
                name = self._text(affiliation.first, stop)
                self._emit(ActorKind.organization, affiliation.first, stop, name)
                return
            self._entity(affiliation)  # 'the European Parliament's Brexit Steering Group'
            affiliation = None
        first, stop = item.first, item.stop
        qualifiers = self.words.org_qualifiers
        while first < stop - 1 and self._is_stop(self.tokens[first]):
            if self.tokens[first].folded in qualifiers or self._capitalised_after_the(first):
                break  # 'New Development Bank', 'the Internet Research Agency'
            first += 1
        while stop - 1 > first and self.tokens[stop - 1].folded in _LINKS:
            stop -= 1  # never 'State Affairs Commission of'
        start = affiliation.first if affiliation else first
        if affiliation is None and stop - first < 2:
            return  # a lone 'Ministry' or 'Council' names nobody in particular
        name = self._org_name(first, stop, affiliation)
        code = code_of(affiliation) or country
        self._emit(ActorKind.organization, start, stop, name, country=code)

    def _capitalised_after_the(self, index: int) -> bool:
        """A capitalised word right after 'the' or a lowercase word is written so because it
        is part of the name ('against the Internet Research Agency', 'his Jewish Power
        party'); at the start of a sentence it may only open it."""
        token = self.tokens[index]
        if not token.capitalised or not self._next_to(index - 1, index):
            return False
        before = self.tokens[index - 1]
        return before.folded == "the" or before.text[:1].islower()

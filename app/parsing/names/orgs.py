"""Organisation mentions: words with an institution word ('Central Military Commission'),
'<country adjective> <institution>' ('the French presidency'), a known place before an
institution ('Northern Ireland Assembly') and '<organisation> of <country>'."""

from __future__ import annotations

from functools import cache

from app.parsing.lexicon.countries import country_adjective
from app.parsing.lexicon.words import Category, lexicon
from app.parsing.names.emitting import Emitter, code_of
from app.parsing.names.segments import Item, Part
from app.vocabulary import ActorKind

_LINKS = frozenset(["of", "for", "the", "and"])


@cache
def _institution_starts() -> frozenset[str]:
    return frozenset(phrase.split()[0] for phrase in lexicon().institutions)


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
        self._emit(ActorKind.organization, first, stop, self._text(first, stop))
        return True

    def _org_of_country(self, items: list[Item], position: int) -> bool:
        """'State Affairs Commission of North Korea': the country belongs to the name."""
        item = items[position]
        following = items[position + 1] if position + 1 < len(items) else None
        if following is None or following.entry is None or not self._is_org(item):
            return False
        if self.tokens[item.stop - 1].folded not in ("of", "for"):
            return False
        if following.entry.category is not Category.country:
            return False
        self._org(Item(Part.words, item.first, following.stop), country=following.entry.value)
        return True

    def _org_name(self, first: int, stop: int, affiliation: Item | None) -> str:
        text = self._text(first, stop)
        if affiliation is None or affiliation.entry is None:
            return text
        if affiliation.entry.category is Category.org:
            return f"{affiliation.entry.value} {text}"
        if affiliation.entry.category is Category.country and not self._owns(affiliation):
            return self._text(affiliation.first, stop)  # 'Palestine Liberation Organization'
        return f"{country_adjective(affiliation.entry.value)} {text}"

    def _org(self, item: Item, affiliation: Item | None = None, country: str | None = None) -> None:
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
            if self.tokens[first].folded in qualifiers:
                break  # 'New Development Bank', 'World Food Programme'
            first += 1
        while stop - 1 > first and self.tokens[stop - 1].folded in _LINKS:
            stop -= 1  # never 'State Affairs Commission of'
        start = affiliation.first if affiliation else first
        if affiliation is None and stop - first < 2:
            return  # a lone 'Ministry' or 'Council' names nobody in particular
        name = self._org_name(first, stop, affiliation)
        code = code_of(affiliation) or country
        self._emit(ActorKind.organization, start, stop, name, country=code)

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
                code = code_of(item)
                name = f"{country_adjective(code or '')} {phrase}"
                self._emit(ActorKind.organization, item.first, stop + length, name, country=code)
                return True
        return False

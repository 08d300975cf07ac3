"""Resolving mentions to actors: one actor per person, organisation and country.

Keys are lowercase ASCII slugs of the canonical name ('volodymyr-zelenskyy',
'united-states', 'russian-foreign-ministry'); a clash within a brief gets '-2', '-3'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

from pydantic import TypeAdapter

from app.parsing.lexicon.countries import country_name
from app.parsing.lexicon.words import lexicon
from app.parsing.models import ParsedActor
from app.parsing.names.mentions import Mention
from app.parsing.names.org_keys import known_organisation, qualified_name
from app.parsing.names.shapes import acronym
from app.parsing.names.variants import (
    PersonName,
    compact,
    other_generation,
    same_person,
    skeleton,
    surname_key,
    unaspirated_key,
)
from app.parsing.names.variants import name_words as _name_words
from app.vocabulary import ActorKind, slugify


@dataclass(slots=True)
class _Actor:
    kind: ActorKind
    name: str
    first_seen: int
    mentions: list[Mention] = field(default_factory=list)
    # Names merged as spellings of this person's (`variants.same_person`), kept as aliases.
    spellings: list[str] = field(default_factory=list)
    # The name's folded words and, for a person, its surname key and compact form: what
    # each new full name is compared with, kept with the name (`rename`).
    words: tuple[str, ...] = ()
    keys: tuple[str, str] = ("", "")
    # The surname key without an Indian aspirate's 'h' (`variants.unaspirated_key`).
    unaspirated: str = ""

    def __post_init__(self) -> None:
        self.rename(self.name)

    def rename(self, name: str) -> None:
        self.name = name
        self.words = _name_words(name)
        if self.kind is ActorKind.person and self.words:
            self.keys = (surname_key(self.words[-1]), compact(name))
            self.unaspirated = unaspirated_key(self.words[-1])


_ACTORS = TypeAdapter(list[ParsedActor])
_OPENERS = frozenset('.!?:;\n"“‘(')
_CAPITALISED = r"[^\W\d_a-z][\w'’-]*"  # a word opening with a capital: 'Étienne'
_KNOWN_AS = re.compile(
    r", (?:also |better |widely |formerly )?known as "
    rf"(?P<nickname>{_CAPITALISED}(?: {_CAPITALISED}){{0,2}})"
)
_span_of = attrgetter("start", "end")  # a mention's sort key, without a Python call
_START, _SURFACE = attrgetter("start"), attrgetter("surface")
_TITLE, _COUNTRY = attrgetter("title"), attrgetter("country")


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True when `shorter` is a contiguous part of `longer` ending on the same surname."""
    if not shorter or len(shorter) > len(longer) or shorter[-1] != longer[-1]:
        return False
    width = len(shorter)
    return any(longer[i : i + width] == shorter for i in range(len(longer) - width + 1))


def _single_word(name: str) -> str:
    """The one word of a short name, its particles left out (`Al-Bashir`, `Von der Leyen`)."""
    words = _name_words(name)
    return words[0] if len(words) == 1 else slugify(name)


def _given_name_before(name: str, surname: str) -> bool:
    """'Javier Pérez de Cuéllar' after 'Pérez de Cuéllar' (a headline's): a known given name
    before a surname of several words the brief wrote first is the person's full name."""
    return (
        name.endswith(" " + surname)
        and name.split()[0] in lexicon().given_names
        and surname.split()[0] not in lexicon().given_names
    )


def _fuller(name: str, than: str) -> bool:
    """True when `name` writes an organisation more fully than `than` (no acronym wins)."""
    if acronym(name) != acronym(than):
        return acronym(than)
    return len(name) > len(than)


_TAIL_LINKS = (" of ", " for ", " in ", " to ", " on ")


def _longer_form(name: str, short: str) -> bool:
    """'Foreign Affairs Committee of the European Parliament' of 'Foreign Affairs
    Committee'; 'National Constituent Assembly' of 'Constituent Assembly'."""
    if name.startswith(short):
        return name[len(short) :].startswith(_TAIL_LINKS)
    head = name[: -len(short)]
    # never the body a longer name is 'for' or 'of': 'Preparatory Commission for the
    # International Seabed Authority' is not a form of 'International Seabed Authority'
    return (
        name.endswith(" " + short)
        and " and " not in head
        and not any(link in head for link in _TAIL_LINKS)
    )


def _of_another(name: str, tail: str) -> bool:
    """'Permanent Council of the ' + 'Organization of American States': the body a longer
    name is 'of' or 'for' is another body than the one it names."""
    head = name[: len(name) - len(tail)]
    return any(link in head for link in _TAIL_LINKS)


def _same_country(one: _Actor, other: _Actor) -> bool:
    countries = {m.country for m in (*one.mentions, *other.mentions)} - {None}
    return len(countries) <= 1


def _key_name(actor: _Actor) -> str:
    """What an actor's key is made from: its name, with its country for an organisation."""
    if actor.kind is not ActorKind.organization:
        return actor.name
    country = next(filter(None, map(_COUNTRY, sorted(actor.mentions, key=_START))), None)
    return qualified_name(actor.name, country)


class Registry:
    """Collects mentions, then resolves them to actors with stable keys."""

    def __init__(
        self,
        mentions: list[Mention],
        source: str = "",
        organisations: Callable[[list[Mention]], list[Mention]] | None = None,
    ) -> None:
        self.mentions = sorted(mentions, key=_span_of)
        self.source = source
        # A stage between the persons and the rest (`org_model`): it is given the mentions of
        # organisations and countries and the persons' kept mentions, and returns mentions.
        self._organisations = organisations
        # Nicknames a brief gives a person ('Rodrigo Londoño, known as Timochenko').
        self._nicknames: dict[str, _Actor] = {}
        self.actors: list[_Actor] = []
        self.by_mention: dict[tuple[int, int], _Actor] = {}
        # Organisations and countries by (kind, casefolded name of their first mention).
        self._groups: dict[tuple[ActorKind, str], _Actor] = {}
        self._resolve()
        self._keys = self._assign_keys()

    def _resolve(self) -> None:
        people = [m for m in self.mentions if m.kind is ActorKind.person]
        for mention in people:
            if len(_name_words(mention.name)) >= 2:
                self._add_full_name(mention)
        if "known as " in self.source:
            self._join_nicknames()
        for mention in people:
            if len(_name_words(mention.name)) < 2 and mention.titled:
                self._add_short_name(mention, create=True)
        self._drop_unevidenced(people)
        for mention in people:
            if len(_name_words(mention.name)) < 2 and not mention.titled:
                self._add_short_name(mention, create=False)
        if self._organisations is not None:
            kept = self.by_mention
            self.mentions = sorted(
                self._organisations(
                    [
                        m
                        for m in self.mentions
                        if m.kind is not ActorKind.person or _span_of(m) in kept
                    ]
                ),
                key=_span_of,
            )
        for mention in self.mentions:
            if mention.kind is not ActorKind.person:
                self._add_group(mention)
        self._join_short_organisation_names()

    def _drop_unevidenced(self, people: list[Mention]) -> None:
        """Forget full names with no sign of being a person anywhere in the brief: no title,
        attribution, speech verb, appositive or particle, and never named by their last
        word alone ('Rio Grande', 'Naval Base'). Names alone are too weak evidence."""
        surnames: dict[str, list[Mention]] = {}
        for m in people:
            if len(_name_words(m.name)) == 1:
                surnames.setdefault(_single_word(m.name), []).append(m)
        listed: set[int] | None = None  # only asked for when a name has no evidence
        for actor in [a for a in self.actors if a.kind is ActorKind.person]:
            if any(m.evidence for m in actor.mentions):
                continue
            if listed is None:
                listed = self._listed_before_a_person(people)
            if any(m.start in listed for m in actor.mentions):
                continue
            alone = surnames.get(actor.words[-1], ())
            if any(m.titled or not self._common_word(m) for m in alone):
                continue
            self.actors.remove(actor)
            for mention in actor.mentions:
                del self.by_mention[(mention.start, mention.end)]

    def _listed_before_a_person(self, people: list[Mention]) -> set[int]:
        """Where full names start that are listed right before a person's full name with
        evidence ('Hastings Banda and Jomo Kenyatta', 'Christian Pineau and Maurice Faure
        signed'), as one listed right after a person is evidenced by the reader."""
        listed: set[int] = set()
        for before, after in zip(people[-2::-1], people[:0:-1], strict=True):
            if after.start - before.end > _LIST_GAP or not (
                after.evidence or after.start in listed
            ):
                continue  # most pairs: far apart, decided without a regex
            if (
                _LISTED.fullmatch(self.source, before.end, after.start)
                and len(_name_words(before.name)) >= 2
                and len(_name_words(after.name)) >= 2
                and not _COMPLEMENT_BEFORE.search(
                    self.source, max(0, before.start - 5), before.start
                )
            ):  # not 'Minister of Public Works, and Jean de Broglie'
                listed.add(before.start)
        return listed

    def _common_word(self, mention: Mention) -> bool:
        """Whether a single word opens a sentence, a line or a quotation, where any word is
        capitalised, and the brief writes it in lowercase elsewhere ('Peace has no
        borders', 'Contra leader Adolfo Calero' beside 'the contras'): a common word, no
        sign that a name ending in it is a person's ('Lasting Peace')."""
        start = mention.start
        before = self.source[max(0, start - 3) : start].rstrip(" \t*-•–>")
        if before and before[-1] not in _OPENERS:
            return False
        word, source = mention.name.casefold(), self.source
        at = source.find(word)
        while at >= 0:  # a lowercase occurrence standing as a word (or its plural)
            after = at + len(word)
            after += source.startswith("s", after)
            if not (at and source[at - 1].isalnum()) and not source[after : after + 1].isalnum():
                return True
            at = source.find(word, at + 1)
        return False

    def _attach(self, actor: _Actor, mention: Mention) -> None:
        actor.mentions.append(mention)
        if mention.start < actor.first_seen:
            actor.first_seen = mention.start
        self.by_mention[(mention.start, mention.end)] = actor

    def _new(self, mention: Mention, name: str) -> _Actor:
        actor = _Actor(mention.kind, name, mention.start)
        self.actors.append(actor)
        return actor

    def _add_full_name(self, mention: Mention) -> None:
        words = _name_words(mention.name)
        last = words[-1]
        people = [a for a in self.actors if a.kind is ActorKind.person]
        for actor in people:  # one holds the other: the same last word first
            known = actor.words
            if (
                known[-1] == last
                and (_contains(known, words) or _contains(words, known))
                and not other_generation(actor.name, mention.name)
            ):
                if len(words) > len(known) and (
                    " " not in actor.name or _given_name_before(mention.name, actor.name)
                ):
                    actor.rename(mention.name)  # 'Dae-jung', then 'Kim Dae-jung'
                self._attach(actor, mention)
                return
        keys = (surname_key(last), compact(mention.name))
        unaspirated = unaspirated_key(last)
        first, opening, inner = words[0], words[:2], words[1:-1]
        variants = [
            actor
            for actor in people
            # the tests `same_person` opens with, before its evidence is gathered
            if (
                actor.keys[0] == keys[0]
                or actor.words[:2] == opening  # one name lengthened: 'Abiy Ahmed (Ali)'
                or actor.words[-1] == first  # in another order: 'Chung Sze-yuen'
                or first in actor.words[1:-1]  # lengthened at both ends: 'Marco Vinicio ...'
                or actor.words[0] in inner
                or actor.keys[1] == keys[1]
                or actor.unaspirated == unaspirated
                or actor.words[0] == first  # the surname spelled apart: 'Adolf Ioffe'
            )
            and same_person(
                _evidence(actor),
                PersonName(mention.name, mention.title, mention.country),
                same_brief=True,
            )
        ]
        if len(variants) == 1:  # of two candidates (`George Bush`), neither is sure
            # The name first written in full stays the name ('Mike Pompeo', then 'Michael
            # R. Pompeo' in an attribution): another spelling is an alias.
            variants[0].spellings.append(mention.name)
            self._attach(variants[0], mention)
            return
        self._attach(self._new(mention, mention.name), mention)

    def _add_short_name(self, mention: Mention, *, create: bool) -> None:
        word = _single_word(mention.name)
        matches = [a for a in self.actors if a.kind is ActorKind.person and word in a.words]
        if not matches:  # another romanisation of one surname: 'Soeharto', then 'Suharto'
            key = skeleton(word)
            matches = [
                a
                for a in self.actors
                if a.kind is ActorKind.person and skeleton(a.words[-1]) == key
            ]
            matches = matches if len(matches) == 1 else []
        if matches:
            self._attach(self._closest(matches, mention.start), mention)
        elif (nicknamed := self._nicknames.get(word)) is not None and nicknamed in self.actors:
            self._attach(nicknamed, mention)
        elif create:
            self._attach(self._new(mention, mention.name), mention)

    def _join_nicknames(self) -> None:
        """'Ahmed Qurei, known as Abu Ala', 'Gen. Mohamed Hamdan Dagalo, also known as
        Hemedti': the name after `known as` is the person's, as an alias; a person the
        reader made of it joins the one named before."""
        people = {
            m.end: actor
            for actor in self.actors
            if actor.kind is ActorKind.person
            for m in actor.mentions
        }
        for match in _KNOWN_AS.finditer(self.source):
            named = people.get(match.start()) or self._named_by_surname(
                match.start(), match.start("nickname")
            )
            if named is None:
                continue
            nickname = match.group("nickname")
            self._nicknames[slugify(nickname)] = named
            start = match.start("nickname")
            other = next(
                (
                    a
                    for e, a in people.items()
                    if a is not named and e > start and any(m.start == start for m in a.mentions)
                ),
                None,
            )
            if other is not None and other in self.actors:
                self._join_nickname(named, other, slugify(nickname))

    def _named_by_surname(self, end: int, nickname: int) -> _Actor | None:
        """The one person whose name holds the single word ending at `end` ('President
        Eyadéma, formerly known as Étienne Eyadéma'), besides the one named at `nickname`,
        else None."""
        word = next(
            (
                _single_word(m.name)
                for m in self.mentions
                if m.end == end and m.kind is ActorKind.person and len(_name_words(m.name)) == 1
            ),
            None,
        )
        if word is None:
            return None
        found = [
            a
            for a in self.actors
            if a.kind is ActorKind.person
            and word in a.words
            and all(m.start != nickname for m in a.mentions)
        ]
        return found[0] if len(found) == 1 else None

    def _join_nickname(self, named: _Actor, other: _Actor, nickname: str) -> None:
        """The person made of a nickname joins the one named before; a full name it had
        taken in as a spelling of the nickname stays apart unless it is a spelling of the
        person's own name too (`P. W. Botha`, taken in by `Pik Botha`, is not `Roelof
        Frederik Botha`, `known as Pik Botha`)."""
        evidence = _evidence(named)
        kept = [
            m
            for m in other.mentions
            if len(_name_words(m.name)) >= 2
            and slugify(m.name) != nickname
            and not same_person(evidence, PersonName(m.name, m.title, m.country), same_brief=True)
        ]
        named.spellings.append(other.name)
        for mention in other.mentions:
            if mention not in kept:
                self._attach(named, mention)
        if not kept:
            self.actors.remove(other)
            return
        other.mentions = kept
        other.rename(kept[0].name)
        other.first_seen = min(m.start for m in kept)

    def _join_short_organisation_names(self) -> None:
        """A body named in full and by a shorter form in one brief is one actor under its
        full name: the full name without its tail ('Foreign Affairs Committee' of 'the
        Foreign Affairs Committee of the European Parliament', 'International Criminal
        Tribunal' ... 'for the former Yugoslavia') or without its first words
        ('Constituent Assembly', 'National Constituent Assembly'), when the longer forms
        are all forms of one full name and the countries agree. A known organisation keeps
        its name."""
        orgs = [a for a in self.actors if a.kind is ActorKind.organization]
        if len(orgs) < 2:
            return
        for short in list(orgs):
            if acronym(short.name) or known_organisation(short.name):
                continue
            longer = [a for a in orgs if a is not short and _longer_form(a.name, short.name)]
            full = max(longer, key=lambda a: len(a.name), default=None)
            if full is None or not _same_country(short, full):
                continue
            if any(a is not full and not _longer_form(full.name, a.name) for a in longer):
                continue  # two bodies whose names both hold the short one
            for mention in short.mentions:
                self._attach(full, mention)
            self.actors.remove(short)
            orgs.remove(short)  # merged: no longer a full name for another

    @staticmethod
    def _closest(actors: list[_Actor], offset: int) -> _Actor:
        """The actor mentioned most recently before `offset`, else the first one after it."""

        def last_before(actor: _Actor) -> int:
            return max((m.start for m in actor.mentions if m.start < offset), default=-1)

        recent = [(at, actor) for actor in actors if (at := last_before(actor)) >= 0]
        if recent:
            return max(recent, key=itemgetter(0))[1]  # of equal ones, `max` keeps the first
        return min(actors, key=lambda a: a.first_seen)

    def _add_group(self, mention: Mention) -> None:
        key = self._group_key(mention)
        known = self._groups.get((mention.kind, key))
        if known is not None:
            if (
                mention.kind is ActorKind.organization
                and mention.name != known.name
                and _fuller(mention.name, known.name)
            ):
                known.rename(mention.name)  # 'EU', then 'European Union': the name in full
            self._attach(known, mention)
            return
        if mention.kind is ActorKind.organization and mention.country is None:
            name = key.partition("|")[0]
            same_head = [
                a
                for a in self.actors
                if a.name.casefold().endswith(name) and not _of_another(a.name, name)
            ]
            if len(same_head) == 1 and same_head[0].kind is ActorKind.organization:
                self._attach(same_head[0], mention)
                return
        name = country_name(mention.name) if mention.kind is ActorKind.country else mention.name
        actor = self._new(mention, name)
        self._groups[(mention.kind, key)] = actor
        self._attach(actor, mention)

    @staticmethod
    def _group_key(mention: Mention) -> str:
        """Countries by code; organisations by their qualified name: a known one's
        canonical name ('EU' and 'European Union' are one), with its country ('Defence
        Ministry' of Russia and of Ukraine are two; 'China's Ministry of Foreign Affairs'
        and the 'Ministry of Foreign Affairs of the People's Republic of China' one)."""
        if mention.kind is not ActorKind.organization:
            return mention.name.casefold()
        return f"{qualified_name(mention.name, mention.country).casefold()}|"

    def key_of(self, mention: Mention) -> str | None:
        """Actor key of a mention that was resolved, else None."""
        actor = self.by_mention.get((mention.start, mention.end))
        return self._keys[id(actor)] if actor else None

    def _assign_keys(self) -> dict[int, str]:
        """Each actor's key, by `id`; a clash takes '-2', '-3' in order of appearance."""
        keys: dict[int, str] = {}
        used: set[str] = set()
        for actor in self.ordered():
            base = slugify(_key_name(actor))
            key, counter = base, 1
            while key in used:
                counter += 1
                key = f"{base}-{counter}"
            used.add(key)
            keys[id(actor)] = key
        return keys

    def ordered(self) -> list[_Actor]:
        """Actors in order of first appearance."""
        return sorted(self.actors, key=lambda a: a.first_seen)

    def keyed(self) -> list[tuple[Mention, str]]:
        """Mentions that belong to an actor, with the actor's key, in text order."""
        actors, keys = self.by_mention, self._keys
        return [
            (m, keys[id(actors[m.start, m.end])])
            for m in self.mentions
            if (m.start, m.end) in actors
        ]

    def parsed_actors(self) -> list[ParsedActor]:
        """The public actor records."""
        actors = [_to_parsed(actor, self._keys[id(actor)]) for actor in self.ordered()]
        return _ACTORS.validate_python(actors)  # one call for all: see `brief.Data`


# Between two names of a list: 'Jane Roe and John Doe', 'Jane Roe, John Doe'.
_LIST_GAP = len(", and ")
_COMPLEMENT_BEFORE = re.compile(r"\b(?:of|for|to|the)[ \t]+$")
_LISTED = re.compile(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)")


def _evidence(actor: _Actor) -> PersonName:
    """The actor's name with the first title and country seen, as `_to_parsed` gives them."""
    title = next(filter(None, map(_TITLE, actor.mentions)), None)
    return PersonName(actor.name, title, next(filter(None, map(_COUNTRY, actor.mentions)), None))


def _to_parsed(actor: _Actor, key: str) -> dict[str, object]:
    mentions = sorted(actor.mentions, key=_START)
    # The first surface, title and country seen, by C-level maps rather than generators.
    aliases = list(dict.fromkeys([*map(_SURFACE, mentions), *actor.spellings]))
    title = next(filter(None, map(_TITLE, mentions)), None)
    country = next(filter(None, map(_COUNTRY, mentions)), None)
    if actor.kind is ActorKind.country:
        title = None
    return {
        "key": key,
        "name": actor.name,
        "kind": actor.kind,
        "title": title,
        "country": country,
        "aliases": aliases,
    }

"""Person mentions: titled names ('Foreign Minister Jane Roe'), untitled full names with
evidence, single names, and names coordinated with a person ('former Presidents A B and
C D'). See docs/parsing.md, "Actors"."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from app.parsing.lexicon.countries import capitals, plain
from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import Category, lexicon
from app.parsing.names.emitting import code_of
from app.parsing.names.orgs import OrgReader
from app.parsing.names.segments import Item, Part, title_end
from app.parsing.names.shapes import (
    acronym,
    introduced_as_person,
    kin_before,
    name_shaped,
    numeral_before_period,
    person_noun,
    roman_numeral,
    shaped_like_a_person,
)
from app.parsing.names.tokens import PARTICLES, Token
from app.parsing.names.variants import skeleton
from app.vocabulary import ActorKind, slugify

# What may separate coordinated names: 'A B, C D and E F', 'ministers, A and B'.
_NAMES = load_data("names.json")
_COORDINATION = re.compile(r"[ \t]*(?:[,;:][ \t]*(?:and[ \t]+)?|and[ \t]+)")
_PLURAL_SUFFIXES = tuple(_NAMES["plural_suffixes"])
_MAX_SURNAME_REACH = 3
_NAME_SUFFIXES = frozenset(_NAMES["name_suffixes"])
# Descriptor nouns: capitalised at a sentence's start, they open no name ('Economist X Y').
_FAMILY_FIRST = frozenset(load_data("given_names.json")["family_first"])
_SHORT_GIVEN = 3  # 'He', 'Yi': East Asian given names of one syllable
# The organisation words that a title word alone before names a government department by
# its field (the Justice Ministry).
_DEPARTMENTS = frozenset(("ministry", "department"))
_REGNAL_TITLES = frozenset(t.casefold() for t in load_data("titles.json")["regnal_titles"])
# The words that open a document's name in Spanish, Portuguese, Italian and French.
_EVENT_HEADS_FIRST = frozenset(load_data("stopwords.json")["event_heads_first"])
_ORGS = load_data("organizations.json")
# 'his Fidesz party', 'the Mungiki sect': a marker right after a single name.
_MARKER_AFTER = re.compile(rf" (?:{'|'.join(_ORGS['markers_after'])})\b(?!-)")
# 'group' or 'faction' after a single name marks a body, unless the name is an adjective
# ('the Slavic group', 'an Islamist faction').
_GROUP_AFTER = re.compile(r" (?:group|faction)\b(?![-’'])")
_ADJECTIVE_ENDINGS = ("ic", "ian", "ean", "ese", "ish", "ist")
# 'Oleh Dubyna, chairman of ' + 'Naftogaz': who leads a body, of a single name.
_HEAD_OF = re.compile(rf"\b(?:{'|'.join(_ORGS['leader_roles'])}) of (?:the )?$")
# Verbs of leading a body: 'who also chairs ' + 'Golkar', 'Sekou Conneh leads ' + 'LURD'.
_LEADING_VERBS = frozenset(("leads", "chairs", "heads", "founded", "co-founded"))
_ALONE_AFTER = re.compile(r"[,.;:)]|\s(?:of|and|in|to|for|at|on|with|said|says)\b")
_SUCH_AS = re.compile(r"(?P<plural>[A-Za-z-]+) such as (?:[A-Z][\w'’-]*(?:,? and |,? or |, ))*$")
# An appositive after a name: ', a Norwegian research institute', ', the state broadcaster'.
_APPOSITIVE = re.compile(r", (?:a|an|the) (?P<words>[\w-]+(?: [\w-]+){0,3})")
# An owner's marker after a name: ', Mahuad's party,', ', Orbán's ruling party.'.
# A firm's names joined by an ampersand after a run: 'Burns Philp' + ' & Co'.
_AMPERSAND = re.compile(r"[ \t]+&[ \t]+[A-Z]")
_OWNED_MARKER = re.compile(r", [A-Z][\w-]*(?:'s|’s) (?:[\w-]+ ){0,2}(?P<marker>[\w-]+)[,.;:]")
# A news outlet named as the subject of reporting: 'Dawn reported that', 'Pravda wrote
# that'; opened by an article of another language, also 'said' and a claim 'in' it: 'Der
# Spiegel reported', 'El Universal said', 'Claims in El Moudjahid that'.
_REPORTS_THAT = re.compile(r" (?:reported|wrote) that\b")
_PRESS_ARTICLES = frozenset(("El", "La", "Le", "Les", "Los", "Las", "Der", "Die", "Das", "Il"))
_ARTICLE_REPORTS = re.compile(r" (?:reported|wrote|said|that)\b")
# A source a claim is put to: 'According to The Hindu,', 'Claims in (by) Granma that', 'Reports
# in Yonhap' (opening a claim: 'border claims in Kashmir' name a place); and the subject of
# reporting opening a bullet: '- Kompas reported, and', '* Izvestia said', '– The Solomon
# Star reported'.
_SOURCED_IN = re.compile(
    r"(?:\b[Aa]ccording to|\bClaims? (?:in|by)|\bReports? (?:in|by))(?: The)? $"
)
_BULLET_OPENS = re.compile(r"(?:^|\n)[ \t]*(?:[-*•–—]|\d{1,2}[.)])[ \t]+(?:The )?$")
_SUBJECT_REPORTS = re.compile(r" (?:report(?:s|ed)|wr(?:ites|ote)|sa(?:ys|id)|claim(?:s|ed))\b")
# A claim, report or account owned by the name opening a bullet: '* Doordarshan's claim that'.
_CLAIM_AFTER = re.compile(r" (?:claim|report|account)s? (?:that|of)\b")
_PRESS_WORDS = frozenset(_ORGS["press_words"])
# A capitalised word and the word after it: where a surname stands in a full name.
_NAME_PAIR = re.compile(r"(?<![\w.])(?!The )[A-Z][\w'’-]* (?P<word>[^\W\d_][\w'’-]*)")

# A document's or a meeting's name before 'on' or 'for': 'Convention on ', 'Conference on '.
_DOCUMENT_LINK = re.compile(r"\b(?P<head>[A-Z][a-z]+) (?:on|for) $")
_NUMBER_WORDS = frozenset(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
)

# Titles that may be a word of the name after them ('Sheikh Mujibur Rahman', 'Lord Carrington').
_NAME_TITLES = frozenset(("Sheikh", "Lord"))
# The words of an Arabic name that 'Sheikh' is a title before: a father's name, a family.
_ARABIC_LINKS = frozenset(("bin", "ibn", "bint", "al", "el", "abu", "bani"))
_ARTICLE_BEFORE = re.compile(r"(?:\b[Tt]he|\ban?|\bA)[ \t]+$")
_LINKS = frozenset(("of", "for", "and", "to", "on"))
_APPOSITIVE_ENDS = _LINKS | {"in", "at", "with", "by", "from", "that", "which", "who", "based"}


def _described_as_organisation(source: str, at: int, markers: frozenset[str]) -> bool:
    """Whether an appositive at `at` describes the name before it with an organisation
    word: 'Fafo, a Norwegian research institute', 'Democracia Popular, Mahuad's party,'."""
    if (owned := _OWNED_MARKER.match(source, at)) is not None:
        return owned.group("marker") in markers
    found = _APPOSITIVE.match(source, at)
    if found is None:
        return False
    head = None  # the last word before a small word: 'the seat' of 'the seat of the rebel'
    for word in found.group("words").split():
        if word in _APPOSITIVE_ENDS:
            break
        head = word
    return head in markers


@cache
def _words_of_known_organisations() -> frozenset[str]:
    """Every word of a known organisation's name, folded ('foreign' of 'Foreign Office')."""
    phrases = lexicon().phrases
    return frozenset(
        word.casefold()
        for text, entry in phrases.items()
        if entry.category is Category.org
        for word in text.split()
    )


@cache
def plural_noun(word: str) -> bool:
    """'Republicans', 'Officials', 'Ministers', 'MPs': plural nouns never end a person's
    name."""
    words = lexicon()
    folded = word.casefold()
    if folded in words.plurals or folded.endswith(_PLURAL_SUFFIXES):
        return True
    if word.endswith("s") and len(word) > 2 and word[:-1].isupper():
        return True  # an acronym's plural: 'MPs', 'MEPs', 'NGOs'
    return folded.endswith("s") and folded[:-1] in words.title_heads


def singular_title(title: str) -> str:
    """'former Presidents' -> 'former President'; 'defense ministers' -> 'defense minister'."""
    head = title.rsplit(" ", 1)[-1]
    if head.casefold() not in title_end().plurals:
        return title
    stem = head[:-3] + "y" if head.endswith("ies") else head[:-1]
    return title[: len(title) - len(head)] + stem


class PeopleReader(OrgReader):
    """Emits person mentions, remembering the last person for coordination."""

    # (offset just past the last person, the plural title that applies to its list)
    chain: tuple[int, str | None] | None = None

    def _words(
        self, item: Item, title: Item | None = None, affiliation: Item | None = None
    ) -> None:
        if self._is_org(item):
            if (
                title is not None
                and not self.tokens[title.first].possessive  # 'Comptroller General's Office'
                and (
                    self._text(title.first, title.stop) == "General"
                    or (
                        title.stop - title.first == 1
                        and item.stop - item.first == 1
                        and self.tokens[item.first].folded in _DEPARTMENTS
                    )
                )
            ):
                # the adjective, not the rank: 'the General Intelligence Service'; a title
                # word before 'Ministry' or 'Department' alone names its field: 'the Justice
                # Ministry'
                item = Item(Part.words, title.first, item.stop)
            self._org(item, affiliation)  # also 'director of the Central Affairs Commission'
            return
        if self._names_event(item.first, item.stop):
            return  # 'General Framework Agreement': a rank needs a person after it
        if self._is_place(item) and not (title and self._given_name(self.tokens[item.first])):
            return  # 'Rixos President Hotel', but 'Gen. Mark Field' is a person
        if title is not None and not self._name_after_title(self.tokens[item.first]):
            title = None
        elif (
            title is not None
            and item.stop - item.first == 1
            and plural_noun(self.tokens[item.first].text)
        ):
            title = None  # 'the Treaty of General Relations': a plural noun names no one
        if title is not None and self.headline and self._plural_before_a_word(title, item):
            title = None  # 'Five Foreign Ministers Found ASEAN': a verb, unless named in full
        groups = self._name_groups(item.first, item.stop, titled=title is not None)
        if title is not None and groups and groups[0][0] == item.first:
            self._person(groups.pop(0), title, affiliation)
        elif affiliation is not None and groups and groups[0][0] == item.first:
            self._untitled(groups.pop(0), code_of(affiliation))  # "Syria’s Bashar al-Assad"
        for group in groups:
            self._untitled(group)

    def _plural_before_a_word(self, title: Item, item: Item) -> bool:
        """A plural title before a single word ('Delegates Sign')."""
        one_word = item.stop - item.first == 1 or self._is_stop(self.tokens[item.first + 1])
        return one_word and self.tokens[title.stop - 1].folded in title_end().plurals

    @staticmethod
    def _name_after_title(token: Token) -> bool:
        """'King Harald V', not 'Martin Luther King Jr.'."""
        return name_shaped(token) and token.text not in _NAME_SUFFIXES

    def _name_groups(self, first: int, stop: int, *, titled: bool) -> list[tuple[int, int]]:
        groups: list[tuple[int, int]] = []
        begin = None
        for index in range(first, stop + 1):
            token = self.tokens[index] if index < stop else None
            particle = token is not None and token.folded in PARTICLES and begin is not None
            if token is not None and (
                particle or not self._is_stop(token) or self._surname(index, begin, titled)
            ):
                begin = index if begin is None else begin
                continue
            if begin is not None:
                groups.append((begin, index))
            begin = None
            titled = False
        return [g for g in groups if self.tokens[g[1] - 1].folded not in PARTICLES]

    def _surname(self, index: int, begin: int | None, titled: bool) -> bool:
        """A stop-looking word that ends a name after a title or a given name: 'Prime
        Minister Theresa May', 'Jane West' (not 'President Xi Jinping Monday', 'May 3')."""
        if begin is None or not 0 < index - begin <= _MAX_SURNAME_REACH:
            return False
        token = self.tokens[index]
        if not token.capitalised:
            return False
        if token.folded in self.words.not_surnames and not self._given_after_family(index, begin):
            return False
        if self.source[token.outer : token.outer + 2].strip()[:1].isdigit():
            return False  # a date: 'May 3'
        return titled or self.tokens[begin].text in self.words.given_names

    def _given_after_family(self, index: int, begin: int) -> bool:
        """A short given name after a family name written first, though it looks like a
        stop word: 'Liu He', 'Vice Premier Liu He'."""
        return (
            index - 1 == begin
            and self.tokens[begin].text in _FAMILY_FIRST
            and len(self.tokens[index].text) <= _SHORT_GIVEN
        )

    def _pending_title(self, first: int, stop: int) -> None:
        """A plural title with no name after it: the names listed next take it
        ('the two defense ministers, Shoigu and Akar')."""
        if self.tokens[stop - 1].folded in title_end().plurals:
            self.chain = (self.tokens[stop - 1].outer, singular_title(self._text(first, stop)))

    def _linked(self, first: int) -> tuple[bool, str | None]:
        """Whether the name at token `first` is listed right after a person, and the plural
        title that list carries."""
        if self.chain is None:
            return False, None
        end, title = self.chain
        linked = _COORDINATION.fullmatch(self.source, end, self.tokens[first].start) is not None
        return linked, title if linked else None

    def _person(self, group: tuple[int, int], title: Item, affiliation: Item | None) -> None:
        first, stop = group
        start = affiliation.first if affiliation else title.first
        title_text = self._text(title.first, title.stop)
        singular: str | None = singular_title(title_text)
        name = self._text(first, stop)
        if self.tokens[title.stop - 1].folded in _REGNAL_TITLES:
            stop, name = self._regnal(stop, name)
        elif title_text in _NAME_TITLES and self._title_in_the_name(title_text, first, stop):
            name, singular, title_text = f"{title_text} {name}", None, ""
        self._emit(
            ActorKind.person,
            start,
            stop,
            name,
            title=singular,
            country=code_of(affiliation),
            titled=True,
            evidence=True,
        )
        self._title_entities(title)
        self._title_organisation(title, affiliation)
        self.chain = (self.tokens[stop - 1].outer, singular if singular != title_text else None)

    def _title_in_the_name(self, title: str, first: int, stop: int) -> bool:
        """A title that is a word of the name after it ('Sheikh Mujibur Rahman', 'Lord
        Carrington')."""
        if title == "Sheikh":
            return self._sheikh_in_the_name(first, stop)
        return title == "Lord" and stop - first == 1 and self._known_by_a_peerage(first)

    def _sheikh_in_the_name(self, first: int, stop: int) -> bool:
        """'Sheikh Mujibur Rahman': before a name of two words or more with no Arabic
        father's name or family article ('bin', 'Al', 'al-'), 'Sheikh' is a word of the name,
        as in South Asia, not the Gulf rulers' title ('Sheikh Tamim bin Hamad Al Thani').
        A single name after it stays titled ('Sheikh Zayed', short for a full name)."""
        words = self.tokens[first:stop]
        return len(words) >= 2 and not any(
            t.folded in _ARABIC_LINKS or t.folded[:3] == "al-" for t in words
        )

    def _known_by_a_peerage(self, first: int) -> bool:
        """'Lord Carrington': a peer named by the title and one name, which the brief
        never writes after another name ('Peter Carrington'), is known by both words."""
        name = re.escape(self.tokens[first].text)
        before = re.finditer(rf"\b([A-Z][\w'’.-]*) {name}\b", self.source)
        return all(match.group(1) == "Lord" for match in before)

    def _regnal(self, stop: int, name: str) -> tuple[int, str]:
        """A monarch's numeral, which reads as an initial before the period that ends the
        sentence ('Emperor Haile Selassie I.', 'King George V.', 'Malietoa Tanumafili II.'),
        and 'I', which reads as a pronoun: 'King Juan Carlos I of Spain'."""
        if name.endswith((" I.", " V.", " X.")) or numeral_before_period(name):
            return stop, name[:-1]  # 'Malietoa Tanumafili II.': no numeral takes a period
        tokens = self.tokens
        if (
            stop < len(tokens)
            and tokens[stop].text == "I"
            and self.source[tokens[stop - 1].outer : tokens[stop].start] == " "
            and not self.source[tokens[stop].end : tokens[stop].end + 1].isalnum()
        ):
            return stop + 1, f"{name} I"
        return stop, name

    def _title_organisation(self, title: Item, affiliation: Item | None) -> None:
        """The body a title opens with: 'Foreign Ministry' in '(Chinese) Foreign Ministry
        spokesman Zhao Lijian', 'Central Bank' in 'Central Bank Governor'."""
        words = self.words
        first, last = title.first, None
        while first < title.stop and self.tokens[first].folded in words.title_modifiers:
            if self.tokens[first].folded in _words_of_known_organisations():
                break  # 'Foreign' opens 'Foreign Ministry'; 'Deputy' and 'Acting' open no body
            first += 1
        for index in range(first, title.stop):
            token = self.tokens[index]
            if not token.capitalised:
                break
            if token.folded in words.org_heads:
                last = index
        if last is None or last == first:
            return
        for start in range(first, last):
            entry = words.phrases.get(self._text(start, last + 1))
            if entry is not None and entry.category is not Category.org:
                return  # 'Acting White House Chief of Staff': a seat, not a body
        self._org(Item(Part.words, first, last + 1), affiliation=affiliation)

    def _title_entities(self, title: Item) -> None:
        """Organisations and countries named inside a title: 'Secretary-General of NATO'."""
        first = next(
            (i for i in range(title.first, title.stop) if self.tokens[i].folded in ("of", "to")),
            None,
        )
        if first is None:
            return
        for index in range(first + 1, title.stop):
            entry = self.words.phrases.get(self.tokens[index].text)
            if entry is not None and entry.category in (Category.country, Category.org):
                self._entity(Item(title.part, index, index + 1, entry))

    def _untitled(self, group: tuple[int, int], country: str | None = None) -> None:
        first, stop = group
        if self._names_place(first, stop):
            return
        names = [t for t in self.tokens[first:stop] if t.folded not in PARTICLES]
        if (len(names) >= 2 or self._movement_word(names)) and self._movement(first, stop):
            self._emit(ActorKind.organization, first, stop, self._text(first, stop))
            return
        if stop - first <= 2 and self._press_shaped(first, stop) and self._press_name(first, stop):
            self._emit(ActorKind.organization, first, stop, self._text(first, stop))
            return
        if (
            len(names) >= 3
            and names[0] is self.tokens[first]
            and person_noun(names[0].folded)  # 'Writers Günter Grass and Siegfried Lenz'
            and not self.headline
            and all(map(name_shaped, _unnumbered(names[1:])))
        ):  # 'Businessman Roman Abramovich', 'Economist Abdalla Hamdok': a descriptor
            if not self._is_located(first, stop) and not plural_noun(names[-1].text):
                self._full_name(first + 1, stop, country, described=True)
            return
        if (
            2 <= len(names) <= 3
            and names[-1].text in _PRESS_WORDS
            and not self._given_name(names[0])
            and not self.headline
        ):  # 'the Manchester Guardian called it', 'The Indian Express': no person's name
            self._emit(ActorKind.organization, first, stop, self._text(first, stop))
            return
        if len(names) < stop - first and names and names[0].text in _EVENT_HEADS_FIRST:
            return  # 'Memorando de Entendimiento', 'Pacto de Tregua': a document, no one
        if (
            len(names) >= 2
            and len(names) < stop - first  # a particle among them
            and any(t.text in self.words.movement_prefixes for t in names[1:])
            and not self._given_name(names[0])  # 'Guy La Chambre'
        ):  # 'Grand Conseil de Genève', 'Tweede Kamer der Staten-Generaal': a body's word
            self._emit(ActorKind.organization, first, stop, self._text(first, stop))
            return  # written first, after a word before it, names no person
        if len(names) >= 2 and not self.headline and all(map(name_shaped, _unnumbered(names))):
            after = self.tokens[stop - 1].outer
            owned = (
                _OWNED_MARKER.match(self.source, after)
                if self.source.startswith(",", after)
                else None
            )
            if (
                owned is not None
                and owned.group("marker") in self.words.group_markers
                and not self._given_name(names[0])
            ):  # 'Democracia Popular, Mahuad's party,'
                self._emit(ActorKind.organization, first, stop, self._text(first, stop))
            elif (
                not self._is_located(first, stop)
                and not plural_noun(names[-1].text)
                and not self._names_no_one(first, stop)
            ):
                self._full_name(first, stop, country)
            return
        if len(names) == 1 and self._named_as_organisation(names[0], self.tokens[first].start):
            self._emit(ActorKind.organization, first, stop, self._text(first, stop))
            return  # 'the ruling party Fidesz', 'the pollster Ipsos', 'his Fidesz party'
        last = self.tokens[stop - 1]
        if len(names) == 1 and first < stop - 1 and names[0] is last and name_shaped(last):
            self._single_name(first, stop)  # particles kept: 'Von der Leyen', 'Al-Bashir'
            return
        for index in range(first, stop):
            token = self.tokens[index]
            if acronym(token.text):
                self._emit(ActorKind.organization, index, index + 1, token.text)
            elif (
                name_shaped(token)
                and token.folded not in PARTICLES
                and not plural_noun(token.text)  # 'People' of 'the People's Party'
            ):
                self._single_name(index, index + 1)

    def _names_no_one(self, first: int, stop: int) -> bool:
        """Words of a document's name after its 'on' or 'for' ('the Shanghai Convention on
        Combating Terrorism', 'the Conference on Marine Biodiversity'), or a name ending in
        a number, as groupings are named ('the Shanghai Five'): no person."""
        if self.tokens[stop - 1].folded in _NUMBER_WORDS:
            return True
        start = self.tokens[first].start
        if not self.source.endswith((" on ", " for "), 0, start):
            return False  # the common case
        link = _DOCUMENT_LINK.search(self.source, max(0, start - 40), start)
        return link is not None and link.group("head").casefold() in self.words.event_heads

    def _named_as_organisation(self, token: Token, start: int) -> bool:
        """A single name the brief calls an organisation: a marker right before it ('the
        pollster Ipsos') or after it ('his Fidesz party', 'the Mungiki sect'), 'and its'
        after it, a list after 'such as' and a plural marker, the body a leader is 'of', or
        an appositive naming a marker; never a given name or a model number ('F-16
        coalition')."""
        if not token.text.isalpha() or self._given_name(token):
            return False
        source = self.source
        before = source[max(0, start - 20) : start]  # before an article: 'the daily La Prensa'
        previous = before.split()[-1:] if before.endswith((" ", "\t")) else []
        if source.startswith(" ", token.outer):
            if _MARKER_AFTER.match(source, token.outer) and not token.possessive:
                return True  # 'his Fidesz party'; 'Mahuad's party' is its leader's
            if (
                source.startswith((" group", " faction"), token.outer)
                and _GROUP_AFTER.match(source, token.outer)
                and not token.possessive
                and not token.folded.endswith(_ADJECTIVE_ENDINGS)
            ):
                return True  # 'the Seirankai group'; not 'the Slavic group' of languages
            if source.startswith(" and its ", token.outer) and previous not in (["and"], ["of"]):
                return True  # not the end of a name cut short: 'Bosnia and Herzegovina'
        if previous and previous[0] in self.words.group_markers:
            return True
        if previous in (["as"], ["and"], ["or"]) and self._one_of_a_kind(token.start):
            return True
        if previous in (["of"], ["the"]) and self._led_body(token):
            return True
        if (
            previous
            and previous[0] in _LEADING_VERBS
            and not token.possessive
            and _ALONE_AFTER.match(source, token.outer)
        ):
            return True  # 'Kalla, who also chairs Golkar,'
        if not source.startswith(", ", token.outer):
            return False
        if previous and (previous[0].casefold() in self.words.locatives or previous[0] in _LINKS):
            return False  # 'In Pristina, the opposition movement ...', 'Fridays for Future, the'
        return _described_as_organisation(source, token.outer, self.words.group_markers)

    def _press_shaped(self, first: int, stop: int) -> bool:
        """The cheap test before `_press_name`: a word before 'r' or 'w', two opened by an
        article of another language, or a name after 'to ', 'in ' or a bullet."""
        if stop - first == 2 and self.tokens[first].text in _PRESS_ARTICLES:
            return True
        outer = self.tokens[stop - 1].outer
        if stop - first == 1 and self.source[outer + 1 : outer + 2] in ("r", "w"):
            return True
        start = self.tokens[first].start
        before = self.source[max(0, start - 4) : start]
        if before.endswith((" to ", " in ", " by ", "The ")):
            return True  # 'According to X', 'Claims in X', 'Claims by X', 'The X reported'
        if before[-2:-1] in (".", ")"):
            return before[-3:-2].isdigit()  # a numbered bullet: '1. X said'
        return before[-2:-1] in ("-", "*", "•", "–", "—")

    def _press_name(self, first: int, stop: int) -> bool:
        """A news outlet's name: one word the subject of 'reported that' or 'wrote that',
        or an article of another language and a word reporting or reported in ('Der
        Spiegel reported', 'Claims in El Moudjahid that'; see `_REPORTS_THAT`); never a
        given name, a known place or one after a locative, a plural, nor words the brief
        writes inside a longer name ('Bahr reported that' after 'Egon Bahr')."""
        tokens, source = self.tokens, self.source
        last = tokens[stop - 1]
        if self._sourced(first, stop):
            return self._press_word_or_unknown(first, stop)
        if stop - first == 1:
            if source[last.outer + 1 : last.outer + 2] not in ("r", "w"):
                return False  # the common case, tested before any regex
            before = source[max(0, last.start - 12) : last.start].split()[-1:]
            if not _REPORTS_THAT.match(source, last.outer) or (
                before and before[0] in self.words.locatives  # 'Diplomats in Lusaka reported'
            ):
                return False
        elif (
            tokens[first].text not in _PRESS_ARTICLES
            or not self._next_to(first, first + 1)
            or not _ARTICLE_REPORTS.match(source, last.outer)
        ):
            return False
        if self.headline or last.possessive or not last.text.isalpha():
            return False
        text = self._text(first, stop)
        if self._given_name(tokens[first]) or text in self.words.phrases or plural_noun(last.text):
            return False
        word = re.escape(text)
        return re.search(rf"[A-Z][\w'’.-]* {word}\b|\b{word} [A-Z]", source) is None

    def _sourced(self, first: int, stop: int) -> bool:
        """A name a claim is put to ('According to The Hindu,', 'Claims in Granma that') or
        the subject of reporting opening a bullet ('- Kompas reported, and Manila denied,',
        '* Izvestia said', '– The Solomon Star reported that') or owning the claim it opens
        with ('* Doordarshan's claim that')."""
        tokens, source = self.tokens, self.source
        start, outer = tokens[first].start, tokens[stop - 1].outer
        before = source[max(0, start - 20) : start]
        if _SOURCED_IN.search(before):
            return not self.headline and (
                source.startswith((",", " that", " "), outer) and not tokens[stop - 1].possessive
            )
        if not _BULLET_OPENS.search(before):
            return False
        if tokens[stop - 1].possessive:  # '* Doordarshan's claim that'
            return _CLAIM_AFTER.match(source, outer) is not None
        return _SUBJECT_REPORTS.match(source, outer) is not None

    def _press_word_or_unknown(self, first: int, stop: int) -> bool:
        """A news outlet's name where the brief puts a claim to it (`_sourced`): one word,
        or two ending in a word of newspapers' names ('Solomon Star', 'Caracol Radio',
        'Dong-a Ilbo'), or two opened by neither a given name nor a known word ('Dimtsi
        Hafash'); never a place, a given name, a plural, a known name, nor words the
        brief writes inside a longer name ('Putin said' after 'Vladimir Putin')."""
        tokens, source = self.tokens, self.source
        last = tokens[stop - 1]
        if not last.text.replace("-", "").isalpha():
            return False
        if last.possessive and _CLAIM_AFTER.match(source, last.outer) is None:
            return False
        text = self._text(first, stop)
        if text in self.words.phrases or plural_noun(last.text) or acronym(last.text):
            return False
        if stop - first == 1 and plain(text) in capitals():
            return False  # 'Luanda said': the government at its capital
        opening = tokens[first]
        if (stop - first == 1 or last.text not in _PRESS_WORDS) and (
            self._given_name(opening) or self._is_stop(opening)
        ):
            return False
        if stop - first == 2 and not self._next_to(first, first + 1):
            return False
        if stop - first == 2 and last.text not in _PRESS_WORDS and self._named_by_surname(last):
            return False  # '- Munther Haddadin said' and 'Haddadin' elsewhere: a person
        return not _inside_a_longer_name(source, text)

    def _named_by_surname(self, last: Token) -> bool:
        """Whether the brief writes the second word of a two-word name alone elsewhere, as
        a person is named again by the surname ('Haddadin'), never a newspaper by half of
        its name ('Prothom Alo', 'Dimtsi Hafash')."""
        source, word = self.source, last.text
        at = source.find(word)
        while at >= 0:
            if at != last.start and not source[at - 1 : at].isalnum():
                before = source[max(0, at - 40) : at].rstrip().rsplit(None, 1)[-1:]
                after = source[at + len(word) : at + len(word) + 1]
                if not after.isalnum() and not (before and before[0][:1].isupper()):
                    return True
            at = source.find(word, at + len(word))
        return False

    def _led_body(self, token: Token) -> bool:
        """'Oleh Dubyna, chairman of ' + 'Naftogaz': the body a leader, chairman,
        director or spokesman is of, when the name stands alone: before punctuation or a
        small word ('the leader of the Independent Greeks' is cut short, and 'the leader of
        the Karabakh authorities' describes them: no body)."""
        if not self.source.endswith((" of ", " of the "), 0, token.start):
            return False  # the common case, decided without the regexes
        if not _ALONE_AFTER.match(self.source, token.outer):
            return False  # 'leader of the Karabakh authorities': a word describing others
        return _HEAD_OF.search(self.source, max(0, token.start - 40), token.start) is not None

    def _one_of_a_kind(self, start: int) -> bool:
        """'manufacturers such as ' + 'Caterpillar', 'traders such as Cargill and ' +
        'Bunge', 'the small right-wing parties Tehiya and ' + 'Moledet': after a plural
        organisation word (and 'such as'), each name listed is one of those organisations."""
        window = self.source[max(0, start - 80) : start]
        if "such as " in window:
            found = _SUCH_AS.search(window)
            if found is None:
                return False
            plural = found.group("plural").casefold()
        else:  # the names listed back to the word before them: 'parties Tehiya and '
            words = window.split()
            at = len(words) - 1
            while at > 0 and (words[at] in ("and", "or") or words[at][:1].isupper()):
                at -= 1
            plural = words[at].casefold() if words else ""
        markers = self.words.group_markers
        singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
        return plural.endswith("s") and (plural in markers or singular in markers)

    @staticmethod
    def _movement_word(names: list[Token]) -> bool:
        """One hyphenated word that may name a movement: 'Jaish-e-Mohammed', 'Eri-TV',
        'VMRO-DPMNE'; not a compound adjective ('Saudi-led') or a model ('F-16')."""
        if len(names) != 1 or "-" not in names[0].text:
            return False
        first, *rest = names[0].text.split("-")
        return first.isalpha() and all(part[:1].isupper() or part in "ei" for part in rest)

    def _movement(self, first: int, stop: int) -> bool:
        """'Jabhat al-Nusra', 'Jaish-e-Mohammed', 'the militant group Jaish al-Adl', 'the Roe
        Network group'."""
        words = self.words
        if self.tokens[first].text.split("-")[0] in words.movement_prefixes:
            return True
        if stop - first > 1 and self.tokens[stop - 1].text in words.group_markers:
            return True  # 'Raiffeisen Investment AG': a company's legal form ends it
        if _AMPERSAND.match(self.source, self.tokens[stop - 1].outer):
            return True  # 'Burns Philp & Co', 'W. R. Grace & Co.': a firm's names, joined
        before = self.source[max(0, self.tokens[first].start - 20) : self.tokens[first].start]
        after = self.source[self.tokens[stop - 1].outer : self.tokens[stop - 1].outer + 20]
        previous = before.split()[-1:] if before.endswith((" ", "\t")) else []
        following = after.split()[:1] if after.startswith((" ", "\t")) else []
        if stop - first == 1 and previous and previous[0] in _LEADING_VERBS:
            return True  # 'Georgievski leads VMRO-DPMNE'
        return any(word in words.group_markers for word in previous + following)

    def _single_name(self, index: int, stop: int) -> None:
        """One name word, after the particles that open it from `index` on."""
        if roman_numeral(self.tokens[stop - 1].text):
            return  # a lone 'II' names nobody
        _, title = self._linked(index)
        text = self._text(index, stop)
        if title is None:
            kin = kin_before(self.source, self.tokens[index].start)  # 'his father Mzilikazi'
            self._emit(ActorKind.person, index, stop, text, titled=kin, evidence=kin)
            return
        self._emit(ActorKind.person, index, stop, text, title=title, titled=True)
        self.chain = (self.tokens[stop - 1].outer, title)

    def _full_name(
        self, first: int, stop: int, country: str | None, *, described: bool = False
    ) -> None:
        """An untitled full name, with whether the words around it show it is a person."""
        linked, title = self._linked(first)
        evidence = (
            described
            or linked
            or country is not None  # 'Syria’s Bashar al-Assad'
            or self._given_name(self.tokens[first])
            or shaped_like_a_person(self.tokens[first:stop])
            or (self._introduced(first, stop) and not self._common_words(first, stop))
        )
        name = self._text(first, stop)
        if numeral_before_period(name):
            name = name[:-1]  # 'Malietoa Tanumafili II.': the period ends the sentence
        self._emit(
            ActorKind.person,
            first,
            stop,
            name,
            title=title or None,
            country=country,
            titled=bool(title),
            evidence=evidence,
        )
        if evidence:
            self.chain = (self.tokens[stop - 1].outer, title)

    def _given_name(self, token: Token) -> bool:
        """A common given name, also as written with the accents of its language
        ('Valentín', 'Valentin')."""
        text = token.text
        given = self.words.given_names
        return text in given or (not text.isascii() and _unaccented(text) in given)

    def _common_words(self, first: int, stop: int) -> bool:
        """Whether the brief writes every word of a name in lowercase too ('Tobacco Control
        called it a win' beside 'tobacco' and 'control'): common words, which a verb after
        them does not show to be a person's name."""
        for token in self.tokens[first:stop]:
            word = token.text
            if not word.isalpha() or word.lower() == word:
                return False
            lower = rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])"
            if not re.search(lower, self.source):  # case-sensitive: a lowercase occurrence
                return False
        return True

    def _introduced(self, first: int, stop: int) -> bool:
        span = (self.tokens[first].start, self.tokens[stop - 1].outer)
        return (
            introduced_as_person(self.source, span, title_end().words)
            or self._of_country(first, stop)
            or (self.tokens[stop - 1].possessive and self._owns_a_body(stop))
        )

    def _owns_a_body(self, at: int) -> bool:
        """'Andries Treurnicht's Conservative Party', 'Abdumalik Abdullajanov's National
        Revival Bloc': a full name owning the body named right after it is its leader's."""
        return (
            at < len(self.tokens)
            and self.tokens[at - 1].outer + 1 == self.tokens[at].start
            and self._of_a_body(at)
        )

    def _of_country(self, first: int, stop: int) -> bool:
        """'Rodolfo Benítez of Cuba', 'Thomas Graham of the United States': a name said to
        be of a country is a person's (an organisation's name would hold its own word), and
        so is one said to be of the body it works for, named or by its acronym, unless an
        article opens it ('Alger Hiss of the State Department', 'Workneh Gebeyehu of IGAD';
        not 'the Entity List of the Bureau of ...')."""
        tokens = self.tokens
        at = stop
        if at >= len(tokens) or tokens[at].folded != "of" or not self._next_to(at - 1, at):
            return False
        at += 1
        article = _ARTICLE_BEFORE.search(
            self.source, max(0, tokens[first].start - 4), tokens[first].start
        )
        if at < len(tokens) and tokens[at].folded == "the" and self._next_to(at - 1, at):
            at += 1
            if self._of_a_body(at) and not article:
                return True  # 'Alger Hiss of the State Department', not 'the Entity List of'
        if (
            at < len(tokens)
            and acronym(tokens[at].text)
            and self._next_to(at - 1, at)
            and not article
        ):
            return True  # 'Workneh Gebeyehu of IGAD', 'Chai Chengwen of the CPV delegation'
        for length in (3, 2, 1):
            words = tokens[at : at + length]
            if len(words) < length or not all(
                self._next_to(k, k + 1) for k in range(at - 1, at + length - 1)
            ):
                continue
            entry = self.words.phrases.get(" ".join(t.text for t in words))
            if entry is not None and entry.category is Category.country:
                return True
        return False

    def _of_a_body(self, at: int) -> bool:
        """Whether capitalised words from token `at` end in an organisation word: 'the
        State Department', 'the Chase National Bank' after a name are where the person
        works (an organisation's own name would hold its own word)."""
        tokens, heads = self.tokens, self.words.org_heads
        last = at
        while last < len(tokens) and last - at < 5 and tokens[last].capitalised:
            if tokens[last].folded in heads and (
                last + 1 == len(tokens)
                or not tokens[last + 1].capitalised
                or not self._next_to(last, last + 1)
            ):
                return True
            if last + 1 < len(tokens) and not self._next_to(last, last + 1):
                return False
            last += 1
        return False


@lru_cache(maxsize=4096)
def _unaccented(text: str) -> str:
    """A word without its accents, its case kept: 'Valentín' -> 'Valentin'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _inside_a_longer_name(source: str, text: str) -> bool:
    """Whether the brief writes `text`, in any case, after or before another capitalised
    word ('Vladimir Putin' for 'Putin', 'Omar al-Bashir' for 'Al-Bashir'), or a word after
    one that is another spelling of it ('Recep Tayyip Erdoğan' for 'Erdogan', 'Volodymyr
    Zelenskyy' for 'Zelensky'); 'The' and the end of a sentence before it do not count."""
    word = re.escape(text)
    pattern = rf"(?<![\w.])(?!The )[A-Z][\w'’-]* (?i:{word})\b|\b(?i:{word}) [A-Z]"
    if re.search(pattern, source) is not None:
        return True
    if " " in text:
        return False
    key = skeleton(slugify(text))
    return any(
        found["word"][:1].isupper() and skeleton(slugify(found["word"])) == key
        for found in _NAME_PAIR.finditer(source)
    )


def _unnumbered(names: list[Token]) -> list[Token]:
    """A full name without the generational numeral after it ('James A. Baker III',
    'Benigno Aquino III')."""
    return names[:-1] if len(names) > 2 and roman_numeral(names[-1].text) else names

"""Whole organisation names, read over the mentions of a whole brief.

The run reader (`mentions.py`) cuts a name at its first small word or possessive; this pass
widens each organisation mention to the name as written and settles acronyms:

- a name goes on over `of`, `for`, `on` (+ `the`) and capitalised words
  ('Bureau of Industry and Security', 'Conference on Disarmament'), and back over
  capitalised possessives ('Tigray People's Liberation Front'); never into a known
  organisation of its own ('the Appellate Body of the World Trade Organization' is two),
  never over `and` into another name ('the European Commission and European Council');
- an acronym in brackets after a name defines it ('Democratic Unionist Party (DUP)'): the
  name widens back to the words whose initials spell the acronym, and every use of the
  acronym is that organisation. An acronym defined by something that is not an
  organisation ('Value Added Tax (VAT)'), or neither defined, known nor matching the
  initials of an organisation the brief names, is not an actor;
- a nationality adjective or a possessive country before a name is not part of it ('the
  French company Naval Group', 'Mexico's Ministry of Finance'): it gives the country.
See docs/parsing.md, "Organisations".
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cache, lru_cache
from operator import attrgetter

from app.parsing.lexicon.countries import country_adjective, country_name
from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import Category, Entry, lexicon
from app.parsing.names.emitting import Mention
from app.parsing.names.shapes import acronym
from app.vocabulary import ActorKind

_DATA = load_data("organizations.json")
# Words left out of an acronym's letters: 'Organization for Security and Co-operation in Europe'.
_SMALL = frozenset(_DATA["acronym_skips"])
_WORD = r"[A-Z](?:[\w&\-]|['’.](?=\w))*"
_POSSESSIVE = r"(?:(?<=s)['’](?!\w)|['’]s\b)"
# ' of the Workers' Party', ' for Historical Memory', ', Trade and Industry' after a name.
_LINKED = re.compile(
    rf"(?P<link>,?[ \t]+(?:of|for|on)(?:[ \t]+the)?[ \t]+|,[ \t]+(?=(?:{_WORD}[ \t]+)+and[ \t])"
    rf"|[ \t]+and[ \t]+)(?P<words>{_WORD}{_POSSESSIVE}?(?:[ \t]+{_WORD}{_POSSESSIVE}?)*)"
)
_LAST_LINK = re.compile(r"[ \t]+(?:of|for)(?:[ \t]+the)?[ \t]+(?!.*[ \t](?:of|for)[ \t])")
# Capitalised words ending in a possessive just before a name: 'Tigray People's '.
_OWNER_BEFORE = re.compile(rf"((?:{_WORD}[ \t]+)*{_WORD}{_POSSESSIVE})[ \t]+$")
# '(DUP)', '(G77)', '(P5+1)', '(UNHCR)'; hyphenated: '(ZANU-PF)', '(SPLM-N)', '(ODM-Kenya)'.
_ACRONYM = (
    r"\((?P<acronym>[A-Z][A-Z0-9]+(?:-[A-Z][A-Za-z]*)+"
    r"|[A-Z][A-Za-z0-9+]*[A-Z0-9+]|[A-Z][a-z]+[A-Z])\)"
)
_DEFINED = re.compile(rf"[ \t]*{_ACRONYM}")
_BRACKETED = re.compile(_ACRONYM)
# Capitalised words (possessives and small links allowed) just before a bracket.
_CAPITALISED_BEFORE = re.compile(
    rf"(?:{_WORD}{_POSSESSIVE}?[ \t]+(?:(?:of|for|and)[ \t]+(?:the[ \t]+)?)?)*{_WORD}$"
)
_COMPANY_SUFFIX = re.compile(
    r",?[ \t]+(?:S\.A\.|S\.p\.A\.|N\.V\.|A\.G\.|AG|GmbH|Inc\.|Ltd\.?|PLC|plc|LLC|Corp\.)(?!\w)"
)
_IN_COUNTRY = re.compile(rf"[ \t]+in[ \t]+(?P<place>{_WORD}(?:[ \t]+{_WORD})*)")
_AND_BEFORE = re.compile(rf"(?:^|[a-z,][ \t]+)(?P<word>{_WORD})[ \t]+and[ \t]+$")
_OFFICE_BEFORE = re.compile(rf"(?P<head>{_WORD})[ \t]+(?:of|for)(?:[ \t]+the)?[ \t]+$")
_STATE_HEADS = frozenset(_DATA["state_heads"])
_SPAN = attrgetter("start", "end")
_COUNTRY_WORDS = (Category.demonym, Category.country, Category.seat)
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_CALENDAR = frozenset(
    name.casefold()
    for name in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, "Sept")
    if name
)
_REACH = 160  # characters looked back for the words an acronym abbreviates
_DESCRIPTOR_ENDINGS = ("-led", "-backed", "-based", "-sponsored", "-funded", "-aligned", "-allied")
# Where that look back stops: a line, a bracket, the end of a sentence or clause.
_BOUNDS = ("\n", ")", "(", ". ", "; ", ": ")


def _known() -> dict[str, Entry]:
    return lexicon().phrases


def known_organisation(name: str) -> str | None:
    """The canonical name of a known organisation written `name`, else None."""
    entry = _known().get(name)
    return entry.value if entry is not None and entry.category is Category.org else None


def _entry(text: str) -> Entry | None:
    """The known phrase `text` is, read without a possessive ('Russia's', 'Workers'')."""
    known = _known()
    found = known.get(text)
    if found is None and text.endswith(("'s", "’s", "'", "’")):
        found = known.get(text.removesuffix("s").rstrip("'’") if text[-1] == "s" else text[:-1])
    return found


def initials(words: Iterable[str]) -> str:
    """'Organization for Security and Co-operation in Europe' -> 'OSCE'."""
    letters = []
    for word in words:
        if word.casefold() in _SMALL:
            continue
        for part in word.split("-"):
            if part and part[0].isupper():
                letters.append(part[0])
    return "".join(letters)


def hyphenated_acronym(text: str) -> bool:
    """'ZANU-PF', 'SPLM-N', 'ODM-Kenya': an acronym, then hyphenated parts."""
    first, _, rest = text.partition("-")
    return bool(rest) and acronym(first) and all(p[:1].isupper() for p in rest.split("-"))


def acronym_letters(text: str) -> str:
    """The initials an acronym stands for: 'ZANU-PF' -> 'ZANUPF', 'ODM-Kenya' -> 'ODMK'
    (a part written as a word is that word's initial)."""
    if "-" not in text:
        return text
    return "".join(part if part.isupper() else part[:1] for part in text.split("-"))


def _spells(acronym_text: str, words: list[str]) -> bool:
    """The initials of `words` spell the acronym: all of them, or a subsequence from the
    first to the last ('OHCHR' in 'Office of the United Nations High Commissioner for
    Human Rights')."""
    letters = initials(words).casefold()
    wanted = acronym_letters(acronym_text).casefold().rstrip("+")
    if not letters or not wanted or letters[0] != wanted[0] or letters[-1] != wanted[-1]:
        return False
    if letters == wanted:
        return True
    rest = iter(letters[1:-1])
    return len(wanted) >= 3 and all(letter in rest for letter in wanted[1:-1])


def _one_spaced(source: str, start: int, end: int) -> str:
    return " ".join(source[start:end].split())


class _Organisations:
    """The organisation mentions of one brief, widened and settled."""

    def __init__(self, source: str, mentions: list[Mention]) -> None:
        self.source = source
        self.mentions = mentions
        self.words = lexicon()
        # Each acronym in brackets, with the end of the text before it (spaces skipped).
        self.brackets = [
            (_end_before(source, match.start()), match.group("acronym"))
            for match in _BRACKETED.finditer(source)
        ]
        self.people: list[int] | None = None  # where full names start, when first asked
        self.hyphenated = {text for _, text in self.brackets if hyphenated_acronym(text)}

    def run(self) -> list[Mention]:
        if self.hyphenated:
            self.mentions = self._with_hyphenated_acronyms()
        self.taken = sorted((m.start, m.end) for m in self.mentions)
        unread = self._unread_names()
        found = self.mentions + unread if unread else self.mentions
        widened = [self._widen(m) if m.kind is ActorKind.organization else m for m in found]
        kept = [m for m in widened if m is not None]
        wider = [
            (a.start, a.end)
            for a, b in zip(widened, found, strict=True)
            if a is not None and (a is not b or b in unread)
        ]
        if wider:  # only a wider or new name holds others
            kept = _without_nested(sorted(kept, key=_SPAN), wider, repeats=bool(unread))
        return self._settle_acronyms(kept)

    def _with_hyphenated_acronyms(self) -> list[Mention]:
        """'(ZANU-PF)', '(ODM-Kenya)': an acronym with hyphenated parts in brackets is an
        organisation mention (the run reader reads it as a name, or not at all); whether it
        names one is settled with the other acronyms."""
        spans = {
            (match.start("acronym"), match.end("acronym"))
            for match in _BRACKETED.finditer(self.source)
            if hyphenated_acronym(match.group("acronym"))
        }
        kept = [m for m in self.mentions if (m.start, m.end) not in spans]
        for start, end in sorted(spans):
            kept.append(self._new(start, end))
        return kept

    def _overlaps(self, start: int, end: int) -> bool:
        """Whether a mention the run reader found overlaps `[start, end)`."""
        at = bisect_right(self.taken, (end, end)) - 1
        while at >= 0:
            first, stop = self.taken[at]
            if stop > start and first < end:
                return True
            if first < start - _REACH:
                return False
            at -= 1
        return False

    def _unread_names(self) -> list[Mention]:
        """Names the run reader cut into a title or a person: 'the Board of Governors' (a
        plural office word), 'Office of the United Nations High Commissioner for Refugees
        (UNHCR)', 'the Kurdistan Workers' Party (PKK)'."""
        found: list[Mention] = []
        orgs = [(m.start, m.end) for m in self.mentions if m.kind is ActorKind.organization]
        for start, end in _head_led(self.source, self.words.org_heads):
            if not self._overlaps(start, end):  # not in a title: 'Chairman of the Commission'
                found.append(self._new(start, end))
        for start, end in self._offices_of_titles():
            # The title may be read as a lone word ('Comptroller'), never as a body.
            if not any(stop > start and first < end for first, stop in orgs):
                found.append(self._new(start, end))
        org_ends = {e for _, e in orgs}
        for end, letters in self.brackets:
            if end in org_ends:
                continue
            first = self._acronym_start(letters, end)
            if first is not None:
                found.append(self._new(first, end))
        return found

    def _offices_of_titles(self) -> list[tuple[int, int]]:
        """An office named by the title it serves: 'the Prime Minister’s Office', 'the
        Comptroller General's Office' (the title is read as no actor of its own). Found
        with `str.find`, the regex tried only before each 's Office'."""
        found = []
        words, source = self.words, self.source
        at = source.find("s Office")
        while at >= 0:
            start = max(0, at - 60)
            match = _TITLED_OFFICE.search(source, start, at + 8)
            at = source.find("s Office", at + 8)
            if (
                match is None
                or match.group("title").split()[-1].casefold() not in words.title_heads
            ):
                continue
            title = match.group("title").split()
            while title and (
                title[0].casefold() in words.stop_words
                or title[0].casefold() in words.sentence_starters
            ):
                title.pop(0)
            if title:
                found.append(
                    (match.end() - len(" ".join(title)) - len(match.group("office")), match.end())
                )
        return found

    def _names_event(self, text: str) -> bool:
        """'Dispute Settlement Understanding', 'Joint Comprehensive Plan of Action'."""
        return not self.words.event_heads.isdisjoint(w.casefold() for w in text.split())

    def _new(self, start: int, end: int) -> Mention:
        name = _one_spaced(self.source, start, end)
        return Mention(ActorKind.organization, start, end, name, name)

    def _acronym_start(self, letters: str, end: int) -> int | None:
        """Where a name defined by an acronym in brackets starts, when no organisation
        mention ends there: the words spelling its initials, or capitalised words ending in
        an organisation word ('Kurdistan Workers' Party (PKK)')."""
        start = self._defined_before(end, end, letters)
        if start < end:
            return None if self._names_event(self.source[start:end]) else start
        owner = _CAPITALISED_BEFORE.search(self.source, max(0, end - _REACH), end)
        if owner is None or not self._has_head(owner.group().split()[-1:]):
            return None
        if self._names_event(owner.group()):
            return None
        first = owner.start()
        while first < end and (
            self._stands_alone(word := self.source[first:end].split()[0])
            or self._owned_by_a_person(first, word)
        ):
            first += len(word) + 1
        return first if first < end and " " in self.source[first:end].strip() else None

    # Widening one mention.

    def _widen(self, mention: Mention) -> Mention | None:
        if acronym(mention.surface) or mention.surface in self.hyphenated:
            if self.source[mention.end : mention.end + 1] == "+":
                plus = mention.surface + "+"
                if known_organisation(plus):
                    return mention._replace(end=mention.end + 1, surface=plus, name=plus)
            return mention
        start, end, country = self._own_words(mention)
        end = self._before_a_titled_name(start, end)
        if start >= end:
            return None
        if not self.source[start:end][:1].isupper():
            return mention  # 'the Turkish parliament': named by its country, as written
        if start == mention.start:  # no country taken off the front
            start = self._adjective_before(start)
            start = self._acronym_owner_before(start)
            start = self._country_name_before(start, end)
        start = self._owner_before(start)
        if self.source[end : end + 1] == "+" and known_organisation(self.source[start : end + 1]):
            end += 1  # 'OPEC+'
        elif self.source[end : end + 1] == "/":
            end = self._known_over_slash(start, end)
        if suffix := _COMPANY_SUFFIX.match(self.source, end):
            end = suffix.end()  # 'Petróleos de Venezuela, S.A.'
        elif not known_organisation(_one_spaced(self.source, start, end)):
            end = self._linked_after(start, end)  # a known name is whole: 'the High
            # Representative of the European Union for Foreign Affairs' adds an office
        start = self._defined_before(start, end)
        start = self._after_a_descriptor(start, end)
        start = self._after_a_person(start, end)
        start = self._coordinated_before(start)
        name = _one_spaced(self.source, start, end)
        if (
            " " not in name
            and name.casefold() in self.words.org_heads
            and not known_organisation(name)
        ):
            return None  # a lone 'Office' or 'Army' names nobody in particular; 'Congress' does
        if self._names_no_body(name):
            return None
        if (start, end, name, country) == (
            mention.start,
            mention.end,
            mention.name,
            mention.country,
        ):
            return mention
        return mention._replace(start=start, end=end, surface=name, name=name, country=country)

    def _before_a_titled_name(self, start: int, end: int) -> int:
        """'Bank of England' of 'Bank of England Governor Robin Leigh-Pemberton and ...': an
        office title followed by a name ends the body's name (the run reader joined them)."""
        heads, modifiers = self.words.title_heads, self.words.title_modifiers
        inner = self.source[start:end].split()[1:-1]
        if not any(word.casefold() in heads for word in inner):
            return end  # the common case: no title inside the name
        words = list(_LETTER_WORD.finditer(self.source, start, end))
        for previous, word, following in zip(words, words[1:], words[2:], strict=False):
            if (
                word.group().casefold() in heads
                and following.group()[:1].isupper()
                and following.group().casefold() not in self.words.org_heads
                and previous.group().casefold() not in modifiers
                and previous.group() not in ("of", "the", "for")
            ):
                return previous.end()
        return end

    def _known_over_slash(self, start: int, end: int) -> int:
        """'Radio Free Europe' + '/Radio Liberty': a known name written with a slash."""
        text = self.source[start:end] + "/"
        for form in known_forms(self.source[start:end]):
            if form.startswith(text) and self.source.startswith(form, start):
                return start + len(form)
        return end

    def _names_no_body(self, name: str) -> bool:
        """A military operation ('Operation Deliberate Force') or a state's
        constituent part ('Federation of Bosnia and Herzegovina': a federation of a
        country is a territory, not a body)."""
        first, _, rest = name.partition(" ")
        if first == "Operation":  # how military operations are named
            return not known_organisation(name)
        if first == "Federation" and rest.startswith("of "):
            entry = _entry(rest.removeprefix("of ").removeprefix("the "))
            return entry is not None and entry.category is Category.country
        return False

    def _own_words(self, mention: Mention) -> tuple[int, int, str | None]:
        """The mention without a leading country: a possessive country ('Mexico's Ministry
        of Finance'), or a country or nationality adjective before a body every state has
        ('the Russian Defence Ministry', 'the U.S. Treasury Department')."""
        start, end, country = mention.start, mention.end, mention.country
        while True:
            found = self._country_before(start, end)
            if found is None:
                return start, end, country
            after, code, possessive = found
            if not possessive and not self._state_institution(_one_spaced(self.source, after, end)):
                return start, end, country  # 'Eritrean Defence Forces': part of the name
            start, country = after, country or code

    def _country_before(self, start: int, end: int) -> tuple[int, str, bool] | None:
        """(where the rest starts, ISO code, possessive) when `source[start:end]` opens with
        a country, a seat or a nationality adjective and goes on after it."""
        words = self.source[start:end].split()
        if (
            len(words) < 2
            or words[0].removesuffix("'s").removesuffix("’s") not in _country_starts()
        ):
            return None  # the common case: no country word opens the name
        for length in range(min(4, len(words) - 1), 0, -1):
            text = " ".join(words[:length])
            possessive = text.endswith(("'s", "’s"))
            entry = _entry(text[:-2] if possessive else text)
            if entry is None or entry.category not in _COUNTRY_WORDS:
                continue
            if entry.category is Category.seat and not possessive:
                return None  # 'Moscow Exchange', 'Minsk Group': a place in the name
            at = start
            for word in words[:length]:
                at = self.source.index(word, at) + len(word)
            rest = self.source.index(words[length], at)
            return rest, entry.value, possessive
        return None

    def _state_institution(self, name: str) -> bool:
        """'Foreign Ministry', 'Ministry of Commerce', 'Parliament': a body every state
        has, which its country, not its name, tells apart."""
        folded = name.casefold()
        words = folded.split()
        return (
            folded in self.words.institutions
            or words[0] in _STATE_HEADS
            or words[-1] in _STATE_HEADS
        )

    def _acronym_owner_before(self, start: int) -> int:
        """'OSCE ' + 'Minsk Group': a known organisation's acronym right before a name is
        the body it belongs to, and part of its name."""
        previous = self.source[max(0, start - 12) : start]
        if not previous.endswith(" "):
            return start
        word = previous.split()[-1] if previous.split() else ""
        if not acronym(word) or known_organisation(word) is None:
            return start
        return start - 1 - len(word)

    def _country_name_before(self, start: int, end: int) -> int:
        """'Kenya ' + 'Red Cross Society', 'Qatar ' + 'Airways': a country's name (not its
        adjective, nor a possessive) right before a body that is not one every state has
        is part of the name."""
        previous = self.source[max(0, start - 40) : start]
        if not previous.endswith(" ") or not previous[-2:-1].isalpha():
            return start  # the common case: a small word or punctuation before the name
        words = previous.split()
        for length in range(min(3, len(words)), 0, -1):
            text = " ".join(words[-length:])
            entry = self.words.phrases.get(text)
            if entry is None or entry.category is not Category.country:
                continue
            if text.casefold() == entry.value.casefold() or not text[:1].isupper():
                return start  # a code ('UK') or a lowercase word
            if self._state_institution(_one_spaced(self.source, start, end)):
                return start  # 'the United States Senate': the country, see docs
            before = words[-length - 1] if len(words) > length else ""
            if before[:1].isupper() and not self._stands_alone(before):
                return start  # 'an Air China Boeing': the country is in another name
            return self.source.rindex(words[-length], 0, start)
        return start

    def _adjective_before(self, start: int) -> int:
        """'Cuban ' + 'American National Foundation': a nationality adjective right before a
        name that a nationality adjective opens makes one compound ('Cuban American',
        'Arab American'), part of the name."""
        opening = self.source[start : start + 40].split(" ", 1)[0]
        entry = _entry(opening)
        if entry is None or entry.category is not Category.demonym:
            return start
        previous = self.source[max(0, start - 30) : start]
        if not previous.endswith(" "):
            return start
        word = previous.split()[-1] if previous.split() else ""
        entry = _entry(word)
        if entry is None or entry.category is not Category.demonym:
            return start
        return start - 1 - len(word)

    def _owner_before(self, start: int) -> int:
        """'Tigray People's ' + 'Liberation Front': possessive words that are no known
        country, organisation or person belong to the name."""
        before = self.source[max(0, start - 80) : start]
        if before[-3:-1] not in ("'s", "’s") and before[-2:-1] not in ("'", "’"):
            return start  # the common case, decided without the regex
        match = _OWNER_BEFORE.search(before)
        if match is None:
            return start
        words = match.group(1).split()
        if self._has_head(words[-1:]):
            return start  # 'the European Parliament's Brexit Steering Group': an owner body
        if self._overlaps(start - len(before) + match.start(1), start):
            return start  # 'Viktor Orbán's Fidesz': a person owns it
        for index, word in enumerate(words):
            if any(self._stands_alone(w) for w in words[index:]):
                continue
            return start - len(before) + match.start(1) + before[match.start(1) :].index(word)
        return start

    def _after_a_descriptor(self, start: int, end: int) -> int:
        """'NATO-led Implementation Force', 'Turkish-backed National Front for Liberation':
        a word ending in '-led' or '-backed' describes the body, it is not its name."""
        text = self.source[start:end]
        first = text.split(maxsplit=1)[0]
        if " " in text.strip() and first.endswith(_DESCRIPTOR_ENDINGS):
            return start + len(first) + len(text[len(first) :]) - len(text[len(first) :].lstrip())
        return start

    def _after_a_person(self, start: int, end: int) -> int:
        """'Jake Sullivan and National Economic Council' read as one run: a name opening
        with a given name before 'and' is a person's, and the organisation follows it."""
        text = self.source[start:end]
        at = text.find(" and ")
        if at < 0 or text.split()[0] not in self.words.given_names:
            return start
        if self._has_head(text[:at].split()):
            return start
        return start + at + len(" and ")

    def _coordinated_before(self, start: int) -> int:
        """'the ruling Justice and ' + 'Development Party': a capitalised word joined by
        'and' to the name, with a small word before it, and no name of its own."""
        if self.source[max(0, start - 5) : start] != " and ":
            return start  # the common case, decided without the regex
        match = _AND_BEFORE.search(self.source, max(0, start - 40), start)
        if match is None or self._stands_alone(match.group("word")):
            return start
        if self._overlaps(match.start("word"), match.end("word")):
            return start
        return match.start("word")

    def _stands_alone(self, word: str) -> bool:
        bare = word.removesuffix("s").rstrip("'’") if word.endswith(("'s", "’s")) else word
        bare = bare.rstrip("'’")
        folded = bare.casefold()
        return _entry(word) is not None or folded in self.words.stop_words or not bare

    def _linked_after(self, start: int, end: int) -> int:
        """' of the Red Cross', ' for Government', ' on Disarmament', ', Trade and Industry'."""
        tail = self.source[end - 2 : end + 1].rstrip()
        if tail.endswith(("'", "’", "'s", "’s")):
            # The run stopped at a possessive inside the name ('Central Committee of the
            # Workers' + ''s Party of Korea'): read again from its last link.
            last_link = _LAST_LINK.search(self.source, start, end)
            if last_link is not None:
                end = last_link.start()
        while True:
            if suffix := _COMPANY_SUFFIX.match(self.source, end):
                end = suffix.end()  # 'Petróleos de Venezuela, S.A.'
                continue
            if (located := _IN_COUNTRY.match(self.source, end)) and self._has_head(
                self.source[start:end].split()[-1:]
            ):
                entry = _entry(located.group("place"))
                if entry is not None and entry.category is Category.country:
                    end = located.end()  # 'UN Assistance Mission in Afghanistan'
            match = _LINKED.match(self.source, end)
            if match is None:
                return end
            words = match.group("words").split()
            link = match.group("link").split()
            if words[0].rstrip(".").casefold() in _CALENDAR:
                return end  # 'the Board on Monday'
            if words[0] in self.words.phrases and link[-1] == "on":
                return end  # 'the Council on Russia'
            if len(words) == 1 and acronym(words[0]):
                return end  # 'the Joint Commission of the JCPOA': a name of its own
            if self._names_a_person(match.start("words"), match.end("words")):
                return end  # 'the Party of Regions of Viktor Yanukovych': its leader
            if self.source[match.end() : match.end() + 1] == "," and self._lists_countries(match):
                return end  # 'the Contact Group of the United States, Russia, ...'
            joined = " ".join(words)
            entry = _entry(joined)
            if (
                entry is not None
                and entry.category is Category.org
                and not self._lone_head(start, end)
            ):
                return end  # 'the Appellate Body of the World Trade Organization': two bodies
            if (
                "and" in link
                and (
                    self.source.endswith("such as ", 0, start)  # a list of examples
                    or entry is not None
                    or self._has_head(words)
                    or link[0].startswith(",")
                    or self._has_head(self.source[start:end].split()[-1:])
                    or known_organisation(_one_spaced(self.source, start, end))
                )
            ):
                return end  # 'the European Commission and European Council': two names
            end = match.end()

    def _owned_by_a_person(self, start: int, word: str) -> bool:
        """'Lula's ' of 'Lula's Workers' Party (PT)': a person in the possessive owns the
        name after it."""
        if not word.endswith(("'s", "’s")):
            return False
        end = start + len(word) - 2
        return any(
            m.kind is ActorKind.person and m.start < end and m.end > start for m in self.mentions
        )

    def _lone_head(self, start: int, end: int) -> bool:
        """'Commission' of 'the Commission of the African Union': an organisation word
        alone names no body, so the body it belongs to is part of its name."""
        word = self.source[start:end]
        return word.casefold() in self.words.org_heads and " " not in word

    def _names_a_person(self, start: int, end: int) -> bool:
        """Whether a person's full name starts in `[start, end)`: found by the run reader
        with evidence, opening with a known given name (no title before it)."""
        if self.people is None:
            self.people = sorted(
                m.start
                for m in self.mentions
                if m.kind is ActorKind.person
                and m.evidence
                and " " in m.name.strip()
                and m.name.split()[0] in self.words.given_names
                and m.surface.startswith(m.name.split()[0])  # not a title before it
            )
        at = bisect_left(self.people, start)
        return at < len(self.people) and self.people[at] < end

    def _lists_countries(self, match: re.Match[str]) -> bool:
        """Whether the words after 'of' are a country followed by more in a list."""
        entry = _entry(match.group("words"))
        if entry is None or entry.category is not Category.country:
            return False
        following = self.source[match.end() + 1 : match.end() + 40].split()
        return bool(following) and following[0].rstrip(",") in self.words.phrases

    def _has_head(self, words: list[str]) -> bool:
        return any(w.rstrip("'’s").casefold() in self.words.org_heads for w in words)

    def _defined_before(self, start: int, end: int, letters: str | None = None) -> int:
        """Widen back to the words an acronym in brackets right after the name spells:
        'the Office of the United States Trade Representative (USTR)'."""
        if letters is None:
            defined = _DEFINED.match(self.source, end)
            if defined is None:
                return start
            letters = defined.group("acronym")
        name_words = self.source[start:end].split()
        if name_words and _spells(letters, name_words):
            return start
        reach = max(start - _REACH, 0)
        # Never back across a line, a bracket or a sentence's end: 'SDS). Izetbegović's ...'
        reach = max([reach] + [self.source.rfind(mark, reach, start) + 1 for mark in _BOUNDS])
        words = list(_LETTER_WORD.finditer(self.source, reach, start))
        for index in range(len(words) - 1, -1, -1):
            first = words[index]
            if not first.group()[:1].isupper():
                continue
            candidate = [w.group() for w in words[index:]] + name_words
            if _spells(letters, candidate):
                return self._office_before(first.start())
        return start

    def _office_before(self, start: int) -> int:
        """'Office of the ' before the words an acronym spells belongs to the name."""
        office = _OFFICE_BEFORE.search(self.source, max(0, start - 40), start)
        if office is not None and self._has_head([office.group("head")]):
            return office.start()
        return start

    # Acronyms.

    def _settle_acronyms(self, mentions: list[Mention]) -> list[Mention]:
        definitions, not_organisations = self._definitions(mentions)
        named: dict[str, str] | None = None  # by initials, built when first needed
        settled: list[Mention] = []
        for mention in mentions:
            text = mention.surface
            if mention.kind is not ActorKind.organization or not (
                acronym(text) or text in self.hyphenated
            ):
                settled.append(mention)
                continue
            full = definitions.get(text)
            if full is None and text in not_organisations:
                continue
            if full is None:
                if named is None:
                    named = _by_initials(mentions)
                full = named.get(text.casefold())
            if full is None and not (known_organisation(text) or self._cued(mention)):
                continue  # 'MAX', 'VAT': capitals alone name no organisation
            settled.append(mention._replace(name=full or text))
        return settled

    def _definitions(self, mentions: list[Mention]) -> tuple[dict[str, str], set[str]]:
        """Acronyms defined in brackets: by an organisation's name, or by something else."""
        ends = {m.end: m for m in mentions if m.kind is ActorKind.organization}
        defined: dict[str, str] = {}
        other: set[str] = set()
        for end, text in self.brackets:
            owner = ends.get(end)
            if owner is not None and not _acronym_like(owner.name):
                defined.setdefault(text, owner.name)
            elif self.source[end - 1 : end].isalpha():
                other.add(text)
        return defined, other - set(defined)

    def _cued(self, mention: Mention) -> bool:
        """'the militant group X', 'X said', 'X's spokesman': an acronym that acts."""
        after = self.source[mention.end : mention.end + 40]
        before = self.source[max(0, mention.start - 30) : mention.start].split()
        markers = self.words.group_markers
        return bool(before and before[-1] in markers) or bool(_ACTS.match(after))


_ACTS = re.compile(
    r"(?:['’]s[ \t]+(?:spokes\w+|leader\w*|chief|head|secretary|director|statement)"
    r"|,?[ \t]+(?:said|says|warned|announced|stated|denied|accused|called|urged|added))\b"
)


def _without_nested(
    mentions: list[Mention], wider: list[tuple[int, int]], *, repeats: bool
) -> list[Mention]:
    """Mentions inside a widened or new organisation's span (`wider`, a few per brief) are
    part of its name; with `repeats`, so is a second mention of one span. `mentions` are in
    text order."""
    starts = [m.start for m in mentions]
    dropped: set[int] = set()
    for start, end in wider:
        index = bisect_left(starts, start)
        while index < len(mentions) and mentions[index].start < end:
            inner = mentions[index]
            if inner.end <= end and (inner.start, inner.end) != (start, end):
                dropped.add(index)
            index += 1
    kept = [m for index, m in enumerate(mentions) if index not in dropped]
    if not repeats:
        return kept
    seen: set[tuple[int, int]] = set()
    distinct = []
    for mention in kept:
        if (mention.start, mention.end) not in seen:
            seen.add((mention.start, mention.end))
            distinct.append(mention)
    return distinct


def complete_organisations(source: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with whole organisation names and settled acronyms (see the module)."""
    if (
        not any(m.kind is ActorKind.organization for m in mentions)
        and "s Office" not in source
        and _BRACKETED.search(source) is None
    ):
        return mentions  # no organisation to widen, office of a title or acronym to find
    return _Organisations(source, mentions).run()


def country_suffix(name: str) -> tuple[str, str] | None:
    """'Ministry of Foreign Affairs of the People's Republic of China' -> ('Ministry of
    Foreign Affairs', 'CN'): an organisation's name ending in its country, else None."""
    at = name.find(" of ")
    while at > 0:
        tail = name[at + 4 :]
        entry = _known().get(tail[4:] if tail.startswith("the ") else tail)
        if entry is not None and entry.category is Category.country:
            return name[:at], entry.value
        at = name.find(" of ", at + 1)
    return None


@lru_cache(maxsize=4096)
def qualified_name(name: str, country: str | None) -> str:
    """What an organisation's key, slug and lookups are made from: a known organisation's
    canonical name ('U.N.' -> 'United Nations'), with the country when the name does not
    say it ('Foreign Ministry' of RU -> 'Russian Foreign Ministry', so Russia's and
    Ukraine's ministries stay apart; 'Atomic Energy Organization of Iran' stays)."""
    name = known_organisation(name) or name
    if suffix := country_suffix(name):
        name, country = suffix  # 'Ministry of Foreign Affairs of China' as 'Chinese ...'
    if not country:
        return name
    adjective, country_text = country_adjective(country), country_name(country)
    folded = name.casefold()
    if adjective.casefold() in folded or country_text.casefold() in folded:
        return name
    return f"{adjective} {name}"


def known_forms(name: str) -> tuple[str, ...]:
    """Every written form of the known organisation `name` is a form of, else (); leaving
    out a form that differs only in case from another organisation's ('BRICs', 'BRICS')."""
    canonical = known_organisation(name)
    if canonical is None:
        return ()
    return _forms_by_organisation().get(canonical, ())


@cache
def _country_starts() -> frozenset[str]:
    """First words of the countries, seats and adjectives ('United', 'U.S.', 'Russian')."""
    return frozenset(
        text.split()[0] for text, entry in _known().items() if entry.category in _COUNTRY_WORDS
    )


@cache
def _forms_by_organisation() -> dict[str, tuple[str, ...]]:
    owners: dict[str, set[str]] = {}
    for text, entry in _known().items():
        if entry.category is Category.org:
            owners.setdefault(text.casefold(), set()).add(entry.value)
    forms: dict[str, list[str]] = {}
    for text, entry in _known().items():
        if entry.category is Category.org and len(owners[text.casefold()]) == 1:
            forms.setdefault(entry.value, []).append(text)
    return {canonical: tuple(texts) for canonical, texts in forms.items()}


_LINK_WORDS = (" of ", " for ", " on ")
# Up to three capitalised words, a possessive and `Office`: 'Prime Minister’s Office'.
_TITLED_OFFICE = re.compile(
    r"(?P<title>(?:[A-Z][\w-]* ){0,2}[A-Z][\w-]*)(?P<office>['’]s Office)\b(?!.)", re.DOTALL
)


def _head_led(source: str, heads: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of the capitalised organisation words that open a name with 'of', 'for' or
    'on' and a capital ('Board of Governors'), found with `str.find`, not a regex tried at
    every character."""
    found = []
    for link in _LINK_WORDS:
        at = source.find(link)
        while at >= 0:
            start = source.rfind(" ", max(0, at - 30), at) + 1
            if source[start : start + 1].isupper():  # most words before 'of' are lowercase
                start = max(start, source.rfind("\n", start, at) + 1)
                after = source[at + len(link) : at + len(link) + 5]
                if after.startswith("the "):
                    after = after[4:]
                if after[:1].isupper() and source[start:at].casefold() in heads:
                    found.append((start, at))
            at = source.find(link, at + 1)
    return found


def _end_before(source: str, index: int) -> int:
    """`index` moved back over spaces and tabs."""
    while index > 0 and source[index - 1] in " \t":
        index -= 1
    return index


def _by_initials(mentions: list[Mention]) -> dict[str, str]:
    """Organisation names by their initials, acronyms left out."""
    return {
        initials(m.name.split()).casefold(): m.name
        for m in mentions
        if m.kind is ActorKind.organization and not _acronym_like(m.name)
    }


def _acronym_like(text: str) -> bool:
    return acronym(text) or hyphenated_acronym(text)

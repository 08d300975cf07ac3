"""One brief as the organisation pass reads it (`OrgText`), and the patterns its readers share.

`org_names.py` builds one `OrgText` per brief: the source, its actor mentions, the acronyms
in brackets, and the questions every step of the pass asks of the text around a name
(does a mention overlap here, is this word a known phrase or a stop word, does a person's
name start here). The steps live in `org_widening.py`, `org_countries.py` and
`org_acronyms.py`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import lexicon
from app.parsing.names.emitting import Mention
from app.parsing.names.org_keys import phrase_entry
from app.parsing.names.tokens import PARTICLES
from app.vocabulary import ActorKind

# A capitalised word of a name, and a possessive after it: 'Workers'', 'People's'.
WORD = r"[A-Z](?:[\w&\-]|['’‘.](?=\w))*"
POSSESSIVE = r"(?:(?<=s)['’](?!\w)|['’]s\b)"
LETTER_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
REACH = 160  # characters looked back for the words an acronym abbreviates
# The bodies named by one word after 'the' ('the Treasury', 'the Commonwealth').
BODIES_AFTER_THE = frozenset(load_data("organizations.json")["bodies_after_the"])


def one_spaced(source: str, start: int, end: int) -> str:
    return " ".join(source[start:end].split())


def shaped_as_a_name(name: str) -> bool:
    """'Sadiq al-Mahdi', 'Lula da Silva': an Arabic article or a particle after the first
    word, which rarely names anything but a person."""
    return any(w[:1].islower() or w.casefold() in PARTICLES for w in name.split()[1:])


class OrgText:
    """The organisation mentions of one brief and the text around them."""

    def __init__(
        self,
        source: str,
        mentions: list[Mention],
        acronyms: list[re.Match[str]],
        brackets: list[tuple[int, str]],
        other_acronyms: set[str],
    ) -> None:
        self.source = source
        self.mentions = mentions
        self.words = lexicon()
        # The acronyms a brief gives a name, in brackets or after ', known as': each match,
        # and each with the end of the text before it (spaces skipped).
        self.acronyms = acronyms
        self.brackets = brackets
        # The acronyms in brackets of another shape: 'ZANU-PF', 'HoR', 'PHILCAG'.
        self.other_acronyms = other_acronyms
        self.taken: list[tuple[int, int]] = []  # the run reader's spans, once settled
        self.people: list[int] | None = None  # where full names start, when first asked
        self.surnames: set[str] | None = None  # see `a_persons_surname`
        self.org_ends: dict[int, int] | None = None  # see `organisation_ends`
        self.orgs: list[Mention] = []  # the run reader's organisation mentions, once settled
        self.written: set[str] = set()  # the brief's words (`TokenIndex`)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a mention the run reader found overlaps `[start, end)`."""
        at = bisect_right(self.taken, (end, end)) - 1
        while at >= 0:
            first, stop = self.taken[at]
            if stop > start and first < end:
                return True
            if first < start - REACH:
                return False
            at -= 1
        return False

    def names_event(self, text: str) -> bool:
        """'Dispute Settlement Understanding', 'Joint Comprehensive Plan of Action'."""
        return not self.words.event_heads.isdisjoint(w.casefold() for w in text.split())

    def new(self, start: int, end: int) -> Mention:
        name = one_spaced(self.source, start, end)
        return Mention(ActorKind.organization, start, end, name, name)

    def stands_alone(self, word: str) -> bool:
        bare = word.removesuffix("s").rstrip("'’") if word.endswith(("'s", "’s")) else word
        bare = bare.rstrip("'’")
        folded = bare.casefold()
        return phrase_entry(word) is not None or folded in self.words.stop_words or not bare

    def owned_by_a_person(self, start: int, word: str) -> bool:
        """'Lula's ' of 'Lula's Workers' Party (PT)': a person in the possessive owns the
        name after it."""
        if not word.endswith(("'s", "’s")):
            return False
        end = start + len(word) - 2
        return any(
            m.kind is ActorKind.person and m.start < end and m.end > start for m in self.mentions
        )

    def lone_word(self, start: int, end: int) -> bool:
        """Whether the only mention of `[start, end)` is one untitled word read as a
        person with no evidence ('Peace' of 'a Peace and Security Council'), which names
        nobody unless a full name holds it."""
        return all(
            m.kind is ActorKind.person
            and not m.titled
            and not m.evidence
            and (m.start, m.end) == (start, end)
            for m in self.mentions
            if m.start < end and start < m.end
        )

    def lone_head(self, start: int, end: int) -> bool:
        """'Commission' of 'the Commission of the African Union': an organisation word
        alone names no body, so the body it belongs to is part of its name."""
        word = self.source[start:end]
        return word.casefold() in self.words.org_heads and " " not in word

    def a_persons_surname(self, word: str) -> bool:
        """Whether `word` ends the full name of a person the brief names, with a title or
        other evidence ('Peres' of 'Shimon Peres')."""
        if self.surnames is None:
            self.surnames = {
                m.name.split()[-1]
                for m in self.mentions
                if m.kind is ActorKind.person and " " in m.name.strip() and (m.evidence or m.titled)
            }
        return word in self.surnames

    def owner_at(self, start: int, end: int) -> bool:
        """Whether a mention the run reader found in `[start, end)` names an owner of what
        follows: any but one word read as a person that the brief uses for no one else,
        neither in another person's name (also after a hyphen: 'al-Bashir'; also a
        leader's one name: 'President Sukarno') nor as an organisation word ('Reuter' of
        "Reuter's Telegram Company", 'Moody' of "Moody's Investors Service": a firm named
        after its founder)."""
        lone_words = 0
        for m in self.mentions:
            if m.start >= end or m.end <= start:
                continue
            word = m.name.strip()
            if m.kind is not ActorKind.person or m.titled or m.evidence or " " in word:
                return True
            if self.has_head([word]) or word in BODIES_AFTER_THE or word in self._person_words(m):
                return True
            lone_words += 1
        return not lone_words and self.overlaps(start, end)

    def _person_words(self, mention: Mention) -> set[str]:
        """Every word, and every part after a hyphen, of the persons the brief names other
        than at `mention`."""
        words: set[str] = set()
        for m in self.mentions:
            if m.kind is ActorKind.person and m is not mention:
                for word in m.name.split():
                    words.add(word)
                    words.update(word.split("-"))
        return words

    def cuts_a_person(self, start: int, end: int) -> bool:
        """Whether a titled person's full name starts in `[start, end)`, or one that starts
        there goes on past `end` ('of Defence Minister Hafez' + ' al-Assad'); not a title
        alone ('Ministry of Foreign Affairs' + ' spokesman Wang Wenbin')."""
        return any(
            m.kind is ActorKind.person
            and start <= m.start < end
            and " " in m.name.strip()
            and (m.titled or m.end > end)
            and start <= self.source.find(m.name.split()[0], m.start, m.end) < end
            for m in self.mentions
        )

    def names_a_person(self, start: int, end: int) -> bool:
        """Whether a person's full name starts in `[start, end)`: found by the run reader
        with evidence, opening with a known given name or with an Arabic article or a
        particle inside (no title before it)."""
        if self.people is None:
            self.people = sorted(
                m.start
                for m in self.mentions
                if m.kind is ActorKind.person
                and m.evidence
                and " " in m.name.strip()
                and (m.name.split()[0] in self.words.given_names or shaped_as_a_name(m.name))
                and m.surface.startswith(m.name.split()[0])  # not a title before it
            )
        at = bisect_left(self.people, start)
        return at < len(self.people) and self.people[at] < end

    def organisation_ends(self, start: int) -> int:
        """Where the longest organisation mention the run reader found at `start` ends
        (`start` when none does)."""
        if self.org_ends is None:
            self.org_ends = {}
            for m in self.orgs:
                if m.end > self.org_ends.get(m.start, 0):
                    self.org_ends[m.start] = m.end
        return self.org_ends.get(start, start)

    def has_head(self, words: list[str]) -> bool:
        return any(w.rstrip("'’s").casefold() in self.words.org_heads for w in words)

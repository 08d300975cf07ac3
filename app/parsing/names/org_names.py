"""Whole organisation names, read over the mentions of a whole brief.

The run reader (`mentions.py`) cuts a name at its first small word or possessive; this pass
finds the names it cut into a title or a person, widens each organisation mention to the
whole name as written (`org_widening.py`, with the country before it: `org_countries.py`),
drops the mentions a wider name holds, and settles acronyms (`org_acronyms.py`). What an
organisation is stored under is `org_keys.py`'s.
See docs/parsing.md, "Organisations".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise
from operator import attrgetter

from app.parsing.lexicon.countries import capitals, plain
from app.parsing.lexicon.words import Category
from app.parsing.names.emitting import Mention
from app.parsing.names.org_acronyms import (
    BRACKETED,
    acronym_letters,
    acronym_start,
    bracketed_acronyms,
    defining_acronyms,
    glossed,
    initials,
    inner_defined,
    other_acronym,
    settle_acronyms,
    with_bracketed_acronyms,
)
from app.parsing.names.org_keys import (
    forms_by_inner_link,
    forms_with_a_number,
    known_organisation,
    phrase_entry,
)
from app.parsing.names.org_text import BODIES_AFTER_THE, OrgText, one_spaced
from app.parsing.names.org_widening import (
    CALENDAR,
    FRENCH_HEADS,
    HEADS_FIRST,
    HEADS_FIRST_OPENERS,
    PRESS_VERB,
    head_first_name_end,
    in_lines_of_capitals,
    opens_a_sentence,
    split_at_a_leader,
    widen,
)
from app.parsing.names.people import plural_noun
from app.parsing.names.tokens import Token
from app.vocabulary import ActorKind

_SPAN = attrgetter("start", "end")
_AND = re.compile(r"[ \t]+and[ \t]+")
_DOCUMENT_OF = re.compile(r"\b(?P<head>[A-Z][a-z]+) of (?:the )?$")
_LEADING = re.compile(r"-(?:led|backed|brokered|mediated|sponsored|funded)\b")
_BODY_BEFORE = re.compile(r"(?<![\w.-])[A-Z][\w.]*[\w.]$")
_TEXT = attrgetter("text")
# ', better known as the ' before a body's other name; the body before it may carry its
# acronym in brackets: 'the Party of Democratic Kampuchea (PDK), better known as the'.
# A body's short name in brackets: one capitalised word, not all capitals ('Renamo').
_SHORT_NAME = re.compile(r"[^\W\d_a-z][^\W\d_A-Z][^\W\d_]*(?:-[^\W\d_]+)?")
_SHORT_NAME_KINDS = (ActorKind.organization, ActorKind.person)
_THE_IN_BRACKETS = (" (the ", " (The ")
# Where a short name in brackets may open: ' (Renamo)', ' (the Front ...)'.
_SHORT_OPEN = re.compile(r" \((?=[^\W\d_a-z][^\W\d_A-Z]|[Tt]he )")
_OTHER_NAME = re.compile(
    r"(?:\)|[ \t]+\([A-Z][\w-]*\))?,[ \t]+(?:also[ \t]+|better[ \t]+|commonly[ \t]+|widely[ \t]+)?"
    r"known[ \t]+as[ \t]+(?:the[ \t]+)?"
)
_OF_A_KIND = ("-style", "-type")
# The articles and prepositions that join the words of a body's name in Romance languages
# and German ('Bund der Vertriebenen', 'Central Única dos Trabalhadores').
_NAME_LINKS = frozenset(("de", "del", "della", "der", "des", "do", "dos", "da", "das", "du", "di"))
# After a name and its acronym in brackets, what a body does or who leads it: '(RSS)
# condemned', '(JVP) of Rohana Wijeweera' (not a thing: 'Value Added Tax (VAT) rises').
_BODY_CUE_AFTER = re.compile(
    r",?[ \t]+(?:of[ \t]+[A-Z]|(?:said|says|condemned|rejected|accused|welcomed|warned"
    r"|announced|denied|demanded|urged|called|claimed|declared|vowed|opposed|backed)\b)"
)
# After an acronym in brackets: a kind of body, right after it or ending an appositive
# ('(BTK) party', '(UNO), the contra umbrella group').
_MARKED_AFTER = re.compile(
    r"(?:,[ \t]+(?:the|a|an)[ \t]+(?:[a-z][\w-]*[ \t]+){0,3}|[ \t]+)(?P<marker>[a-z][\w-]*)\b"
)
# Small words inside a body's name: English, and the Romance and Dutch links ('and' left
# out: 'supporters of the Nord Stream and South Stream pipelines'; widening reads it).
_NAME_SMALL_WORDS = "of|for|the|de|del|des|du|la|le|y|da|do|dos|das|van|von|der"
# People who belong to a body, and its name after them: 'Members of the Afrikaner Bond'.
_MEMBER_NOUNS = ("members", "leaders", "units", "officers", "followers", "supporters")
_MEMBER_WORDS = frozenset(w for noun in _MEMBER_NOUNS for w in (noun, noun.capitalize()))
_MEMBER_OF_THE = " of the "
_MEMBERS_NAME = re.compile(
    rf"(?P<name>[A-Z][\w'’-]*(?: (?:(?:{_NAME_SMALL_WORDS}) )*[A-Z][\w'’-]*)+)"
    r"(?![\w'’-]| (?!(?:at|in|on|to|by|the|and|or|of|for)\b)[a-z]{1,3} (?:[a-z]{1,3} )?[A-Z])"
)  # not cut before the small words of another language: 'Hukbong Bayan Laban sa mga Hapon'
# The first lowercase word after a name and the names listed with it by 'and'.
_NEXT_LOWERCASE = re.compile(r"(?:[ \t]+(?:and|[A-Z][\w'’-]*))*[ \t]+([a-z]+)")
# A broadcaster named as the voice of a country or a people: 'Voice of Kenya', 'Voice of
# the Arabs' (as 'Voice of America' is).
_VOICE_OF = re.compile(r"(?<![\w'’-])Voice of (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}")
# One word compounded with a ministry's, a department's, a court's, an institution's or a
# company's word, as German, the Nordic languages and Finnish write a body's name:
# 'Ulkoministeriö', 'Utrikesdepartementet', 'Udenrigsministeriet', 'Bundesverfassungsgericht',
# 'Treuhandanstalt', 'Kolonialgesellschaft', 'Disconto-Gesellschaft'; a German adjective
# before it opens the name ('Deutsche Kolonialgesellschaft').
_COMPOUND_PARTS = ("ministeri", "departement", "gericht", "anstalt", "esellschaft")
_COMPOUND_BODY = re.compile(
    r"(?<![\w'’-])(?:[A-ZÄÖÜ]\w+(?:sche|sches|scher|liche|liches|licher)[ \t]+)?"
    r"[A-ZÄÖÜÅØÆ]\w{2,}(?:ministerium|ministeriet|ministeriö|departementet"
    r"|departement|gericht|anstalt|gesellschaft|-Gesellschaft)(?![\w'’-])"
)
# A firm's partners' names before '& Co.': 'Jardine, Matheson & Co.'.
_AND_CO = re.compile(
    r"(?<![\w'’.-])(?P<words>[A-Z][\w'’-]*(?:,?[ \t]+[A-Z][\w'’-]*){0,2})[ \t]+&[ \t]+Co\."
)
# One to three capitalised words right before ' International', and what may follow it.
_WORDS_BEFORE = re.compile(r"(?<![\w'’-])(?P<words>(?:[A-Z][\w’'&.-]*[ \t]){0,2}[A-Z][\w’'&.-]*) $")
_NAME_GOES_ON = re.compile(r"\w|[ \t]+[A-Z]|['’-]")
_BUILDINGS = (" House", " Court")
_LINK_WORDS = (" of ", " for ", " on ")
# Up to three capitalised words, a possessive and `Office`: 'Prime Minister’s Office'.
_TITLED_OFFICE = re.compile(
    r"(?P<title>(?:[A-Z][\w-]* ){0,2}[A-Z][\w-]*)(?P<office>['’]s Office)\b(?!.)", re.DOTALL
)

# Two acronyms or more joined by hyphens, each of two capitals or more: 'AFL-CIO', 'ITAR-TASS'.
_JOINED_ACRONYM = re.compile(r"(?<![\w'’-])[A-Z]{2,}(?:-[A-Z]{2,})+(?![\w'’-])")
# A capital 'The' and one to three capitalised words: a title as its masthead writes it
# ('told The Island that', 'and The Bangladesh Observer praised').
_CAPITAL_THE = re.compile(r"The (?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})(?![\w'’-])")
_WORD_BEFORE = re.compile(r"[\w'’.-]")

# A list's next item after a body's name: ', the Reichsbank.', ' and BOAC jets'.
_LISTED_AFTER = re.compile(
    r"\)?(?:,[ \t]+(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(?:the[ \t]+)?"
    r"(?P<name>[A-Z][\w&'’\-]*\w)(?=[.,;:)]|[ \t]+(?:and|or)[ \t]|[ \t]+(?P<next>[a-z]+)\b)"
)
_LIST_MARKS = (",", " and ", " or ", "),", ") and ", ") or ")
# A ministry or department named by its fields, which a list after it may go on naming.
_PORTFOLIOS = re.compile(r"(?:Ministry|Department|Secretariat|Office) (?:of|for) ")
_SMALL_WORDS = frozenset(
    ("of", "for", "the", "de", "des", "du", "del", "la", "le", "el", "al", "da", "di", "van",
     "von", "on", "in", "y", "et", "and", "or", "d")
)  # fmt: skip


def complete_organisations(
    source: str, mentions: list[Mention], tokens: Sequence[Token]
) -> list[Mention]:
    """`mentions` with whole organisation names and settled acronyms (see the module);
    `tokens` are the brief's words (`TokenIndex.tokens`)."""
    written = set(map(_TEXT, tokens))  # built in C
    known = _known_in_full(source, written)
    if (
        not known
        and not any(m.kind is ActorKind.organization for m in mentions)
        and "s Office" not in source
        and BRACKETED.search(source) is None
        and " known " not in source
        and BODIES_AFTER_THE.isdisjoint(written)
        and "Air" not in written
        and "Radio" not in written
        and "International" not in written
        and "& Co." not in source
        and "Voice of " not in source
        and _CAPITAL_THE.search(source) is None
        and not _joined_words(written)
        and not any(part in source for part in _COMPOUND_PARTS)
        and not any(word + _MEMBER_OF_THE in source for word in _MEMBER_WORDS)
    ):
        return mentions  # no organisation to widen, nor any other body to find
    known_as = " known as " in source or " known by its " in source
    acronyms = defining_acronyms(source, known_as=known_as)
    brackets = bracketed_acronyms(source, acronyms)
    others = {text for _, text in brackets if other_acronym(text)}
    brief = OrgText(source, mentions, acronyms, brackets, others)
    brief.written = written
    return _complete(brief, known)


def _complete(brief: OrgText, known: list[tuple[int, int]]) -> list[Mention]:
    if brief.brackets:
        brief.mentions = with_bracketed_acronyms(brief)
    if bodies := _bodies_after_the(brief):
        brief.mentions = _with_bodies(brief, bodies)
    if any(part in brief.source for part in _COMPOUND_PARTS):
        compounds = [match.span() for match in _COMPOUND_BODY.finditer(brief.source)]
        brief.mentions = _with_bodies(brief, compounds)
    if not HEADS_FIRST.isdisjoint(brief.written) and (described := _described_bodies(brief)):
        brief.mentions = _with_bodies(brief, described)
    if _MEMBER_OF_THE in brief.source and (members := _members_of(brief)):
        brief.mentions = _with_bodies(brief, members)
    if " and " in brief.source:
        brief.mentions = [part for m in brief.mentions for part in _two_names(brief, m)]
    orgs = [m for m in brief.mentions if m.kind is ActorKind.organization]
    if " of " in brief.source and (leaders := _leaders(brief, orgs)):
        brief.mentions = [part for m in brief.mentions for part in leaders.get(m, (m,))]
        orgs = [m for m in brief.mentions if m.kind is ActorKind.organization]
    brief.taken = sorted(map(_SPAN, brief.mentions))  # (start, end) pairs, built in C
    brief.orgs = orgs
    unread = _unread_names(brief, list(map(_SPAN, orgs)), known)
    if unread and brief.brackets:
        brief.mentions = _defined_not_people(brief, unread)
    found = brief.mentions + unread if unread else brief.mentions
    widened = [widen(brief, m) if m.kind is ActorKind.organization else m for m in found]
    kept = [m for m in widened if m is not None]
    wider = [
        (a.start, a.end)
        for a, b in zip(widened, found, strict=True)
        if a is not None and (a is not b or b in unread)
    ]
    if wider:  # only a wider or new name holds others
        kept = _without_nested(sorted(kept, key=_SPAN), wider, repeats=bool(unread))
    if " of " in brief.source:
        kept = [
            m for m in kept if m.kind is not ActorKind.organization or not _in_a_document(brief, m)
        ]
    if leading := _leading_bodies(brief, kept):
        spans = [(m.start, m.end) for m in leading]  # no person: 'NATO-led' read as a name
        kept = [m for m in kept if not any(m.start < e and s < m.end for s, e in spans)]
        kept = sorted(kept + leading, key=_SPAN)
    if "-style" in brief.source or "-type" in brief.source:
        kept = [_without_a_kind(m) for m in kept]
    if " House" in brief.source or " Court" in brief.source:
        kept = [m for m in kept if not _a_building(brief, m)]
    if brief.brackets:
        kept = inner_defined(brief, kept)
    if brief.brackets and any(m.groupdict().get("gloss") for m in brief.acronyms):
        kept = glossed(brief, kept)
    settled = settle_acronyms(brief, kept)
    if listed := _listed_with_bodies(brief, settled):
        taken = {(m.start, m.end) for m in listed}
        settled = sorted([m for m in settled if (m.start, m.end) not in taken] + listed, key=_SPAN)
    if " known as " in brief.source:
        settled = _other_names(brief.source, settled)
    if " (" in brief.source:
        settled = _short_names(brief.source, settled)
        settled = _lowercase_forms_in_brackets(brief.source, settled)
        settled = _translated_in_brackets(brief.source, settled)
    return [_after_a_heading(brief.source, m) for m in settled]


def _after_a_heading(source: str, mention: Mention) -> Mention:
    """'THE PLANTATIONS' + a line break + 'The Deli Maatschappij lost ...': a name read over
    a line break from a line written in capitals (a heading) starts on the next line, after
    its sentence's 'The'; a name wrapped over two lines of prose is kept whole, also after an
    acronym ending a line of prose ('the UN' + a line break + 'Security Council')."""
    if mention.kind is not ActorKind.organization:
        return mention
    at = source.rfind("\n", mention.start, mention.end) + 1
    if not at:
        return mention
    if not in_lines_of_capitals(source, mention.start, at - 1):
        return mention  # a line of prose, perhaps ending in an acronym ('met the UN')
    if source.startswith("The ", at) and source.find(" ", at + 4, mention.end) > 0:
        at += 4
    name = one_spaced(source, at, mention.end)
    return mention._replace(start=at, surface=name, name=name)


def _two_names(brief: OrgText, mention: Mention) -> tuple[Mention, ...]:
    """'Bank Mellat and Bank Sepah', 'Oxfam and Third World Network', 'the United Fruit
    Company and National City Bank of New York': an organisation mention the run reader
    joined over 'and' is two names where each side is a name of its own: one side a known
    organisation, both opening with one organisation word, or a name ending in an
    organisation word before three words or more. Not 'Ministry of Trade and Industry',
    'Food and Agriculture Organization', nor two words after 'and' that end a name both
    sides share ('Slovene Intelligence and Security Agency', 'Assembly of Heads of State
    and Government')."""
    if mention.kind is not ActorKind.organization or " and " not in mention.surface:
        return (mention,)
    source = brief.source
    for match in _AND.finditer(source, mention.start, mention.end):
        left = one_spaced(source, mention.start, match.start()).split()
        right = one_spaced(source, match.end(), mention.end).split()
        if (
            known_organisation(" ".join(left)) is not None
            or known_organisation(" ".join(right)) is not None
            or (left[0] == right[0] and brief.has_head(left[:1]))
            or (len(left) > 1 and brief.has_head(left[-1:]) and len(right) > 2)
        ):
            return (brief.new(mention.start, match.start()), brief.new(match.end(), mention.end))
    return (mention,)


def _lowercase_forms_in_brackets(source: str, mentions: list[Mention]) -> list[Mention]:
    """'Deutsche Presse-Agentur (dpa)': a known body's form written in lowercase (which
    the run reader never reads) in brackets right after its name is a mention of it."""
    found = []
    for mention in mentions:
        opening = mention.end + 2
        if (
            mention.kind is not ActorKind.organization
            or not source.startswith(" (", mention.end)
            or not source[opening : opening + 1].islower()
        ):
            continue  # the common case
        close = source.find(")", opening, opening + 12)
        form = source[opening:close] if close > 0 else ""
        canonical = known_organisation(form) if form.isalpha() else None
        if canonical is not None and canonical == known_organisation(mention.name):
            found.append(Mention(ActorKind.organization, opening, close, form, mention.name))
    return sorted(mentions + found, key=_SPAN) if found else mentions


def _translated_in_brackets(source: str, mentions: list[Mention]) -> list[Mention]:
    """'Partido Liberal (Liberal Party)', 'Hizb al-Ahd (Covenant Party)': a body's name of
    two words or more alone in brackets right after another body's is its translation, the
    same body under the name written first."""
    renamed = []
    previous: Mention | None = None
    for mention in mentions:
        if (
            previous is not None
            and mention.kind is ActorKind.organization
            and previous.kind is ActorKind.organization
            and source[previous.end : mention.start] == " ("
            and source[mention.end : mention.end + 1] == ")"
            and " " in mention.surface
        ):
            mention = mention._replace(name=previous.name)
        renamed.append(mention)
        previous = mention
    return renamed


def _short_names(source: str, mentions: list[Mention]) -> list[Mention]:
    """'the Mozambican National Resistance (Renamo)', 'Empresa Colombiana de Petróleos
    (Ecopetrol)': one capitalised word, not an acronym, in brackets right after a body's
    name of two words or more is the short name the brief gives that body, an organisation
    there and wherever the brief uses it (one actor, the full name canonical)."""
    opens = {found.start() for found in _SHORT_OPEN.finditer(source)}
    if not opens:
        return mentions  # the common case: no word in brackets
    by_start = {m.start: m for m in mentions}
    renamed: dict[str, str] = {}
    for before in mentions:
        if before.end not in opens or before.kind not in _SHORT_NAME_KINDS:
            continue
        after = by_start.get(before.end + 2)
        if (
            before.kind is ActorKind.organization
            and " " in before.name
            and after is not None
            and after.kind in _SHORT_NAME_KINDS
            and not after.titled
            and source[after.end : after.end + 1] == ")"
            and _SHORT_NAME.fullmatch(after.surface)
            and after.surface != before.name
        ):
            renamed.setdefault(after.surface, before.name)
        elif _the_in_brackets(source, before):
            # written the other way round: 'Frelimo (the Front for the Liberation ...)'
            full = by_start.get(before.end + 6)
            if full is not None and _names_in_brackets(source, full):
                renamed.setdefault(before.surface, full.name)
    if not renamed:
        return mentions
    return [_renamed(m, renamed) if m.kind in _SHORT_NAME_KINDS else m for m in mentions]


def _the_in_brackets(source: str, mention: Mention) -> bool:
    """'Frelimo (the ': one word before a bracket opening with 'the'."""
    opening = source[mention.end : mention.end + 6]
    return opening in _THE_IN_BRACKETS and _SHORT_NAME.fullmatch(mention.surface) is not None


def _names_in_brackets(source: str, mention: Mention) -> bool:
    return (
        mention.kind is ActorKind.organization
        and " " in mention.name
        and source[mention.end : mention.end + 1] == ")"
    )


def _renamed(mention: Mention, renamed: dict[str, str]) -> Mention:
    """A mention of a short name as the body it names; a titled person of that one word
    ('will head Renamo’s delegation': 'head' read as a title) too, the title left out."""
    word = mention.surface if mention.kind is ActorKind.organization else mention.name
    full = renamed.get(word)
    if full is None or not mention.surface.endswith(word):
        return mention
    return mention._replace(
        kind=ActorKind.organization,
        start=mention.end - len(word),
        surface=word,
        name=full,
        title=None,
        titled=False,
    )


def _a_building(brief: OrgText, mention: Mention) -> bool:
    """'at Lancaster House', 'at Barnes Court': a name ending in 'House' or 'Court' right
    after a locative with no article is the building where something happens, not a body
    ('at the International Court', 'Freedom House said' stay bodies)."""
    if mention.kind is not ActorKind.organization or not mention.surface.endswith(_BUILDINGS):
        return False
    before = brief.source[max(0, mention.start - 12) : mention.start].split()[-1:]
    return bool(before) and before[0] in brief.words.locatives


def _without_a_kind(mention: Mention) -> Mention:
    """'a Banco del Sur-style fund': a body's name before '-style' or '-type' describes
    a thing of its kind; the body is named without the suffix."""
    surface = mention.surface
    if mention.kind is not ActorKind.organization or not surface.endswith(_OF_A_KIND):
        return mention
    cut = surface.rindex("-")
    name = surface[:cut] if mention.name == surface else mention.name
    return mention._replace(
        end=mention.end - (len(surface) - cut), surface=surface[:cut], name=name
    )


def _other_names(source: str, mentions: list[Mention]) -> list[Mention]:
    """'the Party of Democratic Kampuchea (PDK), better known as the Khmer Rouge': a body
    named right after 'known as' following another body is that body under its other name,
    there and wherever the brief uses it (one actor, the first name canonical)."""
    orgs = [m for m in mentions if m.kind is ActorKind.organization]
    renamed: dict[str, str] = {}
    for before, after in pairwise(orgs):
        found = _OTHER_NAME.match(source, before.end, after.start)
        if found is not None and found.end() == after.start and after.name != before.name:
            renamed.setdefault(after.name, renamed.get(before.name, before.name))
    if not renamed:
        return mentions
    return [
        m._replace(name=renamed[m.name])
        if m.kind is ActorKind.organization and m.name in renamed
        else m
        for m in mentions
    ]


def _defined_not_people(brief: OrgText, unread: list[Mention]) -> list[Mention]:
    """'the Ulster Defence Regiment (UDR)', 'the Parti Social Démocrate (PSD)': a name an
    acronym in brackets defines, with an organisation word in it, is an organisation's
    where the run reader read a person, unless it is shaped as a person's (titled, a known
    given name or an initial first: 'John F. Kennedy (JFK)'); so is one with a word that
    opens movements' names inside it ('Muttahida Majlis-e-Amal (MMA)'); the same name
    elsewhere in the brief too; so is one in another language its acronym spells
    (`_linked_in_its_language`). Without an organisation word it may name a thing ('Value
    Added Tax (VAT)')."""
    ends = dict(brief.brackets)
    defined = {
        name
        for m in unread
        if m.end in ends
        and (
            brief.has_head((name := one_spaced(brief.source, m.start, m.end)).split())
            or name.split()[0] in brief.words.movement_prefixes
            or _movement_word_inside(brief, name)
            or _linked_in_its_language(name, ends[m.end])
        )
    }
    spelled = {
        name
        for m in unread
        if m.end in ends
        and _spelled_exactly(name := one_spaced(brief.source, m.start, m.end), ends[m.end])
        and _cued_as_a_body(brief, brief.source.find(")", m.end) + 1)
    }
    if not defined and not spelled:
        return brief.mentions  # the common case
    return [
        m._replace(kind=ActorKind.organization, title=None, titled=False, evidence=False)
        if m.kind is ActorKind.person
        and (m.surface in defined or (m.surface in spelled and not m.evidence))
        and not _a_persons_name(brief, m)
        else m
        for m in brief.mentions
    ]


def _cued_as_a_body(brief: OrgText, at: int) -> bool:
    """After a name's acronym in brackets (from `at`), a body's verb or 'of' and a name
    (`_BODY_CUE_AFTER`), or a word that names a kind of body, right after it or at the end
    of an appositive: '(BTK) party', '(UNO), the contra umbrella group'."""
    if _BODY_CUE_AFTER.match(brief.source, at) is not None:
        return True
    marked = _MARKED_AFTER.match(brief.source, at)
    return marked is not None and marked.group("marker") in brief.words.group_markers


def _spelled_exactly(name: str, letters: str) -> bool:
    """'Rashtriya Swayamsevak Sangh' (RSS), 'Janatha Vimukthi Peramuna' (JVP): every word's
    initial, in order, and nothing else, is the acronym (with `_BODY_CUE_AFTER`, a body
    with no organisation word, its name often in another language)."""
    words = name.split()
    return len(words) >= 2 and initials(words) == acronym_letters(letters)


def _linked_in_its_language(name: str, letters: str) -> bool:
    """'Bund der Vertriebenen (BdV)', 'Central Única dos Trabalhadores (CUT)', 'Asociación
    Latinoamericana de Integración (ALADI)': three words or more joined by a Romance or
    German article or preposition, whose capitals' initials are the acronym's letters in
    order, the first first (an acronym may take a small word's or a second syllable's
    letter too). A person's name is never defined by such an acronym; one shaped as a
    person's (a known given name, a title) is kept by `_a_persons_name`."""
    words = name.split()
    if len(words) < 3 or not any(word in _NAME_LINKS for word in words[1:-1]):
        return False
    wanted = plain("".join(c for c in acronym_letters(letters) if c.isalpha()))
    spelled = plain(initials(words))
    if len(wanted) < 3 or len(spelled) < 2 or wanted[:1] != spelled[:1]:
        return False
    rest = iter(wanted)
    return all(letter in rest for letter in spelled)


def _movement_word_inside(brief: OrgText, name: str) -> bool:
    """'Muttahida Majlis-e-Amal': a word that opens movements' names ('Majlis', 'Hizb',
    'Jamaat') inside a name, alone or before a hyphen."""
    prefixes = brief.words.movement_prefixes
    return any(part in prefixes for word in name.split()[1:] for part in word.split("-"))


def _a_persons_name(brief: OrgText, mention: Mention) -> bool:
    first = mention.surface.split()[0]
    return (
        mention.titled
        or mention.surface != mention.name
        or first in brief.words.given_names
        or first.endswith(".")
    )


def _in_a_document(brief: OrgText, mention: Mention) -> bool:
    """'the Charter of the United Nations', 'the Statute of the Council of Europe': a body
    named inside a document's or an event's name ('<event word> of (the) <body>') is no
    mention of its own, unless the brief defines its acronym there."""
    if brief.source.startswith(" (", mention.end):
        return False  # '... of the Conference on Security and Co-operation in Europe (CSCE)'
    before = brief.source[max(0, mention.start - 24) : mention.start]
    if not before.endswith((" of ", " of the ")):
        return False  # the common case, decided without the regex
    found = _DOCUMENT_OF.search(before)
    return found is not None and found["head"].casefold() in brief.words.event_heads


def _leading_bodies(brief: OrgText, mentions: list[Mention]) -> list[Mention]:
    """'the NATO-led Kosovo Force', 'a U.N.-sponsored plan': a known organisation before
    '-led', '-backed', '-brokered' ... is a mention of it (the descriptor is no part of the
    name after it, `org_widening`). The pattern opens with the hyphen, which `re` skips to."""
    found = []
    for match in _LEADING.finditer(brief.source):
        end = match.start()
        body = _BODY_BEFORE.search(brief.source, max(0, end - 20), end)
        if body is None:
            continue
        start = body.start()
        if known_organisation(body.group()) is not None and not any(
            m.start < end and start < m.end for m in mentions if m.kind is not ActorKind.person
        ):
            found.append(brief.new(start, end))
    return found


def _listed_with_bodies(brief: OrgText, mentions: list[Mention]) -> list[Mention]:
    """'the Bank of England, the Bank of Spain and the Reichsbank', 'Trans World Airlines
    (TWA), Swissair and BOAC jets': a single capitalised word that nothing else reads,
    listed after a body's name (',' or 'and', perhaps 'the'), and ending the list or
    followed by a lowercase word, is a body too, as a list names things of one kind."""
    found: list[Mention] = []
    source = brief.source
    listed = [
        m
        for m in mentions
        if m.kind is ActorKind.organization
        and source.startswith(_LIST_MARKS, m.end)
        and not _PORTFOLIOS.match(m.name)  # 'the Ministry of Foreign Affairs, Trade, Tourism'
    ]
    if not listed:
        return found  # the common case: no body's name goes on into a list
    spans = [(m.start, m.end) for m in mentions if not _a_lone_word(m)]
    surnames = {
        word
        for m in mentions
        if m.kind is ActorKind.person and " " in m.name.strip()
        for word in m.name.split()
    }
    for mention in listed:
        end = mention.end
        while (item := _LISTED_AFTER.match(source, end)) is not None:
            start, stop = item.span("name")
            word = item["name"]
            if (
                any(first < stop and start < last for first, last in spans)
                or word in surnames  # 'the PLO and Arafat'
                or word.endswith(("'s", "’s"))
                or not word[word.rfind("-") + 1 :][:1].isupper()  # 'Russian-led'
                or plural_noun(word)  # 'Conservatives', 'Gaullists'
                or word.casefold() in brief.words.stop_words
                or word.casefold() in CALENDAR
                or word in brief.words.given_names
                or phrase_entry(word) is not None
                or item["next"] in _SMALL_WORDS
            ):
                break
            found.append(brief.new(start, stop))
            spans.append((start, stop))
            end = stop
    return found


def _a_lone_word(mention: Mention) -> bool:
    """A single untitled word read as a person with no evidence: it names nobody unless
    something else does (`OrgText.lone_word`)."""
    return (
        mention.kind is ActorKind.person
        and not mention.titled
        and not mention.evidence
        and " " not in mention.surface
    )


def _leaders(brief: OrgText, orgs: list[Mention]) -> dict[Mention, tuple[Mention, Mention]]:
    """Each body of `orgs` named with its leader after 'of', cut in two (see
    `split_at_a_leader`)."""
    return {
        mention: split
        for mention in orgs
        if " of " in mention.surface and (split := split_at_a_leader(brief, mention))
    }


def _unread_names(
    brief: OrgText, orgs: list[tuple[int, int]], known: list[tuple[int, int]]
) -> list[Mention]:
    """Names the run reader cut into a title or a person: 'the Board of Governors' (a
    plural office word), 'Office of the United Nations High Commissioner for Refugees
    (UNHCR)', 'the Kurdistan Workers' Party (PKK)', and known names it cut at a small
    or an event word ('the Conference on Disarmament')."""
    found: list[Mention] = []
    for start, end in known:  # unless a name the run reader read holds it
        if not any(first <= start and end <= stop for first, stop in orgs):
            found.append(brief.new(start, end))
    for start, end in _head_led(brief.source, brief.words.org_heads):
        if not brief.overlaps(start, end):  # not in a title: 'Chairman of the Commission'
            found.append(brief.new(start, end))
    if "Air" in brief.written:
        found += [brief.new(start, end) for start, end in _flag_carriers(brief)]
    if "Radio" in brief.written:
        found += [brief.new(start, end) for start, end in _flag_carriers(brief, "Radio")]
        found += [brief.new(start, end) for start, end in _international(brief, " Radio")]
    if "International" in brief.written:
        found += [brief.new(start, end) for start, end in _international(brief)]
    if "& Co." in brief.source:
        found += [brief.new(start, end) for start, end in _firms_and_co(brief)]
    if _joined_words(brief.written):
        found += [brief.new(start, end) for start, end in _joined_acronyms(brief)]
    if "Voice of " in brief.source:
        found += [brief.new(*match.span()) for match in _VOICE_OF.finditer(brief.source)]
    if "The" in brief.written:
        found += [brief.new(start, end) for start, end in _mastheads(brief)]
    for start, end in _offices_of_titles(brief):
        # The title may be read as a lone word ('Comptroller'), never as a body.
        if not any(stop > start and first < end for first, stop in orgs):
            found.append(brief.new(start, end))
    org_ends = {e for _, e in orgs}
    for end, letters in brief.brackets:
        if end in org_ends:
            continue
        first = acronym_start(brief, letters, end)
        if first is not None:
            found.append(brief.new(first, end))
    return found


def _known_in_full(source: str, written: set[str]) -> list[tuple[int, int]]:
    """Spans of known organisations written in full whose names hold a lowercase word
    ('Conference on Security and Co-operation in Europe') or a '+' and a number ('P5+1'),
    found from the brief's words, not by a search per name."""
    found = []
    forms_by_word = forms_by_inner_link()
    words = forms_by_word.keys() & written  # built in C: few, most briefs
    for word in words:
        for pattern, forms in forms_by_word[word].items():  # 'Conference on ': its forms
            at = source.find(pattern)
            while at >= 0:
                for form, offset in forms:
                    start = at - offset
                    end = start + len(form)
                    if (
                        start >= 0
                        and source.startswith(form, start)
                        and not source[start - 1 : start].isalnum()
                        and not source[end : end + 1].isalnum()
                    ):
                        found.append((start, end))
                        break
                at = source.find(pattern, at + 1)
    for form in forms_with_a_number():  # a few forms, each found or not in C
        at = source.find(form)
        while at >= 0:
            end = at + len(form)
            if not source[at - 1 : at].isalnum() and not source[end : end + 1].isalnum():
                found.append((at, end))
            at = source.find(form, end)
    return found


def _flag_carriers(brief: OrgText, opening: str = "Air") -> list[tuple[int, int]]:
    """'Air India', 'an Air China Boeing': 'Air' and a country's name is an airline, as
    flag carriers are named; 'Radio' and a country's name ('Radio Australia', 'Radio New
    Zealand') is the state broadcaster, as national radios are named, and with
    'Internationale' or 'International' after the country its world service ('Radio France
    Internationale'); so is 'Radio' and a capital city's name ('Radio Moscow', 'Radio
    Amman'), as the state radios were named after their city."""
    found = []
    source = brief.source
    at = source.find(f"{opening} ")
    while at >= 0:
        start = at + len(opening) + 1
        if not source[at - 1 : at].isalnum():
            words = source[start : start + 40].split()[:2]
            for length in (2, 1):
                name = " ".join(words[:length]).rstrip(",.;:’'s")
                entry = phrase_entry(name) if len(words) >= length else None
                if (entry is not None and entry.category is Category.country) or (
                    opening == "Radio" and len(words) >= length and plain(name) in capitals()
                ):
                    end = start + len(name)
                    # 'Radio France Internationale': its world service
                    for tail in (" Internationale", " International"):
                        if (
                            source.startswith(tail, end)
                            and not source[end + len(tail) :][:1].isalnum()
                        ):
                            end += len(tail)
                            break
                    found.append((at, end))
                    break
        at = source.find(f"{opening} ", start)
    return found


def _joined_words(written: set[str]) -> bool:
    """Whether the brief writes acronyms joined by a hyphen (of its words, not by a scan)."""
    return any("-" in word and word.isupper() for word in written)


def _joined_acronyms(brief: OrgText) -> list[tuple[int, int]]:
    """'the AFL-CIO', 'ITAR-TASS reported': acronyms joined by hyphens name one body (two
    merged, or an agency and its older name), where one acronym alone is no organisation
    ('the VAT'); not when a known or defined acronym opens them ('EU-UK talks', a relation;
    'FARC-EP' after 'FARC' is defined, the body written longer), nor in a line written in
    capitals ('COUNTER-TERRORISM'), nor where a mention is already read."""
    spans, defined = [], {letters for _, letters in brief.brackets}
    for match in _JOINED_ACRONYM.finditer(brief.source):
        start, end = match.span()
        parts = match.group().split("-")
        if phrase_entry(parts[0]) is not None or parts[0] in defined:
            continue  # 'EU-UK talks': a relation; 'FARC-EP' after 'FARC (...)': the body
        if in_lines_of_capitals(brief.source, start, end) or brief.overlaps(start, end):
            continue
        spans.append((start, end))
    return spans


def _firms_and_co(brief: OrgText) -> list[tuple[int, int]]:
    """'Dent & Co.', 'Jardine, Matheson & Co.': one to three capitalised names (a comma
    between two partners' names) before '& Co.' are a firm's name, as companies were named;
    a stop word opening them ('The', 'And') is not."""
    found = []
    for match in _AND_CO.finditer(brief.source):
        words = match.group("words").split()
        while words and words[0].rstrip(",").casefold() in brief.words.stop_words:
            words.pop(0)
        if words:
            found.append((match.end("words") - len(" ".join(words)), match.end()))
    return found


def _international(brief: OrgText, ending: str = " International") -> list[tuple[int, int]]:
    """'Greenpeace International', 'Sandline International', 'Iran International': one to
    three capitalised words and 'International' ending the name (not 'International
    Cooperation', nor after a small word: 'Minister for International Development') are a
    body's name, as NGOs, companies and broadcasters are named; so with 'Radio' ending it
    ('Vatican Radio', 'Caracol Radio'), as broadcasters are named."""
    found = []
    source = brief.source
    at = source.find(ending)
    while at >= 0:
        end = at + len(ending)
        match = _WORDS_BEFORE.search(source, max(0, at - 80), at + 1)
        if match is not None and not _NAME_GOES_ON.match(source, end):
            words = match.group("words").split()
            for index in range(len(words) - 2, -1, -1):  # 'the IDF. Amnesty International'
                if words[index].endswith(".") and "." not in words[index][:-1]:
                    words = words[index + 1 :]  # a sentence ends there, not an abbreviation
                    break
            while words and words[0].casefold() in brief.words.stop_words and words[0] != "All":
                words.pop(0)  # 'The', 'According'; 'All' opens names: 'All India Radio'
            if words:
                found.append((at + 1 - len(" ".join(words)) - 1, end))
        at = source.find(ending, end)
    return found


def _mastheads(brief: OrgText) -> list[tuple[int, int]]:
    """'told The Island that', 'and The Bangladesh Observer praised', 'The Chosun Ilbo
    claims': a capital 'The' inside a sentence opens a title, a paper's as its masthead
    writes it; at a sentence's start only before what a paper does ('says', 'reported').
    Not a place ('in The Hague'), nor words holding a title ('The Australian Foreign
    Minister'), a calendar word or a small word, nor where a name was already read."""
    found = []
    source, words = brief.source, brief.words
    for match in _CAPITAL_THE.finditer(source):
        start, end = match.span()
        if start and _WORD_BEFORE.match(source, start - 1):
            continue  # 'Athe', 'O.The'
        name = match.group("name")
        # After a semicolon a capital 'The' is the name's: '; The Gleaner called it'.
        opens = opens_a_sentence(source, start) and not source[:start].rstrip().endswith(";")
        if opens and not PRESS_VERB.match(source, end):
            continue
        entry = phrase_entry(name) or phrase_entry(f"The {name}")
        if entry is not None and (opens or entry.category is not Category.demonym):
            continue  # 'in The Hague', 'The Americans said' ('told The Australian' is a paper)
        parts = [word.casefold() for word in name.split()]
        if any(
            part in words.title_heads or part in words.stop_words or part in CALENDAR
            for part in parts
        ):
            continue
        if not any(_holds_the_name(m, match.start("name"), end) for m in brief.mentions):
            found.append((start, end))
    return found


def _holds_the_name(mention: Mention, start: int, end: int) -> bool:
    """Whether `mention` was read where a title's name `start`-`end` is: a name of its
    own across it or the whole of it ('The Americans'); not a country inside it ('The
    Bangladesh Observer') nor one untitled word the run reader took for a surname
    ('Observer')."""
    if mention.start >= end or mention.end <= start:
        return False
    if mention.kind is ActorKind.person:
        return mention.titled or " " in mention.name
    return mention.kind is ActorKind.organization or (mention.start <= start and end <= mention.end)


def _members_of(brief: OrgText) -> list[tuple[int, int]]:
    """'Members of the Afrikaner Bond', 'units of the Iraq Levies', 'leaders of the Order of
    Preachers': two capitalised words or more (with the small words of a name between
    them) that people are members, leaders or units of name a body, unless they name a
    place or a person (`_with_bodies` keeps what the run reader read over more than a
    lone word or a country)."""
    found = []
    source, at = brief.source, brief.source.find(_MEMBER_OF_THE)
    while at >= 0:  # few in a brief, each checked by the word before it
        before = source[max(0, at - 12) : at].rsplit(None, 1)[-1:]
        match = (
            _MEMBERS_NAME.match(source, at + len(_MEMBER_OF_THE))
            if before and before[0].lstrip("(\"“‘'*•–-") in _MEMBER_WORDS
            else None
        )
        at = source.find(_MEMBER_OF_THE, at + len(_MEMBER_OF_THE))
        if match is None:
            continue
        start, end = match.span("name")
        name = match.group("name")
        following = _NEXT_LOWERCASE.match(source, end)
        if (
            phrase_entry(name) is None
            and not (following and _a_works_noun(brief, following.group(1)))
            and not brief.names_a_person(start, end)
        ):
            found.append((start, end))
    return found  # in text order: each ' of the ' is found after the last


def _a_works_noun(brief: OrgText, word: str) -> bool:
    """'pipelines' in 'the Nord Stream and South Stream pipelines': a lowercase place or
    works word after a name makes it a thing's, not a body's."""
    head = word.casefold()
    return head in brief.words.place_heads or head.removesuffix("s") in brief.words.place_heads


def _described_bodies(brief: OrgText) -> list[tuple[int, int]]:
    """'the Assemblée nationale', 'the Cour constitutionnelle', 'the Ministère des Affaires
    étrangères', 'the Banque de l'Indochine', 'the Banco do Brasil', "the Banca d'Italia": a
    body's word written first (`HEADS_FIRST`) and its small words and the capitalised words
    after them, and in French (`FRENCH_HEADS`) the lowercase adjectives after it, are a
    body's name (`head_first_name_end`), an adjective written before the word opening it
    ('the Haute Autorité des Médias': `HEADS_FIRST_OPENERS`)."""
    found = []
    source = brief.source
    for word in HEADS_FIRST & brief.written:
        at = source.find(word + " ")
        french = word in FRENCH_HEADS
        while at >= 0:
            end = at + len(word)
            if not source[at - 1 : at].isalnum():
                stop = head_first_name_end(source, end, french=french)
                if stop > end:
                    found.append((_opened_at(source, at), stop))
            at = source.find(word + " ", end)
    return found


def _opened_at(source: str, at: int) -> int:
    """Where a body's name written head first at `at` opens: at an adjective written before
    its word ('Haute Autorité'), else at `at`."""
    if at < 2 or source[at - 1] != " ":
        return at
    space = max(source.rfind(" ", 0, at - 1), source.rfind("\n", 0, at - 1))
    return space + 1 if source[space + 1 : at - 1] in HEADS_FIRST_OPENERS else at


def _bodies_after_the(brief: OrgText) -> list[tuple[int, int]]:
    """'the Treasury would not confirm', 'The Treasury's own fund': a state's finance
    ministry named by one word after 'the' (`bodies_after_the`), not before a capitalised
    word ('Treasury Secretary') nor as an office's complement ('Secretary of the
    Treasury'). Found with `str.find`."""
    found = []
    source = brief.source
    for word in BODIES_AFTER_THE & brief.written:
        at = source.find(word)
        while at >= 0:
            end = at + len(word)
            after = source[end : end + 3]
            before = source[max(0, at - 40) : at]
            if (
                before.endswith(("the ", "The "))
                and not after[:1].isalnum()
                and not (after[:1] in " \t" and after[1:2].isupper())
                and not _of_an_office(brief, before[:-4])
            ):
                found.append((at, end))
            at = source.find(word, end)
    return found


def _with_bodies(brief: OrgText, spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions with each of `spans` an organisation: a lone word the run reader read
    as a person is one, and a span no mention overlaps, or only such words, countries'
    names or a shorter reading of its own start inside it ('Institut de Droit' of
    'Institut de Droit international'), is added in their place."""
    exact = set(spans)
    mentions = [
        m._replace(kind=ActorKind.organization)
        if m.kind is ActorKind.person and (m.start, m.end) in exact and not m.titled
        else m
        for m in brief.mentions
    ]
    for start, end in spans:
        inside = [m for m in mentions if m.start < end and start < m.end]
        if all(_a_lone_word_within(m, start, end) or _shorter_from(m, start, end) for m in inside):
            # 'Assemblée' of 'Assemblée nationale': a word the run reader took for a surname
            mentions = [m for m in mentions if m not in inside]
            mentions.append(brief.new(start, end))
    return mentions


def _shorter_from(mention: Mention, start: int, end: int) -> bool:
    """Whether `mention` is an organisation read from `start` that ends before `end`."""
    return mention.kind is ActorKind.organization and mention.start == start and mention.end < end


def _a_lone_word_within(mention: Mention, start: int, end: int) -> bool:
    """Whether `mention` is within `start`-`end` and one untitled word read as a person, or
    untitled words with no evidence or after the span's first word ("Études du Haut-Congo"
    of "Comité d'Études du Haut-Congo"), or a country's name ('Congo' of 'Banque centrale
    du Congo')."""
    if not start <= mention.start or not mention.end <= end:
        return False
    if mention.kind is ActorKind.person:
        return not mention.titled and (
            " " not in mention.name or not mention.evidence or mention.start > start
        )
    return mention.kind is not ActorKind.organization


def _of_an_office(brief: OrgText, before: str) -> bool:
    """Whether `before` ends in an office title and 'of': 'Secretary of'."""
    words = before.split()
    return len(words) >= 2 and words[-1] == "of" and words[-2].casefold() in brief.words.title_heads


def _offices_of_titles(brief: OrgText) -> list[tuple[int, int]]:
    """An office named by the title it serves: 'the Prime Minister’s Office', 'the
    Comptroller General's Office' (the title is read as no actor of its own). Found
    with `str.find`, the regex tried only before each 's Office'."""
    found = []
    words, source = brief.words, brief.source
    at = source.find("s Office")
    while at >= 0:
        start = max(0, at - 60)
        match = _TITLED_OFFICE.search(source, start, at + 8)
        at = source.find("s Office", at + 8)
        if match is None or match.group("title").split()[-1].casefold() not in words.title_heads:
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


def _without_nested(
    mentions: list[Mention], wider: list[tuple[int, int]], *, repeats: bool
) -> list[Mention]:
    """Mentions inside a widened or new organisation's span (`wider`, a few per brief) are
    part of its name, and so is a shorter organisation's mention it overlaps from the left;
    with `repeats`, so is a second mention of one span. `mentions` are in text order."""
    starts = [m.start for m in mentions]
    dropped: set[int] = set()
    for start, end in wider:
        index = bisect_left(starts, start)
        before = mentions[index - 1] if index else None
        if (
            before is not None
            and before.kind is ActorKind.organization
            and start < before.end < end
            and before.end - before.start < end - start
        ):  # 'The Times' of 'The Times of Israel' at a sentence's start: the longer name
            dropped.add(index - 1)
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

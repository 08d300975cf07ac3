"""Acronyms of organisations: defined in brackets, spelled by a named body, or known.

An acronym in brackets after a name defines it ('Democratic Unionist Party (DUP)'): the
name widens back to the words whose initials spell the acronym (letters may skip words:
'OHCHR'; a hyphenated acronym counts a part written as a word by its initial:
'Orange Democratic Movement–Kenya (ODM-Kenya)'), and every use of the acronym is that
organisation, the full name canonical. An acronym spelling the initials of an organisation
the brief names is that organisation. An acronym defined by something that is not an
organisation ('Value Added Tax (VAT)'), or neither defined, known, spelled by a named body
nor acting ('X said', 'the militant group X'), is not an actor.
See docs/parsing.md, "Organisations".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from operator import attrgetter

from app.parsing.lexicon.files import load_data
from app.parsing.names.emitting import Mention
from app.parsing.names.org_keys import known_organisation
from app.parsing.names.org_text import LETTER_WORD, POSSESSIVE, REACH, WORD, OrgText
from app.parsing.names.scanning import ARTICLE_PREFIXES
from app.parsing.names.shapes import acronym
from app.vocabulary import ActorKind

# Words left out of an acronym's letters: 'Organization for Security and Co-operation in Europe'.
_START = attrgetter("start")
_SMALL = frozenset(load_data("organizations.json")["acronym_skips"])
# '(DUP)', '(G77)', '(P5+1)', '(UNHCR)'; hyphenated: '(ZANU-PF)', '(SPLM-N)', '(ODM-Kenya)'.
# Capitals of Latin-1 count too: '(ÖVP)', '(SPÖ)' (Österreichische Volkspartei).
_LETTERS = (
    r"(?P<acronym>[A-Z][A-Z0-9]+(?:-[A-Z][A-Za-z]*)+"
    r"|[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-Þ0-9+]*[A-ZÀ-ÖØ-Þ0-9+]|[A-Z][a-z]+[A-Z])"
)
# The name in the body's own language may come first: '(Dewan Perwakilan Rakyat, DPR)'.
_ACRONYM = rf"\((?:(?P<gloss>[^\W\d_][^()\n,;:]{{2,80}}?),[ \t]+)?{_LETTERS}\)"
# ', known as CPN-UML': an acronym given after a name as a nickname is; so is one 'known by
# its (French) acronym': ', known by its Portuguese acronym RENAMO'.
_KNOWN_AS = re.compile(
    rf",[ \t]+(?:also[ \t]+|commonly[ \t]+)?known[ \t]+"
    rf"(?:as|by[ \t]+its(?:[ \t]+[A-Z][a-z]+)?[ \t]+acronym)[ \t]+{_LETTERS}(?![\w-])"
)
_DEFINED = re.compile(rf"[ \t]*{_ACRONYM}")
BRACKETED = re.compile(_ACRONYM)
# Capitalised words (possessives and small links allowed) just before a bracket.
_CAPITALISED_BEFORE = re.compile(
    rf"(?:{WORD}{POSSESSIVE}?[ \t]+(?:(?:of|for|and)[ \t]+(?:the[ \t]+)?)?)*{WORD}$"
)
# Event words that also head a standing body's name an acronym defines (`_a_standing_body`).
_STANDING_EVENT_WORDS = frozenset(("conference", "programme", "program", "facility"))
# A list of names ending right before a name: the acronym after it is the whole name's,
# which holds the list ('Association of Indigenous Peoples of the North, Siberia and Far
# East of the Russian Federation, known by its Russian acronym RAIPON').
_LIST_BEFORE = re.compile(rf",[ \t]+{WORD}(?:[ \t]+{WORD})*[ \t]+and[ \t]+$")
_OFFICE_BEFORE = re.compile(rf"(?P<head>{WORD})[ \t]+(?:of|for)(?:[ \t]+the)?[ \t]+$")
# Where the look back for an acronym's words stops: a line, a bracket, the end of a
# sentence or clause.
# An elided article or preposition opening a word: 'l'Afrique', 'd'Ivoire'.
_ELISION = re.compile(r"^[dlDL]['’]")
_CLAUSE_COMMA = re.compile(r",[ \t]+(?=[a-z])")
_BOUNDS = ("\n", ")", "(", ". ", "; ", ": ")
_ACTS = re.compile(
    r"(?:['’]s[ \t]+(?:spokes\w+|leader\w*|chief|head|secretary|director|statement)"
    r"|,?[ \t]+(?:said|says|warned|announced|stated|denied|accused|called|urged|added)"
    r"|[ \t]+leadership)\b"
)
# An appositive after an acronym: ', the state broadcaster'.
_DESCRIBED = re.compile(
    r",[ \t]+(?:a|an|the|[A-Z][\w-]*(?:'s|’s))[ \t]+(?P<words>[\w-]+(?:[ \t]+[\w-]+){0,2})"
)


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


# An acronym of a name in another language spells the initials of the English name in
# another order, adjectives and nouns swapped: 'Guatemalan National Revolutionary Unity
# (URNG)' (Unidad Revolucionaria Nacional Guatemalteca), 'Revolutionary Organisation of
# People in Arms (ORPA)'; from four letters, fewer being too often met by chance.
_REORDERED_FROM = 4


def _spells(acronym_text: str, words: list[str]) -> bool:
    """The initials of `words` spell the acronym: all of them, or a subsequence from the
    first to the last ('OHCHR' in 'Office of the United Nations High Commissioner for
    Human Rights'); or the first letters of each word do ('KFOR', 'UNAVEM', 'HoR',
    'BCEAO': see `_spelled_by_prefixes`)."""
    letters = initials(words).casefold()
    wanted = acronym_letters(acronym_text).casefold().rstrip("+")
    if len(wanted) >= _REORDERED_FROM and sorted(letters) == sorted(wanted):
        return True  # the name translated, its words reordered: see `_REORDERED_FROM`
    if not letters or not wanted or letters[0] != wanted[0]:
        return False
    if letters[-1] == wanted[-1]:
        if letters == wanted:
            return True
        rest = iter(letters[1:-1])
        if len(wanted) >= 3 and all(letter in rest for letter in wanted[1:-1]):
            return True
    return len(wanted) >= 3 and _spelled_by_prefixes(_plain(wanted), words)


def _spelled_by_prefixes(wanted: str, words: list[str]) -> bool:
    """Whether `wanted` is the first letters of each capitalised word in turn, one or more
    of each, and of none or some of the small words between: 'Kosovo Force' (KFOR),
    'United Nations Angola Verification Mission' (UNAVEM), 'Philippine Civic Action Group'
    (PHILCAG), 'House of Representatives' (HoR), 'Women in Peacebuilding Network'
    (WIPNET), 'Banque Centrale des États de l'Afrique de l'Ouest' (BCEAO: accents and an
    elided article left out)."""
    parts = [
        (_plain(part.casefold()), part[:1].isupper())
        for word in words
        for part in _ELISION.sub("", word).split("-")
        if part
    ]
    failed: set[tuple[int, int]] = set()

    def spell(index: int, at: int) -> bool:
        if index == len(parts):
            return at == len(wanted)
        if (index, at) in failed:
            return False
        text, required = parts[index]
        if not required and spell(index + 1, at):
            return True
        length = 0
        while length < len(text) and at + length < len(wanted):
            if text[length] != wanted[at + length]:
                break
            length += 1
            if spell(index + 1, at + length):
                return True
        failed.add((index, at))
        return False

    return spell(0, 0)


def _plain(text: str) -> str:
    """`text` without accents: 'états' -> 'etats'."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def bracketed_acronyms(source: str, found: list[re.Match[str]]) -> list[tuple[int, str]]:
    """Each acronym in brackets or after ', known as' (`defining_acronyms`), with the end
    of the text before it (spaces skipped)."""
    return [(_end_before(source, match.start()), match.group("acronym")) for match in found]


def defining_acronyms(source: str, *, known_as: bool) -> list[re.Match[str]]:
    """'(DUP)', ', known as CPN-UML' (when `known_as`, the source holds ' known as ' or
    ' known by its '): the acronyms a brief gives a name."""
    found = list(BRACKETED.finditer(source))
    if known_as:
        found += _KNOWN_AS.finditer(source)
    return found


def with_bracketed_acronyms(brief: OrgText) -> list[Mention]:
    """'(ZANU-PF)', '(HoR)', '(PHILCAG)': an acronym in brackets of another shape than
    `acronym`'s (`brief.other_acronyms`) is an organisation mention, and so is one the run
    reader did not read ('(DA)', which it takes for the particle 'da'); whether it names
    one is settled with the other acronyms."""
    read = set(map(_START, brief.mentions))  # built in C
    spans = set()
    for match in brief.acronyms:
        text, span = match.group("acronym"), match.span("acronym")
        if text in brief.other_acronyms or (span[0] not in read and acronym(text)):
            spans.add(span)
    if not spans:
        return brief.mentions  # the common case: every acronym read as a word
    kept = [m for m in brief.mentions if (m.start, m.end) not in spans]
    for start, end in sorted(spans):
        kept.append(brief.new(start, end))
    return kept


def other_acronym(text: str) -> bool:
    """An acronym in brackets that `acronym` does not take: hyphenated parts ('ZANU-PF'),
    a small word's initial in lowercase ('HoR'), more than six letters ('PHILCAG')."""
    if hyphenated_acronym(text):
        return True
    return text.isalpha() and text[:1].isupper() and text[-1:].isupper() and not acronym(text)


def _names_territory(brief: OrgText, name: str) -> bool:
    """'Autonomous Region in Muslim Mindanao (ARMM)', 'Exclusive Economic Zone (EEZ)': a
    territory an acronym defines is no organisation."""
    head = name.split(" in ")[0].split(" of ")[0].split()[-1:]
    return bool(head) and head[0] in brief.words.territory_heads


def _a_standing_body(brief: OrgText, name: str, letters: str) -> bool:
    """'Southern African Development Coordination Conference (SADCC)', 'Arctic Monitoring
    and Assessment Programme (AMAP)', 'Global Environment Facility (GEF)': a conference, a
    programme or a facility whose initials spell the acronym in brackets exactly is a
    standing body, not a meeting (a treaty, a plan or talks stay events: 'Strategic Arms
    Limitation Talks (SALT)'; a mechanism too, which the gold writers split between bodies
    and funds: 'European Stability Mechanism', 'European Financial Stabilisation
    Mechanism')."""
    words = name.split()
    events = {w.casefold() for w in words} & brief.words.event_heads
    if not events or not events <= _STANDING_EVENT_WORDS:
        return False
    return initials(words).casefold() == acronym_letters(letters).casefold()


def defined_standing_body(brief: OrgText, name: str, end: int) -> bool:
    """Whether an acronym in brackets right after `name` (ending at `end`) defines it as a
    standing body (`_a_standing_body`)."""
    defined = _DEFINED.match(brief.source, end)
    return defined is not None and _a_standing_body(brief, name, defined.group("acronym"))


def acronym_of_another_language(brief: OrgText, name: str, end: int) -> bool:
    """'Indonesian Armed Forces (ABRI)', 'Angolan Armed Forces (FAA)': an acronym in
    brackets right after `name` (ending at `end`) that its words do not spell is the name's
    in its own language (Angkatan Bersenjata Republik Indonesia, Forças Armadas
    Angolanas), which holds the country: the name is written whole."""
    if not brief.source.startswith(" (", end):
        return False  # the common case
    defined = _DEFINED.match(brief.source, end)
    return defined is not None and not _spells(defined.group("acronym"), name.split())


def acronym_start(brief: OrgText, letters: str, end: int) -> int | None:
    """Where a name defined by an acronym in brackets starts, when no organisation
    mention ends there: the words spelling its initials, or capitalised words ending in
    an organisation word ('Kurdistan Workers' Party (PKK)')."""
    start = defined_before(brief, end, end, letters)
    if start < end:
        name = brief.source[start:end]
        if _names_territory(brief, name):
            return None
        if brief.names_event(name) and not _a_standing_body(brief, name, letters):
            return None
        return start
    owner = _CAPITALISED_BEFORE.search(brief.source, max(0, end - REACH), end)
    if owner is None or not brief.has_head(owner.group().split()[-1:]):
        return None
    if brief.names_event(owner.group()):
        return None
    first = owner.start()
    while first < end and (
        brief.stands_alone(word := brief.source[first:end].split()[0])
        or brief.owned_by_a_person(first, word)
    ):
        first += len(word) + 1
    if _LIST_BEFORE.search(brief.source, max(0, first - 60), first):
        return None  # 'of the North, Siberia and ' + 'Far East of the Russian Federation'
    return first if first < end and " " in brief.source[first:end].strip() else None


def defined_before(brief: OrgText, start: int, end: int, letters: str | None = None) -> int:
    """Widen back to the words an acronym in brackets right after the name spells:
    'the Office of the United States Trade Representative (USTR)'."""
    if letters is None:
        defined = _DEFINED.match(brief.source, end)
        if defined is None:
            return start
        letters = defined.group("acronym")
    name_words = brief.source[start:end].split()
    if name_words and _spells(letters, name_words):
        return start
    reach = max(start - REACH, 0)
    # Never back across a line, a bracket or a sentence's end: 'SDS). Izetbegović's ...'
    reach = max([reach] + [brief.source.rfind(mark, reach, start) + 1 for mark in _BOUNDS])
    # Nor across a comma before a lowercase word, which a name's list never has: 'Mohamed Ag
    # Intalla, a brother of ..., and took in members of the Islamic Movement of Azawad (MIA)'.
    reach = max([reach] + [m.end() for m in _CLAUSE_COMMA.finditer(brief.source, reach, start)])
    words = list(LETTER_WORD.finditer(brief.source, reach, start))
    for index in range(len(words) - 1, -1, -1):
        first = words[index]
        if _a_verb_form(first.group()):
            break  # 'the Cusco Declaration founding the South American Community of Nations'
        text = first.group()
        if not text[:1].isupper():
            if text.split("-", 1)[0] not in ARTICLE_PREFIXES or "-" not in text:
                continue
            text = text[0].upper() + text[1:]  # 'al-Qaeda in the Islamic Maghreb (AQIM)'
        candidate = [text] + [w.group() for w in words[index + 1 :]] + name_words
        if _spells(letters, candidate):
            return _office_before(brief, first.start())
    return start


def _a_verb_form(word: str) -> bool:
    """'founding', 'signed': a lowercase participle is a clause's verb, which no name of
    any language holds (its small words are links: 'of', 'de', 'ni', 'we')."""
    return word[:1].islower() and len(word) > 4 and word.endswith(("ing", "ed"))


def _office_before(brief: OrgText, start: int) -> int:
    """'Office of the ' before the words an acronym spells belongs to the name."""
    office = _OFFICE_BEFORE.search(brief.source, max(0, start - 40), start)
    if office is not None and brief.has_head([office.group("head")]):
        return office.start()
    return start


def inner_defined(brief: OrgText, mentions: list[Mention]) -> list[Mention]:
    """'the Permanent Council of the Organization of American States (OAS)': an acronym in
    brackets that spells the body named after the last 'of (the)' of a longer name, not
    the whole, is that inner body's, named too (the longer name stays); not after one
    word, an office that takes the acronym of what it is of (`_office_before`)."""
    ends = {m.end: m for m in mentions if m.kind is ActorKind.organization}
    inner = []
    for end, letters in brief.brackets:
        owner = ends.get(end)
        if owner is None or " of " not in owner.surface:
            continue
        parts = owner.surface.split(" of ")
        wanted = acronym_letters(letters).casefold()
        if " " not in parts[0] or initials(owner.surface.split()).casefold() == wanted:
            continue  # 'Office of the United States Trade Representative (USTR)': the whole's
        tails = [" of ".join(parts[at:]).removeprefix("the ") for at in range(1, len(parts))]
        tails = [t for t in tails if t[:1].isupper() and " " in t]
        # the tail its letters spell exactly ('the Central Committee of the Communist Party
        # of China (CPC)'), else, unless they spell the whole, the longest they spell
        tail = next((t for t in tails if initials(t.split()).casefold() == wanted), None)
        if tail is None and not _spells(letters, owner.surface.split()):
            tail = next((t for t in tails if _spells(letters, t.split())), None)
        if tail is not None:
            inner.append(brief.new(owner.end - len(tail), owner.end))
    if not inner:
        return mentions
    return sorted(mentions + inner, key=attrgetter("start", "end"))


def glossed(brief: OrgText, mentions: list[Mention]) -> list[Mention]:
    """'the People's Representative Assembly (Dewan Perwakilan Rakyat, DPR)': the name in
    the body's own language before its acronym in brackets is the body's other name, one
    actor with it (the name before the bracket canonical); names read inside it are none
    of their own ('Secretaría de Relaciones Exteriores' is no person)."""
    ends = {m.end: m for m in mentions if m.kind is ActorKind.organization}
    spans: dict[tuple[int, int], str | None] = {}
    for match in brief.acronyms:
        if (gloss := match.groupdict().get("gloss")) is not None and gloss[:1].isupper():
            owner = ends.get(_end_before(brief.source, match.start()))
            spans[match.span("gloss")] = owner.name if owner is not None else None
    if not spans:
        return mentions
    kept = []
    for mention in mentions:
        inside = next(((s, e) for s, e in spans if s <= mention.start and mention.end <= e), None)
        if inside is None:
            kept.append(mention)
        elif spans[inside] is not None and (mention.start, mention.end) == inside:
            name = spans[inside] or mention.name
            kept.append(mention._replace(kind=ActorKind.organization, name=name, title=None))
    return kept


def settle_acronyms(brief: OrgText, mentions: list[Mention]) -> list[Mention]:
    definitions, not_organisations = _definitions(brief, mentions)
    named: dict[str, str] | None = None  # by initials, built when first needed
    settled: list[Mention] = []
    for mention in mentions:
        text = mention.surface
        if mention.kind is not ActorKind.organization or not (
            acronym(text) or text in brief.other_acronyms
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
        if full is None and not (known_organisation(text) or _cued(brief, mention)):
            continue  # 'MAX', 'VAT': capitals alone name no organisation
        settled.append(mention._replace(name=full or text))
    return settled


def _definitions(brief: OrgText, mentions: list[Mention]) -> tuple[dict[str, str], set[str]]:
    """Acronyms defined in brackets: by an organisation's name, or by something else."""
    ends = {m.end: m for m in mentions if m.kind is ActorKind.organization}
    defined: dict[str, str] = {}
    other: set[str] = set()
    for end, text in brief.brackets:
        owner = ends.get(end)
        if owner is not None and not _acronym_like(owner.name):
            defined.setdefault(text, owner.name)
        elif brief.source[end - 1 : end].isalpha():
            other.add(text)
    return defined, other - set(defined)


def _cued(brief: OrgText, mention: Mention) -> bool:
    """'the militant group X', 'X said', 'X's spokesman', 'the X leadership', 'X, the
    state broadcaster,', 'X, Russia's military intelligence agency,': an acronym that acts
    or that the brief calls a body."""
    after = brief.source[mention.end : mention.end + 60]
    before = brief.source[max(0, mention.start - 30) : mention.start].split()
    markers = brief.words.group_markers
    if (before and before[-1] in markers) or _ACTS.match(after):
        return True
    described = _DESCRIBED.match(after)
    return described is not None and any(w in markers for w in described["words"].split())


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

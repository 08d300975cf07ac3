"""What a capitalised word or group looks like: a name, an acronym, a Roman numeral; and
the evidence next to a group that it names a person ('Jane Roe said', 'Jane Roe, the
envoy,'). See docs/parsing.md, "Actors"."""

from __future__ import annotations

import re

from app.parsing.lexicon.files import load_data
from app.parsing.names.scanning import trie
from app.parsing.names.tokens import PARTICLES, Token

# Shared with `speech.py`: the verbs that make a sentence reported speech, as a regex
# alternation factored by prefix, which `re` tries faster than 'said|says|...'.
_SPEECH = load_data("speech.json")
_NAMES = load_data("names.json")
SPEECH_VERBS = trie(frozenset(_SPEECH["verbs"]))
# Auxiliaries and adverbs allowed between a speaker and the verb ('has also said').
FILLER = rf"(?:(?:{trie(frozenset(_SPEECH['auxiliaries']))}|\w+ly)\s+)*"
_ROMAN = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")
# After a name: a speech verb, or an appositive that describes a person.
_INTRODUCED = re.compile(
    rf"(?:’s|'s)?,?[ \t]+{FILLER}(?:{SPEECH_VERBS})\b"
    rf"|,[ \t]+(?:{trie(frozenset(_NAMES['appositive_openers']))}|[^\W\d_][\w.]*(?:’s|'s))\s"
    rf"|(?:’s|'s|(?<=’s)|(?<='s))[ \t]+"
    rf"(?:{trie(frozenset(_NAMES['life_nouns'] + _NAMES['led_nouns']))})\b"
)  # the last: 'Jane Roe's death', 'Jane Roe's government' (the span may end before or after
# the possessive)
# ', adviser to', and a capitalised office with its complement: 'Montagu Norman, Governor of
# the Bank of England'.
_APPOSITIVE_WORD = re.compile(r",[ \t]+([a-z][\w\-]*|[A-Z][\w\-]*(?=[ \t]+(?:of|for|to)[ \t]))")
# After a name, the office it holds: ' as its executive secretary', ' as secretary-general'.
_AS_ROLE = re.compile(r" as[ \t]+(?:(?:its|the|their|his|her)[ \t]+)?((?:[\w-]+[ \t]+){0,2}[\w-]+)")
_TITLE_HEADS = frozenset(head.casefold() for head in load_data("titles.json")["heads"])
# 'Zora Tavčar and other Slovene writers': a name listed with others of a kind of person.
_AND_OTHER = re.compile(r" and other[ \t]+(?:[\w-]+[ \t]+){0,2}?([a-z][\w-]*s)\b")
# Before a name: 'the ambassador, Jane Roe', 'his sister Jane Roe', 'counterpart Jane Roe'.
_WORD_BEFORE = re.compile(r"([a-z][\w\-]*),?[ \t]+$")
_TITLE_BEFORE = re.compile(r"([A-Z][\w\-]*),[ \t]+$")
_AGENT_BEFORE = re.compile(rf"\b(?:{trie(frozenset(_NAMES['agent_verbs']))})[ \t]+by[ \t]+$")
# 'by Jane Roe for the PLO': signing or acting for an organisation.
_ACTING_FOR = re.compile(r"[ \t]+(?:for|on[ \t]+behalf[ \t]+of)[ \t]+(?:the[ \t]+\w|[A-Z])")
_BY_BEFORE = re.compile(r"\bby[ \t]+$")
_SIGNED_VERB = re.compile(r" (?:signed|spoke|initialled|initialed|voted) ")
# A name signing or speaking for a state or a body: 'Phoui Sananikone spoke for the Kingdom
# of Laos', 'Kassymzhomart Tokayev signed for Kazakhstan' (a state signs, not for another).
_SIGNED_FOR = re.compile(
    r"[ \t]+(?:signed|spoke|initialled|initialed|voted)"
    r"[ \t]+(?:for|on[ \t]+behalf[ \t]+of)[ \t]+(?:the[ \t]+[A-Z]|[A-Z])"
)
# A body's acronym in brackets and 'of' before a name: 'the United Democratic Party (UDP) of '.
_ACRONYM_OF_BEFORE = re.compile(r"\([A-Z][\w-]*\) of $")
# Before a name in apposition, an office of a body: 'The chairman of the Independent
# Electoral Commission (IEC), ', 'Minister for International Development and the Pacific, '.
_OFFICE_OF_BEFORE = re.compile(
    r"\b([A-Za-z][\w-]*)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:[A-Z][\w'’-]*|and|of|for|the|on)[ \t]+)*[A-Z][\w'’-]*"
    r"(?:[ \t]+\([A-Z][\w-]*\))?,[ \t]+$"
)
# Kinship, role and descriptor nouns: 'his sister Jane Roe', 'former spy Jane Roe'.
_PERSON_NOUNS = frozenset(_NAMES["person_nouns"])
# 'his father Mzilikazi', 'her brother, Humberto': a kinship noun after a possessive.
_KIN_BEFORE = re.compile(
    rf"\b(?:[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:{trie(frozenset(_NAMES['kin_nouns']))}),?[ \t]+$"
)
# 'Jae-in', 'Geun-hye': a hyphenated given name with a lowercase second part.
_HYPHENATED_GIVEN = re.compile(r"[^\W\d_][a-z]{0,5}-[a-z]{1,5}")
# An initial ('D.') and a surname-shaped word ('Dhar', 'Van-Dúnem') after it.
_INITIAL = re.compile(r"[A-Z]\.")
_SURNAME = re.compile(r"[^\W\d_][^\W\d_A-Z]*[a-z][^\W\d_]*(?:[-'’][^\W\d_]+)*")


def roman_numeral(text: str) -> bool:
    """'II', 'XIV' (two or more letters: a lone 'I' or 'V' is a word or an initial)."""
    return text[:1] in "IVX" and _ROMAN.fullmatch(text) is not None  # most words: no regex


def name_shaped(token: Token) -> bool:
    """A word that can be part of a person's name."""
    text = token.text
    if not token.capitalised:
        return False
    return any(map(str.islower, text)) or len(text) <= 2 or text.endswith(".")


def acronym(text: str) -> bool:
    """'IAEA', 'SNSC': an all-caps word naming an organisation (not 'II')."""
    return 2 <= len(text) <= 6 and text.isupper() and text.isalpha() and not roman_numeral(text)


# The Arabic 'servant (of)', which opens the second word of a compound given name inside a
# full name ('Maumoon Abdul Gayoom', 'Ahmed Abdel Rahman'): no body's name has it there.
_SERVANT_OF = frozenset(("abdul", "abdel", "abdal", "abdol", "abdoul", "abd"))
# Inside a full name, the Arabic 'father of' of a kunya and the Hassaniya 'son of' ('Mousa Abu
# Marzouk', 'Mohamed Ould Abdel Aziz'), which open a body's name at most ('Abu Sayyaf').
_KIN_INSIDE = _SERVANT_OF | {"abu", "ould"}


def shaped_like_a_person(tokens: list[Token]) -> bool:
    """Names with particles, Arabic article prefixes, hyphenated given names, initials or
    'Abdul' or 'Abu' inside them rarely name anything but a person: 'Lula da Silva', 'Bashar
    al-Assad', 'Moon Jae-in', 'D. P. Dhar', 'Maumoon Abdul Gayoom', 'Mousa Abu Marzouk'."""
    if any(t.folded in PARTICLES or t.folded in _KIN_INSIDE for t in tokens[1:-1]):
        return True  # 'Maumoon Abdul Gayoom', 'Mousa Abu Marzouk': inside, a person's
    last = tokens[-1].text
    if any(_INITIAL.fullmatch(t.text) for t in tokens[:-1]) and _SURNAME.fullmatch(last):
        return True  # 'D. P. Dhar', 'Harry S. Truman': an initial before a surname
    if any(not t.text[0].isupper() for t in tokens[1:]):
        return True  # 'al-Assad': capitalised by its prefix, see `tokens.tokenize`
    return any(_HYPHENATED_GIVEN.fullmatch(t.text) for t in tokens)


def person_noun(folded: str) -> bool:
    """A person noun or its plural in -s: 'businessman', 'writers'."""
    return folded in _PERSON_NOUNS or (folded.endswith("s") and folded[:-1] in _PERSON_NOUNS)


def _role_noun(word: str) -> bool:
    """An office or a person noun, or its plural: 'secretary', 'witnesses', 'writers'."""
    if word in _TITLE_HEADS or person_noun(word):
        return True
    return word.endswith("s") and (
        word[:-1] in _TITLE_HEADS or (word.endswith("es") and word[:-2] in _PERSON_NOUNS)
    )


def kin_before(source: str, start: int) -> bool:
    """Whether a kinship noun after a possessive determiner comes right before `start`
    ('his father Mzilikazi'): a single name there is a person's."""
    return _KIN_BEFORE.search(source, max(0, start - 30), start) is not None


def numeral_before_period(name: str) -> bool:
    """'Malietoa Tanumafili II.': a regnal numeral, then the period that ends the sentence
    (no numeral takes one)."""
    return name.endswith(".") and roman_numeral(name[name.rfind(" ") + 1 : -1])


def _signed_for_before(source: str, start: int, end: int, limit: int) -> bool:
    """'X signed for Kazakhstan, Alikbek Jekshenkulov for Kyrgyzstan': a name listed with
    `for` and a capitalised name after one who signed for another, the verb left out."""
    if _ACTING_FOR.match(source, end, limit) is None:
        return False
    sentence = max(source.rfind(". ", 0, start), source.rfind("\n", 0, start))
    return any(
        _SIGNED_FOR.match(source, verb.start())
        for verb in _SIGNED_VERB.finditer(source, max(sentence, start - 300), start)
    )


def introduced_as_person(source: str, span: tuple[int, int], titles: frozenset[str]) -> bool:
    """True when the words around a name say it is a person: a speech verb after it
    ('Jane Roe said'), an appositive ('Jane Roe, the envoy,', 'Jane Roe, who ...', 'Jane
    Roe, adviser to ...', 'the ambassador, Jane Roe'), a kinship or role noun before it
    ('his sister Jane Roe', 'led by Jane Roe'), an office of a body before its comma ('the
    chairman of the Electoral Commission, Jane Roe') or its acronym and 'of' ('the Democratic
    Party (DP) of Jane Roe'), or signing or speaking for a state or a body after it ('Jane
    Roe spoke for the Kingdom of Laos')."""
    start, end = span
    limit = min(len(source), end + 80)
    if _INTRODUCED.match(source, end, limit) or source.startswith(" on behalf of ", end):
        return True  # 'sent Kojo Botsio on behalf of Kwame Nkrumah'
    word = _APPOSITIVE_WORD.match(source, end, limit)
    if word is not None and word.group(1).casefold() in titles:
        return True
    role = _AS_ROLE.match(source, end, limit) if source.startswith(" as ", end) else None
    if role is not None and _role_noun(role.group(1).rsplit(None, 1)[-1].casefold()):
        return True  # 'with Gladwyn Jebb as its executive secretary', 'Essa Kayd as witnesses'
    others = _AND_OTHER.match(source, end, limit) if source.startswith(" and other ", end) else None
    if others is not None and _role_noun(others.group(1).casefold()):
        return True  # 'Zora Tavčar and other Slovene writers': one of them
    before = _WORD_BEFORE.search(source, max(0, start - 30), start)
    if before is not None and (before[1] in titles or before[1] in _PERSON_NOUNS):
        return True
    before = _TITLE_BEFORE.search(source, max(0, start - 30), start)
    if before is not None and before[1].casefold() in titles:
        return True  # 'the Maronite Patriarch, Nasrallah Boutros Sfeir'
    if _AGENT_BEFORE.search(source, max(0, start - 30), start) is not None:
        return True
    if source[start - 5 : start] == ") of " and _ACRONYM_OF_BEFORE.search(
        source, max(0, start - 20), start
    ):
        return True  # 'the United Democratic Party (UDP) of Ousainou Darboe': its leader
    if source[start - 2 : start] == ", ":
        office = _OFFICE_OF_BEFORE.search(source, max(0, start - 100), start)
        if office is not None and office[1].casefold() in titles:
            return True  # 'The chairman of the Independent Electoral Commission, Alieu Njai'
    if source.startswith((" signed ", " spoke ", " initial", " voted "), end) and _SIGNED_FOR.match(
        source, end, limit
    ):
        return True
    if source.startswith(" signed ", end) and source.endswith(" and ", 0, start):
        last = source[source.rfind(" ", start, end) + 1 : end]
        if not source.endswith(f" {last} and ", 0, start):  # not 'Adani Power and Reliance Power'
            return True  # 'Jeenbek Kulubaev and Sirojiddin Muhriddin signed': the last signer
    if source[start - 2 : start] == ", " and source.startswith(" for ", end):
        return _signed_for_before(source, start, end, limit)
    acting = _BY_BEFORE.search(source, max(0, start - 4), start) is not None
    return acting and _ACTING_FOR.match(source, end, limit) is not None

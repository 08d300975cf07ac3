"""Widening an organisation mention that the run reader cut into the whole name as written.

The run reader (`mentions.py`) cuts a name at its first small word or possessive. A name
goes on over `of`, `for`, `on` (+ `the`), `in <country>` and capitalised words ('Bureau of
Industry and Security', 'UN Assistance Mission in Afghanistan'), a company's legal form
('Raiffeisen Investment AG'), a firm's names joined by '&' ('Siemens & Halske') and a known
name's slash ('Radio Free Europe/Radio Liberty');
back over capitalised possessives ('Tigray People's Liberation Front'), `X and` after a
small word ('the ruling Justice and Development Party') and a known body's acronym ('OSCE
Minsk Group'); never into a known organisation of its own ('the Appellate Body of the World
Trade Organization' is two), a person's name, a list of countries or over `and` into
another name ('the European Commission and European Council'). A descriptor ('NATO-led'),
a person before `and` and an office title followed by a name are not part of it.
See docs/parsing.md, "Organisations".
"""

from __future__ import annotations

import calendar
import re

from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import Category, Entry
from app.parsing.names.emitting import Mention
from app.parsing.names.org_acronyms import defined_before, defined_standing_body
from app.parsing.names.org_countries import (
    adjective_before,
    compass_before_a_country,
    country_name_before,
    own_words,
)
from app.parsing.names.org_keys import known_forms, known_organisation, phrase_entry
from app.parsing.names.org_text import (
    LETTER_WORD,
    POSSESSIVE,
    WORD,
    OrgText,
    one_spaced,
    shaped_as_a_name,
)
from app.parsing.names.shapes import acronym
from app.vocabulary import ActorKind

# An organisation word and 'of the' opening a name.
_HEAD_OF_THE = re.compile(r"(?P<head>[A-Z][a-z]+) of the ")
# ' of the Workers' Party', ' for Historical Memory', ', Trade and Industry' after a name
# (not ', on': 'the Sejm, on the VTsIK's advice').
_LINKED = re.compile(
    rf"(?P<link>(?:,?[ \t]+(?:of|for)|[ \t]+on)(?:[ \t]+the)?[ \t]+"
    rf"|,[ \t]+(?=(?:{WORD}[ \t]+)+and[ \t])"
    rf"|[ \t]+and[ \t]+)(?P<words>{WORD}{POSSESSIVE}?(?:[ \t]+{WORD}{POSSESSIVE}?)*)"
)
# After a list's last comma, the name goes on only into capitalised words after 'and'
# ('Ministry of Foreign Affairs, Trade and Development').
_CAPITAL_AFTER_AND = re.compile(rf"[ \t]+and[ \t]+(?:the[ \t]+)?{WORD}")
_LAST_LINK = re.compile(r"[ \t]+(?:of|for)(?:[ \t]+the)?[ \t]+(?!.*[ \t](?:of|for)[ \t])")
# Capitalised words ending in a possessive just before a name: 'Tigray People's '.
_OWNER_BEFORE = re.compile(rf"((?:{WORD}[ \t]+)*{WORD}{POSSESSIVE})[ \t]+$")
# 'Heads of State and Government', one collocation: the heads of state and of government.
_AND_GOVERNMENT = " and Government"
# A party's faction by its leader's initial, in brackets after its name.
_FACTION = re.compile(r" \([A-Z]\)(?![\w(])")
_NUMBER_AFTER = re.compile(r" [0-9]{1,4}\b(?![.,]?[0-9])")
_COMPANY_SUFFIX = re.compile(
    r",?[ \t]+(?:S\.A\.|S\.p\.A\.|N\.V\.|A\.G\.|AG|GmbH|Inc\.|Ltd\.?|Limited|PLC|plc|LLC"
    r"|Corp\.)(?!\w)"
)
# A firm's names joined by an ampersand: ' & Halske', ' & Steel', ' & Co.' after a name.
_AMPERSAND = re.compile(r"[ \t]+&[ \t]+(?:Co\.|[A-Z][\w'’-]*)")
# A country's name right after a body's name, then a lowercase word or punctuation.
_COUNTRY_AFTER = re.compile(rf"[ \t]+(?P<place>{WORD}(?:[ \t]+{WORD})?)(?=[ \t]+[a-z]|[,.;:)])")
_OF_PLACE = re.compile(rf" of (?:the )?(?P<place>{WORD}(?:[ \t]+{WORD}){{0,3}})")
_NEXT_IN_LIST = re.compile(
    rf"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)(?P<place>{WORD}(?:[ \t]+{WORD})?)"
)
_IN_COUNTRY = re.compile(rf"[ \t]+in[ \t]+(?P<place>{WORD}(?:[ \t]+{WORD})*)")
# A country's official name after 'in the': 'in the Republic of South Sudan'.
_IN_THE_COUNTRY = re.compile(
    rf"[ \t]+in[ \t]+the[ \t]+(?P<place>{WORD}(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?{WORD})*)"
)
# The continents and the world's regions a body's name may end in, as in a country.
_WORLD_REGIONS = frozenset(load_data("organizations.json")["world_regions"])
_AND_BEFORE = re.compile(rf"(?:^|[a-z,][ \t]+)(?P<word>{WORD})[ \t]+and[ \t]+$")
# A link the run reader took in before a word it stopped at: 'United Nations Council for'.
_TRAILING_LINKS = (" for", " of", " on", " de", " des", " du", " del", " di", " da", " do")
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
_CAPITAL_AFTER = re.compile(r" [A-Z]")
# A word of a name opened by the French article elided: " d'Ivoire", " l'Ouest".
_ELIDED = re.compile(r"[ \t][dl]['’][A-Z][\w\-]*")
_ELIDED_OPENINGS = ("d'", "d’", "l'", "l’")
# A legislature's chamber, named with the known legislature after 'of': one name.
_CHAMBERS = (" House", " Chamber")
# Months and weekdays, folded: never a word of a name after a link ('the Board on Monday').
CALENDAR = frozenset(
    name.casefold()
    for name in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, "Sept")
    if name
)
# Lowercase French adjectives after a body's name written head first, as French writes
# them: ' nationale', ' constitutionnelle', ' générale', ' haïtien', ' intégré', ' suprême'.
FRENCH_ADJECTIVES = re.compile(
    r"(?:[ \t]+[a-zàâçéèêëîïôûœ]{2,}(?:ale|al|aux|elle|el|ienne|ien|aine|ain|aise|ais|ique"
    r"|aire|ère|ée|é|ive|if|ieure|ieur|ême|ante|ant|ente)s?(?![\w'’-]))+"
)
# The organisation words written first in other languages ('Banco', 'Partai', 'Ministère'),
# and the French words among them, after which French adjectives are read.
HEADS_FIRST = frozenset(load_data("organizations.json")["heads_first"])
FRENCH_HEADS = frozenset(load_data("organizations.json")["french_heads"])
# The adjectives written before such a word, which open the body's name ('Haute Autorité').
HEADS_FIRST_OPENERS = frozenset(load_data("organizations.json")["heads_first_openers"])
# A capitalised word, its capital perhaps accented: 'États'.
_ACCENTED_WORD = r"[A-ZÀ-ÖØ-Þ](?:[\w&\-]|['’.](?=\w))*"
# ' des Mille Collines', ' de la Révolution Algérienne', " de l'Ouest", ' et des Pays-Bas',
# ' et la Démocratie', ' au Congo' after a name; the German 'für', 'zur', 'zum' and 'und'
# too ('Bundesministerium für Gesundheit und Soziale Sicherung'); the Italian 'dei',
# 'degli', 'delle', 'dello' and the elided " d'" (" d'Italia").
_ROMANCE_LINKED = re.compile(
    r"[ \t]+(?:(?:et|y|e|und)[ \t]+)?(?:(?:de|des|du|au|aux|del|della|dei|degli|delle|dello|di"
    r"|da|do|dos|das|pour|para|per|für|zur|zum)(?:[ \t]+(?:la|le|les|los|las|el))?[ \t]+"
    r"(?:[lL]['’])?|d['’]"
    r"|(?<=[ \t])(?:et|y|e|und)[ \t]+(?:(?:la|le|les|los|las|el)[ \t]+|[lL]['’])?(?=[A-ZÀ-ÖØ-Þ]))"
    rf"{_ACCENTED_WORD}(?:[ \t]+{_ACCENTED_WORD})*"
)
# French small words and a lowercase noun after them, as French writes a body's name:
# ' des députés', ' de commerce', ' de la défense'; one noun, not an English word.
_FRENCH_LOWER_LINKED = re.compile(
    r"[ \t]+(?:des|du|aux|au|de(?:[ \t]+la)?|de[ \t]+l['’]|d['’])[ \t]*(?<=['’ \t])"
    r"(?!(?:the|a|an|and|or|to|in|on|its|their|his|her)\b)[a-zàâçéèêëîïôûœ]{3,}(?![\w'’-])"
)
# ' (Maoist)', ' (Unified Marxist-Leninist)' after a name, no capitalised word after it.
_QUALIFIER = re.compile(r" \((?P<words>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})\)(?![ \t]+[A-Z(])")
_ADJECTIVE_ENDINGS = ("ist", "ic", "al", "ed", "ian", "ive")
_INITIAL = re.compile(r"[A-Z]\.")
_ORDINAL = re.compile(r"(?<![\w.])\d{1,4}(?:st|nd|rd|th) $")
_MILITARY_UNITS = frozenset(load_data("organizations.json")["military_units"])
_FIRM_HEADS = frozenset(load_data("organizations.json")["firm_heads"])
# A date right before a movement's name is part of it: 'the March 23 Movement', 'the 26th
# of July Movement', 'the 6 April Youth Movement'.
_MONTHS = "|".join(calendar.month_name[1:])
_DATE_BEFORE = re.compile(
    rf"(?<=[Tt]he )(?:(?:{_MONTHS}) \d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?(?: of)? (?:{_MONTHS})) $"
)
_DATED_HEADS = frozenset(("movement", "alliance", "coalition"))
# A possessive opening a name: "Costa Rica's " of "Costa Rica's Unión Costarricense ...".
_OWNER_OPENING = re.compile(rf"((?:{WORD}[ \t]+){{0,2}}{WORD})['’]s[ \t]+")
_OWNERS = frozenset((Category.country, Category.place, Category.seat))
_DESCRIPTOR_ENDINGS = ("-led", "-backed", "-based", "-sponsored", "-funded", "-aligned", "-allied")
# What a paper does, said right after its name at a sentence's start: 'The Island says'.
PRESS_VERB = re.compile(
    r"[ \t]+(?:says|said|reports|reported|claims|claimed|writes|wrote|ran|runs|quotes|quoted"
    r"|alleges|alleged|editorialised|editorialized)\b"
)


def widen(brief: OrgText, mention: Mention) -> Mention | None:
    if acronym(mention.surface) or mention.surface in brief.other_acronyms:
        if brief.source[mention.end : mention.end + 1] == "+":
            plus = mention.surface + "+"
            if known_organisation(plus):
                return mention._replace(end=mention.end + 1, surface=plus, name=plus)
        return mention
    start, end, country = own_words(brief, mention)
    if brief.source.endswith(_TRAILING_LINKS, start, end):
        end = brief.source.rindex(" ", start, end)  # 'Council for' + 'Namibia': read again
    joined = _AMPERSAND.match(brief.source, end) if brief.source.startswith(" &", end) else None
    if joined is not None:
        end = joined.end()  # 'Siemens & Halske', 'W. R. Grace & Co.': a firm's whole name
    elif brief.source.startswith(",", end) and " of " in brief.source[start:end]:
        end, listed = _before_a_list_of_countries(brief, start, end)
        country = None if country == listed else country  # no member is its country
    end = _before_a_titled_name(brief, start, end)
    if start >= end:
        return None
    if not brief.source[start:end][:1].isupper():
        return mention  # 'the Turkish parliament': named by its country, as written
    if start == mention.start and not _head_first(brief, start):  # no country taken off
        # the front; nor an English adjective put before a name in its own language ('the
        # Belgian Chambre des Représentants')
        start = adjective_before(brief, start, end)
        start = _acronym_owner_before(brief, start)
        start = country_name_before(brief, start, end)
        start = _region_before(brief, start)
        start = compass_before_a_country(brief, start, end)
    start = _ordinal_before(brief, start, end)
    start = _date_before(brief, start, end)
    start = _royal_before(brief, start, end)
    if (owned := _owner_before(brief, start, end)) < start:
        start = country_name_before(brief, owned, end)  # 'Zimbabwe ' + 'People's ...'
    if brief.source[end : end + 1] == "+" and known_organisation(brief.source[start : end + 1]):
        end += 1  # 'OPEC+'
    elif brief.source[end : end + 1] == "/":
        end = _known_over_slash(brief, start, end)
    if suffix := _COMPANY_SUFFIX.match(brief.source, end):
        end = suffix.end()  # 'Petróleos de Venezuela, S.A.'
    elif (
        joined is None
        and not brief.source.endswith("& Co.", start, end)  # a firm's name ends there
        and (
            not known_organisation(one_spaced(brief.source, start, end))
            or brief.lone_head(start, end)
        )
    ):  # a lone known word takes its country: 'the Congress of Peru'
        end = _linked_after(brief, start, end)  # a known name is whole: 'the High
        # Representative of the European Union for Foreign Affairs' adds an office
        if _head_first(brief, start):
            end = head_first_name_end(brief.source, end, french=False)
        if brief.source[end : end + 1] == ".":
            end = _before_an_abbreviated_title(brief, start, end)
    elif (
        joined is None
        and brief.source.startswith(" of ", end)
        and not brief.source[start:end].replace(".", "").isupper()  # 'the U.N. of Cambodia'
    ):
        end = _of_a_country(brief, end)  # 'the Supreme Soviet' + ' of Kazakhstan'
    end = _before_initials(brief, start, end)
    if brief.source.startswith(" (", end):
        end = _bracketed_qualifier(brief, start, end)
    start = defined_before(brief, start, end)
    start = _after_a_descriptor(brief, start, end)
    start = _after_a_person(brief, start, end)
    start = _coordinated_before(brief, start, end)
    if (all_country := _all_and_a_country(brief, start)) < start:
        start, country = all_country, None  # 'All India Trinamool Congress': no country's body
    start = _written_article(brief, start, end)
    start = _after_a_repeated_head(brief, start, end)
    start = _after_an_owner(brief, start, end)
    if brief.source.endswith(("'s", "’s"), start, end) and " " in brief.source[start:end]:
        end -= 2  # "the Banque Centrale du Congo's governor": the name ends before it
    name = one_spaced(brief.source, start, end)
    if (
        " " not in name
        and name.casefold() in brief.words.org_heads
        and not known_organisation(name)
    ):
        return None  # a lone 'Office' or 'Army' names nobody in particular; 'Congress' does
    if _names_no_body(brief, name) and not defined_standing_body(brief, name, end):
        return None
    if brief.source.startswith(", a", end) and _described_as_a_meeting(brief.source, end):
        return None
    if (start, end, name, country) == (
        mention.start,
        mention.end,
        mention.name,
        mention.country,
    ):
        return mention
    return mention._replace(start=start, end=end, surface=name, name=name, country=country)


def _before_a_titled_name(brief: OrgText, start: int, end: int) -> int:
    """'Bank of England' of 'Bank of England Governor Robin Leigh-Pemberton and ...': an
    office title followed by a name ends the body's name (the run reader joined them)."""
    heads, modifiers = brief.words.title_heads, brief.words.title_modifiers
    inner = brief.source[start:end].split()[1:-1]
    if not any(word.casefold() in heads for word in inner):
        return end  # the common case: no title inside the name
    words = list(LETTER_WORD.finditer(brief.source, start, end))
    for previous, word, following in zip(words, words[1:], words[2:], strict=False):
        if (
            word.group().casefold() in heads
            and following.group()[:1].isupper()
            and following.group().casefold() not in brief.words.org_heads
            and previous.group().casefold() not in modifiers
            and previous.group() not in ("of", "the", "for")
        ):
            if previous.group() == "and" and brief.has_head(brief.source[start:end].split()[-1:]):
                continue  # 'Transport and General Workers' Union': the name's own word
            return previous.end()
    return end


def _before_an_abbreviated_title(brief: OrgText, start: int, end: int) -> int:
    """'the Progressive Federal Party' of 'the Progressive Federal Party of Dr. Frederik van
    Zyl Slabbert': an abbreviated title after the last 'of' opens the name of the person
    who leads the body, not the body's name (the run reader stopped at its period)."""
    at = brief.source.rfind(" of ", start, end)
    if at < 0 or brief.source[at + 4 : end + 1].casefold() not in brief.words.title_heads:
        return end
    return at


def _ordinal_before(brief: OrgText, start: int, end: int) -> int:
    """'the ' + '205th ' + 'Motor Rifle Brigade': a number before a military unit's name is
    part of it (`military_units`: 'the 58th Army', 'the 1st Armoured Division')."""
    if not brief.source.endswith(("th ", "st ", "nd ", "rd "), 0, start):
        return start  # the common case, decided without the regex
    ordinal = _ORDINAL.search(brief.source, max(0, start - 8), start)
    last = brief.source[start:end].rsplit(None, 1)[-1].casefold()
    return ordinal.start() if ordinal is not None and last in _MILITARY_UNITS else start


def _of_a_country(brief: OrgText, end: int) -> int:
    """' of Kazakhstan' after a known body's name ('the Supreme Soviet of Kazakhstan'): one
    state's body of that kind takes the country's name, as a lone known word does ('the
    Congress of Peru'); nothing else after 'of' does."""
    match = _OF_PLACE.match(brief.source, end)
    if match is None:
        return end
    place = _leading_country(match.group("place").split())
    if place is None:
        return end
    after = match.start("place") + len(place)
    return end if _another_country(brief, after) else after  # not a list of them


def _leading_country(words: list[str]) -> str | None:
    """The longest country's name that `words` open with ('Kazakhstan' of 'Kazakhstan
    Today'), or None."""
    for length in range(len(words), 0, -1):
        place = " ".join(words[:length])
        if _a_country(place):
            return place
    return None


def _another_country(brief: OrgText, at: int) -> bool:
    """Whether a country's name follows `at` after a comma or 'and' ('of Cambodia, Ceylon')."""
    match = _NEXT_IN_LIST.match(brief.source, at)
    return match is not None and _leading_country(match.group("place").split()) is not None


def _royal_before(brief: OrgText, start: int, end: int) -> int:
    """'Royal ' + 'New Zealand Navy', 'Royal ' + 'Brunei Airlines': 'Royal' before a
    body's name opened by a country's is part of it, as a crown's forces and companies are
    named (before an adjective the run reader keeps it: 'Royal Thai Army')."""
    if not brief.source.endswith("Royal ", 0, start) or not brief.has_head(
        brief.source[start:end].split()[-1:]
    ):
        return start
    at = start - len("Royal ")
    return at if at == 0 or not brief.source[at - 1].isalnum() else start


def _date_before(brief: OrgText, start: int, end: int) -> int:
    """'the ' + 'March 23 ' + 'Movement': a date before a movement's, an alliance's or a
    coalition's name is part of it, as such bodies are named after a day."""
    if brief.source[start:end].rsplit(None, 1)[-1].casefold() not in _DATED_HEADS:
        return start
    match = _DATE_BEFORE.search(brief.source, max(0, start - 24), start)
    return match.start() if match is not None else start


def _after_an_owner(brief: OrgText, start: int, end: int) -> int:
    """ "Costa Rica's Unión Costarricense ...", "Bishop's People's Revolutionary Army": a
    country's, a place's or a person's possessive opening a name of two words or more is
    whose the body is, no word of its name (as a country's adjective is not); a name of
    one word after it is the name's own ("Lloyd's Register")."""
    match = _OWNER_OPENING.match(brief.source, start, end)
    if match is None or len(brief.source[match.end() : end].split()) < 2:
        return start
    owner = one_spaced(brief.source, match.start(1), match.end(1))
    entry = phrase_entry(owner)
    if (entry is not None and entry.category in _OWNERS) or brief.a_persons_surname(owner):
        return match.end()
    return start


def _before_initials(brief: OrgText, start: int, end: int) -> int:
    """'the Northern People's Party' of 'the Northern People's Party of S. D. Dombo': an
    initial after 'of' opens the name of the person the body is said to be of."""
    at = brief.source.find(" of ", start, end)
    while at >= 0:
        if _INITIAL.match(brief.source, at + 4):
            return at
        at = brief.source.find(" of ", at + 4, end)
    return end


def _known_over_slash(brief: OrgText, start: int, end: int) -> int:
    """'Radio Free Europe' + '/Radio Liberty': a known name written with a slash."""
    text = brief.source[start:end] + "/"
    for form in known_forms(brief.source[start:end]):
        if form.startswith(text) and brief.source.startswith(form, start):
            return start + len(form)
    return end


def _names_no_body(brief: OrgText, name: str) -> bool:
    """A military operation ('Operation Deliberate Force'), a state's constituent part
    ('Federation of Bosnia and Herzegovina': a federation of a country is a territory, not
    a body), or an event the widened name ends in ('Commonwealth Heads of Government
    Meeting'; not 'Government of National Accord', headed by its first word; a known body
    stays: 'World Food Programme')."""
    first, _, rest = name.partition(" ")
    if not rest.startswith(("of ", "for ")) and (
        name[name.rfind(" ") + 1 :].casefold() in brief.words.event_heads
    ):  # its head is its last word, not the first before a complement
        return not known_organisation(name)
    if first == "Operation":  # how military operations are named
        return not known_organisation(name)
    if first == "Federation" and rest.startswith("of "):
        entry = phrase_entry(rest.removeprefix("of ").removeprefix("the "))
        return entry is not None and entry.category is Category.country
    return False


# An appositive calling what it follows a meeting: 'the Forum for Peace and Democracy, a
# meeting held in San José in October'.
_DESCRIBED_AS_MEETING = re.compile(
    r",[ \t]+an?[ \t]+(?:[\w-]+[ \t]+)?(?:meeting|summit|conference|gathering|session)\b"
)


def _described_as_a_meeting(source: str, end: int) -> bool:
    """'the Forum for Peace and Democracy, a meeting held in San José': a name the brief
    calls a meeting, a summit or a conference right after it names an event, no body."""
    return _DESCRIBED_AS_MEETING.match(source, end) is not None


_ALL_AND_A_WORD = re.compile(r"\bAll (?P<word>[A-Z][\w-]*) $")


def _all_and_a_country(brief: OrgText, start: int) -> int:
    """'All India Trinamool Congress', 'All India Radio': 'All' and a country's name opening
    a body's name (as Indian parties and bodies are named) belong to it."""
    if (
        not brief.source.endswith(" ", 0, start)
        or "All " not in brief.source[max(0, start - 40) : start]
    ):
        return start
    match = _ALL_AND_A_WORD.search(brief.source, max(0, start - 40), start)
    if match is None:
        return start
    entry = phrase_entry(match.group("word"))
    if entry is None or entry.category is not Category.country:
        return start
    return match.start()


def _written_article(brief: OrgText, start: int, end: int) -> int:
    """'The Belfast Telegraph and The Irish Times': a capital 'The' in mid-sentence is
    part of the name as the brief writes it; at a sentence's or a line's start it is the
    sentence's ('The State Department said': 'State Department', a known name's form),
    but for a masthead's own ('The Washington Post reports', a known paper's name with its
    'The') and a one-word title before what a paper does ('The Gleaner says')."""
    source = brief.source
    if source.startswith("The ", start):
        if not opens_a_sentence(source, start):
            return start
        rest = one_spaced(source, start + 4, end)
        known = known_organisation(rest)
        if known is not None:
            same = known == known_organisation(one_spaced(source, start, end))
            strip = same and not known.startswith("The ")
        else:
            strip = known_organisation(one_spaced(source, start, end)) is None and not (
                _a_title_reporting(source, rest, end)
            )
        return start + 4 if rest and strip else start
    if source.endswith("The ", 0, start):
        if not opens_a_sentence(source, start - 4):
            return start - 4
        rest = one_spaced(source, start, end)
        known = known_organisation(rest)
        if known is not None and known.startswith("The "):
            return start - 4
        if known is None and _a_title_reporting(source, rest, end):
            return start - 4
    return start


def _a_title_reporting(source: str, name: str, end: int) -> bool:
    """'The Gleaner' + ' says': one word, what a paper does after it."""
    return bool(name) and " " not in name and PRESS_VERB.match(source, end) is not None


def _after_a_repeated_head(brief: OrgText, start: int, end: int) -> int:
    """'Forces of the Mozambique Armed Forces (FAM)', 'Forces of the Armed Forces for the
    Liberation of Angola': an organisation word before 'of the' that the body's name after
    it holds again is a common noun (the body's forces), capitalised to open a sentence,
    not a word of the name."""
    opening = _HEAD_OF_THE.match(brief.source, start, end)
    if opening is None or opening["head"].casefold() not in brief.words.org_heads:
        return start  # the common case
    rest = brief.source[opening.end() : end].split()
    return opening.end() if opening["head"] in rest else start


def _region_before(brief: OrgText, start: int) -> int:
    """'Caribbean ' + 'Congress of Labour', 'Sahel ' + 'Alliance': a world region's name
    right before a body's is part of it (a region has no state body to tell apart)."""
    previous = brief.source[max(0, start - 16) : start]
    if not previous.endswith(" ") or not previous[-2:-1].isalpha():
        return start  # the common case: a small word or punctuation before the name
    words = previous.split()
    for length in (2, 1):
        text = " ".join(words[-length:])
        if len(words) >= length and text in _WORLD_REGIONS:
            at = start - 1 - len(text)
            return at if at == 0 or not brief.source[at - 1].isalnum() else start
    return start


def in_lines_of_capitals(source: str, start: int, end: int) -> bool:
    """Whether the lines holding `start`-`end` are written in capitals (a heading, a
    headline)."""
    first = source.rfind("\n", 0, start) + 1
    last = source.find("\n", end)
    return source[first : last if last >= 0 else len(source)].isupper()


def opens_a_sentence(source: str, at: int) -> bool:
    """Whether the word at `at` opens a line, a sentence, a bullet or a quotation."""
    before = source[max(0, at - 6) : at].rstrip(" \t")
    return not before or before[-1] in "\n.!?:;\"“‘'(*•#>-–—"


def _acronym_owner_before(brief: OrgText, start: int) -> int:
    """'OSCE ' + 'Minsk Group': a known organisation's acronym right before a name is
    the body it belongs to, and part of its name."""
    previous = brief.source[max(0, start - 12) : start]
    if not previous.endswith(" "):
        return start
    word = previous.split()[-1] if previous.split() else ""
    if not acronym(word) or known_organisation(word) is None:
        return start
    return start - 1 - len(word)


def _owner_before(brief: OrgText, start: int, end: int) -> int:
    """'Tigray People's ' + 'Liberation Front': possessive words that are no known
    country, organisation or person belong to the name."""
    before = brief.source[max(0, start - 80) : start]
    if before[-3:-1] not in ("'s", "’s") and before[-2:-1] not in ("'", "’"):
        return start  # the common case, decided without the regex
    match = _OWNER_BEFORE.search(before)
    if match is None:
        return start
    words = match.group(1).split()
    if brief.has_head(words[-1:]):
        return start  # 'the European Parliament's Brexit Steering Group': an owner body
    plural = words[-1].endswith(("s'", "s’"))  # 'Workers' Party': a plural owns no name
    owner = start - len(before) + match.end(1) - len(words[-1])
    if not plural and brief.overlaps(owner, start):
        firm = brief.source[start:end].rsplit(None, 1)[-1].casefold() in _FIRM_HEADS
        if not firm or brief.owner_at(owner, start):
            # 'Viktor Orbán's Fidesz': a person owns it (the possessive word); but a
            # founder no one else in the brief is may open a firm's name ("Reuter's
            # Telegram Company")
            return start
    for index, word in enumerate(words):
        if any(brief.stands_alone(w) for w in words[index:]):
            continue
        return start - len(before) + match.start(1) + before[match.start(1) :].index(word)
    return start


def _in_a_country(brief: OrgText, start: int, end: int) -> int | None:
    """Where a body's name ends that goes on over 'in' and a country's name ('UN Assistance
    Mission in Afghanistan', 'United Nations Mission in the Republic of South Sudan'), or
    None."""
    if not brief.source.startswith(" in ", end) or not brief.has_head(
        _head_words(brief.source[start:end])
    ):
        return None
    if brief.source[start:end].endswith(" Party"):
        return None  # 'the Colorado Party in Paraguay': a party is named 'of' its country
    for pattern in (_IN_COUNTRY, _IN_THE_COUNTRY):
        located = pattern.match(brief.source, end)
        # 'The' capitalised is part of a country's short name: 'ECOWAS Mission in The Gambia'
        entry = located and phrase_entry(located.group("place").removeprefix("The "))
        if located and entry is not None and entry.category is Category.country:
            return located.end()
        if located and located.group("place") in _WORLD_REGIONS:
            return located.end()  # 'Agency for the Prohibition of ... in Latin America'
    return None


def _after_a_descriptor(brief: OrgText, start: int, end: int) -> int:
    """'NATO-led Implementation Force', 'Turkish-backed National Front for Liberation':
    a word ending in '-led' or '-backed' describes the body, it is not its name, also when
    it ends a country's name of two words ('New Zealand-led Truce Monitoring Group')."""
    text = brief.source[start:end]
    if "-" not in text:
        return start  # the common case
    words = text.split()
    for index in range(min(len(words) - 1, 2), 0, -1):
        if words[index - 1].endswith(_DESCRIPTOR_ENDINGS):
            return start + text.index(words[index], text.index(words[index - 1]))
    return start


def _after_a_person(brief: OrgText, start: int, end: int) -> int:
    """'Jake Sullivan and National Economic Council' read as one run: a name opening
    with a given name before 'and' is a person's, and the organisation follows it."""
    text = brief.source[start:end]
    at = text.find(" and ")
    if at < 0 or text.split()[0] not in brief.words.given_names:
        return start
    if brief.has_head(text[:at].split()):
        return start
    return start + at + len(" and ")


def _coordinated_before(brief: OrgText, start: int, end: int) -> int:
    """'the ruling Justice and ' + 'Development Party': a capitalised word joined by
    'and' to the name, with a small word before it, and no name of its own (a lone word
    read as a person is none before a name with an organisation word: 'a Peace and ' +
    'Security Council', not 'Total and ' + 'Eni')."""
    if brief.source[max(0, start - 5) : start] != " and ":
        return start  # the common case, decided without the regex
    if brief.source.startswith("The ", start):
        return start  # 'The Times and The New York Times': a name with its own article
    match = _AND_BEFORE.search(brief.source, max(0, start - 40), start)
    if match is None:
        return start
    first, stop = match.start("word"), match.end("word")
    if _regions_joined(brief, match.group("word"), start, end):
        return first  # 'the IMF's Asia and ' + 'Pacific Department': one body's field
    if brief.stands_alone(match.group("word")):
        return start
    if brief.overlaps(first, stop) and not (
        brief.has_head(brief.source[start:end].split()[-1:]) and brief.lone_word(first, stop)
    ):
        return start  # a name of its own: 'the EU and ' + 'NATO'
    return first


def _regions_joined(brief: OrgText, word: str, start: int, end: int) -> bool:
    """'Asia and ' + 'Pacific Department', 'Europe and ' + 'Central Asia Department': a world
    region joined by 'and' to a body's name that opens with another and ends in an
    organisation word is the region its department covers, a word of its name."""
    if word not in _WORLD_REGIONS:
        return False
    words = brief.source[start:end].split()
    return (
        len(words) > 1
        and any(" ".join(words[:n]) in _WORLD_REGIONS for n in (1, 2))
        and brief.has_head(words[-1:])
    )


def _a_country(word: str) -> bool:
    """Whether `word` (or words) is a country's name: 'USSR', 'UK', 'Kazakhstan'."""
    entry = phrase_entry(word)
    return entry is not None and entry.category is Category.country


def _linked_after(brief: OrgText, start: int, end: int) -> int:
    """' of the Red Cross', ' for Government', ' on Disarmament', ', Trade and Industry'.
    Where a capitalised word follows the name, the run reader stopped inside it at a known
    name ('Executive Committee of the National' + ' Security Council'): read again from its
    last link, and keep the longer reading."""
    if _CAPITAL_AFTER.match(brief.source, end):
        last_link = _LAST_LINK.search(brief.source, start, end)
        if last_link is not None:
            return max(end, _linked_from(brief, start, last_link.start()))
    return _linked_from(brief, start, end)


def _linked_from(brief: OrgText, start: int, end: int) -> int:
    tail = brief.source[end - 2 : end + 1].rstrip()
    if tail.endswith(("'", "’", "'s", "’s")):
        # The run stopped at a possessive inside the name ('Central Committee of the
        # Workers' + ''s Party of Korea'): read again from its last link.
        last_link = _LAST_LINK.search(brief.source, start, end)
        if last_link is not None:
            end = last_link.start()
    while True:
        if suffix := _COMPANY_SUFFIX.match(brief.source, end):
            end = suffix.end()  # 'Petróleos de Venezuela, S.A.'
            continue
        if brief.source.startswith(" (", end) and (faction := _FACTION.match(brief.source, end)):
            end = faction.end()  # 'Pakistan Muslim League (N)': a party's faction letter
            continue
        if brief.source.startswith(_AND_GOVERNMENT, end) and brief.source.endswith(
            "Heads of State", start, end
        ):
            end += len(_AND_GOVERNMENT)  # 'Authority of Heads of State and Government'
            continue
        if brief.source.endswith("Task Force", start, end) and (
            number := _NUMBER_AFTER.match(brief.source, end)
        ):
            end = number.end()  # 'Joint Task Force 180', 'Combined Task Force 150'
            continue
        if (named := _COUNTRY_AFTER.match(brief.source, end)) and _headed(brief, start, end):
            entry = phrase_entry(named.group("place"))
            if entry is not None and (
                entry.category is Category.country
                or (entry.category is Category.place and _head_first(brief, start))
            ):
                end = named.end()  # 'Joint Task Force Liberia', 'Banco Delta Asia'
                continue
        if (located := _in_a_country(brief, start, end)) is not None:
            end = located  # 'UN Assistance Mission in Afghanistan'
        if brief.source.startswith(_ELIDED_OPENINGS, end + 1) and (
            elided := _ELIDED.match(brief.source, end)
        ):
            end = elided.end()  # 'of Côte' + " d'Ivoire": the French article elided
            continue
        match = _LINKED.match(brief.source, end)
        if match is None:
            return end
        words = match.group("words").split()
        link = match.group("link").split()
        if words[0].rstrip(".").casefold() in CALENDAR:
            return end  # 'the Board on Monday'
        if link[-1] == "on" and words[-1].casefold() in brief.words.place_heads:
            return end  # 'the Ministry of Foreign Affairs on Palace Square': where it is
        if link[0] == "," and brief.source[start:end].split()[0] == words[0]:
            return end  # 'Bank Saderat, Bank Mellat and Bank Sepah': a list of names
        if link == [","] and (
            brief.has_head(brief.source[start:end].split()[-1:])
            or _opened_by_a_prefix(brief, start)
            or not _CAPITAL_AFTER_AND.match(brief.source, match.end())
        ):  # 'Toyota Motor Corporation, Panasonic and other exporters', 'Ansar Dine,
            return end  # al-Qaeda in the Islamic Maghreb (AQIM) and ...': a list of names
        if "and" in link and _a_persons_words(brief, match):
            return end  # 'the Ministry of External Affairs and W. T. Jayasinghe'
        if "and" in link and (
            _opened_by_a_prefix(brief, start) or _a_title_word(brief, words[0])
        ):  # 'Lashkar-e-Taiba and Hizbul Mujahideen', 'Radio Globo and Canal 36', 'the
            return end  # Supreme Court of Justice and Gen. Romeo Vásquez': two names
        if words[0] in brief.words.phrases and link[-1] == "on" and not _named_on(brief, match):
            return end  # 'the Council on Russia'
        if len(words) == 1 and acronym(words[0]) and not _a_country(words[0]):
            return end  # 'the Joint Commission of the JCPOA': a name of its own (not 'USSR')
        if brief.names_a_person(match.start("words"), match.end("words")):
            return end  # 'the Party of Regions of Viktor Yanukovych': its leader
        if len(words) == 1 and brief.a_persons_surname(words[0]):
            return end  # 'the Labor Party of Peres': its leader, named before in full
        if brief.cuts_a_person(match.start("words"), match.end("words")):
            return end  # 'the Syrian Arab Air Force of Defence Minister Hafez al-Assad'
        if brief.organisation_ends(match.start("words")) > match.end() and not _LINKED.match(
            brief.source, match.end()
        ):
            return end  # 'the General Staff of the Armée de Libération Nationale': two
        if brief.source[match.end() : match.end() + 1] == "," and _lists_countries(brief, match):
            return end  # 'the Contact Group of the United States, Russia, ...'
        joined = " ".join(words)
        entry = phrase_entry(joined)
        if (
            entry is not None
            and entry.category is Category.org
            and not brief.lone_head(start, end)
            and not brief.source.endswith(_CHAMBERS, start, end)  # 'Lower House of the Diet'
        ):
            return end  # 'the Appellate Body of the World Trade Organization': two bodies
        if (
            "and" in link
            and not _two_lands(brief.source[start:end], link, entry)
            and (
                brief.source.endswith("such as ", 0, start)  # a list of examples
                or entry is not None
                or brief.has_head(words)
                or _plural_head(brief, words[-1])
                or link[0].startswith(",")
                or brief.has_head((own := brief.source[start:end].split())[-1:])
                or _ies_head(brief, own[-1])
                or own[0] == words[0]  # 'Radio X and Radio Y'
                or known_organisation(one_spaced(brief.source, start, end))
                or _after_a_plural_marker(brief, start)
            )
        ):
            return end  # 'the European Commission and European Council', 'Radio Australia
            # and Radio New Zealand': two names
        end = match.end()
        if brief.source.endswith(_POSSESSIVE_ENDINGS, match.start("words"), end):
            # 'the Council of State’s decree': a possessive ends the name, not in it
            return end - (1 if brief.source[end - 1] in "'’" else 2)


def _opened_by_a_prefix(brief: OrgText, start: int) -> bool:
    """Whether the name at `start` opens with a movement's, a newspaper's or a head-first
    organisation word ('Lashkar-e-Taiba', 'Radio Globo', 'Parti Québécois'): such a name is
    whole without 'and'."""
    first = brief.source[start : start + 40].split(None, 1)[0]
    return first.split("-", 1)[0] in brief.words.movement_prefixes


_LANDS = (Category.country, Category.place)


def _two_lands(name: str, link: list[str], entry: Entry | None) -> bool:
    """'Royal Asiatic Society of Great Britain and Ireland': a country or a place after
    'and' right after one after the name's 'of' is the second of the lands it is of, not a
    second name."""
    if link != ["and"] or entry is None or entry.category not in _LANDS:
        return False
    at = name.rfind(" of ")
    if at < 0 or " and " in name[at:]:
        return False  # not a third: 'the Federation of Bosnia and Herzegovina and ...'
    before = phrase_entry(name[at + 4 :].removeprefix("the "))
    return before is not None and before.category in _LANDS


def _a_title_word(brief: OrgText, word: str) -> bool:
    """'Gen', 'President': an office title opens a person's name, not a body's."""
    return word.rstrip(".").casefold() in brief.words.title_heads


def _plural_head(brief: OrgText, word: str) -> bool:
    """'Airlines', 'Industries': an organisation word that is the plural of one the lexicon
    knows in the singular, which `has_head` reads without its last 's' ('Ethiopian
    Airlines' after 'and' is a name of its own, never the end of 'State Bank of Ethiopia');
    not a word that only ends in 's' ('Times', 'News': 'New Times and Ethiopia News' is one
    newspaper's name)."""
    folded, words = word.casefold(), brief.words
    if folded not in words.org_heads:
        return False
    singular = folded[:-3] + "y" if folded.endswith("ies") else folded.removesuffix("s")
    return singular != folded and (singular in words.org_heads or singular in words.group_markers)


def _ies_head(brief: OrgText, word: str) -> bool:
    """'Industries', 'Technologies', 'Companies': an organisation word the lexicon lists in
    a plural in -ies ends a firm's name before 'and' ('Daikin Industries and Chemours' are
    two firms); not 'Times' nor 'News', which a newspaper's name goes on after ('New Times
    and Ethiopia News')."""
    folded = word.casefold()
    return folded.endswith("ies") and folded in brief.words.org_heads


def _a_persons_words(brief: OrgText, match: re.Match[str]) -> bool:
    """Whether the words after 'and' open a person's name by an initial ('W. T.
    Jayasinghe') or own what follows them ('Manasseh Sogavare's government'): a name never
    ends in a possessive nor goes on over an initial."""
    words, after = match.group("words"), brief.source[match.end() : match.end() + 2]
    if len(words) == 1 and after[:1] == "." and after[1:] in ("", " "):
        return True
    return words.endswith(("'s", "’s", "s'", "s’")) and after[:1] == " " and after[1:].islower()


def _bracketed_qualifier(brief: OrgText, start: int, end: int) -> int:
    """'Communist Party of Nepal (Maoist)', 'Nepali Congress (Democratic)': adjectives in
    brackets right after a party's or a body's name tell two bodies of one name apart and
    are part of it (not an acronym, a place or a gloss: 'Party of God (Hezbollah)'; not
    the bracket of a title that goes on: 'European Union (Withdrawal) Act')."""
    match = _QUALIFIER.match(brief.source, end)
    name = one_spaced(brief.source, start, end)
    if match is None or not brief.has_head(_head_words(name)) or known_organisation(name):
        return end
    words = match.group("words").split()
    if all(w.endswith(_ADJECTIVE_ENDINGS) and w not in brief.words.phrases for w in words):
        return match.end()
    return end


def head_first_name_end(source: str, end: int, *, french: bool) -> int:
    """Where a body's name written head first ends, its word ending at `end`: over its
    small words with the capitalised words after them ('Radio Télévision Libre' + ' des
    Mille Collines', 'Frente' + ' para la Liberación', ' do Brasil') and, in French, the
    lowercase adjectives after it (' nationale') and its small words with a lowercase noun
    after them (' des députés'), in turn (' des Affaires' + ' étrangères', ' de commerce' +
    ' de Bordeaux')."""
    while found := (
        (
            french
            and (FRENCH_ADJECTIVES.match(source, end) or _FRENCH_LOWER_LINKED.match(source, end))
        )
        or _ROMANCE_LINKED.match(source, end)
    ):
        end = found.end()
    return end


def _headed(brief: OrgText, start: int, end: int) -> bool:
    """Whether a name ends in an organisation word ('Joint Task Force') or opens with one
    written first ('Partai Nasional', 'Frente Amplio')."""
    return brief.has_head(brief.source[start:end].split()[-1:]) or _head_first(brief, start)


def _head_first(brief: OrgText, start: int) -> bool:
    """Whether the name at `start` opens with an organisation word written first."""
    return brief.source[start : brief.source.find(" ", start)] in brief.words.movement_prefixes


def _after_a_plural_marker(brief: OrgText, start: int) -> bool:
    """'the small right-wing parties Tehiya and Moledet': names listed after a plural
    organisation word are several, never one name joined by 'and'."""
    before = brief.source[max(0, start - 16) : start]
    if not before.endswith(" "):
        return False
    words = before.split()
    plural = words[-1].casefold() if words else ""
    return plural.endswith("s") and (
        plural in brief.words.group_markers
        or plural[:-1] in brief.words.group_markers
        or plural[:-3] + "y" in brief.words.group_markers
    )


def _named_on(brief: OrgText, match: re.Match[str]) -> bool:
    """'the International Contact Group on Liberia,': a body named for the one country
    it works on, the name ending at punctuation (not 'the Council on Russia's debt')."""
    entry = phrase_entry(match.group("words"))
    return (
        entry is not None
        and entry.category is Category.country
        and brief.source[match.end() : match.end() + 1] in (",", ".", ";", ":", ")")
    )


def _head_words(name: str) -> list[str]:
    """Where a name's head is: its last word, and its words before its first link ('Movement'
    of 'Movement for Democracy')."""
    words = name.split()
    for index, word in enumerate(words):
        if word in ("of", "for", "on"):
            return [*words[:index], words[-1]]
    return words[-1:]


def _before_a_list_of_countries(brief: OrgText, start: int, end: int) -> tuple[int, str | None]:
    """'the Contadora Group' of 'the Contadora Group of Mexico, Colombia, Venezuela and
    Panama': a name the run reader read up to the first of a list of countries ends
    before its last 'of'; with the code of the country cut off."""
    at = brief.source.rindex(" of ", start, end)
    last = brief.source[at + 4 : end].removeprefix("the ")
    entry = phrase_entry(last)
    if entry is None or entry.category is not Category.country:
        return end, None
    following = brief.source[end + 1 : end + 40].split()
    if following and following[0].rstrip(",") in brief.words.phrases:
        return at, entry.value
    return end, None


def _lists_countries(brief: OrgText, match: re.Match[str]) -> bool:
    """Whether the words after 'of' are a country followed by more in a list."""
    entry = phrase_entry(match.group("words"))
    if entry is None or entry.category is not Category.country:
        return False
    following = brief.source[match.end() + 1 : match.end() + 40].split()
    return bool(following) and following[0].rstrip(",") in brief.words.phrases


def split_at_a_leader(brief: OrgText, mention: Mention) -> tuple[Mention, Mention] | None:
    """'National Umma Party of Sadiq al-Mahdi', 'Lebanese Forces of Samir Geagea': a body
    and, after its last 'of', the full name of the person who leads it (the run reader
    joins them as one name), as (the body, the person). The person opens with a known given
    name or has an Arabic article or a particle inside; no word of it is a known phrase
    or an office, institution, place or stop word; or it is the surname of a person the
    brief names in full ('Labor Party of Peres')."""
    at = mention.surface.rfind(" of ")
    if at < 0:
        return None
    words = mention.surface[at + 4 :].split()
    if not (len(words) == 1 and brief.a_persons_surname(words[0])) and not _a_leaders_name(
        brief, words
    ):
        return None
    end = mention.start + at
    first = brief.source.index(words[0], end)
    body = one_spaced(brief.source, mention.start, end)
    person = " ".join(words)
    return (
        mention._replace(end=end, surface=body, name=body),
        Mention(ActorKind.person, first, mention.end, person, person, evidence=True),
    )


def _a_leaders_name(brief: OrgText, words: list[str]) -> bool:
    """Two to four words of a person's full name (a middle initial is a name's word: 'John
    L. Momis'), opening with a known given name or shaped as a name."""
    if not 2 <= len(words) <= 4 or not all(
        _name_word(brief, w) or (0 < i < len(words) - 1 and _INITIAL.fullmatch(w))
        for i, w in enumerate(words)
    ):
        return False
    return words[0] in brief.words.given_names or shaped_as_a_name(" ".join(words))


def _name_word(brief: OrgText, word: str) -> bool:
    folded, words = word.casefold(), brief.words
    return (
        any(c.islower() for c in word)
        and word[-1:].isalpha()
        and word not in words.phrases
        and folded not in words.org_heads
        and folded not in words.title_heads
        and folded not in words.place_heads
        and folded not in words.stop_words
        and folded not in words.event_heads
    )

"""The Lead's date, place and main event."""

from __future__ import annotations

import re
from datetime import date

from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import Category, lexicon
from app.parsing.names.scanning import trie
from app.parsing.names.tokens import PARTICLES, Token, adjacent, first_word_from, tokenize

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<{0}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    r"\b(?:(?P<iso>\d{4})-(?P<isomonth>\d{2})-(?P<isoday>\d{2})\b"
    rf"|{_MONTH.format('month1')}\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year1>\d{{4}})\b"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.format('month2')},?\s+(?P<year2>\d{{4}})\b)"
)
_WORDS = load_data("sentences.json")
_CLAUSE_OPENERS = trie(frozenset(_WORDS["clause_openers"]))
_MAIN_CLAUSE_END = re.compile(rf",?\s+(?:{_CLAUSE_OPENERS})\s|;|\s[—–]\s|:\s")
_HARD_LIMIT = 140
_PHRASE_START = re.compile(rf",\s|\s(?:{trie(frozenset(_WORDS['phrase_openers']))})\s")
_OPENING_PREP = re.compile(r"^(?:on|in)\s+(?:the\s+)?", re.I)


def lead_date(text: str) -> date | None:
    """The first date in `text` in any of the spec's styles, or None."""
    for match in _DATE.finditer(text):
        found = _to_date(match)
        if found is not None:
            return found
    return None


def _to_date(match: re.Match[str]) -> date | None:
    if match["iso"]:
        year, month, day = int(match["iso"]), int(match["isomonth"]), int(match["isoday"])
    else:
        name = match["month1"] or match["month2"]
        month = _MONTHS[name[:3].casefold()]
        day = int(match["day1"] or match["day2"])
        year = int(match["year1"] or match["year2"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


_NOT_PLACES = (Category.demonym, Category.title)


def _place_run(source: str, tokens: list[Token], first: int) -> int:
    """Index past the capitalised place name starting at `first`, particles included
    before a capitalised word ('Rio de Janeiro', 'Santa Cruz de la Sierra'), not before a
    lowercase one ('Geneva de facto')."""
    stop = first + 1
    while stop < len(tokens) and adjacent(source, tokens[stop - 1], tokens[stop]):
        if tokens[stop].capitalised:
            stop += 1
            continue
        after = stop  # past the particles, where a capitalised word must go on
        while after < len(tokens) and tokens[after].folded in PARTICLES:
            after += 1
            if after < len(tokens) and not adjacent(source, tokens[after - 1], tokens[after]):
                return stop
        if after == stop or after == len(tokens) or not tokens[after].capitalised:
            break
        stop = after + 1
    return stop


def _not_a_place(run: list[Token]) -> bool:
    """Whether a capitalised run cannot name a place: a demonym or office ('French',
    'President Macron'), or a lone stop word ('Monday'). Compass words and the like rule out
    a one-word run only: 'West Berlin' and 'North Macedonia' are places."""
    entry = lexicon().phrases.get(run[0].text)
    if entry is not None and entry.category in _NOT_PLACES:
        return True
    if any(token.folded in lexicon().title_heads for token in run):
        return True
    words = lexicon().stop_words | lexicon().title_modifiers
    return len(run) == 1 and run[0].folded in words


def _region(source: str, tokens: list[Token], stop: int, end: int) -> int | None:
    """Index past a ', California'-style region after a place, or None.

    A known region (a US state, say) always qualifies; a country or an unknown name only
    when punctuation follows it: in 'in Brussels, Finland joined' Finland is the subject.
    """
    if stop >= len(tokens) or source[tokens[stop - 1].outer : tokens[stop].start].strip() != ",":
        return None
    if not tokens[stop].capitalised:
        return None
    region_stop = _place_run(source, tokens, stop)
    if _not_a_place(tokens[stop:region_stop]):
        return None
    entry = lexicon().phrases.get(source[tokens[stop].start : tokens[region_stop - 1].end])
    if entry is not None and entry.category is Category.place:
        return region_stop
    after = source[tokens[region_stop - 1].outer : end].lstrip()[:1]
    return region_stop if region_stop - stop <= 3 and after in ",.;" else None


def lead_location(source: str, start: int, end: int) -> str | None:
    """The place after the first 'in' followed by a capitalised name: 'in Paris',
    'in Woodside, California'. Months, adjectives and titles are not places."""
    begin = first_word_from(source, start, end, "in")
    tokens = tokenize(source, begin, end) if begin is not None else []
    for index, token in enumerate(tokens[:-1]):
        first = index + 2 if tokens[index + 1].folded == "the" else index + 1
        if token.folded != "in" or first >= len(tokens) or not tokens[first].capitalised:
            continue
        stop = _place_run(source, tokens, first)
        known = lexicon().phrases.get(source[tokens[first].start : tokens[stop - 1].end])
        if _not_a_place(tokens[first:stop]) if known is None else known.category in _NOT_PLACES:
            continue
        stop = _region(source, tokens, stop, end) or stop
        return " ".join(source[tokens[first].start : tokens[stop - 1].end].split())
    return None


def _strip_preamble(lead: str, place: str | None) -> str:
    """Drop an opening 'On Sept. 4, 2025 in Paris,' (in either order)."""
    text = lead
    for _ in range(2):
        prep = _OPENING_PREP.match(text)
        rest = text[prep.end() :] if prep else text
        found = _DATE.match(rest)
        if found:
            text = rest[found.end() :].lstrip(" ,-–—:")
        elif place and prep and rest.startswith(place):
            text = rest[len(place) :].lstrip(" ,")
    return text if text != lead else lead


def _shorten(text: str) -> str:
    """Cut a long clause before its first purpose/object phrase ('... for talks on ...')
    that starts between its 30th and `_HARD_LIMIT`th character; a clause with none is kept
    whole up to `_HARD_LIMIT` characters, then cut between words but never inside a name.
    No soft limit: `event_title` calls it for a clause over its `limit`, and a title may
    run past that limit up to `_HARD_LIMIT` rather than lose the end of a name."""
    cuts = [m.start() for m in _PHRASE_START.finditer(text) if 30 <= m.start() <= _HARD_LIMIT]
    if cuts:
        return text[: cuts[0]]
    if len(text) <= _HARD_LIMIT:
        return text
    words = text[: _HARD_LIMIT + 1].split(" ")[:-1]
    while len(words) > 1 and words[-1][:1].isupper():
        words.pop()  # never end inside a name
    return " ".join(words)


def event_title(lead: str, place: str | None = None, limit: int = 80) -> str:
    """A short title for the Lead's main event: its main clause, without the opening
    date/place phrase and without trailing 'while ...' or 'as ...' clauses."""
    text = _strip_preamble(lead.strip(), place)
    text = _MAIN_CLAUSE_END.split(text, maxsplit=1)[0]
    if len(text) > limit:
        text = _shorten(text)
    text = text.strip(" ,.;:")
    return text[:1].upper() + text[1:] if text else lead.strip()[:limit]

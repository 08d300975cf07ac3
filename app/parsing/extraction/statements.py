"""Official Statements (a quotation, then its attribution line) and reported speech."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.errors import BriefError
from app.parsing.document.sections import Section
from app.parsing.document.source import Line
from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import lexicon
from app.parsing.names.mentions import Mention, find_mentions, title_at
from app.parsing.names.tokens import TokenIndex
from app.vocabulary import ActorKind

_CLOSING = {'"': '"', "“": "”", "«": "»", "„": "“”"}
_PREFIX = re.compile(r"^\s*(?:>\s*)*(?:[-*•]\s+)?")
_ATTRIBUTION_PREFIX = re.compile(r"^\s*(?:>\s*)*[—–―\-~]*\s*")
# A role naming a document a body issues: '— Melanesian Brotherhood, statement issued in
# Honiara', '— Solomon Star, editorial', '— Tanjug, summary of the closing session',
# '— United States Mission to the United Nations, joint press statement'.
_PRESS_WORDS = frozenset(load_data("organizations.json")["press_words"])
_DOCUMENT_ROLE = re.compile(
    r"(?:joint\s+)?(?:press\s+)?"
    r"(?:statement|communiqu[eé]|report|summary|editorial|commentary|release)\b"
)


@dataclass(frozen=True, slots=True)
class Quotation:
    """One Official Statements entry: the quoted text's span and its attribution."""

    start: int
    end: int
    line: int
    name: tuple[int, int]
    role: tuple[int, int] | None


def _body_start(line: Line) -> int:
    match = _PREFIX.match(line.text)
    return line.start + (match.end() if match else 0)


def _is_empty(line: Line) -> bool:
    return line.text.strip().strip(">").strip() == ""


def _closing_offset(source: str, opening: int, limit: int, line: Line) -> int:
    for closer in _CLOSING[source[opening]]:
        found = source.find(closer, opening + 1, limit)
        if found >= 0:
            return found
    raise BriefError(
        "quotation is never closed (the file may be truncated)",
        line=line.number,
        column=opening - line.start + 1,
    )


def _attribution(
    source: str, start: int, end: int
) -> tuple[tuple[int, int], tuple[int, int] | None]:
    match = _ATTRIBUTION_PREFIX.match(source, start, end)
    begin = match.end() if match else start
    text = source[begin:end].rstrip(" .")
    comma = text.find(",")
    if comma < 0:
        return (begin, begin + len(text)), None
    role_text = text[comma + 1 :]
    role_start = begin + comma + 1 + (len(role_text) - len(role_text.lstrip()))
    return (begin, begin + len(text[:comma].rstrip())), (role_start, begin + len(text))


def _entry(source: str, lines: list[Line], index: int, limit: int) -> tuple[Quotation, int]:
    """Parse the entry opening at `lines[index]`; return it and the next line index."""
    line = lines[index]
    opening = _body_start(line)
    closing = _closing_offset(source, opening, limit, line)
    last = index
    while lines[last].end < closing:
        last += 1
    inner = source[opening + 1 : closing]
    start = opening + 1 + (len(inner) - len(inner.lstrip()))
    end = start + len(inner.strip())
    if start >= end:
        raise BriefError("empty quotation", line=line.number, column=opening - line.start + 1)
    rest_start = closing + 1
    rest = source[rest_start : lines[last].end].strip(" ,.")
    if rest[:1] in ("—", "–", "―", "-", "~"):
        attribution_span = (rest_start, lines[last].end)
        after = last + 1
    else:
        after = last + 1
        if after >= len(lines) or starts_quote(source, lines[after]):
            raise BriefError(
                "Official Statements entry has no attribution line after its quotation",
                line=line.number,
            )
        attribution_span = (lines[after].start, lines[after].end)
        after += 1
    name, role = _attribution(source, *attribution_span)
    if name[0] >= name[1]:
        raise BriefError("attribution line names nobody", line=lines[after - 1].number)
    return Quotation(start, end, line.number, name, role), after


def starts_quote(source: str, line: Line) -> bool:
    """True when the line (after `>` or a bullet) opens with a quotation mark."""
    body = _body_start(line)
    return body < line.end and source[body] in _CLOSING


def parse_quotations(source: str, section: Section) -> tuple[list[Quotation], list[Line]]:
    """The section's entries, plus its prose lines that belong to no entry.

    Raises BriefError for an entry with no attribution line or an unclosed quotation.
    """
    lines = [line for line in section.lines if not _is_empty(line)]
    quotations: list[Quotation] = []
    prose: list[Line] = []
    index = 0
    while index < len(lines):
        if starts_quote(source, lines[index]):
            quotation, index = _entry(source, lines, index, section.span[1])
            quotations.append(quotation)
        else:
            prose.append(lines[index])
            index += 1
    return quotations, prose


_ABOUT = re.compile(r"\b(?:for|to)(?:[ \t]+the)?[ \t]+$")


def attribution_mentions(
    source: str, quotation: Quotation, index: TokenIndex | None = None
) -> tuple[Mention | None, list[Mention]]:
    """The speaker mention of an attribution line and every mention in its role.

    A speaker named by one word only ('— Zakharova') is still a person here, and the role
    lends the speaker a title ('President of France' -> 'President') and a country. The
    role's words are taken from `index` (the brief's `TokenIndex`) when it is given.
    """
    role_mentions = find_mentions(source, *quotation.role, index=index) if quotation.role else []
    named = find_mentions(source, *quotation.name)
    speaker = next((m for m in named if m.kind is ActorKind.person), None)
    speaker = speaker or next(iter(named), None)
    if (
        speaker is not None
        and speaker.kind is ActorKind.person
        and _issued(source, quotation)
        and not _a_persons_name(speaker.surface)
    ) or (
        speaker is not None
        and speaker.kind is not ActorKind.person
        and _issued(source, quotation)
        and _cut(source, quotation, speaker)
    ):
        speaker = _issuer(source, quotation, speaker)
    if speaker is not None and speaker.kind is ActorKind.person:
        title, country = _role_details(source, quotation, role_mentions)
        speaker = Mention(
            ActorKind.person,
            speaker.start,
            speaker.end,
            speaker.surface,
            speaker.name,
            title=speaker.title or title,
            country=speaker.country or country,
            titled=True,
            evidence=True,
        )
    return speaker, role_mentions


def _issued(source: str, quotation: Quotation) -> bool:
    """Whether the role names a document the speaker issued ('statement issued in Juba',
    'editorial'): the speaker is a body, never a person, who would be given a role."""
    return quotation.role is not None and bool(_DOCUMENT_ROLE.match(source, quotation.role[0]))


def _cut(source: str, quotation: Quotation, speaker: Mention) -> bool:
    """Whether a body or a country read in an attribution line is shorter than the name
    written ('China News Agency' of '— New China News Agency, commentary issued in Beijing')."""
    start, end = quotation.name
    written = " ".join(_ATTRIBUTION_PREFIX.sub("", source[start:end]).split())
    if "(" in written:
        return False  # an acronym in brackets after the name: the reader has read it
    return len(written) > len(" ".join(speaker.surface.split())) and written[:1].isupper()


def _a_persons_name(name: str) -> bool:
    """'Josep Borrell' of '— Josep Borrell, statement on behalf of the EU': a known given name
    first, unless an organisation or a newspaper word ends the name ('Solomon Star')."""
    words, parts = lexicon(), name.split()
    if not parts or parts[0] not in words.given_names:
        return False
    return parts[-1].casefold() not in words.org_heads and parts[-1] not in _PRESS_WORDS


def _issuer(source: str, quotation: Quotation, speaker: Mention) -> Mention:
    """The body issuing a statement, named by the whole name of the attribution line
    ('Bangladesh Sangbad Sangstha', which the run reader cuts at the country)."""
    start, end = quotation.name
    text = source[start:end]
    prefix = _ATTRIBUTION_PREFIX.match(text)
    start += prefix.end() if prefix else 0
    end -= len(text) - len(text.rstrip())
    if not start <= speaker.start < speaker.end <= end:
        start, end = speaker.start, speaker.end
    name = " ".join(source[start:end].split())
    return Mention(ActorKind.organization, start, end, source[start:end], name)


def _role_details(
    source: str, quotation: Quotation, role_mentions: list[Mention]
) -> tuple[str | None, str | None]:
    if quotation.role is None:
        return None, None
    title = title_at(source, *quotation.role)
    country = next((m.country for m in role_mentions if m.country and _own(source, m)), None)
    return title, country


def _own(source: str, mention: Mention) -> bool:
    """A country the role belongs to ('President of France'), not the one it is about
    ('Special Envoy for Syria', 'Ambassador to Japan')."""
    return _ABOUT.search(source, max(0, mention.start - 12), mention.start) is None

"""Finding the title, the Lead and the section headings, and splitting a brief into sections.

Heading rule (documented in docs/parsing.md): a line whose name is a known section name
(any case, optional Markdown `#`s, optional `**`, optional trailing colon, `&` or `and`) is
always a heading. Any other line is an extra heading when it starts with Markdown `#`s, or
when it is short (at most five words), starts with a capital, has no comma, quotation mark
or terminal punctuation, is not a bullet, and is followed by more content. A line right
after a quotation in Official Statements is its attribution, never a heading. In a brief
that sets parts apart with blank lines, such an unknown line must also be followed by a
blank line (otherwise it is the first line of a wrapped paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.errors import BriefError
from app.parsing.document.source import Line
from app.parsing.lexicon.files import load_data
from app.vocabulary import SectionKind

# Heading name (folded as `heading_name` folds it) -> kind: one line a way of writing it.
_KNOWN = {name: SectionKind(kind) for name, kind in load_data("sections.json")["headings"].items()}
_MARKUP = re.compile(
    r"^(?P<hashes>#{1,6})?\s*(?:\*\*|__)?(?P<name>.*?)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?$"
)
_LEAD = re.compile(
    r"^(?:#{1,6}\s*)?(?:\*\*|__)?(?P<name>lead)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*", re.I
)
_BULLET = re.compile(r"^\s*(?:[-*•–—]|\d{1,3}[.)])\s+")
_QUOTE_START = re.compile(r"^\s*(?:>\s*)?(?:[-*•]\s+)?[\"“«„]")
_QUOTE_CHARS = re.compile('["“”«»„]')
_MARKS = re.compile(r"[#*_:\n]")  # text with none of these is its own heading name
_LONGEST_HEADING = 80
_TERMINAL = re.compile(r"[.!?;,…]$")


@dataclass(frozen=True, slots=True)
class Section:
    """One part of a brief: its name as written, its kind, and its content lines."""

    name: str
    kind: SectionKind
    heading: Line | None
    lines: tuple[Line, ...]
    span: tuple[int, int]

    @property
    def content(self) -> tuple[Line, ...]:
        """Content lines that are not blank."""
        return tuple(line for line in self.lines if line.stripped)


def heading_name(text: str) -> tuple[str, str] | None:
    """Return (name as written, lookup key) of a heading-shaped line, or None."""
    stripped = text.strip()
    if not stripped:
        return None
    if _MARKS.search(stripped) is None:
        name = stripped  # what `_MARKUP` gives for most lines, after much backtracking
    else:
        match = _MARKUP.match(stripped)
        if match is None or not match["name"]:
            return None
        name = match["name"].strip().rstrip(":").strip()
    key = " ".join(name.casefold().replace("&", " and ").split())
    return name, key


def known_kind(text: str) -> SectionKind | None:
    """Kind of a known section heading, or None when `text` is not one."""
    parsed = heading_name(text)
    return _KNOWN.get(parsed[1]) if parsed else None


def is_markdown_heading(text: str) -> bool:
    """True for `## Heading` lines (one to six `#` then a space)."""
    return re.match(r"^#{1,6}\s+\S", text) is not None


def _looks_like_extra_heading(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 5
        and text[0].isupper()
        and "," not in text
        and _QUOTE_CHARS.search(text) is None
        and _TERMINAL.search(text) is None
        and _BULLET.match(text) is None
        and not text.startswith(">")
    )


def lead_text_start(line: Line) -> int | None:
    """Offset where the Lead's text starts when `line` is a Lead line, else None."""
    if "lead" not in line.text[:16].casefold():
        return None
    match = _LEAD.match(line.text.lstrip())
    if match is None:
        return None
    return line.start + (len(line.text) - len(line.text.lstrip())) + match.end()


def is_bullet(text: str) -> bool:
    """True when `text` starts with a bullet marker (`- `, `* `, `• `, `– `, `1. `)."""
    return _BULLET.match(text) is not None


def bullet_marker_length(text: str) -> int:
    """Length of the bullet marker (with its spaces) at the start of `text`, 0 if none."""
    match = _BULLET.match(text)
    return match.end() if match else 0


def starts_quotation(text: str) -> bool:
    """True when `text` opens with a quotation mark (after `>` or a bullet)."""
    return _QUOTE_START.match(text) is not None


def _title_line(lines: list[Line]) -> Line | None:
    first = next((line for line in lines if line.stripped), None)
    if first is None or lead_text_start(first) is not None or known_kind(first.text):
        return None
    text = first.stripped
    if re.match(r"^#\s+\S", text) or not (text.startswith("#") or is_bullet(text)):
        return first
    return None


def _title_section(line: Line) -> Section:
    text = line.stripped
    offset = line.start + line.text.index(text)
    cleaned = re.sub(r"^#\s+", "", text).strip("*_ ").strip()
    cleaned_start = offset + text.index(cleaned) if cleaned else offset
    title = Line(line.number, cleaned_start, cleaned)
    return Section("Title", SectionKind.title, None, (title,), (title.start, title.end))


@dataclass(slots=True)
class _Open:
    name: str
    kind: SectionKind
    heading: Line
    lines: list[Line]

    def close(self) -> Section:
        content = [line for line in self.lines if line.stripped]
        start = self.heading.start + (len(self.heading.text) - len(self.heading.text.lstrip()))
        end = _stripped_end(content[-1]) if content else _stripped_end(self.heading)
        return Section(self.name, self.kind, self.heading, tuple(self.lines), (start, end))


def _stripped_end(line: Line) -> int:
    return line.start + len(line.text.rstrip())


def _is_structural(line: Line) -> bool:
    return (
        lead_text_start(line) is not None
        or known_kind(line.text) is not None
        or is_markdown_heading(line.stripped)
    )


def _heading_at(
    lines: list[Line], index: int, after_quote: bool, blank_separated: bool
) -> tuple[str, SectionKind] | None:
    line = lines[index]
    if len(line.text) > _LONGEST_HEADING and not line.text.lstrip().startswith("#"):
        return None  # a quick exit: most lines are long prose
    parsed = heading_name(line.text)
    if parsed is None:
        return None
    kind = _KNOWN.get(parsed[1])
    if kind is not None:
        return parsed[0], kind
    if is_markdown_heading(line.stripped):
        return parsed[0], SectionKind.extra
    if after_quote or not _looks_like_extra_heading(line.stripped):
        return None
    following = next((ln for ln in lines[index + 1 :] if ln.stripped), None)
    if following is None or _is_structural(following):
        return None
    if blank_separated and lines[index + 1].stripped:
        return None  # where parts are set apart by blank lines, this is a wrapped line
    return parsed[0], SectionKind.extra


def _open_lead(line: Line) -> _Open:
    start = lead_text_start(line)
    assert start is not None  # only called for Lead lines
    match = _LEAD.match(line.text.lstrip())
    name = match["name"] if match else "Lead"
    rest = line.text[start - line.start :]
    opened = _Open(name, SectionKind.lead, line, [])
    if rest.strip():
        lead_start = start + (len(rest) - len(rest.lstrip()))
        opened.lines.append(Line(line.number, lead_start, rest.strip()))
    return opened


class _Seen:
    """Rejects a second section of the same kind (or extra section of the same name)."""

    def __init__(self) -> None:
        self._keys: set[str] = set()

    def add(self, opened: _Open) -> None:
        key = opened.kind.value if opened.kind is not SectionKind.extra else "x:" + opened.name
        if key.casefold() in self._keys:
            indent = len(opened.heading.text) - len(opened.heading.text.lstrip())
            raise BriefError(
                f"duplicated section '{opened.name}'",
                line=opened.heading.number,
                column=indent + 1,
            )
        self._keys.add(key.casefold())


def split_sections(lines: list[Line], blank_separated: bool = False) -> list[Section]:
    """Split the brief into its title, Lead and sections, in file order.

    `blank_separated` says the writer sets parts apart with blank lines; then an unknown
    short line is a heading only when a blank line follows it.
    Raises BriefError for a duplicated section, a brief with no Lead and no known section,
    and a brief that ends right after a heading (truncated).
    """
    title = _title_line(lines)
    sections = [_title_section(title)] if title else []
    current: _Open | None = None
    seen = _Seen()
    for index, line in enumerate(lines):
        if line is title or not line.stripped:
            if current is not None:
                current.lines.append(line)
            continue
        after_quote = current is not None and _ends_in_quotation(current)
        opened = _open_lead(line) if lead_text_start(line) is not None else None
        head = None if opened else _heading_at(lines, index, after_quote, blank_separated)
        if head is not None:
            opened = _Open(head[0], head[1], line, [])
        if opened is not None:
            seen.add(opened)
            if current is not None:
                sections.append(current.close())
            current = opened
        elif current is not None:
            current.lines.append(line)
    if current is not None:
        sections.append(current.close())
    _check_complete(sections)
    return sections


def _ends_in_quotation(opened: _Open) -> bool:
    if opened.kind is not SectionKind.official_statements:
        return False
    last = next((line for line in reversed(opened.lines) if line.stripped), None)
    return last is not None and _QUOTE_CHARS.search(last.text) is not None


def _check_complete(sections: list[Section]) -> None:
    known = [s for s in sections if s.kind not in (SectionKind.title, SectionKind.extra)]
    if not known:
        raise BriefError("no Lead and no known section: this does not look like a brief")
    last = sections[-1]
    if last.heading is not None and not last.content:
        raise BriefError(
            f"section '{last.name}' has no content: the file ends right after its heading",
            line=last.heading.number,
        )

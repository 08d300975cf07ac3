"""Decoding and normalising raw brief text, and mapping offsets back to lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import partial
from typing import NamedTuple

from app.errors import BriefError, BriefTooLargeError

_BOM = "\ufeff"
# Control characters other than tab/newline mean the file is binary, not text; lone
# surrogates can only come from a `str` built outside a UTF-8 decoder.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def check_size(raw: bytes | str, max_bytes: int) -> None:
    """Raise BriefTooLargeError when `raw` is larger than `max_bytes` bytes of UTF-8."""
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise BriefTooLargeError(f"brief is {size} bytes, over the {max_bytes}-byte limit")


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start]
        line = head.count(b"\n") + 1
        column = exc.start - (head.rfind(b"\n") + 1) + 1
        raise BriefError(
            f"not UTF-8 text: invalid byte 0x{raw[exc.start]:02x}", line=line, column=column
        ) from None


def normalise_source(raw: bytes | str) -> str:
    """Return the brief as text: UTF-8 decoded, BOM removed, CRLF and CR turned into LF.

    Raises BriefError (with the line of the first bad byte) for input that is not UTF-8 text.
    """
    text = _decode(raw) if isinstance(raw, bytes) else raw
    if text.startswith(_BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _reject_binary(text, raw)
    return text


def _reject_binary(text: str, raw: bytes | str) -> None:
    # Decoded UTF-8 holds no surrogates, and its control characters are bytes of their own:
    # when `raw` has none, neither has `text`, and deleting none is cheaper than the search.
    if isinstance(raw, bytes) and len(raw.translate(None, _CONTROL_BYTES)) == len(raw):
        return
    found = _FORBIDDEN.search(text)
    if found:
        line, column = LineIndex(text).position(found.start())
        raise BriefError(
            f"not text: control character U+{ord(found.group()):04X}", line=line, column=column
        )


class Line(NamedTuple):
    """One line of the normalised source, without its newline (a NamedTuple, like `Token`:
    a frozen dataclass costs several times more to build, for every line of every brief)."""

    number: int
    start: int
    text: str

    @property
    def end(self) -> int:
        """Offset just past the line's last character."""
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        """The line without surrounding whitespace."""
        return self.text.strip()


_new_line = partial(tuple.__new__, Line)  # `Line(...)` runs a Python `__new__` per line


def split_lines(text: str) -> list[Line]:
    """Split on LF only, so offsets stay exact (str.splitlines also splits on U+2028 etc.)."""
    lines: list[Line] = []
    start = 0
    for number, chunk in enumerate(text.split("\n"), start=1):
        lines.append(_new_line((number, start, chunk)))
        start += len(chunk) + 1
    return lines


class LineIndex:
    """Maps character offsets to 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of `offset`."""
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

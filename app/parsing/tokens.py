"""Word tokens with exact offsets, and capitalised runs of them (candidate names)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Any, NamedTuple

# Words with inner dots, hyphens and apostrophes ("U.S.", "Jae-in", "O’Brien", "Zelenskyy’s");
# `_trimmed` then drops trailing punctuation. One simple pattern keeps the scan fast.
_TOKEN = re.compile(r"\w[\w’'.\-]*")
_DOTTED_PREFIX = re.compile(r"(?:[A-Za-z]\.){2,}")
_SPACE = re.compile(r"[ \t]*\n?[ \t]*")
_ARABIC_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az|abu|abd)-[^\W\d_]", re.I)
_ABBREVIATED = frozenset(
    [
        "Gen",
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Lt",
        "Col",
        "Maj",
        "Capt",
        "Sgt",
        "Adm",
        "Sen",
        "Rep",
        "Gov",
        "Prof",
        "St",
        "Jr",
        "Sr",
    ]
)
PARTICLES = frozenset(
    [
        "da",
        "de",
        "dos",
        "das",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "bin",
        "ibn",
        "bint",
        "al",
        "el",
        "ter",
        "zu",
        "du",
    ]
)


class Token(NamedTuple):
    """A word: `end` excludes a possessive `’s`, `outer` includes it.

    `folded` is the lowercase form for vocabulary lookups; `capitalised` is true for words
    that can be part of a name ('Kim', 'U.S.', 'al-Assad'). Both are computed once here
    because the recogniser asks for them many times per token (a NamedTuple because
    tokens are created by the thousand and a frozen dataclass is slow to build).
    """

    start: int
    end: int
    outer: int
    text: str
    possessive: bool
    folded: str
    capitalised: bool


def _trimmed(text: str) -> str:
    """A word without trailing dots, dashes and apostrophes, except a dotted acronym."""
    dotted = _DOTTED_PREFIX.match(text) if text[1:2] == "." else None
    return dotted.group() if dotted else text.rstrip(".’'-")


def _upper_class() -> str:
    """A regex class of the uppercase letters of Latin, Greek and Cyrillic, as ranges."""
    ranges: list[list[int]] = []
    for code in (c for c in range(0x41, 0x530) if chr(c).isupper()):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


def _trie(words: frozenset[str]) -> str:
    """An alternation of `words` factored by prefix, which `re` matches much faster."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(tree)


def _trie_node(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@cache
def _selective(keep: frozenset[str]) -> re.Pattern[str]:
    """Matches only capitalised words, Arabic-style prefixed names ('al-Assad') and the
    lowercase words in `keep`, so the regex engine, not Python, skips all other words."""
    edge = r"(?<![\w’'\-])"
    return re.compile(
        rf"[{_upper_class()}][\w’'.\-]*"
        rf"|{edge}(?:al|el|ad|as|ash|an|ar|at|az|abu|abd)-[^\W\d_][\w’'.\-]*"
        rf"|{edge}{_trie(keep)}(?![\w’'\-])"
    )


def tokenize(source: str, start: int, end: int, keep: frozenset[str] | None = None) -> list[Token]:
    """Tokens of `source[start:end]` with offsets into `source`.

    With `keep`, lowercase words not in it (and numbers) are left out: the recogniser only
    looks at capitals and a known set of small words, and skipping the rest makes it
    several times faster. A left-out word still separates its neighbours, as `adjacent`
    reads the gap's text.
    """
    tokens: list[Token] = []
    append = tokens.append
    pattern = _TOKEN if keep is None else _selective(keep)
    for match in pattern.finditer(source, start, end):
        text = match.group()
        first = text[0]
        if first.isdigit() or first == "_":
            continue
        begin = match.start()
        if text[-1] in ".’'-" or text[1:2] == ".":
            text = _trimmed(text)
            if not text:
                continue
        stop = begin + len(text)
        possessive = len(text) > 2 and (text[-2:] == "’s" or text[-2:] == "'s")
        if possessive:
            text = text[:-2]
        elif (
            stop < end
            and source[stop] == "."
            and ((len(text) == 1 and text.isupper()) or text in _ABBREVIATED)
        ):
            text, stop = text + ".", stop + 1
        if first.isupper():
            capitalised = True
        else:
            capitalised = "-" in text[:4] and _ARABIC_PREFIX.match(text) is not None
        append(
            Token(begin, begin + len(text), stop, text, possessive, text.casefold(), capitalised)
        )
    return tokens


def adjacent(source: str, left: Token, right: Token) -> bool:
    """True when only spaces (and at most one line break) separate two tokens."""
    if left.outer == right.start:
        return False
    found = _SPACE.match(source, left.outer, right.start)
    return found is not None and found.end() == right.start


class TokenIndex:
    """The whole source tokenised once; spans take their tokens from it by bisection."""

    def __init__(self, source: str, keep: frozenset[str] | None = None) -> None:
        self.tokens = tokenize(source, 0, len(source), keep)
        self._starts = [token.start for token in self.tokens]

    def within(self, start: int, end: int) -> list[Token]:
        """Tokens wholly inside `[start, end)`."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end, first)
        while last > first and self.tokens[last - 1].outer > end:
            last -= 1
        return self.tokens[first:last]

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
_OF_HEADS = frozenset(
    [
        "ministry",
        "minister",
        "secretary",
        "coalition",
        "council",
        "department",
        "court",
        "bank",
        "organization",
        "organisation",
        "league",
        "union",
        "republic",
        "kingdom",
        "states",
        "commission",
        "assembly",
        "house",
        "office",
        "chamber",
        "board",
        "bureau",
        "federation",
        "committee",
        "association",
        "community",
        "agency",
        "president",
        "head",
        "chief",
        "director",
        "governor",
        "prince",
        "king",
        "queen",
        "emir",
        "sultan",
        "party",
        "institute",
        "fund",
        "ministers",
        "alliance",
        "government",
        "people’s",
        "people's",
        "forces",
        "army",
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
    pattern = _TOKEN if keep is None else _selective(keep)
    for match in pattern.finditer(source, start, end):
        text = match.group()
        first = text[0]
        if text[-1] in ".’'-" or text[1:2] == ".":
            text = _trimmed(text)
        if not text or first.isdigit() or first == "_":
            continue
        begin = match.start()
        stop = begin + len(text)
        possessive = len(text) > 2 and text[-2:] in ("’s", "'s")
        if possessive:
            text = text[:-2]
        elif (
            stop < end
            and source[stop] == "."
            and (text in _ABBREVIATED or (len(text) == 1 and text.isupper()))
        ):
            text, stop = text + ".", stop + 1
        capitalised = text[0].isupper() or (
            "-" in text[:4] and _ARABIC_PREFIX.match(text) is not None
        )
        tokens.append(
            Token(begin, begin + len(text), stop, text, possessive, text.casefold(), capitalised)
        )
    return tokens


def adjacent(source: str, left: Token, right: Token) -> bool:
    """True when only spaces (and at most one line break) separate two tokens."""
    if left.outer == right.start:
        return False
    found = _SPACE.match(source, left.outer, right.start)
    return found is not None and found.end() == right.start


def run_end(source: str, tokens: list[Token], first: int, title_end: TitleEnd) -> int:
    """Index just past the capitalised run starting at `tokens[first]`.

    A run continues over adjacent capitalised words, name particles between capitals
    ('Lula da Silva', 'von der Leyen'), 'of'/'for' (+ 'the') after an institution or office
    word ('Coalition of the Willing'), and lowercase office words before a capital
    ('Kremlin spokesman Dmitry Peskov').
    """
    last = first
    while True:
        nxt = _continuation(source, tokens, last, title_end)
        if nxt is None:
            return last + 1
        last = nxt


def _continuation(source: str, tokens: list[Token], last: int, title_end: TitleEnd) -> int | None:
    index = last + 1
    if index >= len(tokens) or not adjacent(source, tokens[last], tokens[index]):
        return None
    word = tokens[index]
    if word.capitalised:
        return index
    skip = index
    if word.folded in PARTICLES:
        while skip < len(tokens) and tokens[skip].folded in PARTICLES and skip - index < 2:
            skip += 1
    elif word.folded in ("of", "for") and tokens[last].folded in _OF_HEADS:
        skip = index + 1
        if skip < len(tokens) and tokens[skip].folded == "the":
            skip += 1
    else:
        skip = title_end(tokens, index, lowercase=True) or index
    if skip == index or skip >= len(tokens):
        return None
    linked = all(adjacent(source, tokens[k], tokens[k + 1]) for k in range(last, skip))
    return skip if linked and tokens[skip].capitalised else None


class TitleEnd:
    """Finds the end of an office title ('Foreign Minister', 'Crown Prince') at a token."""

    def __init__(self, heads: frozenset[str], modifiers: frozenset[str]) -> None:
        self.heads = heads
        self.modifiers = modifiers
        self.words = heads | modifiers

    def __call__(
        self, tokens: list[Token], index: int, *, lowercase: bool = False, stop: int = -1
    ) -> int | None:
        """Index just past the longest title in `tokens[index:stop]`, or None."""
        last_head = None
        cursor = index
        stop = len(tokens) if stop < 0 else stop
        while cursor < stop:
            token = tokens[cursor]
            word = token.folded
            if lowercase and token.text != word:
                break
            if word not in self.heads and word not in self.modifiers:
                break
            if word in self.heads:
                last_head = cursor
            cursor += 1
            if token.possessive:
                break
        return None if last_head is None else last_head + 1


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

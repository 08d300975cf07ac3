"""Word tokens with exact offsets, and capitalised runs of them (candidate names)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from typing import NamedTuple

from app.parsing.lexicon.files import load_data
from app.parsing.names.scanning import ARTICLE_PREFIXES, GLOTTAL_STOPS, selected_words, trie

# Words with inner dots, hyphens and apostrophes ("U.S.", "Jae-in", "O’Brien", "Zelenskyy’s");
# `_trimmed` then drops trailing punctuation. One simple pattern keeps the scan fast.
_TOKEN = re.compile(r"\w[\w’‘'.\-]*")
_DOTTED_PREFIX = re.compile(r"(?:[A-Za-z]\.){2,}")
_SPACE = re.compile(r"[ \t]*\n?[ \t]*")
_NAMES = load_data("names.json")
_ABBREVIATED = frozenset(_NAMES["abbreviated_titles"])
PARTICLES = frozenset(_NAMES["particles"])
# The participles and nouns that make a capitalised word an adjective ('the Hamas-run
# ministry', 'an Iran-backed militia', 'a Falklands War-era plan'): no part of a name.
_ADJECTIVE_ENDINGS = frozenset(
    ("run", "led", "backed", "based", "controlled", "owned", "held", "dominated", "aligned",
     "linked", "allied", "sponsored", "funded", "era")
)  # fmt: skip
_ARABIC_PREFIX = re.compile(rf"^(?:{trie(ARTICLE_PREFIXES)})-[^\W\d_]", re.I)


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


# What a matched word gives, whatever its offset: (length, length with a possessive, text,
# possessive, folded, capitalised, takes a following period), or () for a number. The same
# words recur in every brief.
_Shape = tuple[int, int, str, bool, str, bool, bool] | tuple[()]
_shapes: dict[str, _Shape] = {}
_SHAPES_LIMIT = 16_384
# `Token(...)`, and even `Token._make`, run a Python function per token; `tuple.__new__`
# bound to the class does not, and a brief has hundreds of tokens.
_new_token = partial(tuple.__new__, Token)


def _shape_of(raw: str) -> _Shape:
    first = raw[0]
    text = raw
    if first.isdigit() or first == "_":
        text = ""
    elif text[-1] in ".’'-" or text[1:2] == ".":
        text = _trimmed(text)
    possessive = len(text) > 2 and (text[-2:] == "’s" or text[-2:] == "'s")
    if possessive:
        text = text[:-2]
    abbreviation = not possessive and ((len(text) == 1 and text.isupper()) or text in _ABBREVIATED)
    capitalised = (
        first.isupper()
        or (first in GLOTTAL_STOPS and text[1:2].isupper())  # 'ʻAkilisi': the Polynesian ʻokina
        or ("-" in text[:4] and _ARABIC_PREFIX.match(text) is not None)
    )
    if capitalised and "-" in text and text[text.rfind("-") + 1 :] in _ADJECTIVE_ENDINGS:
        capitalised = False  # 'Hamas-run': an adjective
    outer = len(text) + 2 if possessive else len(text)
    shape: _Shape = ()
    if text:
        shape = (len(text), outer, text, possessive, text.casefold(), capitalised, abbreviation)
    if len(_shapes) >= _SHAPES_LIMIT:
        _shapes.clear()
    _shapes[raw] = shape
    return shape


def tokenize(source: str, start: int, end: int, keep: frozenset[str] | None = None) -> list[Token]:
    """Tokens of `source[start:end]` with offsets into `source`.

    With `keep`, lowercase words not in it (and numbers) are left out: the recogniser only
    looks at capitals and a known set of small words, and skipping the rest makes it
    several times faster. A left-out word still separates its neighbours, as `adjacent`
    reads the gap's text.
    """
    tokens: list[Token] = []
    append, new = tokens.append, _new_token
    if keep is None:
        words = [(match.start(), match.group()) for match in _TOKEN.finditer(source, start, end)]
    else:
        words = selected_words(source, start, end, keep)
    for begin, raw in words:
        shape = _shapes.get(raw)
        if shape is None:
            shape = _shape_of(raw)
        if not shape:
            continue  # a number, or nothing left once trimmed
        length, outer, text, possessive, folded, capitalised, abbreviation = shape
        stop = begin + length
        if abbreviation and stop < end and source[stop] == ".":  # 'Gen.', 'W.': capitalised
            append(new((begin, stop + 1, stop + 1, text + ".", False, folded + ".", True)))
        else:
            append(new((begin, stop, begin + outer, text, possessive, folded, capitalised)))
    return tokens


def first_word_from(source: str, start: int, end: int, prefix: str) -> int | None:
    """Offset of the first word (as `tokenize` reads words, without `keep`) in
    `source[start:end]` that starts with `prefix` in any case, or None. Tokenising from
    there gives the same tokens as tokenising from `start`, minus the earlier ones."""
    width = len(prefix)
    for match in _TOKEN.finditer(source, start, end):
        if match.group()[:width].casefold() == prefix:
            return match.start()
    return None


def adjacent(source: str, left: Token, right: Token) -> bool:
    """True when only spaces (and at most one line break) separate two tokens."""
    gap = right.start - left.outer
    # Most gaps are one space, or a space and a skipped word: no regex needed for either.
    if gap <= 0 or source[left.outer] not in " \t\n":
        return False
    if gap == 1:
        return True
    if source[left.outer + 1] not in " \t\n":
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

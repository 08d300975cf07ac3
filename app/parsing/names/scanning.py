"""Which words the tokeniser reads when it may skip most lowercase words: the regex scans.

`selected_words` finds capitalised words, Arabic-style prefixed names ('al-Assad') and a
given set of lowercase words, leaving the skipping of all other words to `re`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from app.parsing.lexicon.files import load_data


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


def trie(words: frozenset[str]) -> str:
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


_WORD_TAIL = r"[\w’‘'.\-]*"
# Arabic-style prefixes that make a lowercase word part of a name ('al-Assad').
ARTICLE_PREFIXES = frozenset(load_data("names.json")["article_prefixes"])
_PREFIXED = rf"{trie(ARTICLE_PREFIXES)}-[^\W\d_]{_WORD_TAIL}"  # as a trie, tried faster
_EDGE = r"[\w’'\-]"  # a word start is not preceded by one of these
# The glottal stop opening a Polynesian name before its capital: 'ʻAkilisi' (the ʻokina).
GLOTTAL_STOPS = "ʻʼ"
_GLOTTAL = f"[{GLOTTAL_STOPS}]"


@cache
def _selective(keep: frozenset[str]) -> re.Pattern[str]:
    """Matches only capitalised words, Arabic-style prefixed names ('al-Assad') and the
    lowercase words in `keep`, so the regex engine, not Python, skips all other words."""
    return re.compile(
        rf"{_GLOTTAL}?[{_upper_class()}]{_WORD_TAIL}"
        rf"|(?<!{_EDGE}){_PREFIXED}"
        rf"|(?<!{_EDGE}){trie(keep)}(?!{_EDGE})"
    )


@cache
def _split_scans(keep: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """`_selective` as scans that `re` runs several times faster, as each opens with a set
    of characters it can skip to: capitalised words; the same after a glottal stop (apart,
    as an optional first character leaves `re` nothing to skip to: twice the time); the
    other branches matched with the character before the word (group 1 is the word); plus
    the latter anchored, for a word at the very start of the source."""
    firsts = re.escape("".join(sorted({word[0] for word in keep} | {"a", "e"})))
    small = rf"(?=[{firsts}])({_PREFIXED}|{trie(keep)}(?!{_EDGE}))"
    return (
        re.compile(rf"[{_upper_class()}]{_WORD_TAIL}"),
        re.compile(rf"{_GLOTTAL}[{_upper_class()}]{_WORD_TAIL}"),
        re.compile(rf"[^\w’'\-]{small}"),
        re.compile(small),
    )


def selected_words(
    source: str, start: int, end: int, keep: frozenset[str]
) -> list[tuple[int, str]]:
    """What `_selective` finds in `source[start:end]`: (offset, word) pairs.

    The scans' matches are merged in order, dropping one that starts inside an earlier
    match ('Akilisi' inside 'ʻAkilisi'). Where a dropped match runs past that earlier match,
    its scan skipped text the single pattern would have read ('X.attorney general'), so the
    single pattern is used.
    """
    capitals, glottal, small, anchored = _split_scans(keep)
    # (offset, word) pairs: a match ends where its word does, so a pair says where it stops,
    # and the pairs kept are the ones built here (hundreds a brief), not copies.
    found = [(m.start(), m.group()) for m in capitals.finditer(source, start, end)]
    found += [(m.start(1), m[1]) for m in small.finditer(source, max(start - 1, 0), end)]
    if start == 0 and (first := anchored.match(source, 0, end)):
        found.append((0, first[1]))
    if any(source.find(stop, start, end) >= 0 for stop in GLOTTAL_STOPS):
        found += [(m.start(), m.group()) for m in glottal.finditer(source, start, end)]
    found.sort()
    words: list[tuple[int, str]] = []
    done = start
    for word in found:
        begin, text = word
        if begin >= done:
            words.append(word)
            done = begin + len(text)
        elif begin + len(text) > done:
            pattern = _selective(keep)
            return [(m.start(), m.group()) for m in pattern.finditer(source, start, end)]
    return words

"""Where a capitalised run (a candidate name) ends, and office titles inside it."""

from __future__ import annotations

from app.parsing.lexicon.files import load_data
from app.parsing.names.tokens import PARTICLES, Token, adjacent

_TITLES = load_data("titles.json")
_OF_HEADS = frozenset(_TITLES["of_heads"])
# Plural office words that are more often verbs ('she heads the mission').
_VERB_LIKE = frozenset(_TITLES["verb_like_plurals"])
# 'Ambassador to Japan', 'Special Envoy to the Sahel'.
_TO_HEADS = frozenset(_TITLES["to_heads"])
_LONGEST_NAME = 4  # words of a known organisation's name looked at after ' and '


def run_end(
    source: str,
    tokens: list[Token],
    first: int,
    title_end: TitleEnd,
    org_heads: frozenset[str] = frozenset(),
    org_names: frozenset[str] = frozenset(),
) -> int:
    """Index just past the capitalised run starting at `tokens[first]`.

    A run continues over adjacent capitalised words, name particles between capitals
    ('Lula da Silva', 'von der Leyen'), 'of'/'for' (+ 'the') after an institution or office
    word ('Coalition of the Willing'), 'and' when capitalised words ending in one of
    `org_heads` follow ('Social Democratic and Labour Party') and do not open a known
    organisation's name in `org_names` ('the Prime Minister and European Commission
    President' names two), and lowercase office words
    before a capital ('Kremlin spokesman Dmitry Peskov').
    """
    last, count = first, len(tokens)
    while last + 1 < count:
        left, right = tokens[last], tokens[last + 1]
        # The gap decides which continuation can apply: spaces, or ' and ' (neither, mostly).
        if adjacent(source, left, right):
            nxt = _continuation(source, tokens, last, title_end)
        elif (
            org_heads
            and source[left.outer : right.start] == " and "
            and not _titled_name(tokens, first, last, title_end, org_heads)
        ):
            nxt = _and_continuation(source, tokens, (first, last), org_heads, org_names)
        else:
            nxt = None
        if nxt is None:
            break
        last = nxt
    return last + 1


def _and_continuation(
    source: str,
    tokens: list[Token],
    run: tuple[int, int],
    org_heads: frozenset[str],
    org_names: frozenset[str],
) -> int | None:
    """Where the run (`tokens[first]` to `tokens[last]`) goes on when ' and ' follows it,
    or None."""
    first, last = run
    index = last + 1
    if tokens[last].possessive or not tokens[last].capitalised:
        return None
    if first == last and len(tokens[last].text) > 1 and tokens[last].text.isupper():
        return None  # 'NHK and People's Daily': an acronym alone is a name of its own
    if tokens[index].text == "The":
        return None  # 'The Times and The Daily Courier': a name with its own article
    for ahead in range(index, min(index + 3, len(tokens))):
        word = tokens[ahead]
        if not word.capitalised or (
            ahead > index and not adjacent(source, tokens[ahead - 1], word)
        ):
            return None
        if word.folded in org_heads:
            # 'the Casablanca Group and Monrovia Group': a second name of the same head is
            # another body, not the rest of one name.
            if word.folded == tokens[last].folded:
                return None
            break
    else:
        return None  # most gaps: no organisation word ahead, decided before the lookups
    words = [token.text for token in tokens[index : index + _LONGEST_NAME]]
    if any(" ".join(words[:length]) in org_names for length in range(1, len(words) + 1)):
        return None  # a known name after 'and' is a body of its own
    before = [token.text for token in tokens[max(first, last + 1 - _LONGEST_NAME) : index]]
    if any(" ".join(before[-length:]) in org_names for length in range(2, len(before) + 1)):
        return None  # and so is one before it: 'State Duma' + ' and Federation Council'
    return index


def _titled_name(
    tokens: list[Token], first: int, last: int, title_end: TitleEnd, org_heads: frozenset[str]
) -> bool:
    """'(Sierra Leone's) President Ahmad Tejan Kabbah' + ' and Revolutionary United Front':
    a run that ends in an office title, at its start or after a possessive, and words after
    it none of which is an organisation word, names a person; a body's name after ' and '
    is another actor."""
    opening = first
    for index in range(last - 1, first - 1, -1):
        if tokens[index].possessive:
            opening = index + 1
            break
    end = title_end(tokens, opening, stop=last + 1)
    return (
        end is not None
        and end <= last
        and not any(token.folded in org_heads for token in tokens[end : last + 1])
    )


def _continuation(source: str, tokens: list[Token], last: int, title_end: TitleEnd) -> int | None:
    """Where the run goes on when the next token is adjacent to `tokens[last]`, or None."""
    index = last + 1
    word = tokens[index]
    if word.capitalised:
        return index
    skip = index
    if word.folded in PARTICLES:
        while skip < len(tokens) and tokens[skip].folded in PARTICLES and skip - index < 2:
            skip += 1
    elif _joins_title(word.folded, tokens[last].folded) or _of_state_for(tokens, last):
        skip = index + 1
        if skip < len(tokens) and tokens[skip].folded == "the":
            skip += 1
    elif word.folded in title_end.words:
        skip = title_end(tokens, index, lowercase=True) or index
    if skip == index or skip >= len(tokens):
        return None
    linked = all(adjacent(source, tokens[k], tokens[k + 1]) for k in range(last, skip))
    return skip if linked and tokens[skip].capitalised else None


def _joins_title(word: str, previous: str) -> bool:
    """'Secretary of State', 'Envoy for Syria', 'Ambassador to Japan'."""
    if word in ("of", "for"):
        return previous in _OF_HEADS
    return word == "to" and previous in _TO_HEADS


def _of_state_for(tokens: list[Token], last: int) -> bool:
    """'Under Secretary of State for Global Affairs', 'Minister of State for Europe': an
    office 'of State' goes on over 'for'."""
    return (
        last >= 2
        and tokens[last + 1].folded == "for"
        and tokens[last].text == "State"
        and tokens[last - 1].folded == "of"
    )


def _plurals(heads: frozenset[str]) -> frozenset[str]:
    """'presidents', 'secretaries': plural office words ('former Presidents Bush and Clinton')."""
    forms = {head[:-1] + "ies" for head in heads if head.endswith("y")}
    forms |= {head + "s" for head in heads if head[-1] not in ".sy"}
    return frozenset(forms - _VERB_LIKE)


class TitleEnd:
    """Finds the end of an office title ('Foreign Minister', 'Crown Prince') at a token."""

    def __init__(self, heads: frozenset[str], modifiers: frozenset[str]) -> None:
        self.plurals = _plurals(heads)
        self.heads = heads | self.plurals
        self.modifiers = modifiers
        self.words = self.heads | modifiers

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

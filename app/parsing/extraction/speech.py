"""Reported speech: sentences in which an actor said, told, warned... something.

The speech verbs, the auxiliaries allowed before them and the nouns of an actor's
statement are in `data/speech.json`; the role words of an unnamed speaker are
`speaker_roles` in `data/titles.json`. The speaker is the actor right before the verb (adverbs and
auxiliaries allowed between), the actor after a passive 'by', the person before an
appositive (', Russia's foreign minister, said'), or the actor whose 'statement' or
'comments' did the saying. 'Ukraine's foreign minister said' names no person: the
statement is kept with no speaker rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from app.parsing.lexicon.files import load_data
from app.parsing.names.mentions import Mention
from app.parsing.names.scanning import trie
from app.parsing.names.shapes import FILLER, SPEECH_VERBS
from app.vocabulary import ActorKind

_FILLER = FILLER
_DIRECT = re.compile(rf"^\s+{_FILLER}$")
_APPOSITIVE = re.compile(rf"^,[^,;]{{1,80}},\s+{_FILLER}$")
_PASSIVE = re.compile(r"\s+by\s+(?:the\s+)?")
_STATEMENT_NOUNS = trie(frozenset(load_data("speech.json")["statement_nouns"]))
_INSTITUTIONAL = re.compile(rf"^(?:’s|'s)?\s+(?:\w+\s+)?(?:{_STATEMENT_NOUNS})\b[^;]*$")
_SPEAKER_ROLES = trie(frozenset(load_data("titles.json")["speaker_roles"]))
_ROLE_SUBJECT = re.compile(rf"(?:^|\s)(?:\w+\s+){{0,2}}(?:{_SPEAKER_ROLES})\s+{_FILLER}$")
_PRONOUN = re.compile(rf"\b(?:he|she)\s+{_FILLER}$", re.I)


# A speech verb (group 1) after a character that is not a word character. The class lists
# the ASCII word characters only, which `re` tests without Unicode lookups (`\W` made this
# scan twice as long): a letter such as 'é' before the verb is ruled out after the match.
_VERB = re.compile(rf"[^0-9A-Za-z_]({SPEECH_VERBS})\b")
_VERB_AT_START = re.compile(rf"(?:{SPEECH_VERBS})\b")
_NAME_APPOSITIVE = re.compile(rf"^,\s+{_FILLER}$")
_AFFILIATION = re.compile(r"^\s+(?:of|from|at)\s+(?:the\s+)?$")


class SpeechVerbs:
    r"""Where the speech verbs of a source are (whole words), found once for all sentences.

    One scan of the source (`_VERB`), where `\b(?:said|says|...)\b` tried at every
    character of every sentence cost a twentieth of a parse.
    """

    def __init__(self, source: str) -> None:
        verbs = _VERB.finditer(source)
        self.spans = [verb.span(1) for verb in verbs if not _is_word(source, verb.start())]
        if first := _VERB_AT_START.match(source):
            self.spans.insert(0, first.span())
        self._starts = [start for start, _ in self.spans]

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The verbs inside the sentence `[start, end)`, in order (a sentence ends before
        a space or the end of the source, so a verb there is a word in the sentence too)."""
        first = bisect_left(self._starts, start)
        return self.spans[first : bisect_left(self._starts, end, first)]


def _is_word(source: str, index: int) -> bool:
    r"""Whether `source[index]` is what `\w` matches (False outside the source)."""
    if not 0 <= index < len(source):
        return False
    char = source[index]
    return char.isalnum() or char == "_"


@dataclass(frozen=True, slots=True)
class Said:
    """A reported-speech sentence and its speaker's actor key (None when unnamed)."""

    speaker: str | None


def _speaker_before(source: str, verb: int, before: list[tuple[Mention, str]]) -> Said | None:
    mention, key = before[-1]
    gap = source[mention.end : verb]
    if _DIRECT.match(gap) or _INSTITUTIONAL.match(gap):
        owner = _owner(source, before)
        return Said(owner or key)
    for earlier, earlier_key in reversed(before[-4:]):
        if earlier.kind is not ActorKind.person:
            continue
        earlier_gap = source[earlier.end : verb]
        if _APPOSITIVE.match(earlier_gap) or _NAME_APPOSITIVE.match(earlier_gap):
            return Said(earlier_key)
    if "," not in gap and ";" not in gap and _ROLE_SUBJECT.search(gap):
        return Said(None)
    return None


def _owner(source: str, before: list[tuple[Mention, str]]) -> str | None:
    """'Dr. Lee of the Korea Institute said': the person, not their institution, speaks."""
    if len(before) < 2 or before[-1][0].kind is ActorKind.person:
        return None
    person, key = before[-2]
    gap = source[person.end : before[-1][0].start]
    return key if person.kind is ActorKind.person and _AFFILIATION.match(gap) else None


def reported_speech(
    source: str,
    span: tuple[int, int],
    mentions: list[tuple[Mention, str]],
    last_person: str | None,
    verbs: SpeechVerbs,
) -> Said | None:
    """Who speaks in the sentence `span`, if it reports speech; None if it does not.
    `verbs` are the source's speech verbs."""
    start, end = span
    for verb_start, verb_end in verbs.within(start, end):
        passive = _PASSIVE.match(source, verb_end, end)
        if passive:
            after = [(m, k) for m, k in mentions if m.start == passive.end()]
            if after:
                return Said(after[0][1])
        before = [(m, k) for m, k in mentions if m.end <= verb_start]
        said = _speaker_before(source, verb_start, before) if before else None
        if said is None and _PRONOUN.search(source, max(start, verb_start - 40), verb_start):
            said = Said(last_person)
        if said is None and not before and _ROLE_SUBJECT.search(source[start:verb_start]):
            said = Said(None)
        if said is not None:
            return said
    return None

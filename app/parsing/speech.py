"""Reported speech: sentences in which an actor said, told, warned... something.

Speech verbs (documented in docs/parsing.md): said, says, told, called, described, stated,
warned, added, characterized, indicated, reiterated, announced, declared, insisted,
stressed, emphasized, urged, argued, claimed, asserted, vowed, pledged, denied, confirmed,
cautioned, acknowledged. The speaker is the actor right before the verb (adverbs and
auxiliaries allowed between), the actor after a passive 'by', the person before an
appositive (', Russia's foreign minister, said'), or the actor whose 'statement' or
'comments' did the saying. 'Ukraine's foreign minister said' names no person: the
statement is kept with no speaker rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.parsing.mentions import Mention
from app.parsing.models import ActorKind
from app.parsing.names import FILLER, SPEECH_VERBS

_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_FILLER = FILLER
_DIRECT = re.compile(rf"^\s+{_FILLER}$")
_APPOSITIVE = re.compile(rf"^,[^,;]{{1,80}},\s+{_FILLER}$")
_PASSIVE = re.compile(r"\s+by\s+(?:the\s+)?")
_INSTITUTIONAL = re.compile(
    r"^(?:’s|'s)?\s+(?:\w+\s+)?(?:statement|readout|communiqu[ée]|comments|remarks|"
    r"announcement|spokesperson's office)\b[^;]*$"
)
_ROLE_SUBJECT = re.compile(
    rf"(?:^|\s)(?:\w+\s+){{0,2}}(?:spokesperson|spokesman|spokeswoman|minister|officials?|"
    rf"ambassador|envoy|diplomats?|representative|adviser|advisor|negotiator|president|"
    rf"leader|sources?)\s+{_FILLER}$"
)
_PRONOUN = re.compile(rf"\b(?:he|she)\s+{_FILLER}$", re.I)


_NAME_APPOSITIVE = re.compile(rf"^,\s+{_FILLER}$")
_AFFILIATION = re.compile(r"^\s+(?:of|from|at)\s+(?:the\s+)?$")


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
    if _ROLE_SUBJECT.search(gap) and "," not in gap and ";" not in gap:
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
) -> Said | None:
    """Who speaks in the sentence `span`, if it reports speech; None if it does not."""
    start, end = span
    for verb in _VERB.finditer(source, start, end):
        passive = _PASSIVE.match(source, verb.end(), end)
        if passive:
            after = [(m, k) for m, k in mentions if m.start == passive.end()]
            if after:
                return Said(after[0][1])
        before = [(m, k) for m, k in mentions if m.end <= verb.start()]
        said = _speaker_before(source, verb.start(), before) if before else None
        if said is None and _PRONOUN.search(source, max(start, verb.start() - 40), verb.start()):
            said = Said(last_person)
        if said is None and _ROLE_SUBJECT.search(source[start : verb.start()]) and not before:
            said = Said(None)
        if said is not None:
            return said
    return None

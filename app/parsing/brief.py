"""Orchestration: source text -> sections -> mentions -> actors -> ParsedBrief."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from operator import itemgetter
from typing import Any

from pydantic import TypeAdapter

from app.errors import BriefError
from app.parsing.document.blocks import Block, uses_blank_lines
from app.parsing.document.sections import Section, split_sections
from app.parsing.document.source import LineIndex, check_size, normalise_source, split_lines
from app.parsing.extraction.dates import event_title, lead_date, lead_location
from app.parsing.extraction.labels import brief_label
from app.parsing.extraction.places import place_country
from app.parsing.extraction.speech import SpeechVerbs, reported_speech
from app.parsing.extraction.statements import Quotation, attribution_mentions, parse_quotations
from app.parsing.extraction.units import (
    MentionIndex,
    Sentence,
    block_sentences,
    section_blocks,
    title_mentions,
)
from app.parsing.lexicon.files import load_data
from app.parsing.models import (
    ParsedBrief,
    ParsedClaim,
    ParsedEvent,
    ParsedImpact,
    ParsedMention,
    ParsedSection,
    ParsedStatement,
)
from app.parsing.names.actors import Registry
from app.parsing.names.mentions import Mention, context_words, find_mentions
from app.parsing.names.org_model import org_model
from app.parsing.names.org_names import complete_organisations
from app.parsing.names.tokens import Token, TokenIndex
from app.vocabulary import ActorKind, ClaimStatus, SectionKind, StatementKind

# The kinds of section that hold claims, and their claims' status.
_STATUS = {
    SectionKind(kind): ClaimStatus(status)
    for kind, status in load_data("sections.json")["claim_status"].items()
}
# Output items are built as plain dicts and validated into models by one call per list into
# pydantic's Rust core: about 30% less than building each model in Python (`Model(...)`),
# and 60% less than `model_construct`, which runs Python code per field.
Data = dict[str, Any]
_EVENTS = TypeAdapter(list[ParsedEvent])
_CLAIMS = TypeAdapter(list[ParsedClaim])
_STATEMENTS = TypeAdapter(list[ParsedStatement])
_IMPACTS = TypeAdapter(list[ParsedImpact])
_SECTIONS = TypeAdapter(list[ParsedSection])
_MENTIONS = TypeAdapter(list[ParsedMention])
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:.!?;]{0,38}):\s+(?=\S)")
# The stage after the rules' organisations: (source, mentions, tokens, sections) -> mentions.
OrgStage = Callable[[str, list[Mention], Sequence[Token], Sequence[Section]], list[Mention]]


def parse_brief(
    raw: bytes | str,
    *,
    file: str = "<brief>",
    max_bytes: int = 1_048_576,
    learned: bool = False,
) -> ParsedBrief:
    """Parse one brief into structured data; `learned` runs the learned organisation
    recogniser after the rules (`org_model`; off by default, docs/parsing.md).

    Raises BriefError (BriefTooLargeError over `max_bytes`) naming `file`, the line and
    the problem; no other exception escapes.
    """
    try:
        check_size(raw, max_bytes)
        return parse_source(
            normalise_source(raw), organisations=org_model().apply if learned else None
        )
    except BriefError as exc:
        raise exc.with_file(file) from None
    except Exception as exc:  # a parser bug must still reach callers as one bad brief
        raise BriefError(f"internal parser error ({type(exc).__name__})", file=file) from exc


def parse_source(source: str, *, organisations: OrgStage | None = None) -> ParsedBrief:
    """Parse normalised source text (see `normalise_source`); raises BriefError.

    `organisations` is a stage run over the rules' mentions once the persons are resolved
    (`actors.Registry`), such as the learned organisation recogniser's
    (`org_model.org_model().apply`); it is off by default (docs/parsing.md, "A learned
    organisation recogniser")."""
    if not source.strip():
        raise BriefError("the brief is empty")
    wrapped = uses_blank_lines(source)
    sections = split_sections(split_lines(source), wrapped)
    _reject_unclosed_quote(source)
    return _Builder(source, sections, wrapped, organisations).build()


def _reject_unclosed_quote(source: str) -> None:
    body = source.rstrip()
    last_line = body[body.rfind("\n") + 1 :]
    opened = last_line.count("“") > last_line.count("”") or last_line.count('"') % 2 == 1
    if opened:
        quote = max(last_line.rfind("“"), last_line.rfind('"'))
        line, column = LineIndex(source).position(len(body) - len(last_line) + quote)
        raise BriefError(
            "the file ends inside an unclosed quotation (truncated?)", line=line, column=column
        )


class _Builder:
    """Holds the intermediate results of one parse.

    Output models are validated, a list at a time (see `Data`): with pydantic 2.14 that
    costs less than `model_construct`, which skips validation but runs Python per field.
    """

    def __init__(
        self,
        source: str,
        sections: list[Section],
        wrapped: bool,
        organisations: OrgStage | None = None,
    ) -> None:
        self.source = source
        self.organisations = organisations
        self.sections = sections
        self.blocks = {id(s): section_blocks(s, wrapped) for s in sections}
        self.quotations: list[tuple[Quotation, Mention | None]] = []
        self.sentences: list[Sentence] = []
        self.tokens: list[Token] = []
        mentions = self._collect()
        self.registry = Registry(mentions, self.source, self._learned if organisations else None)
        self.keyed = self.registry.keyed()
        self.index = MentionIndex(self.keyed)

    def _collect(self) -> list[Mention]:
        mentions: list[Mention] = []
        tokens = TokenIndex(self.source, context_words())
        for section in self.sections:
            if section.kind is SectionKind.title:
                mentions += title_mentions(self.source, section)
                continue
            blocks = self.blocks[id(section)]
            if section.kind is SectionKind.official_statements:
                blocks = self._statement_blocks(section, mentions, tokens)
            self.sentences += block_sentences(self.source, section, blocks)
        for sentence in self.sentences:
            mentions += find_mentions(self.source, sentence.start, sentence.end, index=tokens)
        self.tokens = tokens.tokens
        return complete_organisations(self.source, mentions, tokens.tokens)

    def _learned(self, mentions: list[Mention]) -> list[Mention]:
        """The learned organisation stage, over the rules' mentions of organisations and
        countries and the persons the registry kept (`Registry`)."""
        assert self.organisations is not None
        return self.organisations(self.source, mentions, self.tokens, self.sections)

    def _statement_blocks(
        self, section: Section, mentions: list[Mention], tokens: TokenIndex
    ) -> list[Block]:
        quotations, prose = parse_quotations(self.source, section)
        for quotation in quotations:
            speaker, role_mentions = attribution_mentions(self.source, quotation, tokens)
            # The index holds the quotation's own tokens, as the quotation marks (or spaces)
            # around it end words, and the role's; not so for the attribution's name ('Jr'
            # ending a name is 'Jr.'), which is tokenised again.
            mentions += find_mentions(self.source, quotation.start, quotation.end, index=tokens)
            mentions += [speaker] if speaker else []
            mentions += role_mentions
            self.quotations.append((quotation, speaker))
        prose_lines = {line.number for line in prose}
        return [b for b in self.blocks[id(section)] if b.line in prose_lines]

    def build(self) -> ParsedBrief:
        lead = self._first(SectionKind.lead)
        title = self._first(SectionKind.title)
        lead_block = self.blocks[id(lead)][0] if lead and self.blocks[id(lead)] else None
        lead_text = self._text(lead_block) if lead_block else None
        occurred_on = lead_date(lead_text) if lead_text else None
        location = (
            lead_location(self.source, lead_block.start, lead_block.end) if lead_block else None
        )
        bottom = self._first(SectionKind.bottom_line)
        events = self._events(lead_block, occurred_on, location)
        title_text = title.lines[0].text if title else None
        event = events[0].title if events else None
        return ParsedBrief(
            source=self.source,
            title=title_text,
            label=brief_label(title_text, event, location, occurred_on, self._first_line()),
            lead=lead_text,
            occurred_on=occurred_on,
            location=location,
            bottom_line=self._joined(bottom) if bottom else None,
            events=events,
            actors=self.registry.parsed_actors(),
            claims=self._claims(),
            statements=self._statements(),
            impacts=self._impacts(),
            context=self._context(),
            sections=_SECTIONS.validate_python(
                [{"name": s.name, "kind": s.kind, "span": s.span} for s in self.sections]
            ),
            mentions=self._mentions(),
        )

    def _mentions(self) -> list[ParsedMention]:
        """Every resolved mention with its actor and the section it stands in."""
        # Mentions and sections are both in text order: one walk, no search per mention.
        ends = [section.span[1] for section in self.sections]
        names = [section.name for section in self.sections]
        mentions: list[Data] = []
        at, last = 0, len(ends) - 1
        for mention, key in self.keyed:
            while at < last and mention.start >= ends[at]:
                at += 1
            span = (mention.start, mention.end)
            mentions.append({"actor": key, "section": names[at], "span": span})
        return _MENTIONS.validate_python(mentions)

    def _first_line(self) -> str:
        """The brief's first line of text, without Markdown marks."""
        lines = (line.strip(" #*>-\t") for line in self.source.splitlines())
        return next((line for line in lines if line), "")

    def _first(self, kind: SectionKind) -> Section | None:
        return next((s for s in self.sections if s.kind is kind), None)

    def _text(self, block: Block) -> str:
        return " ".join(self.source[block.start : block.end].split())

    def _joined(self, section: Section) -> str:
        return "\n".join(self._text(block) for block in self.blocks[id(section)])

    def _events(
        self, lead: Block | None, occurred_on: date | None, location: str | None
    ) -> list[ParsedEvent]:
        if lead is None:
            return []
        event = {
            "title": event_title(self._text(lead), location),
            "occurred_on": occurred_on,
            "location": location,
            "country": place_country(location),
            "participants": self.index.keys_within(lead.start, lead.end),
            "span": (lead.start, lead.end),
        }
        return _EVENTS.validate_python([event])

    def _claims(self) -> list[ParsedClaim]:
        claims: list[Data] = []
        for section in self.sections:
            status = _STATUS.get(section.kind)
            if status is None:
                continue
            per_sentence = section.kind is SectionKind.verified_facts
            for start, end in self._claim_spans(section, per_sentence):
                claims.append(
                    {
                        "text": self.source[start:end],
                        "status": status,
                        "section": section.name,
                        "span": (start, end),
                        "actors": self.index.keys_within(start, end),
                    }
                )
        return _CLAIMS.validate_python(claims)

    def _claim_spans(self, section: Section, per_sentence: bool) -> list[tuple[int, int]]:
        """One span per bullet; one per sentence of paragraphs (and of every Verified Fact)."""
        sentences = [s for s in self.sentences if s.section is section]
        spans: list[tuple[int, int]] = []
        for block in self.blocks[id(section)]:
            if block.is_bullet and not per_sentence:
                spans.append((block.start, block.end))
            else:
                spans += [(s.start, s.end) for s in sentences if s.block is block]
        return spans

    def _statements(self) -> list[ParsedStatement]:
        statements = [self._quoted(q, speaker) for q, speaker in self.quotations]
        last_person: str | None = None
        verbs = SpeechVerbs(self.source)
        for sentence in self.sentences:
            mentions = self.index.within(sentence.start, sentence.end)
            said = reported_speech(
                self.source, (sentence.start, sentence.end), mentions, last_person, verbs
            )
            if said is not None:
                statements.append(self._reported(sentence, said.speaker))
            for mention, key in reversed(mentions):  # the last person named, for a later 'he'
                if mention.kind is ActorKind.person:
                    last_person = key
                    break
        return _STATEMENTS.validate_python(sorted(statements, key=itemgetter("span")))

    def _quoted(self, quotation: Quotation, speaker: Mention | None) -> Data:
        role = quotation.role
        return {
            "text": self.source[quotation.start : quotation.end],
            "kind": StatementKind.quote,
            "speaker": self.registry.key_of(speaker) if speaker else None,
            "speaker_role": " ".join(self.source[role[0] : role[1]].split()) if role else None,
            "span": (quotation.start, quotation.end),
            "actors": self.index.keys_within(quotation.start, quotation.end),
        }

    def _reported(self, sentence: Sentence, speaker: str | None) -> Data:
        return {
            "text": self.source[sentence.start : sentence.end],
            "kind": StatementKind.reported,
            "speaker": speaker,
            "speaker_role": None,
            "span": (sentence.start, sentence.end),
            "actors": self.index.keys_within(sentence.start, sentence.end),
        }

    def _context_blocks(self) -> list[Block]:
        section = self._first(SectionKind.context_impact)
        return self.blocks[id(section)] if section else []

    def _impacts(self) -> list[ParsedImpact]:
        impacts: list[Data] = []
        for block in self._context_blocks():
            if not block.is_bullet:
                continue
            text = self.source[block.start : block.end]
            label = _LABEL.match(text)
            start = block.start + (label.end() if label and len(label["label"].split()) <= 4 else 0)
            impacts.append(
                {
                    "label": label["label"].strip() if start > block.start and label else None,
                    "text": self.source[start : block.end],
                    "span": (start, block.end),
                }
            )
        return _IMPACTS.validate_python(impacts)

    def _context(self) -> list[str]:
        return [self._text(block) for block in self._context_blocks() if not block.is_bullet]

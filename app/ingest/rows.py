"""A parsed brief turned into the plain rows the writer stores.

This runs in the parser processes, ahead of the single writer: everything that needs no
database (folding text for search, actor lookup keys, slugs, column values) is done there,
and plain tuples (typed rows, `app.ingest.row_types`) cross the process boundary far more
cheaply than pydantic models.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import NamedTuple

from app.ingest.row_types import (
    ActorRow,
    BriefRow,
    ClaimRow,
    EventRow,
    ImpactRow,
    SectionRow,
    StatementRow,
)
from app.parsing.models import ParsedActor, ParsedBrief, ParsedStatement
from app.vocabulary import ActorKind, fold, slugify

# Lookup keys: ("country", code), (kind, folded name) and ("alias", kind, folded alias).
LookupKey = tuple[str, ...]
# The actor keys one row mentions (claim actors, event participants, ...).
Mentions = tuple[str, ...]
# What a prepared row holds until the writer fills the value in by keyword (`_replace`): the
# ids it reserves, the brief's id and name, the parser version, resolved actors, the time.
PENDING = 0
PENDING_TEXT = ""
PENDING_AT = datetime.min.replace(tzinfo=UTC)


class PreparedActor(NamedTuple):
    key: str
    lookup_keys: tuple[LookupKey, ...]
    # Its slug the one its name gives, which the writer may change to a free one.
    row: ActorRow
    # (folded, as written) for the name and every alias, first spelling of each folded form.
    aliases: tuple[tuple[str, str], ...]


class PreparedBrief(NamedTuple):
    """One brief's rows; what the writer fills in holds a PENDING value."""

    brief: BriefRow
    actors: tuple[PreparedActor, ...]
    events: tuple[EventRow, ...]
    participants: tuple[Mentions, ...]
    claims: tuple[ClaimRow, ...]
    claim_actors: tuple[Mentions, ...]
    # speaker_id is resolved from `speakers` (actor keys) by the writer.
    statements: tuple[StatementRow, ...]
    speakers: tuple[str | None, ...]
    statement_actors: tuple[Mentions, ...]
    impacts: tuple[ImpactRow, ...]
    sections: tuple[SectionRow, ...]

    @property
    def sha256(self) -> str:
        return self.brief.sha256


def _is_full_name(folded: str) -> bool:
    return " " in folded


def _lookup_keys(actor: ParsedActor) -> tuple[LookupKey, ...]:
    if actor.kind == ActorKind.country and actor.country:
        return (("country", actor.country.upper()),)
    aliases = sorted({fold(alias) for alias in (actor.name, *actor.aliases)})
    full_names = [("alias", actor.kind.value, alias) for alias in aliases if _is_full_name(alias)]
    return ((actor.kind.value, fold(actor.name)), *full_names)


def _spellings(actor: ParsedActor) -> tuple[tuple[str, str], ...]:
    first: dict[str, str] = {}
    for alias in (actor.name, *actor.aliases):
        if folded := fold(alias):
            first.setdefault(folded, alias)
    return tuple(first.items())


def prepare_actor(actor: ParsedActor) -> PreparedActor:
    row = ActorRow(
        slug=slugify(actor.name),
        name=actor.name,
        normalized_name=fold(actor.name),
        kind=actor.kind.value,
        title=actor.title,
        country=actor.country.upper() if actor.country else None,
        created_at=PENDING_AT,
    )
    return PreparedActor(actor.key, _lookup_keys(actor), row, _spellings(actor))


def _brief_row(parsed: ParsedBrief, sha256: str) -> BriefRow:
    return BriefRow(
        source_name=PENDING_TEXT,
        sha256=sha256,
        source_text=parsed.source,
        title=parsed.title,
        lead=parsed.lead,
        bottom_line=parsed.bottom_line,
        context=list(parsed.context),
        occurred_on=parsed.occurred_on,
        location=parsed.location,
        parser_version=PENDING_TEXT,
        search_text=fold(parsed.source),
        ingested_at=PENDING_AT,
        updated_at=PENDING_AT,
    )


def _event_rows(parsed: ParsedBrief) -> tuple[EventRow, ...]:
    return tuple(
        EventRow(
            id=PENDING,
            brief_id=PENDING,
            position=i,
            title=e.title,
            occurred_on=e.occurred_on,
            location=e.location,
            search_text=fold(f"{e.title} {e.location or ''}"),
            span_start=e.span[0],
            span_end=e.span[1],
        )
        for i, e in enumerate(parsed.events)
    )


def _claim_rows(parsed: ParsedBrief) -> tuple[ClaimRow, ...]:
    return tuple(
        ClaimRow(
            id=PENDING,
            brief_id=PENDING,
            position=i,
            status=c.status.value,
            section=c.section,
            text=c.text,
            occurred_on=parsed.occurred_on,
            search_text=fold(c.text),
            span_start=c.span[0],
            span_end=c.span[1],
        )
        for i, c in enumerate(parsed.claims)
    )


def _statement_row(
    statement: ParsedStatement, position: int, occurred_on: date | None
) -> StatementRow:
    return StatementRow(
        id=PENDING,
        brief_id=PENDING,
        position=position,
        kind=statement.kind.value,
        text=statement.text,
        speaker_id=None,
        speaker_role=statement.speaker_role,
        occurred_on=occurred_on,
        search_text=fold(statement.text),
        span_start=statement.span[0],
        span_end=statement.span[1],
    )


def _impact_rows(parsed: ParsedBrief) -> tuple[ImpactRow, ...]:
    return tuple(
        ImpactRow(
            id=PENDING,
            brief_id=PENDING,
            position=i,
            label=m.label,
            text=m.text,
            span_start=m.span[0],
            span_end=m.span[1],
        )
        for i, m in enumerate(parsed.impacts)
    )


def _section_rows(parsed: ParsedBrief) -> tuple[SectionRow, ...]:
    return tuple(
        SectionRow(
            id=PENDING,
            brief_id=PENDING,
            position=i,
            name=s.name,
            kind=s.kind.value,
            span_start=s.span[0],
            span_end=s.span[1],
        )
        for i, s in enumerate(parsed.sections)
    )


def prepare_brief(parsed: ParsedBrief, sha256: str) -> PreparedBrief:
    """The rows of `parsed`, whose normalised source hashes to `sha256`."""
    on = parsed.occurred_on
    return PreparedBrief(
        brief=_brief_row(parsed, sha256),
        actors=tuple(prepare_actor(actor) for actor in parsed.actors),
        events=_event_rows(parsed),
        participants=tuple(tuple(e.participants) for e in parsed.events),
        claims=_claim_rows(parsed),
        claim_actors=tuple(tuple(c.actors) for c in parsed.claims),
        statements=tuple(_statement_row(s, i, on) for i, s in enumerate(parsed.statements)),
        speakers=tuple(s.speaker for s in parsed.statements),
        statement_actors=tuple(tuple(s.actors) for s in parsed.statements),
        impacts=_impact_rows(parsed),
        sections=_section_rows(parsed),
    )

"""SQLModel tables. Created and changed only by the Alembic migrations in `migrations/`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Text,
    func,
    text,
)
from sqlmodel import Field, SQLModel

from app.vocabulary import (
    ActorKind,
    ChangeType,
    ClaimStatus,
    RevisionKind,
    SectionKind,
    StatementKind,
)

# Stable constraint names, so migrations can address (and drop) every constraint by name.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# `Index.info` key naming the one dialect an index exists on; the migrations' autogenerate
# comparison (migrations/env.py) skips the index on the others.
ONLY_ON = "only_on"
SEARCH_DOC = "Folded text (casefolded, accents stripped) that `q` searches."


def utcnow() -> datetime:
    """Timezone-aware current time, for `*_at` columns."""
    return datetime.now(UTC)


def _one_of(column: str, values: type[StrEnum]) -> str:
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


def _fk(target: str, *, ondelete: str = "CASCADE", nullable: bool = False) -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable)


def _actor_key() -> Any:
    """A column of the key that names an actor (a fresh Column each time: a Column belongs
    to one table), its rows going with the actor."""
    return Field(sa_column=Column(ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True))


class Brief(SQLModel, table=True):
    __tablename__ = "briefs"

    id: int | None = Field(default=None, primary_key=True)
    source_name: str = Field(max_length=512, unique=True)
    sha256: str = Field(max_length=64, index=True)
    source_text: str = Field(sa_column=Column(Text, nullable=False))
    title: str | None = Field(default=None, sa_column=Column(Text))
    # The parser's label (its title, or one made from the Lead); NULL for briefs stored by
    # a parser before 1.6.0 without a title, until they are ingested again.
    label: str | None = Field(default=None, sa_column=Column(Text))
    lead: str | None = Field(default=None, sa_column=Column(Text))
    bottom_line: str | None = Field(default=None, sa_column=Column(Text))
    context: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    occurred_on: date | None = Field(default=None)
    location: str | None = Field(default=None, sa_type=Text)
    parser_version: str = Field(max_length=32)
    search_text: str = Field(sa_column=Column(Text, nullable=False), description=SEARCH_DOC)
    ingested_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
    updated_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))

    __table_args__ = (Index("ix_briefs_occurred_on_id", "occurred_on", "id"),)


class BriefRevision(SQLModel, table=True):
    """One content of a brief, numbered from 1, or its deletion (a tombstone).

    Not a child of `briefs`: a deleted brief's history stays. The current revision's source
    and rows are the brief's own; when a revision is superseded, its source is copied here
    and its claims, statements and events into `revision_items`.
    """

    __tablename__ = "brief_revisions"

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int
    number: int
    kind: str = Field(max_length=16)
    source_name: str = Field(max_length=512)
    sha256: str = Field(max_length=64)
    parser_version: str = Field(max_length=32)
    # The brief's label as this content gave it (a tombstone: the last content's); NULL for
    # revisions recorded before labels were kept.
    label: str | None = Field(default=None, sa_column=Column(Text))
    source_text: str | None = Field(default=None, sa_column=Column(Text))
    # Counts of what the revision added, removed and changed (see RevisionSummary).
    summary: dict[str, int] | None = Field(default=None, sa_column=Column(JSON))
    # The actors it mentioned, kept with its source when superseded.
    actor_ids: list[int] | None = Field(default=None, sa_column=Column(JSON))
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
    superseded_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))

    __table_args__ = (
        CheckConstraint(_one_of("kind", RevisionKind), name="kind"),
        Index("uq_brief_revisions_brief_id_number", "brief_id", "number", unique=True),
        Index("ix_brief_revisions_recorded_at", "recorded_at"),
    )


class RevisionItem(SQLModel, table=True):
    """A claim, statement or event as a superseded revision held it."""

    __tablename__ = "revision_items"

    id: int | None = Field(default=None, primary_key=True)
    revision_id: int = Field(sa_column=_fk("brief_revisions.id"))
    brief_id: int
    kind: str = Field(max_length=16)
    item_id: int
    position: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    # A claim's status and section; a statement's kind in `section`.
    status: str | None = Field(default=None, max_length=16)
    section: str | None = Field(default=None, sa_type=Text)
    occurred_on: date | None = Field(default=None)
    span_start: int
    span_end: int
    # A statement's speaker (an actor id, kept as a plain number) and role.
    speaker_id: int | None = Field(default=None)
    speaker_role: str | None = Field(default=None, sa_type=Text)
    # The actors it named (claim, statement) or had as participants (event).
    actor_ids: list[int] | None = Field(default=None, sa_column=Column(JSON))

    __table_args__ = (
        Index("ix_revision_items_revision_id_kind", "revision_id", "kind", "position"),
        Index("ix_revision_items_kind_item_id", "kind", "item_id"),
    )


class Change(SQLModel, table=True):
    """One entry of the change feed; its id is the feed's cursor, in commit order."""

    __tablename__ = "changes"

    id: int | None = Field(default=None, primary_key=True)
    type: str = Field(max_length=32)
    brief_id: int
    revision: int
    item_id: int | None = Field(default=None)
    old_status: str | None = Field(default=None, max_length=16)
    new_status: str | None = Field(default=None, max_length=16)
    # The actors it concerns (a brief: those it mentions; an item: those it names), as
    # ",3,17,": one column a feed filter matches with LIKE, not a link row per actor,
    # which cost the writer a tenth of its time per brief.
    actor_ids: str | None = Field(default=None, sa_type=Text)
    changed_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))

    __table_args__ = (
        CheckConstraint(_one_of("type", ChangeType), name="type"),
        Index("ix_changes_brief_id_id", "brief_id", "id"),
        Index("ix_changes_item_id", "item_id"),
    )


class IdFloor(SQLModel, table=True):
    """SQLite: the largest id ever removed from a table, so it is never handed out again.

    SQLite numbers a row one past the largest id present; once the latest rows are deleted
    it would reuse theirs. The writer numbers new rows past this floor too (PostgreSQL's
    sequences never go back, so it does not need it).
    """

    __tablename__ = "id_floors"

    table_name: str = Field(max_length=64, primary_key=True)
    last_id: int = Field(default=0)


class Actor(SQLModel, table=True):
    __tablename__ = "actors"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=160, unique=True)
    name: str = Field(sa_type=Text)
    normalized_name: str = Field(sa_type=Text, index=True)
    kind: str = Field(max_length=16)
    title: str | None = Field(default=None, sa_type=Text)
    country: str | None = Field(default=None, max_length=2)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
    # A person's loose key (`app.parsing.names.variants.variant_key`): the stored people
    # another spelling of a name may be, before the evidence decides. NULL for one word.
    variant_key: str | None = Field(default=None, sa_type=Text)

    __table_args__ = (
        CheckConstraint(_one_of("kind", ActorKind), name="kind"),
        Index("ix_actors_kind_name", "kind", "normalized_name"),
        Index("ix_actors_kind_variant_key", "kind", "variant_key"),
    )


class ActorAlias(SQLModel, table=True):
    """Every surface form seen for an actor, normalised (casefolded, accents stripped).

    Unique per actor rather than globally: a bare surname such as `Kim` legitimately names
    several people, and resolution never merges two actors on such a short form.
    """

    __tablename__ = "actor_aliases"

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(sa_column=_fk("actors.id"))
    alias: str = Field(sa_type=Text)
    normalized: str = Field(sa_type=Text, index=True)

    __table_args__ = (
        Index("uq_actor_aliases_actor_id_normalized", "actor_id", "normalized", unique=True),
    )


class Event(SQLModel, table=True):
    __tablename__ = "events"

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int = Field(sa_column=_fk("briefs.id"))
    position: int
    title: str = Field(sa_column=Column(Text, nullable=False))
    occurred_on: date | None = Field(default=None)
    location: str | None = Field(default=None, sa_type=Text)
    country: str | None = Field(
        default=None, max_length=2, description="ISO 3166-1 alpha-2 code of the location."
    )
    search_text: str = Field(sa_column=Column(Text, nullable=False), description=SEARCH_DOC)
    span_start: int
    span_end: int

    __table_args__ = (
        Index("ix_events_brief_id", "brief_id"),
        Index("ix_events_occurred_on_id", "occurred_on", "id"),
        # `/v1/stats`' events per place: read from this index alone, not the event rows.
        Index("ix_events_location_country", "location", "country"),
    )


class EventParticipant(SQLModel, table=True):
    __tablename__ = "event_participants"

    event_id: int = Field(
        sa_column=Column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    )
    actor_id: int = _actor_key()

    __table_args__ = (Index("ix_event_participants_actor_id", "actor_id", "event_id"),)


class Statement(SQLModel, table=True):
    __tablename__ = "statements"

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int = Field(sa_column=_fk("briefs.id"))
    position: int
    kind: str = Field(max_length=16)
    text: str = Field(sa_column=Column(Text, nullable=False))
    speaker_id: int | None = Field(
        default=None, sa_column=_fk("actors.id", ondelete="SET NULL", nullable=True)
    )
    speaker_role: str | None = Field(default=None, sa_type=Text)
    # Copied from the brief so the date filter and the keyset order use one composite index.
    occurred_on: date | None = Field(default=None)
    search_text: str = Field(sa_column=Column(Text, nullable=False), description=SEARCH_DOC)
    span_start: int
    span_end: int

    __table_args__ = (
        CheckConstraint(_one_of("kind", StatementKind), name="kind"),
        Index("ix_statements_brief_id", "brief_id"),
        Index("ix_statements_speaker_id", "speaker_id"),
        Index("ix_statements_occurred_on_id", "occurred_on", "id"),
    )


class Claim(SQLModel, table=True):
    __tablename__ = "claims"

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int = Field(sa_column=_fk("briefs.id"))
    position: int
    status: str = Field(max_length=16)
    section: str = Field(sa_type=Text)
    text: str = Field(sa_column=Column(Text, nullable=False))
    occurred_on: date | None = Field(default=None)
    search_text: str = Field(sa_column=Column(Text, nullable=False), description=SEARCH_DOC)
    span_start: int
    span_end: int

    __table_args__ = (
        CheckConstraint(_one_of("status", ClaimStatus), name="status"),
        Index("ix_claims_brief_id", "brief_id"),
        Index("ix_claims_occurred_on_id", "occurred_on", "id"),
        Index("ix_claims_status_occurred_on_id", "status", "occurred_on", "id"),
    )


class ClaimActor(SQLModel, table=True):
    __tablename__ = "claim_actors"

    claim_id: int = Field(
        sa_column=Column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    )
    actor_id: int = _actor_key()
    # The claim's status and date, copied when the link is written (a claim never changes
    # but with its whole brief, whose links are written again): a page of an actor's
    # claims of a status is then read in the lists' order from the links' index alone,
    # not by reading each of its claims (`chancery db verify` checks the copies).
    status: str = Field(max_length=16)
    occurred_on: date | None = Field(default=None)

    __table_args__ = (
        CheckConstraint(_one_of("status", ClaimStatus), name="status"),
        # Read backwards for newest first (SQLite sorts NULLs first ascending, so that
        # gives NULLS LAST); PostgreSQL has `ix_claim_actors_newest_first` instead.
        Index(
            "ix_claim_actors_actor_status_date",
            "actor_id",
            "status",
            "occurred_on",
            "claim_id",
            info={ONLY_ON: "sqlite"},
        ).ddl_if(dialect="sqlite"),
    )


class StatementActor(SQLModel, table=True):
    __tablename__ = "statement_actors"

    statement_id: int = Field(
        sa_column=Column(ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True)
    )
    actor_id: int = _actor_key()

    __table_args__ = (Index("ix_statement_actors_actor_id", "actor_id", "statement_id"),)


class Impact(SQLModel, table=True):
    __tablename__ = "impacts"

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int = Field(sa_column=_fk("briefs.id"))
    position: int
    label: str | None = Field(default=None, sa_type=Text)
    text: str = Field(sa_column=Column(Text, nullable=False))
    span_start: int
    span_end: int

    __table_args__ = (Index("ix_impacts_brief_id", "brief_id"),)


class Section(SQLModel, table=True):
    __tablename__ = "sections"

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int = Field(sa_column=_fk("briefs.id"))
    position: int
    name: str = Field(sa_type=Text)
    kind: str = Field(max_length=32)
    span_start: int
    span_end: int

    __table_args__ = (
        CheckConstraint(_one_of("kind", SectionKind), name="kind"),
        Index("ix_sections_brief_id", "brief_id"),
    )


class Mention(SQLModel, table=True):
    """Every place a brief names a resolved actor, in any part of it: what tells which
    briefs name an actor (claims, statements and events link only the actors they hold)."""

    __tablename__ = "mentions"

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int = Field(sa_column=_fk("briefs.id"))
    actor_id: int = Field(sa_column=_fk("actors.id"))
    section: str = Field(sa_type=Text, description="Section name as written in the brief.")
    span_start: int
    span_end: int

    __table_args__ = (
        # An actor's mentions in (brief, id) order, which is their order in the text: the
        # actor's mention list pages along it and "does brief B name actor A" probes it.
        Index("ix_mentions_actor_id_brief_id", "actor_id", "brief_id", "id"),
        # A brief's actors, read from the index alone (the actors' date filter, a brief's
        # actor list); and the cascade when a brief is deleted.
        Index("ix_mentions_brief_id_actor_id", "brief_id", "actor_id"),
    )


class DataChange(SQLModel, table=True):
    """One row per write to `briefs`, added by database triggers (see the migration).

    The largest id is the data version: it grows with every insert, update or delete of a
    brief, whichever process made it, so a response cached under one version is never
    served after the data changed. The same triggers delete the row 1,000 behind the one
    they add: the table keeps the latest 1,000 changes.
    """

    __tablename__ = "data_changes"

    id: int | None = Field(default=None, primary_key=True)
    changed_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


def _newest_first(name: str, table: type[SQLModel], *leading: str, row_id: str = "id") -> Index:
    """A PostgreSQL-only index in the lists' default order, `occurred_on DESC NULLS LAST, id
    DESC` (`row_id` the id's column), after the equality columns `leading`.

    PostgreSQL cannot serve that order from the ascending `(occurred_on, id)` index: read
    backwards it gives NULLS FIRST. SQLite sorts NULLs first ascending, so its backward scan
    of that index already gives NULLS LAST, and it needs no second index.
    """
    columns = table.__table__.c  # type: ignore[attr-defined]
    terms = [columns[name] for name in leading]
    terms += [columns.occurred_on.desc().nulls_last(), columns[row_id].desc()]
    return Index(name, *terms, info={ONLY_ON: "postgresql"}).ddl_if(dialect="postgresql")


NEWEST_FIRST_INDEXES = (
    _newest_first(
        "ix_claim_actors_newest_first", ClaimActor, "actor_id", "status", row_id="claim_id"
    ),
    _newest_first("ix_briefs_newest_first", Brief),
    _newest_first("ix_events_newest_first", Event),
    _newest_first("ix_statements_newest_first", Statement),
    _newest_first("ix_claims_newest_first", Claim),
    _newest_first("ix_claims_status_newest_first", Claim, "status"),
)


# Counts kept up to date in each brief's own transaction (`app.storage.counts`), so the
# dashboard's aggregates (`/v1/stats`, an actor's counts) read a few hundred rows instead of
# counting every link. `chancery db verify` recounts them from the rows.
class _LinkCounts(SQLModel):
    """Claims by status and statements by kind."""

    claims_verified: int = 0
    claims_unconfirmed: int = 0
    claims_disputed: int = 0
    claims_reported: int = 0
    statements_quote: int = 0
    statements_reported: int = 0


class _Counts(_LinkCounts):
    briefs: int = 0


DAY_DOC = "`occurred_on` as `YYYY-MM-DD`; '' for rows without a date."


class DailyCount(_Counts, table=True):
    """All briefs, claims and statements, per day."""

    __tablename__ = "daily_counts"

    day: str = Field(primary_key=True, max_length=10, description=DAY_DOC)


class ActorDailyCount(_Counts, table=True):
    """Per actor and day: the briefs naming it, the claims and statements linking it."""

    __tablename__ = "actor_daily_counts"

    actor_id: int = _actor_key()
    day: str = Field(primary_key=True, max_length=10, description=DAY_DOC)

    __table_args__ = (
        # An actor's first and last days seen, and "seen in a date range", by index probes.
        Index(
            "ix_actor_daily_counts_seen",
            "actor_id",
            "day",
            sqlite_where=text("briefs > 0"),
            postgresql_where=text("briefs > 0"),
        ),
    )


class ActorCount(_Counts, table=True):
    """Per actor: the briefs naming it, the claims and statements linking it."""

    __tablename__ = "actor_counts"

    actor_id: int = _actor_key()


class ActorPairCount(_LinkCounts, table=True):
    """Per pair of actors: the claims and statements linking both and the events both take
    part in (an actor paired with itself included), which rank the actors named with one
    actor and an actor's related actors over every date."""

    __tablename__ = "actor_pair_counts"

    actor_id: int = _actor_key()
    other_id: int = _actor_key()
    events: int = 0


MONTH_DOC = "`occurred_on` as `YYYY-MM`; '' for rows without a date."


class ActorMonthlyCount(_Counts, table=True):
    """Per month and actor: `actor_daily_counts` summed by month, which a range of dates
    reads for its whole months (one row per actor named that month, not one a day)."""

    __tablename__ = "actor_monthly_counts"

    # Keyed by month first: a range of months is read for every actor at once.
    month: str = Field(primary_key=True, max_length=7, description=MONTH_DOC)
    actor_id: int = _actor_key()

    # One actor's months (`/v1/stats?actor=`), a few hundred rows where by day it was
    # thousands.
    __table_args__ = (Index("ix_actor_monthly_counts_actor_id", "actor_id", "month"),)


YEAR_DOC = "`occurred_on` as `YYYY`; '' for rows without a date."


class ActorYearlyCount(_Counts, table=True):
    """Per year and actor: `actor_daily_counts` summed by year, which a range of dates reads
    for its whole years (the actors most named over years: one row per actor a year, not
    twelve)."""

    __tablename__ = "actor_yearly_counts"

    # Keyed by year first: a range of years is read for every actor at once. No index by
    # actor: nothing reads one actor's years, and each index is one more B-tree every brief
    # writes (a few thousand rows at 100,000 briefs: an actor's delete scans them).
    year: str = Field(primary_key=True, max_length=4, description=YEAR_DOC)
    actor_id: int = _actor_key()


class _PlaceCounts(SQLModel):
    location: str = Field(
        primary_key=True, sa_type=Text, description="The event's `location` as stored."
    )
    country: str = Field(
        primary_key=True, max_length=2, description="The event's `country`; '' when unknown."
    )
    events: int = 0


class EventPlaceCount(_PlaceCounts, table=True):
    """Per place: the events held there (`/v1/stats`' events per place)."""

    __tablename__ = "place_counts"


class PlaceMonthlyCount(_PlaceCounts, table=True):
    """Per month and place: the events held there that month (`/v1/stats`' events per place
    within dates, for the range's whole months)."""

    __tablename__ = "place_monthly_counts"

    month: str = Field(primary_key=True, max_length=7, description=MONTH_DOC)

    # A range of months, every place in it (the key starts with the place).
    __table_args__ = (Index("ix_place_monthly_counts_month", "month"),)


class ActorPlaceCount(_PlaceCounts, table=True):
    """Per actor and place: the events held there that the actor takes part in."""

    __tablename__ = "actor_place_counts"

    actor_id: int = _actor_key()


class ActorPairDailyCount(_LinkCounts, table=True):
    """Per pair of actors and day: the claims and statements linking both and the events
    both take part in, which rank the actors named with one actor and an actor's related
    actors within dates, and date the last time two actors were seen together."""

    __tablename__ = "actor_pair_daily_counts"

    actor_id: int = _actor_key()
    day: str = Field(primary_key=True, max_length=10, description=DAY_DOC)
    other_id: int = _actor_key()
    events: int = 0


class ActorPairMonthlyCount(_LinkCounts, table=True):
    """Per pair of actors and month: `actor_pair_daily_counts` summed by month, which a
    range of dates reads for its whole months (the actors named with one actor within
    dates: one row per partner and month, not one per partner and day)."""

    __tablename__ = "actor_pair_monthly_counts"

    actor_id: int = _actor_key()
    month: str = Field(primary_key=True, max_length=7, description=MONTH_DOC)
    other_id: int = _actor_key()
    events: int = 0


class ActorPlaceMonthlyCount(_PlaceCounts, table=True):
    """Per actor, month and place: the events held there that month that the actor takes
    part in (`/v1/stats?actor=` within dates, for the range's whole months)."""

    __tablename__ = "actor_place_monthly_counts"

    actor_id: int = _actor_key()
    month: str = Field(primary_key=True, max_length=7, description=MONTH_DOC)

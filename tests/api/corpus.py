"""A small, fixed corpus built from ParsedBrief objects, so expectations do not depend on
the parser. Ids are assigned in the order written here (the databases start empty):

briefs      1 paris (2025-09-04)  2 woodside (2023-11-15)  3 istanbul (2022-07-22)
            4 undated (no date)    5 paris-2 (2025-09-04)
actors      1 macron  2 zelenskyy  3 ukraine (country)  4 biden  5 xi  6 erdogan
            7 united-nations (organization)
claims      1-3 brief 1, 4-5 brief 2, 6-8 brief 3, 9-10 brief 4, 11 brief 5
statements  1-2 brief 1, 3 brief 2, 4 brief 3, 5 brief 4, 6 brief 5
events      1 brief 1, 2 brief 2, 3 brief 3, 4 brief 4

Each brief names (a mention, under Context & Impact) every actor its claims, statements and
events link, as a parse does, and no other.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from app.db import session_scope
from app.ingest.writer import store_brief
from app.parsing import PARSER_VERSION
from app.parsing.models import (
    ParsedActor,
    ParsedBrief,
    ParsedClaim,
    ParsedEvent,
    ParsedImpact,
    ParsedMention,
    ParsedSection,
    ParsedStatement,
)
from app.vocabulary import ActorKind, ClaimStatus, SectionKind, StatementKind

MACRON = ParsedActor(
    key="macron", name="Emmanuel Macron", kind=ActorKind.person, title="President",
    country="FR", aliases=["Macron", "President Macron"],
)  # fmt: skip
ZELENSKYY = ParsedActor(
    key="zelenskyy", name="Volodymyr Zelenskyy", kind=ActorKind.person, country="UA",
    aliases=["Zelenskyy"],
)  # fmt: skip
UKRAINE = ParsedActor(key="ukraine", name="Ukraine", kind=ActorKind.country, country="UA")
BIDEN = ParsedActor(key="biden", name="Joe Biden", kind=ActorKind.person, country="US")
XI = ParsedActor(key="xi", name="Xi Jinping", kind=ActorKind.person, country="CN")
ERDOGAN = ParsedActor(
    key="erdogan", name="Recep Tayyip Erdoğan", kind=ActorKind.person, country="TR",
    aliases=["Erdoğan"],
)  # fmt: skip
UN = ParsedActor(key="un", name="United Nations", kind=ActorKind.organization)


class _Text:
    """Accumulates a brief's source text and hands out the span of each piece."""

    def __init__(self, title: str) -> None:
        self.source = title + "\n"

    def span(self, text: str) -> tuple[int, int]:
        start = len(self.source)
        self.source += text + "\n"
        return start, start + len(text)


def _claim(src: _Text, text: str, status: ClaimStatus, actors: list[str]) -> ParsedClaim:
    section = {ClaimStatus.verified: "Verified Facts", ClaimStatus.reported: "Key Takeaways"}
    return ParsedClaim(
        text=text, status=status, section=section.get(status, status.value.title()),
        span=src.span(text), actors=actors,
    )  # fmt: skip


def _statement(
    src: _Text, text: str, kind: StatementKind, speaker: str | None, role: str | None,
    actors: list[str],
) -> ParsedStatement:  # fmt: skip
    return ParsedStatement(
        text=text, kind=kind, speaker=speaker, speaker_role=role, span=src.span(text),
        actors=actors,
    )  # fmt: skip


def _event(
    src: _Text,
    title: str,
    on: date | None,
    where: str | None,
    who: list[str],
    country: str | None = None,
) -> ParsedEvent:
    return ParsedEvent(
        title=title, occurred_on=on, location=where, country=country, participants=who,
        span=src.span(title),
    )  # fmt: skip


def _linked(fields: dict[str, object]) -> list[str]:
    """The actor keys the brief's claims, statements and events link, in that order."""
    keys: list[str] = []
    for claim in fields["claims"]:  # type: ignore[attr-defined]
        keys += claim.actors
    for statement in fields["statements"]:  # type: ignore[attr-defined]
        keys += [statement.speaker] if statement.speaker else []
        keys += statement.actors
    for event in fields["events"]:  # type: ignore[attr-defined]
        keys += event.participants
    return list(dict.fromkeys(keys))


def _mentions(src: _Text, fields: dict[str, object]) -> list[ParsedMention]:
    names = {actor.key: actor.name for actor in fields["actors"]}  # type: ignore[attr-defined]
    return [
        ParsedMention(actor=key, section="Context & Impact", span=src.span(names[key]))
        for key in _linked(fields)
    ]


def _brief(
    src: _Text, title: str, on: date | None, where: str | None, **parts: object
) -> ParsedBrief:
    lead = src.span("Lead: " + title)
    fields = {"events": [], "claims": [], "statements": [], "impacts": [], "actors": []} | parts
    fields["mentions"] = _mentions(src, fields)
    return ParsedBrief(
        source=src.source, title=title, label=title, lead="Lead: " + title, occurred_on=on,
        location=where,
        bottom_line=None, context=[], sections=[ParsedSection(
            name="Lead", kind=SectionKind.lead, span=lead)], **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def paris() -> ParsedBrief:
    src = _Text("Paris summit on security guarantees")
    on = date(2025, 9, 4)
    events = [_event(src, "Summit on security guarantees", on, "Paris, France",
                     ["macron", "zelenskyy"], "FR")]  # fmt: skip
    claims = [
        _claim(src, "Twenty-six countries pledged troops.", ClaimStatus.verified, ["ukraine"]),
        _claim(src, "Macron hosted Zelenskyy at the Élysée.", ClaimStatus.reported,
               ["macron", "zelenskyy"]),
        _claim(src, "A ceasefire could follow by October.", ClaimStatus.unconfirmed, []),
    ]  # fmt: skip
    statements = [
        _statement(src, "We will stand with Ukraine.", StatementKind.quote, "macron",
                   "President of France", ["ukraine"]),
        _statement(src, "Guarantees must be binding.", StatementKind.reported, "zelenskyy",
                   None, []),
    ]  # fmt: skip
    impacts = [
        ParsedImpact(label="Security", text="Europe steps up.", span=src.span("Europe steps up."))
    ]
    return _brief(src, "Paris summit on security guarantees", on, "Paris, France",
                  actors=[MACRON, ZELENSKYY, UKRAINE], events=events, claims=claims,
                  statements=statements, impacts=impacts)  # fmt: skip


def woodside() -> ParsedBrief:
    src = _Text("Biden and Xi meet in Woodside")
    on = date(2023, 11, 15)
    events = [_event(src, "Biden–Xi summit", on, "Woodside, California", ["biden", "xi"], "US")]
    claims = [
        _claim(src, "Biden and Xi agreed to resume military talks.", ClaimStatus.verified,
               ["biden", "xi"]),
        _claim(src, "Xi promised no interference in the 2024 election.", ClaimStatus.disputed,
               ["xi"]),
    ]  # fmt: skip
    statements = [
        _statement(src, "Planet Earth is big enough for the two countries to succeed.",
                   StatementKind.quote, "xi", "President of China", []),
    ]  # fmt: skip
    return _brief(src, "Biden and Xi meet in Woodside", on, "Woodside, California",
                  actors=[BIDEN, XI], events=events, claims=claims,
                  statements=statements)  # fmt: skip


def istanbul() -> ParsedBrief:
    src = _Text("Black Sea grain deal signed in İstanbul")
    on = date(2022, 7, 22)
    events = [_event(src, "Signing of the Black Sea Grain Initiative", on, "Istanbul",
                     ["erdogan", "un"], "TR")]  # fmt: skip
    claims = [
        _claim(src, "The deal reopens three Ukrainian ports.", ClaimStatus.verified, ["ukraine"]),
        _claim(src, "Erdoğan brokered the 100% grain_corridor deal.", ClaimStatus.reported,
               ["erdogan"]),
        _claim(src, "Russia may withdraw within a year.", ClaimStatus.unconfirmed, []),
    ]  # fmt: skip
    statements = [
        _statement(src, "This is a beacon of hope.", StatementKind.quote, "un",
                   "Secretary-General", ["ukraine"]),
    ]  # fmt: skip
    return _brief(src, "Black Sea grain deal signed in İstanbul", on, "Istanbul, Türkiye",
                  actors=[ERDOGAN, UN, UKRAINE], events=events, claims=claims,
                  statements=statements)  # fmt: skip


def undated() -> ParsedBrief:
    src = _Text("Undated note on Ukraine")
    events = [_event(src, "Phone call", None, None, ["macron"])]
    claims = [
        _claim(src, "Macron spoke with Kyiv.", ClaimStatus.reported, ["macron", "ukraine"]),
        _claim(src, "Talks stalled.", ClaimStatus.disputed, []),
    ]
    statements = [
        _statement(src, "Officials said talks continue.", StatementKind.reported, None,
                   "officials", ["macron"]),
    ]  # fmt: skip
    return _brief(src, "Undated note on Ukraine", None, None, actors=[MACRON, UKRAINE],
                  events=events, claims=claims, statements=statements)  # fmt: skip


def paris_again() -> ParsedBrief:
    src = _Text("Follow-up in Paris")
    claims = [
        _claim(src, "Macron and Zelenskyy met again.", ClaimStatus.verified,
               ["macron", "zelenskyy"]),
    ]  # fmt: skip
    statements = [
        _statement(src, "Nous continuerons.", StatementKind.quote, "macron", None,
                   ["zelenskyy"]),
    ]  # fmt: skip
    return _brief(src, "Follow-up in Paris", date(2025, 9, 4), "Paris",
                  actors=[MACRON, ZELENSKYY], claims=claims, statements=statements)  # fmt: skip


CORPUS = {
    "paris.txt": paris,
    "woodside.md": woodside,
    "istanbul.txt": istanbul,
    "undated.txt": undated,
    "paris-2.txt": paris_again,
}


def seed(engine: Engine) -> None:
    """Store the corpus, one transaction per brief, in the order above."""
    for name, build in CORPUS.items():
        with session_scope(engine, write=True) as session:
            store_brief(session, name, build(), PARSER_VERSION)

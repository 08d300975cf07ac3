"""What a revision of a brief changed, and the ids that stay.

A claim, statement or event keeps its id across revisions of its brief while it is the same
thing: the same brief and the same folded text (`app.vocabulary.fold`, the one normaliser;
an event's title). Its status, section, position or span may change. Rows of the old
revision left unmatched are removed, those of the new one are added with new ids. When
several rows share one text, they are matched in document order.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from app.ingest import history_sql, sql
from app.ingest.driver import DriverCursor, Ids
from app.ingest.rows import ActorKeys, PreparedBrief
from app.vocabulary import ChangeType, fold

# The tables whose rows keep their ids across revisions, and the noun of their changes.
STABLE = {"claims": "claim", "statements": "statement", "events": "event"}


@dataclass(frozen=True)
class OldItem:
    id: int
    key: str
    status: str | None


@dataclass
class Current:
    """What the stored revision of a brief holds, as a new revision is compared with it."""

    revision_id: int
    number: int
    items: dict[str, list[OldItem]] = field(default_factory=dict)
    # Per stable table, per row id, the actors it names; "mentions" under id 0.
    actors: dict[str, dict[int, set[int]]] = field(default_factory=dict)

    @property
    def mentioned(self) -> set[int]:
        return self.actors.get("mentions", {}).get(0, set())


def read_current(db: DriverCursor, brief_id: int) -> Current:
    """The brief's latest revision, its stable rows (in document order) and their actors."""
    revision_id, number = db.rows(history_sql.LATEST_REVISION, (brief_id,))[0]
    current = Current(int(revision_id), int(number), {t: [] for t in STABLE})
    for table, item_id, text, status, _ in db.rows(history_sql.CURRENT_ITEMS, (brief_id,) * 3):
        key = text if table != "events" else fold(text)
        current.items[table].append(OldItem(int(item_id), key, status))
    for table, item_id, actor_id in db.rows(history_sql.CURRENT_ACTORS, (brief_id,) * 4):
        current.actors.setdefault(table, defaultdict(set))[int(item_id)].add(int(actor_id))
    return current


def new_keys(brief: PreparedBrief, table: str) -> list[str]:
    """What identifies each new row of a stable table: its folded text."""
    if table == "events":
        return [fold(row.title) for row in brief.events]
    return [row.search_text for row in getattr(brief, table)]


def match(old: Sequence[OldItem], keys: Sequence[str]) -> list[int | None]:
    """Per new row, the id of the old row it is (first come, first matched), or None."""
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for item in old:
        waiting[item.key].append(item.id)
    return [waiting[key].popleft() if waiting[key] else None for key in keys]


@dataclass(frozen=True)
class Kept:
    """Per stable table, the old id each new row keeps (None: a new row)."""

    ids: dict[str, list[int | None]]

    @classmethod
    def of(cls, current: Current, brief: PreparedBrief) -> Kept:
        return cls({t: match(current.items[t], new_keys(brief, t)) for t in STABLE})

    def fresh_counts(self, brief: PreparedBrief) -> list[int]:
        """Per RESERVED table, how many new ids its rows need."""
        return [
            self.ids[t].count(None) if t in STABLE else len(getattr(brief, t)) for t in sql.RESERVED
        ]

    def assign(self, fresh: Sequence[Ids]) -> dict[str, Ids]:
        """Per RESERVED table, every new row's id: the one kept, else the next fresh one."""
        ids: dict[str, Ids] = {}
        for table, drawn in zip(sql.RESERVED, fresh, strict=True):
            if table not in STABLE:
                ids[table] = drawn
                continue
            unused = iter(drawn)
            ids[table] = [kept if kept is not None else next(unused) for kept in self.ids[table]]
        return ids


# One change before it has its id: (type, item id, old status, new status, actor ids).
PendingChange = tuple[ChangeType, int | None, str | None, str | None, frozenset[int]]


def _actor_ids(keys: Iterable[str], actors: dict[str, int]) -> frozenset[int]:
    return frozenset(actors[key] for key in keys if key in actors)


def _new_actors(brief: PreparedBrief, table: str, actors: dict[str, int]) -> list[frozenset[int]]:
    links: Sequence[ActorKeys] = {
        "claims": brief.claim_actors,
        "statements": brief.statement_actors,
        "events": brief.participants,
    }[table]
    return [_actor_ids(keys, actors) for keys in links]


def _new_statuses(brief: PreparedBrief, table: str) -> list[str | None]:
    return (
        [row.status for row in brief.claims]
        if table == "claims"
        else [None] * len(getattr(brief, table))
    )


@dataclass
class Diff:
    """The changes of one revision, in feed order, and their counts for its summary."""

    changes: list[PendingChange] = field(default_factory=list)
    summary: dict[str, int] = field(default_factory=dict)

    def add(self, change: PendingChange) -> None:
        self.changes.append(change)
        noun, verb = change[0].value.split(".")
        key = f"{noun}s_{verb}"
        self.summary[key] = self.summary.get(key, 0) + 1


def _removed(found: Diff, noun: str, items: Iterable[OldItem], linked: dict[int, set[int]]) -> None:
    for item in items:
        gone = frozenset(linked.get(item.id, ()))
        found.add((ChangeType(f"{noun}.removed"), item.id, item.status, None, gone))


def diff(
    current: Current, kept: Kept, ids: dict[str, Ids], brief: PreparedBrief, actors: dict[str, int]
) -> Diff:
    """What the new rows add, remove and change against `current`."""
    found = Diff()
    for table, noun in STABLE.items():
        old = {item.id: item for item in current.items[table]}
        linked = current.actors.get(table, {})
        statuses = _new_statuses(brief, table)
        news = _new_actors(brief, table, actors)
        for i, (kept_id, new_id) in enumerate(zip(kept.ids[table], ids[table], strict=True)):
            if kept_id is None:
                found.add((ChangeType(f"{noun}.added"), new_id, None, statuses[i], news[i]))
                continue
            was = old.pop(kept_id).status
            if was != statuses[i]:
                change = ChangeType.claim_status_changed
                found.add((change, new_id, was, statuses[i], news[i]))
        _removed(found, noun, old.values(), linked)
    mentioned = _actor_ids(brief.mentioned, actors)
    found.summary["actors_added"] = len(mentioned - current.mentioned)
    found.summary["actors_removed"] = len(current.mentioned - mentioned)
    return found


def removed_all(current: Current) -> Diff:
    """The changes of a brief's deletion: every stable row removed."""
    found = Diff()
    for table, noun in STABLE.items():
        _removed(found, noun, current.items[table], current.actors.get(table, {}))
    found.summary["actors_removed"] = len(current.mentioned)
    return found


def created_summary(brief: PreparedBrief, actors: dict[str, int]) -> dict[str, int]:
    """A first revision's summary: everything in it is added."""
    summary = {f"{table}_added": len(getattr(brief, table)) for table in STABLE}
    return {**summary, "actors_added": len(_actor_ids(brief.mentioned, actors))}


def brief_actors(brief: PreparedBrief, actors: dict[str, int]) -> frozenset[int]:
    """The actors a brief mentions: those a change of the whole brief concerns."""
    return _actor_ids(brief.mentioned, actors)

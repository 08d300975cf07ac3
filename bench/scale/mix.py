"""The questions a dashboard asks, generated from the data: many distinct URLs, not one.

A dashboard whose users pick other actors, dates, statuses and search words sends a new
URL with nearly every request, so a response cache keyed on the URL rarely answers it.
`dashboard_questions` draws those URLs from the benchmark database itself (its actors, its
years, words that occur in its claims), eight kinds of question in equal numbers;
`claim_questions` draws the filtered-claims rotation, asked of Chancery and of Datasette's
SQL endpoint alike. Everything is seeded: the same database gives the same URLs.
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from bench.scale import scenarios

STATUSES = ("verified", "unconfirmed", "disputed", "reported")
KINDS = ("person", "organization", "country")
SEED = 7
# Words too common to be a search anyone would type; the rest of the sample's vocabulary
# is ranked by frequency and the searches drawn from the middle of it.
COMMON = frozenset((
    "the", "and", "that", "with", "from", "said", "this", "were", "have", "will", "their",
    "which", "would", "after", "about", "been", "more", "than", "also", "into", "over", "they",
    "other", "there", "could", "under", "while", "since", "where",
))  # fmt: skip


@dataclass(frozen=True)
class Sample:
    """What the questions are made of, read from the database."""

    actors: tuple[str, ...]
    names: tuple[str, ...]
    words: tuple[str, ...]
    first_year: int
    last_year: int


@dataclass(frozen=True)
class Kind:
    """One kind of dashboard question and its distinct URLs."""

    label: str
    paths: tuple[str, ...]


def read_sample(db: Path, claims: int = 3000) -> Sample:
    """Actors most mentioned first, a few name prefixes, mid-frequency words, the years."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        actors = [
            row[0]
            for row in connection.execute(
                "select a.slug from actors a join claim_actors ca on ca.actor_id = a.id "
                "group by a.id order by count(*) desc, a.slug"
            )
        ]
        names = [row[0] for row in connection.execute("select name from actors order by id")]
        texts = connection.execute(
            "select text from claims where id % 97 = 0 limit ?", (claims,)
        ).fetchall()
        years = connection.execute(
            "select min(occurred_on), max(occurred_on) from briefs where occurred_on is not null"
        ).fetchone()
    finally:
        connection.close()
    counts = Counter(
        word
        for (text,) in texts
        for word in re.findall(r"[a-z]{5,}", text.lower())
        if word not in COMMON
    )
    ranked = [word for word, _ in counts.most_common()]
    words = ranked[len(ranked) // 20 : len(ranked) // 2]
    prefixes = sorted({name.split()[-1][:4].lower() for name in names if len(name) >= 4})
    return Sample(
        tuple(actors), tuple(prefixes), tuple(words), int(years[0][:4]), int(years[1][:4])
    )


def _dates(rng: random.Random, sample: Sample) -> dict[str, object]:
    """A range of one to three whole years, or nothing (a third of the time)."""
    if rng.random() < 1 / 3:
        return {}
    start = rng.randint(sample.first_year, sample.last_year)
    stop = min(sample.last_year, start + rng.randint(0, 2))
    return {"date_from": f"{start}-01-01", "date_to": f"{stop}-12-31"}


def _sometimes(rng: random.Random, key: str, choices: tuple[str, ...]) -> dict[str, object]:
    """`key` set to one of `choices` half of the time."""
    return {key: rng.choice(choices)} if rng.random() < 0.5 else {}


def _path(resource: str, params: dict[str, object]) -> str:
    return f"/v1/{resource}?{urlencode(params)}" if params else f"/v1/{resource}"


def _distinct(
    make: Callable[[random.Random], str], count: int, rng: random.Random
) -> tuple[str, ...]:
    """`count` distinct paths from `make(rng)`, or as many as it can give."""
    seen: dict[str, None] = {}
    for _ in range(count * 50):
        seen.setdefault(make(rng), None)
        if len(seen) == count:
            break
    return tuple(seen)


def dashboard_questions(sample: Sample, per_kind: int = 56) -> list[Kind]:
    """Eight kinds of question, `per_kind` distinct URLs each (8 x 56 = 448)."""
    rng = random.Random(SEED)
    top = sample.actors[:60]

    def stats(r: random.Random) -> str:
        params = {"top": r.choice((5, 10, 20))} | _dates(r, sample)
        return _path("stats", params | _sometimes(r, "status", STATUSES))

    def stats_actor(r: random.Random) -> str:
        return _path("stats", {"actor": r.choice(top)} | _dates(r, sample))

    def actors(r: random.Random) -> str:
        params = {"limit": r.choice((25, 50, 100))} | _dates(r, sample)
        return _path("actors", params | _sometimes(r, "kind", KINDS))

    def claims_q(r: random.Random) -> str:
        return _path("claims", {"q": r.choice(sample.words), "limit": 50})

    def actors_q(r: random.Random) -> str:
        return _path("actors", {"q": r.choice(sample.names)})

    def claims_total(r: random.Random) -> str:
        params = {"include_total": "true", "status": r.choice(STATUSES)} | _dates(r, sample)
        return _path("claims", params)

    def briefs_actor(r: random.Random) -> str:
        return _path("briefs", {"actor": r.choice(top)} | _dates(r, sample))

    def claims_actor(r: random.Random) -> str:
        return _path("claims", {"actor": r.choice(top), "status": r.choice(STATUSES)})

    makers = {
        "/v1/stats": stats,
        "/v1/stats?actor=X": stats_actor,
        "/v1/actors": actors,
        "/v1/claims?q=word": claims_q,
        "/v1/actors?q=name": actors_q,
        "/v1/claims?include_total=true": claims_total,
        "/v1/briefs?actor=X": briefs_actor,
        "/v1/claims?actor=X&status=S": claims_actor,
    }
    return [Kind(label, _distinct(make, per_kind, rng)) for label, make in makers.items()]


def mixed(kinds: list[Kind]) -> list[str]:
    """Every kind's URLs in one shuffled list: the dashboard mix."""
    paths = [path for kind in kinds for path in kind.paths]
    random.Random(SEED).shuffle(paths)
    return paths


@dataclass(frozen=True)
class ClaimQuestion:
    actor: str
    status: str
    date_from: str
    date_to: str

    def chancery(self) -> str:
        return scenarios.chancery_path(
            "claims",
            actor=self.actor,
            status=self.status,
            date_from=self.date_from,
            date_to=self.date_to,
        )

    def datasette(self, database: str) -> str:
        return scenarios.datasette_sql_path(
            database,
            actor=self.actor,
            status=self.status,
            date_from=self.date_from,
            date_to=self.date_to,
        )


def claim_questions(sample: Sample, count: int = 400) -> list[ClaimQuestion]:
    """`count` distinct filtered-claims questions: actor, status and a range of years."""
    rng = random.Random(SEED + 1)
    whole = {"date_from": f"{sample.first_year}-01-01", "date_to": f"{sample.last_year}-12-31"}
    seen: dict[ClaimQuestion, None] = {}
    for _ in range(count * 50):
        dates = _dates(rng, sample) or whole
        question = ClaimQuestion(
            rng.choice(sample.actors[:80]),
            rng.choice(STATUSES),
            str(dates["date_from"]),
            str(dates["date_to"]),
        )
        seen.setdefault(question, None)
        if len(seen) == count:
            break
    return list(seen)


def write_paths(path: Path, paths: list[str]) -> Path:
    """One path per line, for wrk's rotation (bench/scale/report.lua)."""
    path.write_text("".join(f"{line}\n" for line in paths))
    return path

"""Latency of the dashboard mix's questions about one actor, distinct each time, in process
(no server, no response cache), so that two checkouts compare on copies of one database:

    python -m bench.actor_questions DATABASE_URL [--stats 200] [--claims]

`--stats N`: `get_stats` for N questions `/v1/stats?actor=X` within one to three whole
years (the mix's `stats_actor` with dates), X among the 60 actors with the most claims.
`--claims`: `/v1/claims?actor=X&status=S` through the app (TestClient, cache off) for each
of those 60 actors and each status, shuffled. Prints p50, p90, p99 and the slowest in ms.
Run it from a checkout (`PYTHONPATH=.`) to time that checkout's code.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import time
from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import text
from sqlmodel import Session

from app.db import get_engine
from app.vocabulary import ClaimStatus

TOP = (
    "SELECT a.id, a.slug FROM actors a JOIN claim_actors ca ON ca.actor_id = a.id "
    "GROUP BY a.id, a.slug ORDER BY count(*) DESC, a.slug LIMIT 60"
)
SEED = 7


def _report(name: str, timed: list[tuple[float, str]]) -> None:
    times = sorted(t for t, _ in timed)
    n = len(times)
    slowest = ", ".join(f"{question} {t * 1000:.0f}" for t, question in sorted(timed)[-3:])
    print(
        f"{name}: n={n} p50 {times[n // 2] * 1000:.1f} p90 {times[int(n * 0.9)] * 1000:.1f} "
        f"p99 {times[int(n * 0.99)] * 1000:.1f} ms; slowest: {slowest}"
    )


def _timed(questions: Sequence[str], ask: Callable[[str], object]) -> list[tuple[float, str]]:
    timed = []
    for question in questions:
        started = time.perf_counter()
        ask(question)
        timed.append((time.perf_counter() - started, question))
    return timed


def stats_within_dates(url: str, count: int) -> None:
    from app.api.repositories import briefs, claims, events, statements
    from app.api.repositories.conditions import ActorMatch, CommonFilters, DateRange
    from app.api.repositories.stats import StatsFilters, get_stats

    rng = random.Random(SEED)
    with Session(get_engine(url)) as session:
        top = [row[0] for row in session.execute(text(TOP))]
        questions = []
        for _ in range(count):
            first = rng.randint(2015, 2024)
            questions.append(f"{rng.choice(top)}:{first}:{min(2024, first + rng.randint(0, 2))}")

        def ask(question: str) -> object:
            actor, first, last = (int(part) for part in question.split(":"))
            dates = DateRange(date(first, 1, 1), date(last, 12, 31))
            common = CommonFilters(ActorMatch((actor,)), dates)
            filters = StatsFilters(
                claims.ClaimFilters(common),
                statements.StatementFilters(common),
                briefs.BriefFilters(common),
                events.EventFilters(common),
            )
            return get_stats(session, filters, 10)

        _report("stats?actor=X within dates", _timed(questions, ask))


def claims_of_a_status(url: str) -> None:
    os.environ["CHANCERY_DATABASE_URL"] = url
    os.environ["CHANCERY_RESPONSE_CACHE_ENTRIES"] = "0"
    logging.getLogger("httpx").setLevel(logging.WARNING)  # a line per request otherwise
    from fastapi.testclient import TestClient

    from app.api.main import create_app

    with get_engine(url).connect() as connection:
        top = [row[1] for row in connection.execute(text(TOP))]
    questions = [f"{actor}:{status.value}" for actor in top for status in ClaimStatus]
    random.Random(SEED).shuffle(questions)
    with TestClient(create_app()) as client:

        def ask(question: str) -> object:
            actor, status = question.split(":")
            response = client.get("/v1/claims", params={"actor": actor, "status": status})
            response.raise_for_status()
            return response

        _report("claims?actor=X&status=S", _timed(questions, ask))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--stats", type=int, default=0, help="questions about stats")
    parser.add_argument("--claims", action="store_true", help="every claims question")
    args = parser.parse_args(argv)
    if args.stats:
        stats_within_dates(args.database_url, args.stats)
    if args.claims:
        claims_of_a_status(args.database_url)


if __name__ == "__main__":
    main()

"""The scale benchmark from nothing: corpus, databases, servers, load, report.

    python -m bench [--quick] [-n 100000] [--postgres-url URL] [--seconds 12] [--only mix]
                    [--workers N]

Two parts: `lists` (one filtered question per list, Datasette and the Starlette ceiling on
the same question, scaling, paging) and `mix` (the dashboard mix: hundreds of distinct URLs
drawn from the data, bench/scale/mix.py; the whole mix again with `--workers` uvicorn
workers, one per core by default). Writes raw figures to
`bench/out/scale/results.json` (`mix-results.json`) and the tables to the "API at scale"
section of `docs/benchmarks.md`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.scale import data, mix, pg, report, scenarios
from bench.scale.load import Load, Result, measure
from bench.scale.servers import Server, running

SCALE_POINTS = (1_000, 10_000, 100_000)
CURSOR_PAGES = 200
RESOURCES = ("claims", "statements", "briefs")


@dataclass(frozen=True)
class Plan:
    sizes: tuple[int, ...]
    heavy: Load
    probe: Load
    postgres_url: str | None
    # uvicorn worker processes for a second pass of the mix (1: the one-worker pass only).
    workers: int = 1

    @property
    def largest(self) -> int:
        return self.sizes[-1]


def chancery(db_url: str, port: int, *, cached: bool = False, workers: int = 1) -> Server:
    """Chancery over `db_url`, its response cache on or off, in `workers` processes."""
    env = {
        "CHANCERY_DATABASE_URL": db_url,
        "CHANCERY_LOG_LEVEL": "WARNING",
        "CHANCERY_RESPONSE_CACHE_ENTRIES": "512" if cached else "0",
    }
    return Server(
        "chancery", "app.api.main:create_app", port, env, True, "/readyz", workers=workers
    )


def measure_chancery(server: Server, label: str, load: Load) -> list[Result]:
    """The three filtered lists, under `load`."""
    results = []
    for resource in RESOURCES:
        url = server.base + scenarios.chancery_path(resource)
        scenarios.fetch_ok(url)
        results.append(measure(f"{label} {resource}", url, load))
    return results


def measure_paging(server: Server, plan: Plan) -> list[Result]:
    """First page against page 200 of a cursor walk, and the count of `include_total`."""
    first = scenarios.chancery_path("claims", actor="", date_from="", date_to="")
    first = first.replace("actor=&date_from=&date_to=&", "")
    deep, reached = scenarios.cursor_at(server.base, first, CURSOR_PAGES)
    filtered = scenarios.chancery_path("claims")
    counted = scenarios.chancery_path("claims", include_total="true")
    return [
        measure("cursor page 1", server.base + first, plan.probe),
        measure(f"cursor page {reached}", server.base + deep, plan.probe),
        measure("claims without total", server.base + filtered, plan.probe),
        measure("claims include_total=true", server.base + counted, plan.probe),
    ]


def run_sqlite(plan: Plan, db: Path, body_file: Path) -> list[Result]:
    with running(chancery(data.sqlite_url(db), 8801)) as server:
        results = measure_chancery(server, "Chancery SQLite", plan.heavy)
        body_file.write_bytes(scenarios.fetch_ok(server.base + scenarios.chancery_path("claims")))
        results += measure_paging(server, plan)
        url = server.base + scenarios.chancery_path("claims")
        results.append(measure(f"scale {plan.largest} claims", url, plan.probe))
    with running(chancery(data.sqlite_url(db), 8801, cached=True)) as server:
        results += measure_chancery(server, "Chancery SQLite cached", plan.heavy)
    return results


def run_datasette(plan: Plan, db: Path) -> list[Result]:
    env = {"BENCH_SQLITE_PATH": str(db)}
    server = Server(
        "datasette", "bench.scale.datasette_app:app", 8802, env, ready_path="/-/versions.json"
    )
    with running(server):
        sql = server.base + scenarios.datasette_sql_path(db.stem)
        table = server.base + scenarios.datasette_table_path(db.stem)
        scenarios.fetch_ok(sql)
        scenarios.fetch_ok(table)
        return [
            measure("Datasette claims (SQL)", sql, plan.heavy),
            measure("Datasette claims (table)", table, plan.heavy),
        ]


def run_ceiling(plan: Plan, body_file: Path) -> list[Result]:
    env = {"BENCH_CEILING_BODY": str(body_file)}
    server = Server("starlette", "bench.scale.ceiling:app", 8803, env)
    with running(server):
        url = server.base + scenarios.chancery_path("claims")
        return [measure("Starlette claims (same bytes)", url, plan.heavy)]


def run_scaling(plan: Plan, dbs: dict[int, Path]) -> list[Result]:
    results = []
    for size in plan.sizes[:-1]:
        with running(chancery(data.sqlite_url(dbs[size]), 8805)) as server:
            url = server.base + scenarios.chancery_path("claims")
            scenarios.fetch_ok(url)
            results.append(measure(f"scale {size} claims", url, plan.probe))
    return results


def run_postgres(plan: Plan, db: Path) -> list[Result]:
    if plan.postgres_url is None:
        return []
    url = pg.postgres_database(plan.postgres_url, db, plan.largest)
    with running(chancery(url, 8804)) as server:
        results = measure_chancery(server, "Chancery PostgreSQL", plan.heavy)
    with running(chancery(url, 8804, cached=True)) as server:
        return results + measure_chancery(server, "Chancery PostgreSQL cached", plan.heavy)


def measure_mix(plan: Plan, db: Path, db_url: str, name: str) -> list[Result]:
    """Each kind of dashboard question uncached on one connection, the filtered-claims
    rotation with the cache off, then the whole mix on a fresh server as shipped (cache on,
    cold: no warm-up)."""
    sample = mix.read_sample(db)
    kinds = mix.dashboard_questions(sample)
    rotation = [question.chancery() for question in mix.claim_questions(sample)]
    rotation_file = mix.write_paths(data.OUT / "claims-rotation.txt", rotation)
    mix_file = mix.write_paths(data.OUT / "dashboard-mix.txt", mix.mixed(kinds))
    one = Load(1, plan.heavy.seconds, threads=1)
    results = []
    with running(chancery(db_url, 8806)) as server:
        for kind in kinds:
            probe = mix.write_paths(data.OUT / "probe.txt", list(kind.paths))
            label = f"{name} uncached {kind.label}"
            results.append(measure(label, server.base + "/", one, warmup_s=0, paths=probe))
        label = f"{name} claims rotation, cache off"
        results.append(measure(label, server.base + "/", plan.heavy, paths=rotation_file))
    for workers in sorted({1, plan.workers}):
        with running(chancery(db_url, 8806, cached=True, workers=workers)) as server:
            label = f"{name} dashboard mix, as shipped"
            if workers > 1:
                label += f", {workers} workers"
            base = server.base + "/"
            results.append(measure(label, base, plan.heavy, warmup_s=0, paths=mix_file))
    return results


def run_mix(plan: Plan, db: Path) -> list[Result]:
    """The mix on SQLite, Datasette's SQL endpoint on the same claims rotation, then the
    mix on PostgreSQL when it is asked for."""
    results = measure_mix(plan, db, data.sqlite_url(db), "SQLite")
    env = {"BENCH_SQLITE_PATH": str(db)}
    server = Server(
        "datasette", "bench.scale.datasette_app:app", 8802, env, ready_path="/-/versions.json"
    )
    questions = mix.claim_questions(mix.read_sample(db))
    paths = [question.datasette(db.stem) for question in questions]
    rotation_file = mix.write_paths(data.OUT / "datasette-rotation.txt", paths)
    with running(server):
        scenarios.fetch_ok(server.base + paths[0])
        label = "Datasette claims rotation (SQL)"
        results.append(measure(label, server.base + "/", plan.heavy, paths=rotation_file))
    if plan.postgres_url is not None:
        url = pg.postgres_database(plan.postgres_url, db, plan.largest)
        results += measure_mix(plan, db, url, "PostgreSQL")
    return results


def make_plan(args: argparse.Namespace) -> Plan:
    count: int = 2_000 if args.quick else args.n
    sizes = tuple(sorted({*(s for s in SCALE_POINTS if s < count), count}))
    seconds: int = 5 if args.quick else args.seconds
    heavy = Load(args.connections, seconds)
    probe = Load(1, max(3, seconds // 3), threads=1)
    return Plan(sizes, heavy, probe, args.postgres_url, args.workers)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 briefs, 5 s runs")
    parser.add_argument("-n", type=int, default=100_000, help="briefs (default 100,000)")
    parser.add_argument("--seconds", type=int, default=12, help="seconds of load per run")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--postgres-url", help="admin URL; also runs Chancery on PostgreSQL")
    parser.add_argument("--docs", type=Path, default=report.DOCS, help="markdown to update")
    parser.add_argument("--only", choices=("lists", "mix"), help="run one part (default: both)")
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="also run the mix with this many uvicorn workers (default: one per core; 1: not)",
    )
    return parser.parse_args(argv)


def _meta(plan: Plan, started: float) -> dict[str, object]:
    return {
        "briefs": plan.largest,
        "sizes": list(plan.sizes),
        "connections": plan.heavy.connections,
        "seconds": plan.heavy.seconds,
        "python": platform.python_version(),
        "measured_at": time.strftime("%Y-%m-%d %H:%M"),
        "wall_s": round(time.monotonic() - started),
    }


def _record(name: str, meta: dict[str, object], results: list[Result]) -> Path:
    raw = {"meta": meta, "results": [result.as_dict() for result in results]}
    out = data.OUT / name
    out.write_text(json.dumps(raw, indent=2) + "\n")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    plan = make_plan(args)
    dbs = data.build_all(plan.sizes)
    db = dbs[plan.largest]
    if args.only in (None, "lists"):
        started = time.monotonic()
        body_file = data.OUT / "ceiling-body.json"
        steps: list[Callable[[], list[Result]]] = [
            lambda: run_sqlite(plan, db, body_file),
            lambda: run_datasette(plan, db),
            lambda: run_ceiling(plan, body_file),
            lambda: run_scaling(plan, dbs),
            lambda: run_postgres(plan, db),
        ]
        results = [result for step in steps for result in step()]
        meta = _meta(plan, started)
        out = _record("results.json", meta, results)
        report.update_docs(args.docs, report.render(meta, results))
        print(report.render(meta, results))
        print(f"raw figures: {out}")
    if args.only in (None, "mix"):
        started = time.monotonic()
        results = run_mix(plan, db)
        meta = _meta(plan, started)
        out = _record("mix-results.json", meta, results)
        figures = report.render_mix(meta, results)
        report.update_docs(args.docs, figures, report.MIX_MARKERS, report.MIX_HEADING)
        print(figures)
        print(f"raw figures: {out}")
    return 0

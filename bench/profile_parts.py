"""Where an uncached list request's Python time goes: py-spy's raw samples of
`bench.api_cpu`, each given to one part of the request.

    py-spy record --gil -f raw -r 300 -o OUT -- python -m bench.api_cpu sqlite:///DB
    python -m bench.profile_parts OUT

A sample of a worker thread goes to the first part (in the order of `WORKER`) any frame of
its stack is in; a sample of the event loop to the first of `LOOP`. Start-up's samples are
left out. With `--gil` only the thread holding the interpreter is sampled: SQLite's own
work, done with the interpreter released, is not in these shares.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

Parts = list[tuple[str, re.Pattern[str]]]


def _parts(*pairs: tuple[str, str]) -> Parts:
    return [(name, re.compile(pattern)) for name, pattern in pairs]


WORKER = _parts(
    ("search snippets", r"match_snippet"),
    ("the page's query (SQLAlchemy + SQLite)", r"fetch_page"),
    (
        "related rows: actors, counts",
        r"\b_data \(app|to_data|load_actor_refs|row_counts|seen \(app",
    ),
    (
        "filters' queries",
        r"actor_match|resolve_refs|places_named|for_paging|kept_total|list_total|actor_id \(",
    ),
    ("building the query", r"conditions \(app|common_conditions|Listing\.ordered|_query \(app"),
    ("pydantic validation of items", r"validate_python"),
    ("writing JSON", r"model_dump_json|page_json"),
    ("cursor encoding", r"encode_cursor"),
    (
        "session: begin, commit, close",
        r"session_scope|get_session|Session\.(commit|close)|SessionTransaction|_sqlite_begin",
    ),
    ("route and render_list, other", r"app/api/(routes|rendering)|in_session"),
    ("thread hop (worker side)", r"."),
)
LOOP = _parts(
    (
        "thread hop (event-loop side)",
        r"run_in_threadpool|anyio/|to_thread|contextmanager_in_threadpool",
    ),
    ("FastAPI: parameters and dependencies", r"solve_dependencies|request_params_to_args"),
)
MIDDLEWARE = re.compile(r"middleware")
OTHER_LOOP = "routing, request and response, event loop"


def part_of(frames: list[str]) -> str | None:
    """The part a sample's stack (outermost frame first) belongs to; None: not a request."""
    if any("lifespan" in frame or "create_app" in frame for frame in frames):
        return None
    if any("WorkerThread.run" in frame for frame in frames):
        return next(name for name, rule in WORKER if any(map(rule.search, frames)))
    if not any("get (bench/api_cpu.py" in frame for frame in frames):
        return None
    for name, rule in LOOP:
        if any(map(rule.search, frames)):
            return name
    return "middlewares" if MIDDLEWARE.search(frames[-1]) else OTHER_LOOP


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", help="py-spy's output in its raw format (-f raw)")
    samples: Counter[str] = Counter()
    with open(parser.parse_args().raw) as lines:
        for line in lines:
            stack, _, count = line.rstrip().rpartition(" ")
            if (part := part_of(stack.split(";"))) is not None:
                samples[part] += int(count)
    total = sum(samples.values())
    print(f"| part of the request ({total} samples) | share |\n| --- | ---: |")
    for name in [*(n for n, _ in WORKER), *(n for n, _ in LOOP), "middlewares", OTHER_LOOP]:
        print(f"| {name} | {100 * samples[name] / total:.1f}% |")


if __name__ == "__main__":
    main()

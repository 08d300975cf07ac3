"""The profile's breakdown: each py-spy sample goes to the part of a list request it is in."""

from __future__ import annotations

from bench.profile_parts import OTHER_LOOP, part_of

LOOP = ["main (bench/api_cpu.py:154)", "get (bench/api_cpu.py:71)"]
WORKER = [
    "Thread._bootstrap (threading.py:1002)",
    "WorkerThread.run (anyio/_backends/_asyncio.py:1124)",
]


def test_a_worker_sample_goes_to_the_first_part_its_stack_is_in() -> None:
    page = [*WORKER, "render_list (app/api/rendering/list_response.py:61)"]
    snippet = [
        *page,
        "Listing.page (app/api/repositories/base.py:124)",
        "match_snippet (app/api/snippets.py:73)",
    ]
    assert part_of(snippet) == "search snippets"
    assert part_of([*page, "page_json (app/api/rendering/list_response.py:80)"]) == "writing JSON"
    assert part_of(page) == "route and render_list, other"
    assert part_of(WORKER) == "thread hop (worker side)"


def test_an_event_loop_sample_goes_to_hops_dependencies_middlewares_or_the_rest() -> None:
    hop = [*LOOP, "run_in_threadpool (starlette/concurrency.py:34)"]
    assert part_of(hop) == "thread hop (event-loop side)"
    deps = [*LOOP, "solve_dependencies (fastapi/dependencies/utils.py:754)"]
    assert part_of(deps) == "FastAPI: parameters and dependencies"
    assert (
        part_of([*LOOP, "ETagMiddleware.__call__ (app/api/middleware/etag.py:40)"]) == "middlewares"
    )
    assert part_of([*LOOP, "Route.matches (starlette/routing.py:254)"]) == OTHER_LOOP


def test_start_up_and_other_threads_are_left_out() -> None:
    assert part_of([*LOOP, "lifespan (app/api/lifespan.py:80)"]) is None
    assert part_of(["<module> (somewhere.py:1)"]) is None

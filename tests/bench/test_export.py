"""`python -m bench.export`: the figures it reports from what it measured."""

from __future__ import annotations

import os

from bench.export import Stream, cpu_seconds, summary


def test_a_stream_reports_rows_per_second_and_per_second_of_server_cpu() -> None:
    figures = Stream("/v1/claims?format=ndjson", 200_000, 80.0, 2.0, True, 0.5).figures()
    assert figures["rows_per_second"] == 100_000
    assert figures["rows_per_server_cpu_second"] == 400_000
    assert Stream("x", 10, 0.1, 1.0, False).figures()["rows_per_server_cpu_second"] is None


def test_latencies_are_summarised_by_their_median_and_99th_percentile() -> None:
    latency = summary([float(ms) for ms in range(1, 101)])
    assert (latency.requests, latency.p50_ms, latency.p99_ms) == (100, 50.5, 100.0)


def test_cpu_seconds_grow_as_this_process_works() -> None:
    before = cpu_seconds(os.getpid())
    sum(i * i for i in range(2_000_000))
    assert cpu_seconds(os.getpid()) > before

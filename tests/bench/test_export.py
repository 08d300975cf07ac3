"""`python -m bench.export`: the figures it reports from what it measured."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.export import (
    PROBE,
    Stream,
    children,
    contenders,
    cpu_seconds,
    database_cpu_seconds,
    exporting,
    markdown,
    pin,
    server_cpu_seconds,
    stream,
    summaries,
    summary,
)


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


def test_a_servers_cpu_includes_its_running_children() -> None:
    """A server's export helper is its child: its CPU counts as the server's."""
    busy = "sum(i * i for i in range(3_000_000)); import time; time.sleep(30)"
    child = subprocess.Popen([sys.executable, "-c", busy])
    try:
        assert child.pid in children(os.getpid())
        time.sleep(1.5)  # the child has worked, and sleeps: its CPU time stays
        child_cpu, own = cpu_seconds(child.pid), cpu_seconds(os.getpid())
        assert child_cpu > 0
        assert server_cpu_seconds(os.getpid()) >= own + child_cpu
    finally:
        child.kill()
        child.wait()
    assert child.pid not in children(os.getpid())


def test_each_setting_is_a_contender_of_this_checkout() -> None:
    found = contenders(["export_process=false", "export_readers=2"], "/work/main-copy")
    assert found == {
        "this": (None, {}),
        "this export_process=false": (None, {"CHANCERY_EXPORT_PROCESS": "false"}),
        "this export_readers=2": (None, {"CHANCERY_EXPORT_READERS": "2"}),
        "main": ("/work/main-copy", {}),
    }
    assert list(contenders([], None)) == ["this"]


def test_several_probes_are_summarised_each_and_together() -> None:
    summarised = summaries({"/a": [1.0] * 50, "/b": [3.0] * 50})
    assert summarised["/a"]["p99_ms"] == 1.0
    assert summarised["all"]["requests"] == 100
    assert summarised["all"]["p50_ms"] == 2.0


def test_the_tables_read_results_with_one_probe_or_several() -> None:
    stream = Stream("/v1/claims?format=ndjson", 10, 0.1, 1.0, True, 0.5).figures()
    one = {"p50_ms": 1.0, "p99_ms": 2.0, "requests": 5}
    earlier = {"name": "old", "streams": [stream], "probe_alone": one, "probe_during_export": one}
    now = earlier | {"name": "new", "probe_alone": {"/x": one}, "probe_during_export": {"/x": one}}
    table = markdown([earlier, now])
    assert f"| old | `{PROBE}` | 1.0 / 2.0 | 1.0 / 2.0 |" in table
    assert "| new | `/x` | 1.0 / 2.0 | 1.0 / 2.0 |" in table
    assert "| new | `format=ndjson` | 10 |" in table


def test_no_database_processes_are_counted_for_sqlite() -> None:
    assert database_cpu_seconds(None) == 0.0


class _Lines(BaseHTTPRequestHandler):
    """Three lines, gzipped when the client asks for it."""

    served = 0

    def do_GET(self) -> None:
        type(self).served += 1
        body = b"a\nb\nc\n"
        if self.headers.get("Accept-Encoding") == "gzip":
            body = gzip.compress(body)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_curl_reads_a_stream_to_its_end_and_counts_its_lines(encoding: str) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Lines)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        read = stream(server.server_port, "/x", 30, os.getpid(), 1, None, encoding, "curl")
    finally:
        server.shutdown()
    assert (read.rows, read.complete) == (2, True)  # three lines, one of them a header


def _curl_children() -> list[int]:
    """This process's child processes running curl (from /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        if fields.get("PPid", "").strip() == str(os.getpid()) and fields["Name"] == "curl":
            found.append(int(status.parent.name))
    return found


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_export_beside_the_probes_is_read_by_another_process_and_stopped() -> None:
    """Not a thread of the probing process, which would share its interpreter."""
    _Lines.served = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Lines)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        threads = set(threading.enumerate())
        with exporting(server.server_port, "/x"):
            time.sleep(0.5)
        assert _Lines.served >= 2  # restarted whenever it ends
        assert set(threading.enumerate()) <= threads  # its thread is gone
    finally:
        server.shutdown()
    assert _curl_children() == []


def test_pin_puts_every_thread_of_a_process_on_the_cores_given() -> None:
    before = os.sched_getaffinity(0)
    started = threading.Event()
    worker = threading.Thread(target=started.wait, daemon=True)
    worker.start()
    try:
        pin(os.getpid(), {min(before)})
        tasks = [int(t.name) for t in Path(f"/proc/{os.getpid()}/task").iterdir()]
        assert len(tasks) >= 2
        assert all(os.sched_getaffinity(task) == {min(before)} for task in tasks)
    finally:
        pin(os.getpid(), before)
        started.set()
    assert os.sched_getaffinity(0) == before

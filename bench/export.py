"""`python -m bench.export`: exports over HTTP at scale, and what they cost other requests.

For each contender, served by the same uvicorn command as `python -m bench` (one worker):

1. the time to stream every claim (`format=ndjson`, then `format=csv`; Datasette: its
   `_stream=on` CSV of the `claims` table), read by one client as fast as it can (this
   process's `http.client`, or with `--client curl` curl saving it to a file), up to
   `--cap` seconds (main's export at ~5,000 rows/s would take ten minutes at 100k briefs:
   its rate is measured over the first `--baseline-cap` seconds);
2. the latency of a few other requests (`PROBES`, the response cache off so every request
   runs its queries), requested in turn, back to back on one connection, for `--probe`
   seconds, alone and then while an NDJSON export of every claim streams on another
   connection, read by `curl` in another process (before 2026-12-05 by a thread of this
   one, beside the probes' client: docs/benchmarks.md, "Twelfth look").

On PostgreSQL the server's CPU time includes that of the database's own processes serving
it (its backends, read from `/proc`: the server runs on this machine), since the export
has the database write each row's JSON.

Contenders: Chancery on SQLite (a copy of `--sqlite`) and on PostgreSQL (`--postgres-url`,
a database holding the same rows), this checkout's code and, with `--baseline CHECKOUT`,
another checkout's (main's), alternating; Datasette 0.65.5 on the SQLite file.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from bench.scale.servers import HOST, Server, running

PROBE = "/v1/claims?actor=france&status=verified&date_from=2019-01-01&date_to=2023-12-31&limit=50"
PROBES = (
    PROBE,
    "/v1/actors/france",
    "/v1/briefs?date_from=2022-01-01&limit=50",
    "/v1/events?actor=germany&limit=50",
)
CHUNK = 1 << 20
GZIP_WINDOW = 16 + zlib.MAX_WBITS


@dataclass
class Stream:
    name: str
    rows: int
    megabytes: float
    seconds: float
    complete: bool
    server_cpu_s: float = 0.0

    def figures(self) -> dict[str, object]:
        """Everything measured, and the rates: per second, per second of server CPU."""
        per_cpu = self.rows / self.server_cpu_s if self.server_cpu_s else None
        return asdict(self) | {
            "rows_per_second": round(self.rows / self.seconds),
            "rows_per_server_cpu_second": round(per_cpu) if per_cpu else None,
        }


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process (all its threads) has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """The processes `pid` has started and that are running (a server's export helper)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def server_cpu_seconds(pid: int) -> float:
    """CPU time of a server process and of its running children (its export helper)."""
    return cpu_seconds(pid) + sum(map(cpu_seconds, children(pid)))


def database_cpu_seconds(database: str | None) -> float:
    """CPU time used by the PostgreSQL processes serving `database` (its backends), so far."""
    if database is None:
        return 0.0
    total = 0.0
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes()
            if command.startswith(b"postgres: ") and f" {database} ".encode() in command:
                total += cpu_seconds(int(proc.name))
        except (OSError, ValueError):
            continue  # gone, or not a process
    return total


def stream(
    port: int, path: str, cap_s: float, pid: int, header_lines: int = 0,
    database: str | None = None, encoding: str = "identity", client: str = "python",
) -> Stream:  # fmt: skip
    """Read `path` to its end or for `cap_s` seconds; count its lines (rows; a CSV field
    holding a line break counts twice) and the server's CPU time (and its database's).
    With `encoding` gzip, the lines are counted in the decompressed bytes. The `client`
    reads in this process (`python`: http.client, as a script would) or is `curl` writing
    the body to a file, as a user saving an export does (on two cores the Python client
    takes CPU the server and its database would use)."""
    cpu_before = server_cpu_seconds(pid) + database_cpu_seconds(database)
    read = _curl if client == "curl" else _http_client
    lines, size, seconds, complete = read(port, path, cap_s, encoding)
    cpu = round(server_cpu_seconds(pid) + database_cpu_seconds(database) - cpu_before, 2)
    name = path if encoding == "identity" else f"{path} ({encoding})"
    return Stream(name, lines - header_lines, size / 1e6, seconds, complete, cpu)


def _http_client(port: int, path: str, cap_s: float, encoding: str) -> tuple[int, int, float, bool]:
    """http.client reading `path` in this process for up to `cap_s` seconds, counting its
    lines as they come: the lines and bytes read, the seconds it took, and whether it
    ended."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Accept-Encoding": encoding})
    response = connection.getresponse()
    assert response.status == 200, (path, response.status, response.read(500))
    inflate = zlib.decompressobj(GZIP_WINDOW) if encoding == "gzip" else None
    lines = size = 0
    complete = False
    while True:
        chunk = response.read1(CHUNK)
        if not chunk:
            complete = True
            break
        size += len(chunk)
        lines += (inflate.decompress(chunk) if inflate else chunk).count(b"\n")
        if time.perf_counter() - started > cap_s:
            break
    seconds = time.perf_counter() - started
    connection.close()
    return lines, size, seconds, complete


def _curl(port: int, path: str, cap_s: float, encoding: str) -> tuple[int, int, float, bool]:
    """`curl` saving `path` to a temporary file for up to `cap_s` seconds: the body's lines
    and bytes (counted afterwards, untimed), the seconds it took, and whether it ended."""
    url = f"http://{HOST}:{port}{path}"
    with tempfile.NamedTemporaryFile(prefix="export-") as body:
        command = ["curl", "-sS", "--max-time", str(cap_s), "-H", f"Accept-Encoding: {encoding}"]
        started = time.perf_counter()
        done = subprocess.run([*command, "-o", body.name, url], check=False)
        seconds = time.perf_counter() - started
        data = Path(body.name).read_bytes()
    text = zlib.decompressobj(GZIP_WINDOW).decompress(data) if encoding == "gzip" else data
    return text.count(b"\n"), len(data), seconds, done.returncode == 0


def latencies(port: int, seconds: float) -> dict[str, list[float]]:
    """Milliseconds of each request of each of `PROBES`, in turn, back to back on one
    connection."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    taken: dict[str, list[float]] = {path: [] for path in PROBES}
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for path in PROBES:
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            assert response.status == 200, (path, response.status)
            taken[path].append((time.perf_counter() - started) * 1000)
    connection.close()
    return taken


@dataclass
class Latency:
    requests: int
    p50_ms: float
    p99_ms: float


def summary(taken: list[float]) -> Latency:
    cuts = statistics.quantiles(taken, n=100)
    return Latency(len(taken), round(cuts[49], 1), round(cuts[98], 1))


def summaries(taken: dict[str, list[float]]) -> dict[str, dict[str, object]]:
    """Each probe's summary, and all of them together (`all`)."""
    every = [ms for times in taken.values() for ms in times]
    return {path: asdict(summary(times)) for path, times in taken.items()} | {
        "all": asdict(summary(every))
    }


@contextmanager
def exporting(port: int, path: str) -> Iterator[None]:
    """An export streaming on another connection, restarted whenever it ends, read by a
    `curl` process that throws the body away, as a client elsewhere would: it shares nothing
    with the probes' client in this process (measured against a reader thread here, it made
    no difference to the probes: docs/benchmarks.md, "Twelfth look")."""
    stop = threading.Event()
    command = ["curl", "-sS", "-o", os.devnull, "-H", "Accept-Encoding: identity"]

    def loop() -> None:
        while not stop.is_set():
            with subprocess.Popen([*command, f"http://{HOST}:{port}{path}"]) as reader:
                while reader.poll() is None:
                    if stop.wait(0.2):
                        reader.terminate()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    time.sleep(1)  # the export is under way
    try:
        yield
    finally:
        stop.set()
        thread.join(60)


def free_port() -> int:
    """A port nobody listens on now (other benchmarks may run on this machine)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def chancery(
    name: str, url: str, port: int, checkout: str | None, env: dict[str, str] | None = None
) -> Server:
    env = {"CHANCERY_DATABASE_URL": url, "CHANCERY_RESPONSE_CACHE_ENTRIES": "0", **(env or {})}
    env["CHANCERY_LOG_LEVEL"] = "WARNING"
    return Server(name, "app.api.main:create_app", port, env, True, "/readyz", checkout)


# A small export: once it is answered, the server's export helper (if it has one) is up.
FIRST_EXPORT = "/v1/actors?format=csv&kind=organisation&q=zzzz"


def pin(pid: int, cpus: set[int]) -> None:
    """Every thread of process `pid` on `cpus` only (Linux keeps an affinity per thread;
    threads started later take their creator's)."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        os.sched_setaffinity(int(task.name), cpus)


def measure_chancery(
    server: Server,
    cap_s: float,
    probe_s: float,
    gzip: bool = False,
    client: str = "python",
    server_cpu: int | None = None,
) -> dict[str, object]:
    pids: dict[str, int] = {}
    url = server.env["CHANCERY_DATABASE_URL"]
    database = make_url(url).database if url.startswith("postgresql") else None
    with running(server, pids):
        pid = pids[server.name]
        connection = http.client.HTTPConnection(HOST, server.port, timeout=120)
        connection.request("GET", FIRST_EXPORT)
        connection.getresponse().read()
        connection.close()
        if server_cpu is not None:
            # The server alone on one core; the clients, and the server's export helper
            # (another process: exports off the core that answers the requests), on the rest.
            others = set(range(os.cpu_count() or 1)) - {server_cpu}
            pin(pid, {server_cpu})
            for helper in children(pid):
                pin(helper, others)
            pin(os.getpid(), others)
        paths = [("/v1/claims?format=ndjson", 0), ("/v1/claims?format=csv", 1)]
        streams = [
            stream(server.port, p, cap_s, pid, lines, database, client=client) for p, lines in paths
        ]
        if gzip:
            streams += [
                stream(server.port, p, cap_s, pid, lines, database, "gzip", client)
                for p, lines in paths
            ]
        alone = latencies(server.port, probe_s)
        with exporting(server.port, "/v1/claims?format=ndjson"):
            during = latencies(server.port, probe_s)
    return {
        "name": server.name,
        "streams": [item.figures() for item in streams],
        "probe_alone": summaries(alone),
        "probe_during_export": summaries(during),
    }


def measure_datasette(db: Path, cap_s: float, client: str = "python") -> dict[str, object]:
    env = {"BENCH_SQLITE_PATH": str(db)}
    app = "bench.scale.datasette_app:app"
    server = Server("datasette", app, free_port(), env, ready_path="/-/versions.json")
    pids: dict[str, int] = {}
    with running(server, pids):
        path = f"/{db.stem}/claims.csv?_stream=on&_size=max"
        csv = stream(server.port, path, cap_s, pids[server.name], 1, client=client)
    return {"name": "Datasette claims.csv?_stream=on",
            "streams": [csv.figures()]}  # fmt: skip


def markdown(results: list[dict[str, Any]]) -> str:
    """The streams and the probes of `results` as two Markdown tables."""
    lines = [
        "| contender | export | rows | MB | s | rows/s | server CPU s | rows / server CPU s |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        for item in result["streams"]:
            whole = "" if item["complete"] else " (first part)"
            lines.append(
                f"| {result['name']} | `{item['name'].split('?', 1)[1]}`{whole} | "
                f"{item['rows']:,} | {item['megabytes']:,.0f} | {item['seconds']:.0f} | "
                f"{item['rows_per_second']:,} | {item['server_cpu_s']:.1f} | "
                f"{item['rows_per_server_cpu_second'] or 0:,} |"
            )
    lines += ["", "| contender | request | alone p50 / p99 ms | during an export p50 / p99 ms |",
              "| --- | --- | ---: | ---: |"]  # fmt: skip
    for result in results:
        if "probe_alone" in result:
            alone, during = result["probe_alone"], result["probe_during_export"]
            lines += _probe_lines(result["name"], alone, during)
    return "\n".join(lines)


def _probe_lines(name: str, alone: dict[str, Any], during: dict[str, Any]) -> list[str]:
    if "p50_ms" in alone:  # results saved before there were several probes
        alone, during = {PROBE: alone}, {PROBE: during}
    return [
        f"| {name} | `{path}` | {alone[path]['p50_ms']} / {alone[path]['p99_ms']} | "
        f"{during[path]['p50_ms']} / {during[path]['p99_ms']} |"
        for path in alone
    ]


def contenders(
    settings: list[str], baseline: str | None
) -> dict[str, tuple[str | None, dict[str, str]]]:
    """Each Chancery contender's checkout (None: this one) and extra environment: this
    checkout as it is, then with each `NAME=VALUE` setting, then the baseline's."""
    found: dict[str, tuple[str | None, dict[str, str]]] = {"this": (None, {})}
    for setting in settings:
        name, _, value = setting.partition("=")
        found[f"this {name}={value}"] = (None, {f"CHANCERY_{name.upper()}": value})
    if baseline:
        found["main"] = (baseline, {})
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.export", description=__doc__)
    parser.add_argument("--sqlite", type=Path, help="SQLite database (a copy)")
    parser.add_argument("--postgres-url", help="PostgreSQL database with the same rows")
    parser.add_argument("--baseline", help="another checkout (main) to measure alongside")
    parser.add_argument("--cap", type=float, default=300.0, help="longest stream, seconds")
    parser.add_argument("--baseline-cap", type=float, default=60.0, help="same, baseline")
    parser.add_argument("--probe", type=float, default=10.0, help="seconds per probe run")
    parser.add_argument("--gzip", action="store_true", help="also stream with gzip")
    parser.add_argument(
        "--client",
        choices=("python", "curl"),
        default="python",
        help="read the exports in this process (http.client) or with curl into a file",
    )
    parser.add_argument(
        "--server-cpu",
        type=int,
        help="run the server on this core alone and this process, its clients and curl on "
        "the others, as clients on other machines would be (SQLite: the database is the "
        "server's; PostgreSQL's own processes are not moved)",
    )
    parser.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="also measure this checkout with CHANCERY_NAME=VALUE, in turn with the "
        "default (export_process=false: exports in the server process; export_nice=0; "
        "export_readers=2; repeatable: one contender each)",
    )
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--skip", action="append", default=[], help="contender to leave out")
    parser.add_argument("--out", type=Path, default=Path("bench/out/export.json"))
    parser.add_argument("--markdown", nargs="+", type=Path, help="only print these results")
    args = parser.parse_args(argv)
    if args.markdown:
        results = [r for path in args.markdown for r in json.loads(path.read_text("utf-8"))]
        print(markdown(results))
        return 0
    # Without --sqlite, no SQLite contender (an f-string of None made a database 'None').
    urls = {"SQLite": f"sqlite:///{args.sqlite}"} if args.sqlite else {}
    if args.postgres_url:
        urls["PostgreSQL"] = args.postgres_url
    checkouts = contenders(args.setting, args.baseline)
    results: list[dict[str, Any]] = []
    for round_ in range(args.rounds):
        for database, url in urls.items():
            for code, (checkout, env) in checkouts.items():
                name = f"Chancery {code} {database}"
                if name in args.skip:
                    continue
                server = chancery(name, url, free_port(), checkout, env)
                cap = args.cap if checkout is None else args.baseline_cap
                measured = measure_chancery(
                    server, cap, args.probe, args.gzip, args.client, args.server_cpu
                )
                results.append(measured | {"round": round_, "server_cpu": args.server_cpu})
                _save(results, args.out)
        if "Datasette" not in args.skip and args.sqlite:
            datasette = measure_datasette(args.sqlite, args.cap, args.client)
            results.append(datasette | {"round": round_})
            _save(results, args.out)
    return 0


def _save(results: list[dict[str, Any]], out: Path) -> None:
    """Print the latest result and write all so far (a later failure keeps them)."""
    print(json.dumps(results[-1]), flush=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())

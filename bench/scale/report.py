"""The markdown tables of the scale benchmark, written into docs/benchmarks.md."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.scale.load import Result

DOCS = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
HEADING = "## API at scale"
FIGURES_START = "<!-- scale figures: start (written by python -m bench) -->"
FIGURES_END = "<!-- scale figures: end -->"
MIX_MARKERS = (
    "<!-- mix figures: start (written by python -m bench) -->",
    "<!-- mix figures: end -->",
)
MIX_HEADING = "### The dashboard mix (issue #14)"
DATABASES = ("SQLite", "PostgreSQL")
UNCACHED = " uncached "
CHANCERY = "Chancery SQLite claims"
CHANCERY_CACHED = "Chancery SQLite cached claims"


def _find(results: Sequence[Result], label: str) -> Result | None:
    return next((result for result in results if result.label == label), None)


def _row(result: Result) -> str:
    return (
        f"| {result.label} | {result.connections} | {result.rps:,.0f} | {result.p50_ms:.1f} "
        f"| {result.p99_ms:.1f} | {result.non2xx} | {result.errors} |"
    )


def _load_table(results: Sequence[Result]) -> list[str]:
    lines = [
        "| run | connections | requests/s | p50 ms | p99 ms | non-2xx | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    return lines + [_row(result) for result in results]


def _ratio(results: Sequence[Result], top: str, bottom: str) -> str:
    over, under = _find(results, top), _find(results, bottom)
    if over is None or under is None:
        return f"| {top} / {bottom} | not measured |"
    if not under.rps:
        return f"| {top} / {bottom} | - ({bottom}: no answer) |"
    return f"| {top} / {bottom} | {over.rps / under.rps:.2f}x |"


def _ratios(results: Sequence[Result]) -> list[str]:
    lines = ["| requests/s ratio | value |", "| --- | ---: |"]
    others = ("Datasette claims (SQL)", "Datasette claims (table)", "Starlette claims (same bytes)")
    for chancery in (CHANCERY, CHANCERY_CACHED):
        lines += [_ratio(results, chancery, other) for other in others]
    return lines


def _latency_pairs(results: Sequence[Result], labels: Sequence[str]) -> list[str]:
    found = [r for r in (_find(results, label) for label in labels) if r is not None]
    if not found:
        return []
    base = found[0].p50_ms
    lines = ["| run (1 connection) | p50 ms | p99 ms | p50 / first row |"]
    lines.append("| --- | ---: | ---: | ---: |")
    for result in found:
        ratio = result.p50_ms / base if base else 0.0
        lines.append(
            f"| {result.label} | {result.p50_ms:.2f} | {result.p99_ms:.2f} | {ratio:.2f}x |"
        )
    return lines


def render(meta: Mapping[str, object], results: Sequence[Result]) -> str:
    """The figures of one run as markdown."""
    heavy = [r for r in results if r.connections > 1]
    probes = [r for r in results if r.connections == 1]
    sizes: Sequence[int] = meta["sizes"]  # type: ignore[assignment]
    scale = [f"scale {size} claims" for size in sizes]
    paging = [r.label for r in probes if r.label.startswith("cursor page")]
    totals = ["claims without total", "claims include_total=true"]
    header = (
        f"Run {meta['measured_at']}: {meta['briefs']:,} briefs, {meta['connections']} "
        f"connections for {meta['seconds']} s per run, Python {meta['python']}, "
        f"{meta['wall_s']} s wall time."
    )
    blocks = [
        [header],
        _load_table(heavy),
        _ratios(results),
        _latency_pairs(results, scale),
        _latency_pairs(results, paging),
        _latency_pairs(results, totals),
    ]
    return "\n\n".join("\n".join(block) for block in blocks if block)


def _probe_cell(results: Sequence[Result], label: str) -> str:
    found = _find(results, label)
    if found is None:
        return "- | -"
    if not found.requests:
        return "no answer | -"  # none within wrk's 10 s timeout
    return f"{found.p50_ms:.1f} | {found.p99_ms:.1f}"


def render_mix(meta: Mapping[str, object], results: Sequence[Result]) -> str:
    """The dashboard mix of one run as markdown: each kind of question on one connection
    (both databases side by side), then the runs under load and the ratio to Datasette."""
    header = (
        f"Run {meta['measured_at']}: {meta['briefs']:,} briefs, {meta['connections']} "
        f"connections and {meta['seconds']} s per run, Python {meta['python']}, "
        f"{meta['wall_s']} s wall time."
    )
    kinds = dict.fromkeys(r.label.split(UNCACHED, 1)[1] for r in results if UNCACHED in r.label)
    probes = [
        "| request (1 connection, uncached, distinct URLs) | SQLite p50 ms | SQLite p99 ms "
        "| PostgreSQL p50 ms | PostgreSQL p99 ms |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for kind in kinds:
        cells = " | ".join(_probe_cell(results, f"{db}{UNCACHED}{kind}") for db in DATABASES)
        probes.append(f"| `{kind}` | {cells} |")
    loads = _load_table([r for r in results if r.connections > 1])
    ratios = ["| requests/s ratio | value |", "| --- | ---: |"] + [
        _ratio(results, f"{db} claims rotation, cache off", "Datasette claims rotation (SQL)")
        for db in DATABASES
    ]
    return "\n\n".join("\n".join(block) for block in ([header], probes, loads, ratios))


def update_docs(
    path: Path,
    figures: str,
    markers: tuple[str, str] = (FIGURES_START, FIGURES_END),
    heading: str = HEADING,
) -> None:
    """Replace the figures between the markers, adding `heading` and the markers at the end
    if they are missing (and the file, if it is: a run's figures are not lost to a new path)."""
    start, end = markers
    text = path.read_text() if path.exists() else ""
    block = f"{start}\n{figures}\n{end}"
    if start in text:
        pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
        text = pattern.sub(lambda _: block, text)
    else:
        before = text.rstrip("\n")
        text = (f"{before}\n\n" if before else "") + f"{heading}\n\n{block}\n"
    path.write_text(text)

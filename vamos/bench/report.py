"""The benchmark's verdicts and its report (``var/bench/report.md`` and ``.json``).

Pure functions over the measured numbers, so that the targets are tested without a server.
"""

from dataclasses import asdict, dataclass, field
from typing import Any

# Targets of issue 9, on the 2-core machine.
MIN_FLOOR_RATIO = 0.4  # every key page ≥ 0.4 × the floor's requests/s at 1×
MAX_LOSS_AT_10X = 0.25  # … and loses at most 25 % of that at 10×
MAX_WEIGHT_KB = 150.0  # HTML + CSS + JS + fonts, compressed, per key page


@dataclass
class Load:
    """One page under load (wrk) plus what a single request showed."""

    name: str
    persona: str
    url: str
    status: int = 0
    queries: int | None = None
    size_bytes: int = 0
    requests: int = 0
    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    error_detail: dict[str, int] = field(default_factory=dict)
    ratio: float | None = None  # rps ÷ floor rps

    @property
    def failed(self) -> bool:
        return self.status != 200 or self.errors > 0


@dataclass
class Weight:
    """What Chromium loaded for one page (KB, compressed as sent over the network)."""

    name: str
    url: str
    html_kb: float = 0.0
    css_kb: float = 0.0
    js_kb: float = 0.0
    font_kb: float = 0.0
    image_kb: float = 0.0
    media_kb: float = 0.0
    requests: int = 0
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def total_kb(self) -> float:
        return self.html_kb + self.css_kb + self.js_kb + self.font_kb


@dataclass
class ScaleRun:
    scale: float
    floor_rps: list[float]
    pages: list[Load]
    weights: list[Weight]
    load_before: str
    load_after: str
    notes: list[str] = field(default_factory=list)

    @property
    def floor(self) -> float:
        return sum(self.floor_rps) / len(self.floor_rps) if self.floor_rps else 0.0


def wrk_to_load(load: Load, data: dict[str, Any]) -> Load:
    """Fill ``load`` from the JSON line printed by ``wrk_report.lua``."""
    seconds = data["duration_us"] / 1_000_000 or 1
    load.requests = data["requests"]
    load.rps = data["requests"] / seconds
    load.p50_ms = data["p50"] / 1000
    load.p95_ms = data["p95"] / 1000
    load.p99_ms = data["p99"] / 1000
    load.error_detail = {
        key: data[key] for key in ("connect", "read", "write", "status", "timeout") if data[key]
    }
    load.errors = sum(load.error_detail.values())
    return load


def apply_floor(run: ScaleRun) -> None:
    for page in run.pages:
        page.ratio = page.rps / run.floor if run.floor else None


def misses(runs: list[ScaleRun]) -> list[str]:
    """Every target a page missed, as sentences for the end of the report."""
    found: list[str] = []
    by_scale = {run.scale: run for run in runs}
    base = by_scale.get(1.0)
    for run in runs:
        for page in run.pages:
            if page.failed:
                detail = f" {page.error_detail}" if page.error_detail else ""
                found.append(
                    f"{page.name} at {run.scale:g}×: errors (status {page.status}, "
                    f"{page.errors} failed requests{detail})"
                )
        for weight in run.weights:
            if weight.total_kb > MAX_WEIGHT_KB:
                found.append(
                    f"{weight.name} at {run.scale:g}×: page weight {weight.total_kb:.0f} KB "
                    f"> {MAX_WEIGHT_KB:.0f} KB"
                )
            if weight.foreign:
                found.append(f"{weight.name}: requests to other hosts: {', '.join(weight.foreign)}")
    if base is not None:
        for page in base.pages:
            if page.ratio is not None and page.ratio < MIN_FLOOR_RATIO:
                found.append(
                    f"{page.name} at 1×: {page.ratio:.2f} of the floor's requests/s "
                    f"(target ≥ {MIN_FLOOR_RATIO})"
                )
    for run in runs:
        if base is None or run.scale <= 1.0:
            continue
        for loss_page in losses(base, run):
            name, loss = loss_page
            if loss > MAX_LOSS_AT_10X:
                found.append(
                    f"{name} at {run.scale:g}×: loses {loss:.0%} of its 1× throughput "
                    f"(relative to the floor; target ≤ {MAX_LOSS_AT_10X:.0%})"
                )
    return found


def losses(base: ScaleRun, run: ScaleRun) -> list[tuple[str, float]]:
    """(page, share of its 1× throughput lost at ``run``'s scale), measured against each run's
    own floor so that a busier machine during one run does not count as a loss."""
    result = []
    before = {page.name: page for page in base.pages}
    for page in run.pages:
        old = before.get(page.name)
        if old is None or not old.ratio or page.ratio is None:
            continue
        result.append((page.name, 1 - page.ratio / old.ratio))
    return result


def raw_change(base: ScaleRun, run: ScaleRun, name: str) -> float | None:
    before = {page.name: page for page in base.pages}.get(name)
    after = {page.name: page for page in run.pages}.get(name)
    if before is None or after is None or not before.rps:
        return None
    return after.rps / before.rps - 1


def to_json(runs: list[ScaleRun], meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "meta": meta,
        "targets": {
            "min_floor_ratio_at_1x": MIN_FLOOR_RATIO,
            "max_loss_at_10x": MAX_LOSS_AT_10X,
            "max_weight_kb": MAX_WEIGHT_KB,
        },
        "runs": [
            {
                "scale": run.scale,
                "floor_rps": run.floor_rps,
                "load_before": run.load_before,
                "load_after": run.load_after,
                "notes": run.notes,
                "pages": [asdict(page) for page in run.pages],
                "weights": [{**asdict(w), "total_kb": w.total_kb} for w in run.weights],
            }
            for run in runs
        ],
        "misses": misses(runs),
    }


def to_markdown(runs: list[ScaleRun], meta: dict[str, Any]) -> str:
    lines = [
        "# Benchmark report",
        "",
        f"- When: {meta.get('started', '')}; machine: {meta.get('cpus', '?')} CPUs; "
        f"git {meta.get('git', '?')}",
        f"- Server: {meta.get('server', '')}",
        f"- Load: {meta.get('load', '')}",
        "- Targets: every key page ≥ "
        f"{MIN_FLOOR_RATIO} × the floor's requests/s at 1×; at 10× at most "
        f"{MAX_LOSS_AT_10X:.0%} loss against 1× (measured as ratio to each run's floor); "
        f"page weight ≤ {MAX_WEIGHT_KB:.0f} KB (HTML + CSS + JS + fonts, compressed), "
        "no request to another host.",
        "",
    ]
    base = next((run for run in runs if run.scale == 1.0), None)
    for run in runs:
        floors = " / ".join(f"{rps:.0f}" for rps in run.floor_rps)
        lines += [
            f"## Scale {run.scale:g}×",
            "",
            f"Floor (one query, 50-row template): {run.floor:.0f} requests/s "
            f"(before / after the pages: {floors}). "
            f"Machine load before: {run.load_before}; after: {run.load_after}.",
            "",
            "| page | persona | req/s | ÷ floor | p50 ms | p95 ms | p99 ms | errors | SQL "
            "| size KB | weight KB |"
            + (" vs 1× (floor-relative) | vs 1× (raw) |" if base and run is not base else ""),
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
            + ("---:|---:|" if base and run is not base else ""),
        ]
        weights = {w.name: w for w in run.weights}
        loss = dict(losses(base, run)) if base and run is not base else {}
        for page in run.pages:
            weight = weights.get(page.name)
            ratio = f"{page.ratio:.2f}" if page.ratio is not None else "–"
            row = f"| {page.name} | {page.persona} | {page.rps:.0f} | {ratio} | "
            row += (
                f"{page.p50_ms:.0f} | {page.p95_ms:.0f} | {page.p99_ms:.0f} | "
                f"{page.errors if page.status == 200 else f'HTTP {page.status}'} | "
                f"{page.queries if page.queries is not None else '–'} | "
                f"{page.size_bytes / 1024:.0f} | "
                f"{f'{weight.total_kb:.0f}' if weight else '–'} |"
            )
            if base and run is not base:
                change = raw_change(base, run, page.name)
                row += (f" {-loss[page.name]:+.0%} |" if page.name in loss else " – |") + (
                    f" {change:+.0%} |" if change is not None else " – |"
                )
            lines.append(row)
        if run.weights:
            lines += [
                "",
                "Page weight in Chromium (KB as transferred; HTML compressed with gzip as the "
                "reverse proxy sends it):",
                "",
                "| page | HTML | CSS | JS | fonts | **total** | images | media | requests "
                "| other hosts |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
            ]
            for w in run.weights:
                lines.append(
                    f"| {w.name} | {w.html_kb:.1f} | {w.css_kb:.1f} | {w.js_kb:.1f} | "
                    f"{w.font_kb:.1f} | **{w.total_kb:.1f}** | {w.image_kb:.1f} | "
                    f"{w.media_kb:.1f} | {w.requests} | {', '.join(w.foreign) or 'none'} |"
                )
        if run.notes:
            lines += ["", *[f"- {note}" for note in run.notes]]
        lines.append("")
    found = misses(runs)
    lines += ["## Targets missed", ""]
    lines += [f"- {item}" for item in found] if found else ["None."]
    lines.append("")
    return "\n".join(lines)

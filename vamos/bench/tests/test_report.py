"""The benchmark's verdicts: which targets a measured run misses."""

from vamos.bench.report import (
    Load,
    ScaleRun,
    Weight,
    apply_floor,
    misses,
    to_json,
    to_markdown,
    wrk_to_load,
)


def _run(scale: float, floor: float, pages: dict[str, float], **extra: object) -> ScaleRun:
    run = ScaleRun(
        scale=scale,
        floor_rps=[floor * 0.9, floor * 1.1],
        pages=[
            Load(name=n, persona="member", url="/", status=200, rps=r) for n, r in pages.items()
        ],
        weights=list(extra.get("weights", [])),  # type: ignore[call-overload]
        load_before="1.00",
        load_after="1.00",
    )
    apply_floor(run)
    return run


def test_the_floor_is_the_mean_of_both_measurements() -> None:
    run = _run(1, 200, {"home": 100})
    assert run.floor == 200
    assert run.pages[0].ratio == 0.5


def test_a_page_below_four_tenths_of_the_floor_is_a_miss() -> None:
    found = misses([_run(1, 200, {"home": 100, "calendar": 70})])
    assert found == ["calendar at 1×: 0.35 of the floor's requests/s (target ≥ 0.4)"]


def test_a_loss_above_a_quarter_at_ten_times_is_measured_against_each_floor() -> None:
    base = _run(1, 200, {"home": 100, "calendar": 100})
    # The machine was busier during the 10× run: the floor dropped by half as well.
    busy = _run(10, 100, {"home": 50, "calendar": 30})
    found = misses([base, busy])
    assert found == [
        "calendar at 10×: loses 40% of its 1× throughput (relative to the floor; target ≤ 25%)"
    ]


def test_errors_heavy_pages_and_other_hosts_are_listed() -> None:
    heavy = Weight(name="home", url="/", html_kb=20, css_kb=90, js_kb=30, font_kb=20)
    foreign = Weight(name="lesson", url="/l/", html_kb=10, foreign=["www.youtube.com"])
    run = _run(1, 100, {"home": 90}, weights=[heavy, foreign])
    run.pages[0].status = 500
    found = misses([run])
    assert "home at 1×: errors (status 500, 0 failed requests)" in found
    assert "home at 1×: page weight 160 KB > 150 KB" in found
    assert "lesson: requests to other hosts: www.youtube.com" in found


def test_wrk_numbers_become_requests_per_second_and_milliseconds() -> None:
    load = wrk_to_load(
        Load(name="home", persona="anonymous", url="/"),
        {
            "requests": 1500,
            "duration_us": 10_000_000,
            "bytes": 1,
            "connect": 0,
            "read": 2,
            "write": 0,
            "status": 1,
            "timeout": 0,
            "p50": 12_500,
            "p95": 40_000,
            "p99": 90_000,
            "mean": 1.0,
            "max": 1,
        },
    )
    assert load.rps == 150
    assert (load.p50_ms, load.p95_ms, load.p99_ms) == (12.5, 40, 90)
    assert load.errors == 3 and load.failed


def test_the_report_names_every_page_and_the_machine_load() -> None:
    runs = [_run(1, 200, {"home": 100}), _run(10, 200, {"home": 90})]
    meta = {"started": "2026-11-27T12:00:00+01:00", "cpus": 2, "git": "abc", "server": "x"}
    markdown = to_markdown(runs, meta)
    assert "| home | member | 100 | 0.50 |" in markdown
    assert "Machine load before: 1.00" in markdown
    assert to_json(runs, meta)["misses"] == []

"""``make bench``: programme-scale data, the production server, bounded load, a report.

For each scale (``BENCH_SCALES``, default ``1,10``):

1. Prepare the data once and keep it: ``var/bench/scale-<N>-<key>.sqlite3`` (and its media),
   where ``<key>`` hashes the migrations, the scale code and the month the data is built
   around. Each run works on a copy, so runs do not change the cached data.
2. Start the production configuration (``vamos.settings.bench`` = production settings + the
   floor view and query counter): gunicorn with 2 workers on 127.0.0.1:8119, DEBUG off,
   ``CONN_MAX_AGE=60``, static files through WhiteNoise.
3. Sign the personas in (``manage.py bench_prepare``), request every key page once (status,
   SQL queries from ``X-Bench-Queries``, size), warm up, then drive wrk with 20 connections per
   page; the floor is measured before and after the pages.
4. Load each key page in Chromium (Playwright) and add up what it transfers.

Writes ``var/bench/report.md`` and ``report.json``; exits 1 if any page answered with an error.
Environment: ``BENCH_SCALES``, ``BENCH_DURATION`` (s per page, 10), ``BENCH_WARMUP`` (s, 3),
``BENCH_CONNECTIONS`` (20), ``BENCH_PORT`` (8119), ``BENCH_WEIGHT`` (0 skips Chromium),
``BENCH_PAGES`` (comma-separated page names: measure only these, e.g. while fixing one).
"""

import datetime
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .report import Load, ScaleRun, Weight, apply_floor, misses, to_json, to_markdown, wrk_to_load

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var" / "bench"
PYTHON = Path(sys.executable)
BIN = PYTHON.parent
LUA = Path(__file__).with_name("wrk_report.lua")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# What the reverse proxy in front of the production server adds.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
FLOOR = "/bench/floor/"


def log(message: str) -> None:
    print(message, flush=True)


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


# --- Data ------------------------------------------------------------------------------------


def data_key(anchor: datetime.date) -> str:
    """Changes when the scale code, the packages or the month of the data change. A new
    migration does not rebuild the data: each run migrates its working copy."""
    return _digest(
        anchor.isoformat(),
        [
            *sorted((ROOT / "vamos" / "bench" / "scale").glob("*.py")),
            ROOT / "vamos/bench/management/commands/seed_scale.py",
            ROOT / "vamos/demo/content.py",
            ROOT / "vamos/demo/surveys.py",
            ROOT / "vamos/demo/reports.py",
        ],
    )


def schema_key() -> str:
    return _digest("", sorted(ROOT.glob("vamos/*/migrations/*.py")))


def _digest(seed: str, files: list[Path]) -> str:
    digest = hashlib.sha256(seed.encode())
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    for package in ("django", "wagtail", "django-allauth", "django-tasks-db"):
        digest.update(_version(package).encode())
    return digest.hexdigest()[:12]


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return ""


def server_env(database: Path, media: Path, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "vamos.settings.bench",
            "DATABASE_URL": f"sqlite:///{database}",
            "MEDIA_ROOT": str(media),
            "SECRET_KEY": "bench-only-" + hashlib.sha256(str(database).encode()).hexdigest(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "VAMOS_BASE_URL": f"http://127.0.0.1:{port}",
            "CONN_MAX_AGE": "60",
            "EMAIL_URL": "console://",
            "LOG_LEVEL": "WARNING",
            "REDIS_URL": os.environ.get("BENCH_REDIS_URL", ""),
        }
    )
    return env


def manage(env: dict[str, str], *args: str, capture: bool = False) -> str:
    result = subprocess.run(  # noqa: S603 – our own fixed command lines
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def prepare_data(scale: float, anchor: datetime.date, port: int) -> tuple[Path, Path]:
    """The cached database and media folder of ``scale``, built when missing."""
    VAR.mkdir(parents=True, exist_ok=True)
    key = data_key(anchor)
    name = f"scale-{scale:g}-{key}"
    database = VAR / f"{name}.sqlite3"
    media = VAR / "media" / name
    if database.exists():
        log(f"Scale {scale:g}: cached data {database.name}")
        return database, media
    schema = schema_key()
    for stale in [*VAR.glob(f"scale-{scale:g}-*"), *VAR.glob("migrated-*")]:
        if stale.is_file() and not stale.name.startswith(f"migrated-{schema}."):
            stale.unlink()
    for stale in (VAR / "media").glob(f"scale-{scale:g}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    migrated = VAR / f"migrated-{schema}.sqlite3"
    if not migrated.exists():
        log("Migrating an empty database for the benchmark data …")
        building = migrated.with_suffix(".building")
        building.unlink(missing_ok=True)
        manage(server_env(building, media, port), "migrate", "--noinput", "-v0")
        building.rename(migrated)
    log(f"Scale {scale:g}: building the data (seed_scale) …")
    building = database.with_suffix(".building")
    shutil.copyfile(migrated, building)
    try:
        manage(
            server_env(building, media, port),
            "seed_scale",
            "--scale",
            f"{scale:g}",
            "--today",
            anchor.isoformat(),
        )
    except subprocess.CalledProcessError:
        building.unlink(missing_ok=True)
        raise
    _checkpoint(building)
    building.rename(database)
    return database, media


def _checkpoint(database: Path) -> None:
    import sqlite3

    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def working_copy(database: Path, scale: float) -> Path:
    work = VAR / f"run-{scale:g}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(database, work)
    return work


# --- Server ----------------------------------------------------------------------------------


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(  # noqa: S603 – our own fixed command line
        [
            str(BIN / "gunicorn"),
            "vamos.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if fetch(port, "/health/", None)[0] == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited while starting")
        time.sleep(0.5)
    stop_server(server)
    raise RuntimeError("gunicorn did not answer /health/ within 60 s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def fetch(
    port: int, path: str, cookie: str | None, *, timeout: float = 120
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=PROXY_HEADERS)
    if cookie:
        request.add_header("Cookie", cookie)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def drain(port: int) -> None:
    """Wait until the workers have answered what wrk left queued (slow pages leave a backlog
    after wrk stops), so that it does not slow down the next measurement."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            if fetch(port, "/health/", None, timeout=120)[0] == 200 and (
                time.monotonic() - started < 0.5
            ):
                return
        except OSError:
            pass
        time.sleep(1)


# --- Load ------------------------------------------------------------------------------------


def wrk(port: int, path: str, cookie: str | None, seconds: int, connections: int) -> dict:
    command = [
        os.environ.get("WRK_PATH") or "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "-s",
        str(LUA),
    ]
    for name, value in PROXY_HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    output = subprocess.run(  # noqa: S603 – wrk with our arguments
        command, check=True, text=True, capture_output=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH-JSON "))
    return json.loads(line.removeprefix("BENCH-JSON "))


def measure(
    port: int,
    page: dict[str, str],
    cookie: str | None,
    *,
    warmup: int,
    seconds: int,
    connections: int,
) -> Load:
    load = Load(name=page["name"], persona=page["persona"], url=page["url"])
    try:
        status, headers, body = fetch(port, page["url"], cookie)
    except OSError as error:  # a timeout: the page took longer than two minutes
        log(f"  {page['name']}: no answer ({error})")
        drain(port)
        return load
    load.status = status
    load.size_bytes = len(body)
    queries = headers.get("X-Bench-Queries")
    load.queries = int(queries) if queries is not None else None
    if status != 200:
        log(f"  {page['name']}: HTTP {status} – not loaded")
        return load
    if warmup:
        wrk(port, page["url"], cookie, warmup, connections)
        drain(port)
        # The first request filled per-process caches (navigation, site root); count a warm one.
        warm = fetch(port, page["url"], cookie)[1].get("X-Bench-Queries")
        if warm is not None and load.queries is not None:
            load.queries = min(load.queries, int(warm))
    wrk_to_load(load, wrk(port, page["url"], cookie, seconds, connections))
    drain(port)
    log(
        f"  {load.name:<24} {load.rps:7.1f} req/s  p50 {load.p50_ms:6.0f} ms  "
        f"p99 {load.p99_ms:6.0f} ms  SQL {load.queries}  errors {load.errors}"
    )
    return load


# --- Page weight -----------------------------------------------------------------------------

KINDS = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "font": "font",
    "image": "image",
    "media": "media",
}


def page_weights(port: int, pages: list[dict[str, str]], cookies: dict[str, str]) -> list[Weight]:
    from playwright.sync_api import sync_playwright

    origin = f"127.0.0.1:{port}"
    weights = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page_info in pages:
                weights.append(_weight(browser, origin, page_info, cookies))
        finally:
            browser.close()
    return weights


def _weight(browser: Any, origin: str, info: dict[str, str], cookies: dict[str, str]) -> Weight:
    weight = Weight(name=info["name"], url=info["url"])
    context = browser.new_context(extra_http_headers=PROXY_HEADERS)
    if info["persona"] != "anonymous":
        name, value = cookies[info["persona"]].split("=", 1)
        context.add_cookies([{"name": name, "value": value, "url": f"http://{origin}/"}])

    def guard(route: Any) -> None:
        host = urlsplit(route.request.url).netloc
        if host and host != origin and not route.request.url.startswith("data:"):
            weight.foreign.append(host)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    responses: list[Any] = []
    page = context.new_page()
    page.on("response", lambda response: responses.append(response))
    page.on("requestfailed", lambda request: weight.failed.append(request.url))
    page.goto(f"http://{origin}{info['url']}", wait_until="networkidle", timeout=60_000)
    for response in responses:
        request = response.request
        kind = KINDS.get(request.resource_type, "js" if request.resource_type == "fetch" else "")
        if not kind:
            continue
        if kind == "html":
            # The app sends HTML uncompressed; the reverse proxy compresses it (gzip).
            size = len(gzip.compress(response.body(), compresslevel=6))
        else:
            size = max(request.sizes()["responseBodySize"], 0)  # -1: not received
        setattr(weight, f"{kind}_kb", getattr(weight, f"{kind}_kb") + size / 1024)
        weight.requests += 1
    weight.foreign = sorted(set(weight.foreign))
    context.close()
    return weight


# --- Main ------------------------------------------------------------------------------------


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (1/5/15 min)"


def run_scale(scale: float, anchor: datetime.date, settings: dict[str, int]) -> ScaleRun:
    port = settings["port"]
    database, media = prepare_data(scale, anchor, port)
    work = working_copy(database, scale)
    env = server_env(work, media, port)
    manage(env, "migrate", "--noinput", "-v0")  # migrations newer than the data (indexes)
    manage(env, "collectstatic", "--noinput", "-v0")
    log(f"Scale {scale:g}: starting gunicorn (2 workers) on 127.0.0.1:{port}")
    server = start_server(env, port)
    try:
        prepared = json.loads(manage(env, "bench_prepare", capture=True))
        cookies = prepared["cookies"]
        run = ScaleRun(
            scale=scale,
            floor_rps=[],
            pages=[],
            weights=[],
            load_before=load_average(),
            load_after="",
            notes=prepared["notes"],
        )
        log(f"Scale {scale:g}: machine load {run.load_before}")
        options = {
            "warmup": settings["warmup"],
            "seconds": settings["duration"],
            "connections": settings["connections"],
        }
        floor_page = {"name": "floor", "persona": "anonymous", "url": FLOOR}
        floor = measure(port, floor_page, None, **options)
        run.floor_rps.append(floor.rps)
        only = {n.strip() for n in os.environ.get("BENCH_PAGES", "").split(",") if n.strip()}
        if only:
            prepared["pages"] = [page for page in prepared["pages"] if page["name"] in only]
        for page in prepared["pages"]:
            cookie = cookies.get(page["persona"])
            run.pages.append(measure(port, page, cookie, **options))
        floor = measure(port, floor_page, None, **{**options, "warmup": 0})
        run.floor_rps.append(floor.rps)
        run.load_after = load_average()
        apply_floor(run)
        if settings["weight"]:
            log(f"Scale {scale:g}: page weight in Chromium …")
            run.weights = page_weights(port, prepared["pages"], cookies)
        return run
    finally:
        stop_server(server)


def main() -> int:
    scales = [float(s) for s in os.environ.get("BENCH_SCALES", "1,10").split(",") if s.strip()]
    settings = {
        "duration": env_int("BENCH_DURATION", 10),
        "warmup": env_int("BENCH_WARMUP", 3),
        "connections": env_int("BENCH_CONNECTIONS", 20),
        "port": env_int("BENCH_PORT", 8119),
        "weight": env_int("BENCH_WEIGHT", 1),
    }
    today = datetime.date.today()
    anchor = today.replace(day=1)  # data is rebuilt once a month, so "upcoming" stays true
    started = datetime.datetime.now().astimezone()
    runs = [run_scale(scale, anchor, settings) for scale in scales]
    meta = {
        "started": started.isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "git": _git_revision(),
        "server": "gunicorn, 2 sync workers, vamos.settings.bench (production + floor view and "
        f"query counter), SQLite (WAL), CONN_MAX_AGE=60; wrk -t1 -c{settings['connections']} "
        f"-d{settings['duration']}s after a {settings['warmup']} s warm-up per page; data "
        f"built around {anchor}",
        "load": "see each scale (os.getloadavg before and after its pages); the machine is shared",
    }
    VAR.mkdir(parents=True, exist_ok=True)
    (VAR / "report.json").write_text(json.dumps(to_json(runs, meta), indent=2) + "\n")
    markdown = to_markdown(runs, meta)
    (VAR / "report.md").write_text(markdown)
    log("")
    log(markdown)
    log(f"Written: {VAR / 'report.md'} and report.json")
    errors = [page for run in runs for page in run.pages if page.failed]
    if errors:
        log(f"{len(errors)} page(s) answered with errors.")
        return 1
    if misses(runs):
        log("Some targets were missed (listed above); errors: none.")
    return 0


def _git_revision() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 – git from PATH
            cwd=ROOT,
            check=True,
            text=True,
            capture_output=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


if __name__ == "__main__":
    sys.exit(main())

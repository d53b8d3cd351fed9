"""``make scale-test``: the distributed setup on one machine, end to end.

Starts two web processes (A on 127.0.0.1:8120, B on :8121, gunicorn, production settings) and
one task worker (RQ), all on PostgreSQL (database ``bench_scale_test``) and Redis (database
13: cache, sessions, task queue), then checks:

1. a person signs in through A and continues the session on B;
2. two people register for the last seat of an event through A and B at the same moment:
   exactly one gets it, the other is put on the waitlist;
3. the confirmation email queued by A's request is sent by the worker (the web processes
   write mail into one folder, the worker into another, so it cannot be sent inline).

Stops everything it started (processes, and PostgreSQL or Redis if it had to start them),
drops the database and empties its Redis database. Exit code 1 if a check fails.
"""

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)
BIN = PYTHON.parent
PG_HOST = "127.0.0.1"
PG_PORT = 5432
DATABASE = "bench_scale_test"
REDIS_DB = 13
PORTS = {"A": 8120, "B": 8121}
MAIL = ROOT / "var" / "bench" / "scale-test-mail"


def log(message: str) -> None:
    print(message, flush=True)


class Check(Exception):
    pass


# --- Services --------------------------------------------------------------------------------


def _run(*command: str, check: bool = True, env: dict[str, str] | None = None) -> str:
    return subprocess.run(  # noqa: S603 – fixed command lines
        list(command), check=check, text=True, capture_output=True, env=env
    ).stdout


def ensure_postgres(started: list[str]) -> None:
    ready = subprocess.run(  # noqa: S603 – fixed command line
        ["pg_isready", "-h", PG_HOST, "-p", str(PG_PORT)],  # noqa: S607 – from PATH
        capture_output=True,
    )
    if ready.returncode == 0:
        return
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    log(f"Starting PostgreSQL {version} …")
    _run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
    started.append(f"postgres:{version}")
    time.sleep(2)


def ensure_redis(started: list[str]) -> None:
    if _run("redis-cli", "-h", "127.0.0.1", "ping", check=False).strip() == "PONG":
        return
    log("Starting Redis …")
    _run("redis-server", "--port", "6379", "--bind", "127.0.0.1", "--daemonize", "yes")
    started.append("redis")
    time.sleep(1)


def stop_services(started: list[str]) -> None:
    for item in started:
        if item == "redis":
            _run("redis-cli", "-h", "127.0.0.1", "shutdown", "nosave", check=False)
        elif item.startswith("postgres:"):
            version = item.split(":", 1)[1]
            _run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop", check=False)


def psql(sql: str) -> None:
    _run(
        "psql",
        "-h",
        PG_HOST,
        "-U",
        "postgres",
        "-d",
        "postgres",
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        sql,
    )


def environment(mail: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "vamos.settings.production",
            "DATABASE_URL": f"postgres://postgres@{PG_HOST}:{PG_PORT}/{DATABASE}",
            "CONN_MAX_AGE": "60",
            "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
            "TASKS_BACKEND": "redis",
            "SECRET_KEY": "scale-test-only-" + "k" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "VAMOS_BASE_URL": f"http://127.0.0.1:{PORTS['A']}",
            "EMAIL_URL": f"file://{mail}",
            "LOG_LEVEL": "WARNING",
            "VAMOS_FORM_MIN_SECONDS": "0",
            # Static and media files of this test, away from make run's var/static.
            "VAMOS_VAR_DIR": str(ROOT / "var" / "bench" / "scale-test"),
        }
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    return subprocess.run(  # noqa: S603 – our own management commands
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout


# --- HTTP with a cookie jar of our own (the production cookies are Secure) -------------------


class Browser:
    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        origin = f"https://127.0.0.1:{self.port}"
        headers = {
            "X-Forwarded-Proto": "https",  # what the reverse proxy adds
            "Origin": origin,
            "Referer": origin + path,
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=body, headers=headers
        )
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            response = opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return response.status, response.headers.get("Location", ""), response.read().decode()

    def csrf(self, path: str) -> str:
        status, _location, html = self.request(path)
        if status != 200:
            raise Check(f"GET {path} answered {status}")
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if not match:
            raise Check(f"no CSRF token on {path}")
        return match.group(1)

    def sign_in(self, email: str, password: str) -> None:
        token = self.csrf("/konto/login/")
        status, location, _html = self.request(
            "/konto/login/", {"csrfmiddlewaretoken": token, "login": email, "password": password}
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise Check(f"signing in as {email} answered {status} ({location})")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


# --- The checks ------------------------------------------------------------------------------


def check_session(fixture: dict[str, Any]) -> None:
    a = Browser(PORTS["A"])
    a.sign_in(fixture["people"]["first"], fixture["password"])
    b = Browser(PORTS["B"])
    b.cookies = dict(a.cookies)
    status, location, html = b.request("/mein-bereich/")
    if status != 200 or "First" not in html:
        raise Check(f"the session from A did not continue on B ({status} {location})")
    log("ok  signed in through A, continued the session on B")


def check_last_seat(fixture: dict[str, Any]) -> dict[str, Browser]:
    path = f"/veranstaltungen/{fixture['event']}/anmelden/"
    browsers = {"A": Browser(PORTS["A"]), "B": Browser(PORTS["B"])}
    people = {"A": fixture["people"]["first"], "B": fixture["people"]["second"]}
    tokens = {}
    for name, browser in browsers.items():
        browser.sign_in(people[name], fixture["password"])
        tokens[name] = browser.csrf(path)
    results: dict[str, Any] = {}
    barrier = threading.Barrier(2)

    def register(name: str) -> None:
        barrier.wait()
        results[name] = browsers[name].request(
            path,
            {"csrfmiddlewaretoken": tokens[name], "organisation": str(fixture["organisation"])},
        )

    threads = [threading.Thread(target=register, args=(name,)) for name in browsers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name, (status, location, _html) in results.items():
        if status != 302:
            raise Check(f"registering through {name} answered {status} ({location})")
    log("ok  two registrations for the last seat through A and B at once")
    return browsers


def database_state(env: dict[str, str], fixture: dict[str, Any]) -> dict[str, Any]:
    script = (
        "import json\n"
        "from vamos.core.models import OutgoingEmail\n"
        "from vamos.events.models import Registration\n"
        f"regs = Registration.objects.filter(event__slug={fixture['event']!r})\n"
        "print(json.dumps({\n"
        "  'status': {r.user.email: r.status for r in regs.select_related('user')},\n"
        "  'emails': [[e.to, e.status] for e in OutgoingEmail.objects.order_by('pk')],\n"
        "}))\n"
    )
    return json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])


def check_seats(env: dict[str, str], fixture: dict[str, Any]) -> None:
    state = database_state(env, fixture)["status"]
    racers = [state.get(fixture["people"][key]) for key in ("first", "second")]
    if sorted(racers) != ["confirmed", "waitlisted"]:
        raise Check(f"expected one confirmed and one waitlisted, got {racers}")
    log(f"ok  exactly one got the last seat ({racers[0]} / {racers[1]})")


def check_email(
    env: dict[str, str], fixture: dict[str, Any], web_mail: Path, worker_mail: Path
) -> None:
    first = fixture["people"]["first"]
    deadline = time.monotonic() + 60
    emails: list[list[str]] = []
    while time.monotonic() < deadline:
        emails = database_state(env, fixture)["emails"]
        if any(to == first and status == "sent" for to, status in emails):
            break
        time.sleep(1)
    else:
        raise Check(f"the worker did not send the email to {first}: {emails}")
    sent_by_worker = any(
        first in path.read_text(errors="replace") for path in worker_mail.glob("*")
    )
    sent_by_web = [path.name for path in web_mail.glob("*")]
    if not sent_by_worker or sent_by_web:
        raise Check(f"the email was not sent by the worker (web wrote {sent_by_web})")
    log("ok  the email queued by the request on A was sent by the worker")


def main() -> int:
    started_services: list[str] = []
    processes: list[subprocess.Popen[bytes]] = []
    shutil.rmtree(MAIL, ignore_errors=True)
    web_mail, worker_mail = MAIL / "web", MAIL / "worker"
    web_mail.mkdir(parents=True)
    worker_mail.mkdir(parents=True)
    env = environment(web_mail)
    worker_env = environment(worker_mail)
    failed = False
    try:
        ensure_postgres(started_services)
        ensure_redis(started_services)
        _run("redis-cli", "-n", str(REDIS_DB), "flushdb")
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        psql(f"CREATE DATABASE {DATABASE}")
        log(f"Migrating PostgreSQL database {DATABASE} …")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        fixture = json.loads(
            manage(env, "shell", "-c", "from vamos.bench.scale_fixture import build; build()")
            .strip()
            .splitlines()[-1]
        )
        if fixture["seats_left"] != 1:
            raise Check(f"the fixture should leave one seat, it left {fixture['seats_left']}")
        for name, port in PORTS.items():
            processes.append(
                subprocess.Popen(  # noqa: S603 – our own fixed command line
                    [
                        str(BIN / "gunicorn"),
                        "vamos.wsgi:application",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "1",
                        "--log-level",
                        "warning",
                    ],
                    cwd=ROOT,
                    env=env,
                )
            )
            log(f"Web process {name} on 127.0.0.1:{port}")
        processes.append(
            subprocess.Popen(  # noqa: S603 – our own fixed command line
                [str(PYTHON), "manage.py", "rqworker", "default", "--with-scheduler"],
                cwd=ROOT,
                env=worker_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        log("Task worker (RQ) started")
        for port in PORTS.values():
            _wait_for(port)
        check_session(fixture)
        check_last_seat(fixture)
        check_seats(env, fixture)
        check_email(env, fixture, web_mail, worker_mail)
    except (Check, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or ""
        log(f"FAILED: {error}\n{detail}")
        failed = True
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        _run("redis-cli", "-n", str(REDIS_DB), "flushdb", check=False)
        psql_quietly(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        stop_services(started_services)
        log("Stopped the web processes and the worker; dropped the test database.")
    log("scale-test: FAILED" if failed else "scale-test: all checks passed")
    return 1 if failed else 0


def psql_quietly(sql: str) -> None:
    with contextlib.suppress(subprocess.CalledProcessError):
        psql(sql)


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status = Browser(port).request("/health/")[0]
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise Check(f"the web process on port {port} did not start")


if __name__ == "__main__":
    sys.exit(main())

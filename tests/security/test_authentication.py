"""Signing in: one way in (allauth, with its rate limits and the second factor), a new
session on every sign-in, MFA for staff in production, and ``check --deploy`` clean."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff_with_totp(editor: Any) -> Any:
    editor.set_password(PASSWORD)
    editor.save()
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return editor


@pytest.mark.parametrize("url", ["/verwaltung/login/", "/_util/login/", "/en/_util/login/"])
def test_wagtails_password_forms_cannot_sign_in_past_the_second_factor(
    staff_with_totp: Any, url: str
) -> None:
    client = Client()
    response = client.post(url, {"username": staff_with_totp.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("account_login"))
    assert SESSION_KEY not in client.session
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_back_office_sign_in_keeps_where_the_person_wanted_to_go(client: Client) -> None:
    response = client.get("/verwaltung/login/?next=/verwaltung/pages/")
    assert response["Location"] == reverse("account_login") + "?next=/verwaltung/pages/"


def test_staff_with_a_second_factor_must_enter_it_after_the_password(
    client: Client, staff_with_totp: Any
) -> None:
    response = client.post(
        reverse("account_login"), {"login": staff_with_totp.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert SESSION_KEY not in client.session


def test_signing_in_starts_a_new_session(client: Client, member: Any) -> None:
    client.get(reverse("account_login"))
    session = client.session
    session["anything"] = "before"
    session.save()
    before = session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME] = before
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before  # session fixation: the old key is worthless
    assert client.session[SESSION_KEY] == str(member.pk)


def test_password_reset_requests_are_rate_limited(client: Client, member: Any) -> None:
    # allauth: five resets per minute for one address; afterwards the form is refused.
    for _attempt in range(5):
        response = client.post(reverse("account_reset_password"), {"email": member.email})
        assert response.status_code == 302
    response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response.status_code == 429


def test_sign_in_attempts_are_limited_per_address_even_from_many_hosts(member: Any) -> None:
    for attempt in range(5):
        Client(REMOTE_ADDR=f"10.0.0.{attempt}").post(
            reverse("account_login"), {"login": member.email, "password": "wrong"}
        )
    response = Client(REMOTE_ADDR="10.0.1.1").post(
        reverse("account_login"), {"login": member.email, "password": "correct-horse-battery"}
    )
    assert SESSION_KEY not in response.client.session


def test_sign_in_attempts_are_limited_per_host_even_for_many_addresses(member: Any) -> None:
    # allauth: ten failed sign-ins per minute from one address; then even the right password
    # for another account is refused (the form again, with an error) until the minute is over.
    client = Client(REMOTE_ADDR="10.0.2.1")
    for attempt in range(10):
        client.post(
            reverse("account_login"), {"login": f"guess{attempt}@example.org", "password": "x"}
        )
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_signing_out_ends_the_session_on_the_server(client: Client, member: Any) -> None:
    client.post(
        reverse("account_login"), {"login": member.email, "password": "correct-horse-battery"}
    )
    stolen = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("account_logout"))
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = stolen
    response = thief.get(reverse("dashboard:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_staff_without_a_second_factor_cannot_open_the_back_office(
    client: Client, settings: Any, editor: Any
) -> None:
    settings.VAMOS_REQUIRE_STAFF_MFA = True
    editor.set_password(PASSWORD)
    editor.save()
    client.post(reverse("account_login"), {"login": editor.email, "password": PASSWORD})
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def _production(*code: str, **env: str) -> subprocess.CompletedProcess[str]:
    skipped = {"VAMOS_REQUIRE_STAFF_MFA", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    inherited = {key: value for key, value in os.environ.items() if key not in skipped}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "vamos.settings.production",
        "SECRET_KEY": "s" * 20 + "-production-like-secret-for-the-check-" + "k" * 20,
        "ALLOWED_HOSTS": "vamos.example.org",
        "VAMOS_BASE_URL": "https://vamos.example.org",
        "EMAIL_URL": "smtp://mail.example.org:587?tls=true",
        "DATABASE_URL": "sqlite:///:memory:",
        **env,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy_and_require_staff_mfa() -> None:
    result = _production(
        "-c",
        "import django; django.setup(); from django.conf import settings as s;"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING');"
        "values = [s.VAMOS_REQUIRE_STAFF_MFA, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT, s.SECURE_REFERRER_POLICY,"
        " s.X_FRAME_OPTIONS, list(map(str, s.SECURE_CSP['frame-ancestors'])),"
        " s.SESSION_COOKIE_HTTPONLY];"
        "print('|'.join(map(str, values)))",
    )
    assert result.returncode == 0, result.stderr
    last_line = result.stdout.strip().splitlines()[-1]
    assert last_line == "True|True|True|True|True|same-origin|DENY|[\"'none'\"]|True", last_line


def test_check_deploy_complains_when_staff_mfa_is_switched_off() -> None:
    result = _production(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", VAMOS_REQUIRE_STAFF_MFA="0"
    )
    assert result.returncode != 0
    assert "vamos.W002" in result.stderr + result.stdout

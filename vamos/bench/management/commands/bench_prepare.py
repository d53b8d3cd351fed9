"""``manage.py bench_prepare``: sessions for the benchmark's personas and the key pages' URLs,
as JSON on stdout (read by ``vamos.bench.runner``). Only for databases made by ``seed_scale``."""

import json
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management.base import BaseCommand

from vamos.accounts.models import User
from vamos.bench.pages import resolve_pages
from vamos.bench.scale.organisations import PERSONAS

# What the staff MFA middleware stores once a person has signed in with a second factor.
MFA_DONE_SESSION_KEY = "vamos_mfa_ok"


def persona_session(user: User) -> str:
    """A signed-in session of ``user`` (as after signing in with password and second factor)."""
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[MFA_DONE_SESSION_KEY] = True
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


class Command(BaseCommand):
    help = "Print persona sessions and key-page URLs for the benchmark (JSON)."

    def handle(self, *args: Any, **options: Any) -> None:
        cookies = {
            role: persona_session(User.objects.get(email=email))
            for role, (email, _first, _last) in PERSONAS.items()
        }
        pages, notes = resolve_pages()
        self.stdout.write(json.dumps({"cookies": cookies, "pages": pages, "notes": notes}))

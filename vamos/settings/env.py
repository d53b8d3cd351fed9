"""Read settings from environment variables.

Every variable the platform reads is listed in README.md ("Configuration").
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def mailers_config(url: str, base_dir: Path) -> dict[str, dict[str, object]]:
    """Translate an ``EMAIL_URL`` into Django's ``MAILERS`` setting.

    Supported: ``smtp://user:password@host:587?tls=true``, ``smtps://…`` (implicit TLS),
    ``console://``, ``file:///path/to/folder`` (a relative path lands under ``var/``) and
    ``locmem://`` (tests).
    """
    parsed = urlparse(url)
    scheme = parsed.scheme
    if scheme == "console":
        return {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    if scheme == "locmem":
        return {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    if scheme == "file":
        path = unquote(parsed.netloc + parsed.path) or "mail"
        folder = Path(path) if path.startswith("/") else base_dir / "var" / path
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "OPTIONS": {"file_path": str(folder)},
            }
        }
    if scheme in {"smtp", "smtps"}:
        query = parse_qs(parsed.query)
        use_tls = query.get("tls", ["false"])[0].lower() in {"1", "true", "yes"}
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {
                    "host": parsed.hostname or "localhost",
                    "port": parsed.port or (465 if scheme == "smtps" else 25),
                    "username": unquote(parsed.username or ""),
                    "password": unquote(parsed.password or ""),
                    "use_ssl": scheme == "smtps",
                    "use_tls": use_tls and scheme == "smtp",
                    "timeout": 20,
                },
            }
        }
    raise ImproperlyConfigured(f"EMAIL_URL has an unknown scheme: {scheme!r}")

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def check_secret_and_hosts(app_configs: Any, **kwargs: Any) -> list[Error]:
    errors = []
    if not settings.DEBUG and settings.VAMOS_BASE_URL.startswith("http://127.0.0.1"):
        errors.append(
            Error(
                "VAMOS_BASE_URL still points at 127.0.0.1; links in emails would not work.",
                hint="Set VAMOS_BASE_URL to the public https address of the platform.",
                id="vamos.E001",
            )
        )
    return errors


@register(Tags.security, deploy=True)
def check_staff_mfa(app_configs: Any, **kwargs: Any) -> list[Warning]:
    if settings.DEBUG or settings.VAMOS_REQUIRE_STAFF_MFA:
        return []
    return [
        Warning(
            "Staff can use the back office without a second factor.",
            hint="Leave VAMOS_REQUIRE_STAFF_MFA on in production (docs/security.md).",
            id="vamos.W002",
        )
    ]

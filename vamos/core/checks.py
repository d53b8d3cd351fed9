from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


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

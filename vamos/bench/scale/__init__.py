"""Programme-scale data, one module per app, run in this order by ``manage.py seed_scale``.

Each module has ``seed(scale, world)``; later parts read what earlier ones put into ``world``.
A part whose app is not installed yet is skipped (and added when the app lands).
"""

from django.apps import apps

from .base import Scale, World

# (module, the app it needs)
PARTS = [
    ("organisations", "organisations"),
    ("website", "website"),
    ("learning", "learning"),
    ("events", "events"),
    ("journeys", "journeys"),
    ("surveys", "surveys"),
    ("community", "community"),
    ("reports", "reports"),
]


def installed_parts() -> list[str]:
    return [module for module, label in PARTS if apps.is_installed(f"vamos.{label}")]


__all__ = ["PARTS", "Scale", "World", "installed_parts"]

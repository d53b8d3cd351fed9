"""Sections other apps add to "Mein VAMOs".

An app contributes by defining ``dashboard_panels(request) -> list[Panel]`` in
``vamos/<app>/dashboard.py``; the dashboard discovers these modules. Panels render in
``order`` below the built-in organisation section, each through its own template, which
receives ``data`` (the panel's context).
"""

import importlib
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.http import HttpRequest


@dataclass
class Panel:
    template: str
    data: dict[str, Any] = field(default_factory=dict)
    order: int = 100


def collect_panels(request: HttpRequest) -> list[Panel]:
    panels: list[Panel] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("vamos.") or config.name == "vamos.dashboard":
            continue
        try:
            module = importlib.import_module(f"{config.name}.dashboard")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.dashboard":
                raise
            continue
        panels.extend(module.dashboard_panels(request))
    return sorted(panels, key=lambda panel: panel.order)

"""Sections other apps add to "Mein VAMOs", and the cache that keeps them.

An app contributes by defining ``dashboard_panels(request) -> list[Panel]`` in
``vamos/<app>/dashboard.py``; the dashboard discovers these modules. Panels render in
``order`` below the built-in organisation section, each through its own template, which
receives ``data`` (the panel's context) and nothing else: no ``request``, no ``user``.

Building the panels reads much of the platform, so each app's panels are kept in the cache,
per person, language, role and day, under the data versions of the apps they read
(:data:`READS`): a write to any model of those apps renews them in every web process. A
panel is kept as its rendered HTML; a panel holding a form (whose CSRF token belongs to
the session) says ``per_request=True`` and is kept as its ``data`` – plain, picklable
values – and rendered on each request. Lists relative to the clock (upcoming events, the
next appointment) are at most :data:`TIMEOUT` seconds late.
"""

import hashlib
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from vamos.core import versions
from vamos.core.permissions import is_coach, is_editor, is_team_admin


@dataclass
class Panel:
    template: str
    data: dict[str, Any] = field(default_factory=dict)
    order: int = 100
    per_request: bool = False


@dataclass
class Section:
    """A panel as kept in the cache: its HTML, or its template and plain data."""

    order: int
    html: str = ""
    template: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def rendered(self) -> SafeString | None:
        return mark_safe(self.html) if self.html else None  # noqa: S308 – our own templates


# Every panel reads people, organisations, topic fields and pages.
_COMMON = {"accounts", "organisations", "core", "wagtailcore"}

# The apps whose data each app's panels read, by app label (checked against the tables they
# query in tests/test_panels.py). An app missing here is renewed by any write at all.
READS: dict[str, set[str]] = {
    "dashboard": _COMMON,
    "learning": _COMMON | {"learning"},
    "events": _COMMON | {"events"},
    "surveys": _COMMON | {"surveys"},
    "reports": _COMMON | {"reports"},
    # recommendation targets: events, modules and videos
    "journeys": _COMMON | {"journeys", "events", "learning"},
    # the organisation's needs come from its journey and its Verbands-Check
    "community": _COMMON | {"community", "journeys", "surveys"},
}

TIMEOUT = 600


def depends_on(label: str) -> list[str]:
    """The tracked model names whose writes renew the panels of app ``label``."""
    names = sorted(versions.names())
    wanted = READS.get(label)
    if wanted is None:
        return names
    return [name for name in names if name.split(".", 1)[0] in wanted]


def panel_modules() -> list[tuple[str, Any]]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("vamos.") or config.name == "vamos.dashboard":
            continue
        try:
            module = importlib.import_module(f"{config.name}.dashboard")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.dashboard":
                raise
            continue
        modules.append((config.label, module))
    return modules


def to_sections(panels: Iterable[Panel]) -> list[Section]:
    sections = []
    for panel in panels:
        if panel.per_request:
            sections.append(Section(order=panel.order, template=panel.template, data=panel.data))
        else:
            html = get_template(panel.template).render({"data": panel.data})
            sections.append(Section(order=panel.order, html=html))
    return sections


def _personal_key(request: HttpRequest) -> str:
    user = request.user
    roles = "".join(
        flag
        for flag, check in (("t", is_team_admin), ("e", is_editor), ("c", is_coach))
        if check(user)
    )
    return ":".join(
        [
            str(user.pk),
            roles or "-",
            translation.get_language() or "",
            timezone.localdate().isoformat(),
        ]
    )


def cached_sections(
    request: HttpRequest, builders: dict[str, Callable[[], list[Panel]]]
) -> list[Section]:
    """The sections of ``builders`` (app label → build the app's panels), from the cache
    where the data they read is unchanged; one query for the data versions of all."""
    wanted = {label: depends_on(label) for label in builders}
    names = sorted({name for found in wanted.values() for name in found})
    tokens = dict(zip(names, versions.tokens(*names).split("."), strict=True))
    personal = _personal_key(request)
    keys = {}
    for label, found in wanted.items():
        digest = hashlib.sha256(".".join(tokens[name] for name in found).encode()).hexdigest()
        keys[label] = f"vamos:dashboard:{label}:{personal}:{digest[:32]}"
    hits = cache.get_many(list(keys.values()))
    sections: list[Section] = []
    for label, build in builders.items():
        kept: list[Section] | None = hits.get(keys[label])
        if kept is None:
            kept = to_sections(build())
            cache.set(keys[label], kept, TIMEOUT)
        sections.extend(kept)
    return sorted(sections, key=lambda section: section.order)


def dashboard_sections(request: HttpRequest, own: Callable[[], list[Panel]]) -> list[Section]:
    """The dashboard's ``own`` panels and every app's, in ``order``."""
    builders: dict[str, Callable[[], list[Panel]]] = {"dashboard": own}
    for label, module in panel_modules():
        builders[label] = partial(module.dashboard_panels, request)
    return cached_sections(request, builders)

"""How each area of the report is computed from the other apps' selectors (definitions in
``docs/reports.md``), one module per area. An area's aggregates are database queries whose
number does not grow with the data; the result is plain data (``data.Area``), which
``figures.Report`` keeps in the cache until a write changes what the area reads
(``SOURCES``)."""

from collections.abc import Callable

from vamos.core import versions

from ..data import Area
from . import coaching, events, exchange, learning, needs, reach
from .base import AreaBuilder

__all__ = ["SOURCES", "AreaBuilder", "build_area", "sources"]

# The apps whose data each area reads (through their selectors, and the topic fields and
# organisations of the scope): a write to any of their models, pages included, makes the
# area's cached figures void. Wider than needed rather than stale.
SOURCES: dict[str, tuple[str, ...]] = {
    "reach": ("core", "accounts", "organisations", "events", "learning", "journeys", "surveys"),
    "learning": ("core", "accounts", "organisations", "learning", "wagtailcore"),
    "events": ("core", "accounts", "organisations", "events", "surveys"),
    "coaching": ("core", "organisations", "journeys"),
    "needs": ("core", "accounts", "organisations", "surveys"),
    "exchange": ("core", "accounts", "organisations", "community", "wagtailcore"),
}

_BUILD: dict[str, Callable[[AreaBuilder], Area]] = {
    "reach": reach.build,
    "learning": learning.build,
    "events": events.build,
    "coaching": coaching.build,
    "needs": needs.build,
    "exchange": exchange.build,
}


def sources(area: str) -> list[str]:
    """The data versions (``vamos.core.versions``) an area depends on."""
    apps = SOURCES[area]
    return sorted(name for name in versions.names() if name.partition(".")[0] in apps)


def build_area(builder: AreaBuilder, key: str) -> Area:
    return _BUILD[key](builder)

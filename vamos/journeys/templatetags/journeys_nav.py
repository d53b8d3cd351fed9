from typing import Any

from django import template
from django.urls import reverse

from ..permissions import can_find_journeys

register = template.Library()


@register.inclusion_tag("journeys/includes/nav_item.html", takes_context=True)
def journeys_nav_item(context: template.Context) -> dict[str, Any]:
    """The header's "Learning journeys" entry, for whom ``can_find_journeys`` allows."""
    request = context.get("request")
    shown = can_find_journeys(context.get("user"))
    url = reverse("journeys:index")
    path = getattr(request, "path", "")
    return {"shown": shown, "url": url, "current": path == url, "active": path.startswith(url)}

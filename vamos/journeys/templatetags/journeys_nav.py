from typing import Any

from django import template
from django.urls import reverse

from vamos.core.permissions import is_coach, is_team_admin

from ..permissions import visible_journeys

register = template.Library()


@register.inclusion_tag("journeys/includes/nav_item.html", takes_context=True)
def journeys_nav_item(context: template.Context) -> dict[str, Any]:
    """The header's "Learning journeys" entry, for coaches, team admins and people whose
    organisation has a journey they may see."""
    user: Any = context.get("user")
    request = context.get("request")
    shown = bool(
        user is not None
        and user.is_authenticated
        and (is_coach(user) or is_team_admin(user) or visible_journeys(user).exists())
    )
    url = reverse("journeys:index")
    path = getattr(request, "path", "")
    return {"shown": shown, "url": url, "current": path == url, "active": path.startswith(url)}

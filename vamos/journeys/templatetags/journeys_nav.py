from typing import Any

from django import template
from django.urls import reverse

from vamos.core.permissions import is_coach, is_team_admin
from vamos.organisations.permissions import belongs_to_registered_organisation

register = template.Library()


@register.inclusion_tag("journeys/includes/nav_item.html", takes_context=True)
def journeys_nav_item(context: template.Context) -> dict[str, Any]:
    """The header's "Learning journeys" entry: for coaches, team admins and the people of
    registered organisations (who see their journeys, or how to apply for one)."""
    user: Any = context.get("user")
    request = context.get("request")
    shown = bool(
        user is not None
        and user.is_authenticated
        and (is_coach(user) or is_team_admin(user) or belongs_to_registered_organisation(user))
    )
    url = reverse("journeys:index")
    path = getattr(request, "path", "")
    return {"shown": shown, "url": url, "current": path == url, "active": path.startswith(url)}

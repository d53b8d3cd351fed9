from typing import Any

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("surveys/includes/nav_item.html", takes_context=True)
def surveys_nav_item(context: template.Context) -> dict[str, Any]:
    """The "Surveys" entry of the main navigation (for signed-in people)."""
    request = context.get("request")
    url = reverse("surveys:index")
    path = request.path if request else ""
    return {"url": url, "current": path == url, "section": path.startswith(url)}

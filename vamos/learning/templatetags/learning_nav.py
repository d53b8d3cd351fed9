from typing import Any

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("learning/includes/nav_item.html", takes_context=True)
def learning_nav_item(context: template.Context) -> dict[str, Any]:
    """The main navigation's entry for the learning area (open to everyone: the catalogue
    is public)."""
    path = getattr(context.get("request"), "path", "")
    url = reverse("learning:catalogue")
    return {"url": url, "current": path == url, "active": path.startswith(url)}

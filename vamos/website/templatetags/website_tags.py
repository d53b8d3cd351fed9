from typing import Any

from django import template
from django.utils import translation

from vamos.website.navigation import navigation

register = template.Library()


def _nav() -> dict[str, Any]:
    return navigation(translation.get_language() or "de")


@register.simple_tag
def home_url() -> str:
    return _nav()["home_url"]


@register.simple_tag(takes_context=True)
def main_menu(context: template.Context) -> list[dict[str, Any]]:
    current_path = getattr(context.get("page"), "path", "")
    return [
        {**item, "active": bool(current_path) and current_path.startswith(item["path"])}
        for item in _nav()["menu"]
    ]


@register.simple_tag
def legal_links() -> list[dict[str, str]]:
    return _nav()["legal"]


@register.simple_tag
def contact_page() -> dict[str, str] | None:
    return _nav()["contact"]

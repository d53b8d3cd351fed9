from typing import Any

from django import template
from wagtail.models import Locale, Page

from vamos.website.models import ContactPage
from vamos.website.selectors import legal_pages, menu_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def home_url(context: template.Context) -> str:
    request = context.get("request")
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return "/"
    home = Page.objects.filter(depth=2, locale=locale).live().first()
    return home.get_url(request) if home else "/"


@register.simple_tag(takes_context=True)
def main_menu(context: template.Context) -> list[dict[str, Any]]:
    request = context.get("request")
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items = []
    for page in menu_pages():
        items.append(
            {
                "title": page.title,
                "url": page.get_url(request),
                "active": bool(current_path) and current_path.startswith(page.path),
            }
        )
    return items


@register.simple_tag(takes_context=True)
def legal_links(context: template.Context) -> list[dict[str, str]]:
    request = context.get("request")
    return [{"title": page.title, "url": page.get_url(request)} for page in legal_pages()]


@register.simple_tag(takes_context=True)
def contact_page(context: template.Context) -> dict[str, str] | None:
    request = context.get("request")
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return None
    page = ContactPage.objects.live().filter(locale=locale).first()
    return {"title": page.title, "url": page.get_url(request)} if page else None

from typing import Any

from django.db.models import QuerySet
from wagtail.models import Locale, Page

from .models import StandardPage


def _current_locale() -> Locale | None:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def legal_page_get(*, role: str) -> StandardPage | None:
    """The live page with ``role`` in the active language, else the German one."""
    pages = StandardPage.objects.live().filter(role=role)
    locale = _current_locale()
    return (locale and pages.filter(locale=locale).first()) or pages.order_by("pk").first()


def legal_pages() -> list[StandardPage]:
    locale = _current_locale()
    pages = StandardPage.objects.live().exclude(role="").filter(locale=locale)
    order = [StandardPage.Role.IMPRINT, StandardPage.Role.PRIVACY, StandardPage.Role.ACCESSIBILITY]
    return sorted(pages, key=lambda page: order.index(page.role))


def menu_pages() -> QuerySet[Page]:
    """Top-level pages of the active language's site tree shown in the main navigation."""
    locale = _current_locale()
    pages = Page.objects.live().public().in_menu().filter(depth=3)
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.order_by("path")


def topic_field_offers(*, topic_field: Any, user: Any, limit: int = 6) -> dict[str, Any]:
    """What the academy offers in one topic field: modules, upcoming events and public best
    practices — each read through the owning app's selectors, so visibility rules hold."""
    from vamos.community.selectors import public_best_practices
    from vamos.events.selectors import event_calendar_list
    from vamos.learning.selectors import module_list, module_url

    modules = list(module_list(topic_field=topic_field)[:limit])
    return {
        "modules": [(module, module_url(module)) for module in modules],
        "events": list(event_calendar_list(user=user, topic_field=topic_field)[:limit]),
        "best_practices": list(public_best_practices(topic_field=topic_field)[:limit]),
    }

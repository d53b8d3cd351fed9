"""Main menu, footer links and the home link, cached per language.

Every page shows them, so they are read once and kept in the cache until an editor
publishes, unpublishes, moves or deletes a page (see ``apps.py``).
"""

from typing import Any

from django.core.cache import cache
from wagtail.models import Locale, Page

from .models import ContactPage
from .selectors import legal_pages, menu_pages

_KEY = "vamos:navigation:{language}"


def navigation(language: str) -> dict[str, Any]:
    key = _KEY.format(language=language)
    cached = cache.get(key)
    if cached is None:
        cached = _build()
        cache.set(key, cached, 3600)
    return cached


def navigation_reset(**kwargs: Any) -> None:
    from django.conf import settings

    cache.delete_many([_KEY.format(language=code) for code, _name in settings.LANGUAGES])


def _build() -> dict[str, Any]:
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = None
    home = Page.objects.filter(depth=2, locale=locale).live().first() if locale else None
    contact = ContactPage.objects.live().filter(locale=locale).first() if locale else None
    return {
        "home_url": home.url if home else "/",
        "menu": [{"title": p.title, "url": p.url, "path": p.path} for p in menu_pages()],
        "legal": [{"title": p.title, "url": p.url} for p in legal_pages()],
        "contact": {"title": contact.title, "url": contact.url} if contact else None,
    }


def page_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        navigation_reset()

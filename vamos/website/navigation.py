"""Main menu, footer links and the home link, cached per language.

Every page shows them, so they are read once and kept in the cache until any page or site
changes (its data version, ``vamos.core.versions``: publishing, unpublishing, moving,
renaming or deleting a page, in any web process).
"""

from typing import Any

from wagtail.models import Locale, Page

from vamos.core import versions

from .models import ContactPage
from .selectors import legal_pages, menu_pages


def navigation(language: str) -> dict[str, Any]:
    return versions.cached(
        f"navigation:{language}", depends_on=versions.page_types(), build=_build, timeout=3600
    )


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

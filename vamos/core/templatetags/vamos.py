from typing import Any

from django import template
from django.conf import settings
from django.forms.boundfield import BoundField
from django.urls import translate_url
from django.utils import translation

from vamos.core import versions
from vamos.core.forms import KernBoundField, kern_bound_field

register = template.Library()


@register.filter
def kern_field(bound_field: BoundField) -> KernBoundField:
    return kern_bound_field(bound_field)


@register.inclusion_tag("core/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict[str, Any]:
    """Links to this page in the other languages (a Wagtail page's own translation if any)."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    page = context.get("page")
    current = translation.get_language()
    translated_urls: dict[str, str] = {}
    if page is not None and hasattr(page, "get_translation_or_none"):
        translated_urls = versions.cached(
            f"page-translations:{page.pk}",
            depends_on=[type(page)],
            build=lambda: _translation_urls(page, request),
        )
    languages = []
    for code, name in settings.LANGUAGES:
        url = translated_urls.get(code) or translate_url(path, code)
        with translation.override(code):
            local_name = translation.gettext(name)
        languages.append({"code": code, "name": local_name, "url": url, "current": code == current})
    return {"languages": languages, "next": path, "csrf_token": context.get("csrf_token")}


def _translation_urls(page: Any, request: Any) -> dict[str, str]:
    """The page's live translations by language code (read once, then cached)."""
    from wagtail.models import Locale

    urls = {}
    for code, _name in settings.LANGUAGES:
        locale = Locale.objects.filter(language_code=code).first()
        translated = page.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            urls[code] = translated.get_url(request)
    return urls


@register.filter
def split(value: str) -> list[str]:
    return value.split()


@register.filter
def field(form: Any, name: str) -> BoundField | None:
    """``form|field:"email"``: the bound field, or nothing if the form has no such field."""
    return form[name] if name in form.fields else None


@register.inclusion_tag("core/nav_item.html", takes_context=True)
def nav_item(context: template.Context, url_name: str, label: str) -> dict[str, Any]:
    """A navigation link marked as the current page, or as the current section below it."""
    from django.urls import reverse

    path = getattr(context.get("request"), "path", "")
    url = reverse(url_name)
    return {"url": url, "label": label, "current": path == url, "active": path.startswith(url)}

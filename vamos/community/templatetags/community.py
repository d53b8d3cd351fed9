from typing import Any

from django import template
from django.utils.safestring import SafeString

from vamos.community import markup

register = template.Library()


@register.filter
def light_markup(text: str) -> SafeString:
    """A text people typed, as sanitised HTML (paragraphs, lists, bold, links)."""
    return markup.render(text)


@register.filter
def filesize(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


@register.inclusion_tag("community/includes/subnav.html", takes_context=True)
def community_subnav(context: template.Context) -> dict[str, Any]:
    """The peer exchange's own navigation; each link only for those who may use it."""
    from vamos.core.permissions import is_staff_member
    from vamos.organisations.permissions import is_platform_member

    from ..permissions import can_moderate, is_reviewer, writable_organisations

    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    return {
        "request": request,
        "signed_in": signed_in,
        "platform_member": signed_in and is_platform_member(user),
        "has_organisation": signed_in and writable_organisations(user).exists(),
        "reviewer": signed_in and is_reviewer(user),
        "moderator": signed_in and can_moderate(user),
        "staff": signed_in and is_staff_member(user),
    }

"""Links from the back office to the editorial team's review queue and moderation, which
run in the platform's own pages (the same permission checks, KERN layout)."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import can_moderate, is_reviewer
from .selectors import moderation_queue_count, review_queue_count


class CountingMenuItem(MenuItem):
    def __init__(self, *args: Any, allowed: Any, count: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allowed = allowed
        self.count = count

    def is_shown(self, request: HttpRequest) -> bool:
        return self.allowed(request.user)

    def render_component(self, request: HttpRequest) -> Any:
        # Wagtail's sidebar renders menu items through render_component.
        component = super().render_component(request)
        count = self.count()
        if count:
            component.label = f"{self.label} ({count})"
        return component


@hooks.register("register_admin_menu_item")
def register_review_menu_item() -> MenuItem:
    return CountingMenuItem(
        _("Best practices to review"),
        reverse("community:review-queue"),
        icon_name="doc-full",
        order=220,
        allowed=is_reviewer,
        count=review_queue_count,
    )


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item() -> MenuItem:
    return CountingMenuItem(
        _("Reported comments"),
        reverse("community:moderation"),
        icon_name="warning",
        order=221,
        allowed=can_moderate,
        count=moderation_queue_count,
    )

"""A back-office menu entry that leads team admins to the application queue of learning
support (the queue itself lives in the platform front end, where coaches work too)."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import can_administer_journeys
from .selectors import application_queue_count


class CoachingApplicationsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_administer_journeys(request.user)

    def render_component(self, request: HttpRequest) -> Any:
        # Wagtail's sidebar renders menu items through render_component.
        component = super().render_component(request)
        count = application_queue_count()
        if count:
            component.label = f"{self.label} ({count})"
        return component


@hooks.register("register_admin_menu_item")
def register_coaching_menu_item() -> MenuItem:
    return CoachingApplicationsMenuItem(
        _("Learning support"), reverse("journeys:queue"), icon_name="user", order=205
    )

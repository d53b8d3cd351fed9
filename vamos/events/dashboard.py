"""The "My upcoming events" card on the personal dashboard ("Mein VAMOs")."""

from django.http import HttpRequest

from vamos.dashboard.panels import Panel

from .permissions import can_manage_event
from .selectors import upcoming_events_for_user, user_registrations


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    user = request.user
    registrations = list(user_registrations(user=user, upcoming=True)[:5])
    return [
        Panel(
            template="events/dashboard_panel.html",
            data={
                "registrations": registrations,
                "suggestions": [] if registrations else upcoming_events_for_user(user=user),
                "is_team": can_manage_event(user),
            },
            order=20,
        )
    ]

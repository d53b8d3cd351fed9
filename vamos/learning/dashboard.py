"""The learning card on "Mein VAMOs": continue where I stopped, completed modules,
certificates; for organisation admins a link to their organisation's learning."""

from django.http import HttpRequest

from vamos.dashboard.panels import Panel
from vamos.organisations.selectors import user_admin_organisations

from . import selectors
from .permissions import can_learn


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    user = request.user
    if not can_learn(user):
        return []
    return [
        Panel(
            template="learning/dashboard_panel.html",
            data={
                "continue_with": selectors.continue_lesson(user=user),
                "summary": selectors.user_learning_summary(user=user),
                "completed": [m for m in selectors.my_modules(user=user) if m.record.completed_at][
                    :3
                ],
                "certificates": list(selectors.my_certificates(user=user)[:3]),
                "admin_organisations": list(user_admin_organisations(user=user)),
            },
            order=20,
        )
    ]

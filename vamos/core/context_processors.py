from typing import Any

from django.http import HttpRequest

from .permissions import can_open_back_office


def platform(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)

    def show_back_office() -> bool:
        # Evaluated only when a template asks.
        return can_open_back_office(user)

    return {"show_back_office": show_back_office}

from typing import Any

from django.http import HttpRequest


def platform(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)

    def show_back_office() -> bool:
        # Evaluated only when a template asks, so pages without the link run no query.
        return bool(
            user is not None
            and user.is_authenticated
            and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
        )

    return {"show_back_office": show_back_office}

"""Role checks every app's ``permissions.py`` builds on, and the one way views fetch objects.

The pattern (STYLE.md): each object kind has ``can_<verb>_<thing>(user, obj)`` and
``visible_<things>(user)`` in its app's ``permissions.py``; views call
``get_<thing>_for_user(request, pk, action=…)``, which is built with :func:`get_for_user`
and answers 404 for anything the user may not see or do, so nothing leaks that it exists.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Model, QuerySet
from django.http import Http404

from . import versions
from .roles import COACH, EDITOR, TEAM_ADMIN

M = TypeVar("M", bound=Model)


def _group_names(user: Any) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_vamos_group_names", None)
    if cached is None:
        # Kept until the person or a role changes (a new group m2m renews the person's data
        # version, vamos.core.versions), so most pages read no roles at all.
        cached = versions.cached(
            f"roles:{user.pk}",
            depends_on=[settings.AUTH_USER_MODEL.lower(), Group],
            build=lambda: frozenset(user.groups.values_list("name", flat=True)),
            timeout=300,
        )
        user._vamos_group_names = cached
    return cached


def can_open_back_office(user: Any) -> bool:
    """The link to the back office (Wagtail's ``access_admin`` permission, by role or given
    to the person)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return versions.cached(
        f"back-office:{user.pk}",
        depends_on=[settings.AUTH_USER_MODEL.lower(), Group],
        build=lambda: user.has_perm("wagtailadmin.access_admin"),
        timeout=300,
    )


def is_team_admin(user: Any) -> bool:
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return TEAM_ADMIN in _group_names(user)


def is_editor(user: Any) -> bool:
    return EDITOR in _group_names(user) or is_team_admin(user)


def is_coach(user: Any) -> bool:
    return COACH in _group_names(user)


def is_staff_member(user: Any) -> bool:
    """Anyone on the VAMOs team: team admin, coach or editor."""
    return is_team_admin(user) or bool(_group_names(user) & {COACH, EDITOR})


def get_for_user[M: Model](
    visible: Callable[[Any], QuerySet[M]],
    request: Any,
    lookup: dict[str, Any],
    *,
    allowed: Callable[[Any, M], bool] | None = None,
) -> M:
    """Fetch one object through ``visible(user)``; 404 if absent, invisible or not ``allowed``."""
    try:
        obj = visible(request.user).get(**lookup)
    except (ValueError, TypeError) as exc:
        raise Http404 from exc
    except visible(request.user).model.DoesNotExist as exc:
        raise Http404 from exc
    if allowed is not None and not allowed(request.user, obj):
        raise Http404
    return obj

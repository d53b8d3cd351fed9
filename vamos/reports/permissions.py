"""Who sees which report. Default deny: the team dashboard, indicators, programme years and
the funder exports are for team admins only; an organisation's report for that
organisation's admins (Ansprechpersonen) and team admins. Everything else answers 404."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from vamos.core.permissions import get_for_user, is_team_admin
from vamos.organisations.models import Membership, Organisation
from vamos.organisations.permissions import REGISTERED, is_organisation_admin

from .models import Indicator, ProgrammeYear


def can_view_reports(user: Any) -> bool:
    return is_team_admin(user)


def can_manage_indicators(user: Any) -> bool:
    return is_team_admin(user)


def require_team_reports(request: HttpRequest) -> None:
    """404 for anyone but team admins (the dashboard's existence is not revealed)."""
    if not can_view_reports(request.user):
        raise Http404


def visible_indicators(user: Any) -> QuerySet[Indicator]:
    if not can_manage_indicators(user):
        return Indicator.objects.none()
    return Indicator.objects.select_related("programme_year", "topic_field")


def visible_programme_years(user: Any) -> QuerySet[ProgrammeYear]:
    if not can_manage_indicators(user):
        return ProgrammeYear.objects.none()
    return ProgrammeYear.objects.all()


def get_indicator_for_user(request: HttpRequest, pk: int) -> Indicator:
    return get_for_user(visible_indicators, request, {"pk": pk})


def get_programme_year_for_user(request: HttpRequest, pk: int) -> ProgrammeYear:
    return get_for_user(visible_programme_years, request, {"pk": pk})


def can_view_organisation_report(user: Any, organisation: Organisation) -> bool:
    if is_team_admin(user):
        return True
    return organisation.status in REGISTERED and is_organisation_admin(user, organisation)


def reportable_organisations(user: Any) -> QuerySet[Organisation]:
    """Organisations whose report the user may open."""
    if is_team_admin(user):
        return Organisation.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        status__in=REGISTERED, memberships__user=user, memberships__role=Membership.Role.ADMIN
    )


def get_organisation_report_for_user(request: HttpRequest, slug: str) -> Organisation:
    return get_for_user(
        reportable_organisations, request, {"slug": slug}, allowed=can_view_organisation_report
    )

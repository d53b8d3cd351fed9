"""Who may see and do what with surveys, rounds and responses.

- Team admins build surveys, invite, follow response rates, read results and identified
  responses, and export. Anonymous responses are never shown one by one – to anyone.
- Organisation admins (Ansprechpersonen) answer their organisation's surveys and the
  Verbands-Check and read their organisation's answers. Members see the Verbands-Check
  results of their organisation.
- Every person answers surveys meant for persons (e.g. event feedback) and reads their own
  identified answers.
- Coaches see the self-assessment and needs of the organisations whose journey they coach.
- Everything else answers 404, so nobody learns that an object exists.
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from vamos.core.permissions import get_for_user, is_team_admin
from vamos.organisations.models import Membership, Organisation
from vamos.organisations.permissions import is_member

from .models import Question, Response, Section, Survey, Wave


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _org_roles(user: Any) -> dict[int, str]:
    """Active organisations of ``user`` → role (cached on the user object)."""
    if not _active(user):
        return {}
    cached = getattr(user, "_vamos_survey_orgs", None)
    if cached is None:
        cached = dict(
            Membership.objects.filter(
                user=user, organisation__status=Organisation.Status.ACTIVE
            ).values_list("organisation_id", "role")
        )
        user._vamos_survey_orgs = cached
    return cached


def admin_organisation_ids(user: Any) -> set[int]:
    return {pk for pk, role in _org_roles(user).items() if role == Membership.Role.ADMIN}


def member_organisation_ids(user: Any) -> set[int]:
    return set(_org_roles(user))


def coached_organisation_ids(user: Any) -> set[int]:
    """Organisations whose learning journey ``user`` coaches (read from the journeys app)."""
    if not _active(user):
        return set()
    cached = getattr(user, "_vamos_survey_coached", None)
    if cached is None:
        from .integrations import coached_organisation_ids as lookup

        cached = set(lookup(user))
        user._vamos_survey_coached = cached
    return cached


def can_manage_surveys(user: Any) -> bool:
    return is_team_admin(user)


# --- Rounds a respondent may open ----------------------------------------------------------


def visible_waves(user: Any) -> QuerySet[Wave]:
    """Published rounds meant for ``user`` (as admin or member of an invited or addressed
    organisation, or as an invited person). Team admins see every round."""
    waves = Wave.objects.select_related("survey")
    if not _active(user):
        return waves.none()
    if is_team_admin(user):
        return waves
    org_ids = member_organisation_ids(user)
    for_organisations = Q(survey__respondent=Survey.Respondent.ORGANISATION) & (
        Q(audience=Wave.Audience.ALL) | Q(invitations__organisation_id__in=org_ids)
    )
    for_person = Q(survey__respondent=Survey.Respondent.PERSON) & (
        Q(audience=Wave.Audience.ALL) | Q(invitations__user=user)
    )
    condition = Q(invitations__user=user) & Q(survey__respondent=Survey.Respondent.PERSON)
    if org_ids:
        condition = for_organisations | for_person
    ids = (
        Wave.objects.filter(is_published=True)
        .exclude(survey__kind=Survey.Kind.FEEDBACK_TEMPLATE)
        .filter(condition)
        .values("pk")
    )
    return waves.filter(pk__in=ids)


def answerable_organisations(user: Any, wave: Wave) -> QuerySet[Organisation]:
    """Organisations ``user`` may answer ``wave`` for: active, administered by the user and
    addressed by the round."""
    if not wave.survey.per_organisation:
        return Organisation.objects.none()
    organisations = Organisation.objects.filter(
        pk__in=admin_organisation_ids(user), status=Organisation.Status.ACTIVE
    )
    if wave.audience == Wave.Audience.INVITED:
        organisations = organisations.filter(
            survey_invitations__wave=wave, survey_invitations__user__isnull=True
        )
    return organisations.order_by("name")


def can_answer_as_person(user: Any, wave: Wave) -> bool:
    if wave.survey.per_organisation or not _active(user):
        return False
    if wave.audience == Wave.Audience.ALL:
        return bool(member_organisation_ids(user)) or wave.invitations.filter(user=user).exists()
    return wave.invitations.filter(user=user).exists()


def can_answer_wave(user: Any, wave: Wave, organisation: Organisation | None = None) -> bool:
    """May ``user`` answer ``wave`` (for ``organisation``) at all – open or not."""
    if not wave.is_published or wave.survey.kind == Survey.Kind.FEEDBACK_TEMPLATE:
        return False
    if wave.survey.per_organisation:
        if organisation is None:
            return False
        return answerable_organisations(user, wave).filter(pk=organisation.pk).exists()
    return can_answer_as_person(user, wave)


def get_wave_for_user(request: HttpRequest, pk: int) -> Wave:
    return get_for_user(visible_waves, request, {"pk": pk})


# --- Responses ----------------------------------------------------------------------------


def visible_responses(user: Any) -> QuerySet[Response]:
    """Organisation admins: their organisation's responses; everyone: their own. Team admins
    and coaches read submitted identified responses (coaches: of organisations they coach).
    Anonymous responses keep no owner and are therefore nobody's to open."""
    responses = Response.objects.select_related("wave__survey", "organisation")
    if not _active(user):
        return responses.none()
    own = Q(organisation_id__in=admin_organisation_ids(user)) | Q(respondent=user)
    submitted = Q(status=Response.Status.SUBMITTED, wave__survey__anonymous=False)
    if is_team_admin(user):
        own |= submitted & (Q(organisation__isnull=False) | Q(respondent__isnull=False))
    coached = coached_organisation_ids(user)
    if coached:
        own |= submitted & Q(organisation_id__in=coached)
    return responses.filter(own)


def can_edit_response(user: Any, response: Response) -> bool:
    """The draft of an open round, by an admin of its organisation or its own person."""
    if response.status != Response.Status.DRAFT or not response.wave.is_open:
        return False
    if response.organisation_id is not None:
        return response.organisation_id in admin_organisation_ids(user)
    return response.respondent_id is not None and response.respondent_id == user.pk


def can_view_response(user: Any, response: Response) -> bool:
    return visible_responses(user).filter(pk=response.pk).exists()


def get_response_for_user(request: HttpRequest, pk: Any) -> Response:
    return get_for_user(visible_responses, request, {"pk": pk})


# --- Self-assessment and needs of an organisation ----------------------------------------


def can_view_organisation_surveys(user: Any, organisation: Organisation) -> bool:
    """The Verbands-Check results and needs of ``organisation``: its people, its coaches and
    the team admins."""
    if not _active(user):
        return False
    return (
        is_team_admin(user)
        or is_member(user, organisation)
        or organisation.pk in coached_organisation_ids(user)
    )


def visible_assessed_organisations(user: Any) -> QuerySet[Organisation]:
    organisations = Organisation.objects.exclude(
        status__in=[Organisation.Status.REJECTED, Organisation.Status.APPLIED]
    )
    if not _active(user):
        return organisations.none()
    if is_team_admin(user):
        return organisations
    ids = set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
    return organisations.filter(pk__in=ids | coached_organisation_ids(user))


def get_assessed_organisation_for_user(request: HttpRequest, slug: str) -> Organisation:
    return get_for_user(
        visible_assessed_organisations,
        request,
        {"slug": slug},
        allowed=can_view_organisation_surveys,
    )


# --- The team's views ---------------------------------------------------------------------


def visible_surveys_for_team(user: Any) -> QuerySet[Survey]:
    return Survey.objects.all() if can_manage_surveys(user) else Survey.objects.none()


def visible_waves_for_team(user: Any) -> QuerySet[Wave]:
    if not can_manage_surveys(user):
        return Wave.objects.none()
    return Wave.objects.select_related("survey", "previous")


def get_survey_for_team(request: HttpRequest, pk: int) -> Survey:
    return get_for_user(visible_surveys_for_team, request, {"pk": pk})


def get_wave_for_team(request: HttpRequest, pk: int) -> Wave:
    return get_for_user(visible_waves_for_team, request, {"pk": pk})


def get_section_for_team(request: HttpRequest, wave: Wave, pk: int) -> Section:
    section = Section.objects.filter(wave=wave, pk=pk).first()
    if section is None or not can_manage_surveys(request.user):
        raise Http404
    return section


def get_question_for_team(request: HttpRequest, wave: Wave, pk: int) -> Question:
    question = (
        Question.objects.select_related("section", "condition_question")
        .filter(wave=wave, pk=pk)
        .first()
    )
    if question is None or not can_manage_surveys(request.user):
        raise Http404
    return question


def get_team_response_for_user(request: HttpRequest, wave: Wave, pk: Any) -> Response:
    """One identified, submitted response of ``wave`` for the team; anonymous ones 404."""
    if not can_manage_surveys(request.user) or wave.survey.anonymous:
        raise Http404
    return get_for_user(
        lambda user: visible_responses(user).filter(wave=wave, status=Response.Status.SUBMITTED),
        request,
        {"pk": pk},
    )

"""Reads for respondents: what waits for me, my drafts, what I (or my organisation) answered."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from vamos.organisations.models import Organisation

from ..models import Answer, Participation, Response, Survey, Wave, WaveInvitation
from ..permissions import (
    admin_organisation_ids,
    member_organisation_ids,
    visible_waves,
)
from ..questionnaire import all_topic_fields, answer_label


@dataclass
class SurveyTask:
    """A round one may answer now – for an organisation or for oneself."""

    wave: Wave
    organisation: Organisation | None
    response: Response | None
    participated: bool

    @property
    def status(self) -> str:
        if self.participated:
            return "submitted"
        if self.response is not None:
            return "draft"
        return "new"

    @property
    def pages(self) -> int:
        return getattr(self.wave, "page_count", 0) or 0

    @property
    def progress(self) -> int:
        """Pages saved so far, for the progress bar of a draft."""
        if self.response is None:
            return 0
        return min(self.response.last_page, self.pages)


def _with_page_count(waves: QuerySet[Wave]) -> QuerySet[Wave]:
    return waves.annotate(
        page_count=Count("sections", filter=Q(sections__questions__isnull=False), distinct=True)
    )


def open_waves(*, today: Any = None) -> QuerySet[Wave]:
    today = today or timezone.localdate()
    return Wave.objects.filter(is_published=True, opens_on__lte=today, closes_on__gte=today)


def user_survey_tasks(*, user: Any) -> list[SurveyTask]:
    """Open rounds ``user`` can answer, with drafts and what was already submitted.

    A constant number of queries, however many rounds and organisations there are."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = timezone.localdate()
    waves = list(
        _with_page_count(
            visible_waves(user).filter(is_published=True, opens_on__lte=today, closes_on__gte=today)
        )
        .exclude(survey__kind=Survey.Kind.FEEDBACK_TEMPLATE)
        .order_by("closes_on", "pk")
    )
    if not waves:
        return []
    admin_ids = admin_organisation_ids(user)
    organisations = {
        organisation.pk: organisation
        for organisation in Organisation.objects.filter(pk__in=admin_ids).order_by("name")
    }
    wave_ids = [wave.pk for wave in waves]
    invited_orgs: set[tuple[int, int]] = set()
    invited_people: set[int] = set()

    for wave_id, organisation_id, user_id in WaveInvitation.objects.filter(
        Q(organisation_id__in=admin_ids, user__isnull=True) | Q(user=user),
        wave_id__in=wave_ids,
    ).values_list("wave_id", "organisation_id", "user_id"):
        if user_id is not None:
            invited_people.add(wave_id)
        else:
            invited_orgs.add((wave_id, organisation_id))
    responses = {
        (response.wave_id, response.organisation_id or 0): response
        for response in Response.objects.filter(
            Q(organisation_id__in=admin_ids) | Q(respondent=user), wave_id__in=wave_ids
        )
    }
    participated = set(
        Participation.objects.filter(
            Q(organisation_id__in=admin_ids, user__isnull=True) | Q(user=user),
            wave_id__in=wave_ids,
        ).values_list("wave_id", "organisation_id")
    )
    has_membership = bool(member_organisation_ids(user))
    tasks: list[SurveyTask] = []
    for wave in waves:
        if wave.survey.per_organisation:
            for organisation in organisations.values():
                if wave.audience == Wave.Audience.INVITED and (
                    (wave.pk, organisation.pk) not in invited_orgs
                ):
                    continue
                tasks.append(
                    SurveyTask(
                        wave=wave,
                        organisation=organisation,
                        response=responses.get((wave.pk, organisation.pk)),
                        participated=(wave.pk, organisation.pk) in participated,
                    )
                )
        else:
            allowed = wave.pk in invited_people or (
                wave.audience == Wave.Audience.ALL and has_membership
            )
            if allowed:
                tasks.append(
                    SurveyTask(
                        wave=wave,
                        organisation=None,
                        response=responses.get((wave.pk, 0)),
                        participated=(wave.pk, None) in participated,
                    )
                )
    return tasks


def user_participations(*, user: Any) -> QuerySet[Participation]:
    """Every round the user – or an organisation the user administers – has submitted."""
    admin_ids = admin_organisation_ids(user)
    return (
        Participation.objects.filter(
            Q(user=user) | Q(organisation_id__in=admin_ids, user__isnull=True)
        )
        .select_related("wave__survey", "organisation")
        .order_by("-submitted_on", "-pk")
    )


def submitted_responses_for(
    *, participations: list[Participation], user: Any
) -> dict[tuple[int, int], Response]:
    """(wave id, organisation id or 0) → the identified response behind each participation."""
    wave_ids = {participation.wave_id for participation in participations}
    admin_ids = admin_organisation_ids(user)
    responses = Response.objects.filter(
        Q(organisation_id__in=admin_ids) | Q(respondent=user),
        wave_id__in=wave_ids,
        status=Response.Status.SUBMITTED,
    )
    return {(r.wave_id, r.organisation_id or 0): r for r in responses}


def wave_page_count(wave: Wave) -> int:
    return wave.sections.filter(questions__isnull=False).distinct().count()


def previous_answers(response: Response) -> tuple[Wave | None, dict[str, str]]:
    """Last round's answers of the same organisation, by question key, in words – shown
    beside this round's questions for orientation (never pre-filled). Only identified
    surveys per organisation have them."""
    wave = response.wave
    previous = wave.previous
    if previous is None or response.organisation_id is None or wave.survey.anonymous:
        return None, {}
    earlier = Response.objects.filter(
        wave=previous, organisation_id=response.organisation_id, status=Response.Status.SUBMITTED
    ).first()
    if earlier is None:
        return previous, {}
    topic_fields = {tf.slug: tf for tf in all_topic_fields()}
    answers = (
        Answer.objects.filter(response=earlier)
        .select_related("question")
        .prefetch_related("question__choices")
    )
    return previous, {
        answer.question.key: answer_label(answer.question, answer.value, topic_fields)
        for answer in answers
    }

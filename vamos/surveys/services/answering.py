"""Writes of respondents: start (or resume) a draft, save a page, submit."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vamos.core.services import audit_log, email_queue
from vamos.organisations.models import Membership, Organisation

from ..models import Answer, Participation, Response, Wave
from ..permissions import can_answer_wave, can_edit_response
from ..questionnaire import (
    all_topic_fields,
    missing_required,
    normalise,
    visible_questions,
    wave_pages,
    wave_questions,
)
from .common import absolute_url


def _ensure_open(wave: Wave) -> None:
    status = wave.status
    if status == Wave.Status.OPEN:
        return
    if status == Wave.Status.SCHEDULED:
        raise ValidationError(
            _("This survey opens on %(date)s.") % {"date": date_format(wave.opens_on)}
        )
    if status == Wave.Status.CLOSED:
        raise ValidationError(
            _("This survey closed on %(date)s. Answers can no longer be given or changed.")
            % {"date": date_format(wave.closes_on)}
        )
    raise ValidationError(_("This survey is not open."))


def _already_answered_message(organisation: Organisation | None) -> str:
    if organisation is not None:
        return _("%(organisation)s has already answered this survey round.") % {
            "organisation": organisation.name
        }
    return _("You have already answered this survey round.")


@transaction.atomic
def response_start(*, wave: Wave, actor: Any, organisation: Organisation | None = None) -> Response:
    """The draft of ``organisation`` (or of ``actor`` for surveys per person): created on the
    first visit, the same draft afterwards – on any device."""
    wave = Wave.objects.select_related("survey").get(pk=wave.pk)
    _ensure_open(wave)
    now = timezone.now()
    if wave.survey.per_organisation:
        if organisation is None:
            raise ValidationError(
                {"organisation": _("Please choose the organisation you are answering for.")}
            )
        if not can_answer_wave(actor, wave, organisation):
            raise ValidationError(
                {
                    "organisation": _(
                        "You can answer only for an organisation whose admin (contact person) "
                        "you are."
                    )
                }
            )
        if Participation.objects.filter(
            wave=wave, organisation=organisation, user__isnull=True
        ).exists():
            raise ValidationError(_already_answered_message(organisation))
        response, _created = Response.objects.get_or_create(
            wave=wave,
            organisation=organisation,
            defaults={"started_at": now, "saved_at": now, "last_edited_by": actor},
        )
    else:
        if not can_answer_wave(actor, wave):
            raise ValidationError(_("This survey is not meant for you."))
        if Participation.objects.filter(wave=wave, user=actor).exists():
            raise ValidationError(_already_answered_message(None))
        response, _created = Response.objects.get_or_create(
            wave=wave,
            respondent=actor,
            defaults={"started_at": now, "saved_at": now, "last_edited_by": actor},
        )
    if response.is_submitted:
        raise ValidationError(_already_answered_message(organisation))
    return response


def _lock_editable(response: Response, actor: Any) -> Response:
    # Only the response row: PostgreSQL cannot lock the nullable side of the outer join.
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("wave__survey", "organisation")
        .get(pk=response.pk)
    )
    if response.is_submitted:
        raise ValidationError(_already_answered_message(response.organisation))
    _ensure_open(response.wave)
    if not can_edit_response(actor, response):
        raise ValidationError(_("You cannot change these answers."))
    return response


def _stored_answers(response: Response) -> dict[int, Answer]:
    return {answer.question_id: answer for answer in response.answers.all()}


@transaction.atomic
def response_save_page(
    *,
    response: Response,
    page: int,
    values: dict[int, Any],
    actor: Any,
    continue_to: int | None = None,
) -> Response:
    """Save the answers of one page as a draft. Every value is checked first; if one is not
    valid, nothing is saved. Answers to questions that a changed answer now hides are removed.

    ``continue_to`` is the page the person goes to next (``pages + 1`` = the review page);
    resuming later starts there."""
    response = _lock_editable(response, actor)
    questions = wave_questions(response.wave)
    pages = wave_pages(response.wave, questions)
    if not 1 <= page <= len(pages):
        raise ValidationError(_("This page does not exist."))
    topic_fields = all_topic_fields()
    errors: dict[str, list[str]] = {}
    cleaned: dict[int, Any] = {}
    for question in pages[page - 1].questions:
        if question.pk not in values:
            continue
        try:
            cleaned[question.pk] = normalise(question, values[question.pk], topic_fields)
        except ValidationError as error:
            errors[f"q{question.pk}"] = error.messages
    if errors:
        raise ValidationError(errors)
    stored = _stored_answers(response)
    merged = {pk: answer.value for pk, answer in stored.items()}
    merged.update(cleaned)
    merged = {pk: value for pk, value in merged.items() if value is not None}
    shown = {question.pk for question in visible_questions(questions, merged)}
    remove = [pk for pk in merged if pk not in shown]
    remove += [pk for pk, value in cleaned.items() if value is None and pk in stored]
    Answer.objects.filter(response=response, question_id__in=remove).delete()
    for pk, value in cleaned.items():
        if value is None or pk not in shown:
            continue
        if pk in stored:
            if stored[pk].value != value:
                stored[pk].value = value
                stored[pk].save(update_fields=["value"])
        else:
            Answer.objects.create(response=response, question_id=pk, value=value)
    target = continue_to if continue_to is not None else page
    response.last_page = max(1, min(target, len(pages) + 1))
    response.saved_at = timezone.now()
    response.last_edited_by = actor
    response.save(update_fields=["last_page", "saved_at", "last_edited_by"])
    return response


def response_answers(response: Response) -> dict[int, Any]:
    return {answer.question_id: answer.value for answer in response.answers.all()}


def _segment(actor: Any, organisation: Organisation | None) -> tuple[str, str]:
    if organisation is None:
        organisation = (
            Organisation.objects.filter(memberships__user=actor, status=Organisation.Status.ACTIVE)
            .order_by("name")
            .first()
        )
    if organisation is None:
        return "", ""
    return organisation.kind, organisation.federal_state


@transaction.atomic
def response_submit(*, response: Response, actor: Any) -> Response:
    """Submit a draft once every required question that is shown has an answer.

    Anonymous surveys: the response loses its organisation, person and times here – only
    the separate participation records that someone answered."""
    response = _lock_editable(response, actor)
    wave = response.wave
    survey = wave.survey
    questions = wave_questions(wave)
    answers = response_answers(response)
    missing = missing_required(questions, answers)
    if missing:
        raise ValidationError(
            _("Please answer every required question first (%(count)s missing).")
            % {"count": len(missing)}
        )
    organisation = response.organisation
    today = timezone.localdate()
    try:
        with transaction.atomic():
            Participation.objects.create(
                wave=wave,
                organisation=organisation if survey.per_organisation else None,
                user=None if survey.per_organisation else actor,
                submitted_on=today,
            )
    except IntegrityError as exc:
        raise ValidationError(_already_answered_message(organisation)) from exc
    response.segment_kind, response.segment_state = _segment(actor, organisation)
    response.status = Response.Status.SUBMITTED
    if survey.anonymous:
        response.organisation = None
        response.respondent = None
        response.started_at = None
        response.saved_at = None
        response.submitted_at = None
        response.submitted_by = None
        response.last_edited_by = None
        response.last_page = 1
    else:
        response.submitted_at = timezone.now()
        response.submitted_by = actor
    response.save(
        update_fields=[
            "status",
            "segment_kind",
            "segment_state",
            "organisation",
            "respondent",
            "started_at",
            "saved_at",
            "submitted_at",
            "submitted_by",
            "last_edited_by",
            "last_page",
        ]
    )
    if not survey.anonymous:
        audit_log(
            actor=actor,
            action="survey.response_submit",
            obj=response,
            data={"wave": wave.pk, "organisation": organisation.pk if organisation else None},
        )
        _confirm_by_email(response=response, organisation=organisation, actor=actor)
    return response


def _confirm_by_email(*, response: Response, organisation: Organisation | None, actor: Any) -> None:
    if organisation is not None:
        recipients = [
            membership.user
            for membership in Membership.objects.filter(
                organisation=organisation, role=Membership.Role.ADMIN, user__is_active=True
            ).select_related("user")
        ]
    else:
        recipients = [actor]
    for person in recipients:
        email_queue(
            to=person.email,
            template="surveys/email/submitted",
            context={
                "survey": response.wave.survey,
                "wave": response.wave,
                "organisation": organisation,
                "submitted_by": actor,
                "recipient": person,
                "copy_url": absolute_url(person.language, "surveys:response", pk=response.pk),
            },
            language=person.language,
            recipient=person,
        )

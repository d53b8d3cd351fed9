"""Feedback forms for events: the same engine, one form per event.

The events app calls these services (and the selectors in ``selectors/feedback.py``); the
surveys app never imports the events app. An event is any model object; its ``title``,
``kind`` and ``end`` (or ``start``) are read if present."""

from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vamos.accounts.models import User
from vamos.core.services import audit_log

from ..models import Survey, Wave
from ..selectors.feedback import feedback_form_for
from .authoring import wave_copy_into
from .invitations import InvitationResult, wave_invite_people

FEEDBACK_DAYS_OPEN = 28


def _event_day(event: Any) -> date:
    moment = getattr(event, "end", None) or getattr(event, "start", None)
    if isinstance(moment, datetime):
        return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
    if isinstance(moment, date):
        return moment
    return timezone.localdate()


@transaction.atomic
def feedback_form_create(
    *,
    event: Any,
    actor: Any = None,
    opens_on: date | None = None,
    closes_on: date | None = None,
) -> Survey:
    """The feedback form of ``event``: a copy of the default feedback form, answered per
    person by those invited (``feedback_form_invite``), open from the event's last day for
    four weeks. Calling it again returns the existing form."""
    existing = feedback_form_for(event)
    if existing is not None:
        return existing
    template = Survey.objects.filter(kind=Survey.Kind.FEEDBACK_TEMPLATE).first()
    source = template.waves.order_by("-opens_on", "-pk").first() if template else None
    if template is None or source is None:
        raise ValidationError(_("The default feedback form is missing."))
    title = str(getattr(event, "title", "") or event)[:180]
    survey = Survey.objects.create(
        kind=Survey.Kind.FEEDBACK,
        title_de=f"Feedback: {title}",
        title_en=f"Feedback: {title}",
        intro_de=template.intro_de,
        intro_en=template.intro_en,
        respondent=Survey.Respondent.PERSON,
        anonymous=template.anonymous,
        context_type=ContentType.objects.get_for_model(event, for_concrete_model=False),
        context_id=event.pk,
        context_label=title,
        context_kind=str(getattr(event, "kind", "") or "")[:40],
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    opens_on = opens_on or _event_day(event)
    closes_on = closes_on or opens_on + timedelta(days=FEEDBACK_DAYS_OPEN)
    wave_copy_into(
        source=source,
        survey=survey,
        label=str(opens_on.year),
        opens_on=opens_on,
        closes_on=max(closes_on, opens_on),
        audience=Wave.Audience.INVITED,
        is_published=True,
    )
    audit_log(actor=actor, action="survey.feedback_form_create", obj=survey)
    return survey


def feedback_form_invite(
    *, event: Any, people: list[User], actor: Any = None, send_email: bool = True
) -> InvitationResult:
    """Let ``people`` (the event's participants) answer the event's feedback form; with
    ``send_email`` they get an invitation in their language. The form is created if needed."""
    survey = feedback_form_create(event=event, actor=actor)
    wave = survey.waves.order_by("-opens_on", "-pk").first()
    assert wave is not None
    return wave_invite_people(wave=wave, people=people, actor=actor, send_email=send_email)

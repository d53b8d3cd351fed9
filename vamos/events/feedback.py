"""Where participants give feedback after an event.

The survey engine (``vamos.surveys``) serves event feedback forms: when it is installed and
its default feedback form exists, participants are invited to the event's form there. Until
then – or if the engine refuses (e.g. its round is not open yet) – the events app's own
simple rating + comment form is used. This module is the one place that decides.
"""

from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from .models import Event


def survey_feedback_path(*, event: Event, user: Any, language: str) -> str | None:
    """Invite ``user`` to the event's survey-engine feedback form; its path, or None."""
    if not apps.is_installed("vamos.surveys"):
        return None
    try:
        from vamos.surveys.selectors import feedback_form_url
        from vamos.surveys.services.feedback import feedback_form_invite
    except ImportError:
        return None
    try:
        feedback_form_invite(event=event, people=[user], actor=None, send_email=False)
    except ValidationError:
        return None
    return feedback_form_url(event=event, language=language)


def feedback_path(*, event: Event, user: Any, language: str | None = None) -> str:
    """The path where ``user`` gives feedback on ``event``."""
    language = language or translation.get_language() or "de"
    path = survey_feedback_path(event=event, user=user, language=language)
    if path:
        return path
    with translation.override(language):
        return reverse("events:feedback", kwargs={"slug": event.slug})

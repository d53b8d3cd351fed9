"""Event feedback through the survey engine – the API the events app calls. The engine
accepts any model object as the event (its title, kind and end are read if present); an
organisation stands in here so that the surveys' tests do not depend on the events app."""

from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from vamos.surveys.models import Question, Survey
from vamos.surveys.selectors import (
    feedback_event_summary,
    feedback_form_for,
    feedback_form_url,
    feedback_results_by_event_kind,
)
from vamos.surveys.services import feedback_form_create, feedback_form_invite
from vamos.surveys.tests.scenario import submit_directly

pytestmark = pytest.mark.django_db


def test_a_feedback_form_is_a_copy_of_the_default_form(org_b: Any, team_admin: Any) -> None:
    template = Survey.objects.get(kind=Survey.Kind.FEEDBACK_TEMPLATE)
    form = feedback_form_create(event=org_b, actor=team_admin)
    assert form.kind == Survey.Kind.FEEDBACK
    assert form.anonymous and not form.per_organisation
    assert form.context == org_b
    assert form.context_kind == "bundesverband"
    assert feedback_form_for(org_b) == form
    assert feedback_form_create(event=org_b) == form
    wave = form.waves.get()
    assert wave.is_open and wave.opens_on == timezone.localdate()
    keys = set(Question.objects.filter(wave=wave).values_list("key", flat=True))
    assert keys == set(Question.objects.filter(wave__survey=template).values_list("key", flat=True))
    assert feedback_form_url(event=org_b, language="en") == f"/en/umfragen/runde/{wave.pk}/"


def test_participants_are_invited_in_their_language(
    org_b: Any, member: Any, make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    english = make_user(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        result = feedback_form_invite(event=org_b, people=[member, english])
    assert result.invited == 2
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects[0].startswith("Einladung: Feedback")
    assert subjects[1].startswith("Invitation: Feedback")
    again = feedback_form_invite(event=org_b, people=[member], send_email=False)
    assert again.invited == 0


def test_feedback_results_need_five_answers_per_event_and_kind(org_b: Any, make_user: Any) -> None:
    wave = feedback_form_create(event=org_b).waves.get()
    for rating in (5, 4, 4, 5):
        submit_directly(
            wave=wave,
            organisation=None,
            person=make_user(),
            values={"zufriedenheit": rating, "nutzen": 3, "weiterempfehlung": "ja"},
        )
    summary = feedback_event_summary(event=org_b)
    assert summary["responses"] == 4 and summary["suppressed"]
    assert all(mean is None for _text, mean in summary["means"])
    by_kind = feedback_results_by_event_kind()
    assert by_kind[0].means["zufriedenheit"] is None
    submit_directly(wave=wave, organisation=None, person=make_user(), values={"zufriedenheit": 2})
    summary = feedback_event_summary(event=org_b)
    assert not summary["suppressed"]
    assert dict(summary["means"])[Question.objects.get(wave=wave, key="zufriedenheit").text] == 4
    kind = feedback_results_by_event_kind()[0]
    assert (kind.kind, kind.forms, kind.responses) == ("bundesverband", 1, 5)
    assert kind.means["zufriedenheit"] == 4
    assert kind.label == "Bundesverband"

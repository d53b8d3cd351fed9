"""Invitations and reminders by email, in each recipient's language."""

import datetime
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from vamos.core.models import AuditEntry
from vamos.organisations.tests.factories import MembershipFactory, OrganisationFactory
from vamos.surveys import services
from vamos.surveys.models import Survey, WaveInvitation
from vamos.surveys.tests.factories import WaveFactory
from vamos.surveys.tests.scenario import submit_directly

pytestmark = pytest.mark.django_db


def test_invitations_go_to_the_admins_of_matching_organisations_in_their_language(
    wave: Any,
    org_a: Any,
    org_admin: Any,
    org_b: Any,
    make_user: Any,
    team_admin: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    english = make_user(email="admin-b@example.org", language="en", first_name="Bo")
    MembershipFactory(user=english, organisation=org_b, role="admin")
    OrganisationFactory(status="applied", kind="bundesverband")
    with django_capture_on_commit_callbacks(execute=True):
        result = services.wave_invite_organisations(
            wave=wave, actor=team_admin, kinds=["bundesverband"]
        )
    assert (result.invited, result.emails, result.without_admin) == (1, 1, 0)
    assert [m.to for m in mail.outbox] == [["admin-b@example.org"]]
    message = mail.outbox[0]
    assert message.subject.startswith("Invitation:")
    assert f"/en/umfragen/runde/{wave.pk}/" in message.body
    assert "Bundesverband B" in message.body
    assert message.alternatives
    assert AuditEntry.objects.filter(action="survey.invite", actor=team_admin).exists()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = services.wave_invite_organisations(wave=wave, actor=team_admin)
    assert result.invited == 1  # org A; org B was invited already
    assert mail.outbox[0].to == [org_admin.email]
    assert mail.outbox[0].subject.startswith("Einladung:")
    assert WaveInvitation.objects.filter(wave=wave).count() == 2


def test_organisations_without_admin_are_counted(wave: Any, team_admin: Any) -> None:
    OrganisationFactory()
    result = services.wave_invite_organisations(wave=wave, actor=team_admin)
    assert result.without_admin == 1


def test_an_unpublished_or_closed_round_cannot_invite(team_admin: Any, org_admin: Any) -> None:
    for wave in (
        WaveFactory(is_published=False),
        WaveFactory(
            opens_on=timezone.localdate() - datetime.timedelta(days=40),
            closes_on=timezone.localdate() - datetime.timedelta(days=1),
        ),
    ):
        with pytest.raises(ValidationError):
            services.wave_invite_organisations(wave=wave, actor=team_admin)


def test_surveys_per_person_invite_every_member(
    org_admin: Any, member: Any, other_member: Any, team_admin: Any
) -> None:
    wave = WaveFactory(survey__respondent=Survey.Respondent.PERSON, audience="invited")
    result = services.wave_invite_organisations(wave=wave, actor=team_admin, federal_states=["NW"])
    assert result.invited == 2
    assert set(WaveInvitation.objects.values_list("user__email", flat=True)) == {
        org_admin.email,
        member.email,
    }


def test_reminders_reach_only_those_who_have_not_answered(
    wave: Any,
    org_a: Any,
    org_admin: Any,
    org_b: Any,
    make_user: Any,
    team_admin: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    admin_b = make_user(email="admin-b@example.org")
    MembershipFactory(user=admin_b, organisation=org_b, role="admin")
    services.wave_invite_organisations(wave=wave, actor=team_admin)
    submit_directly(wave=wave, organisation=org_a, values={})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = services.wave_remind(wave=wave, actor=team_admin)
    assert result.invited == 1
    assert [m.to for m in mail.outbox] == [["admin-b@example.org"]]
    assert mail.outbox[0].subject.startswith("Erinnerung:")


def test_the_reminder_command_reminds_each_closing_round_once(
    org_admin: Any, team_admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    soon = WaveFactory(closes_on=timezone.localdate() + datetime.timedelta(days=3))
    later = WaveFactory(closes_on=timezone.localdate() + datetime.timedelta(days=40))
    for wave in (soon, later):
        services.wave_invite_organisations(wave=wave, actor=team_admin)
    mail.outbox.clear()
    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_survey_reminders", stdout=output)
    assert len(mail.outbox) == 1
    assert str(soon) in output.getvalue()
    soon.refresh_from_db()
    assert soon.reminders_sent_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_survey_reminders", stdout=StringIO())
    assert len(mail.outbox) == 1

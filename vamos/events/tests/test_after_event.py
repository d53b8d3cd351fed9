"""Reminders, check-in pages, exports, certificates, feedback, personal data."""

import csv
import datetime
import io
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from vamos.accounts.services import user_data_export, user_delete
from vamos.core.models import AuditEntry
from vamos.events import services
from vamos.events.models import Answer, Event, Feedback, Question, Registration

from .factories import EventFactory, QuestionFactory, RegistrationFactory, in_days

pytestmark = pytest.mark.django_db


def test_reminders_are_sent_once_a_week_and_a_day_before(
    member: Any, org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = EventFactory(
        start=in_days(10, 10),
        format=Event.Format.ONLINE,
        online_url="https://meet.example.org/raum",
    )
    event.end = event.start + datetime.timedelta(hours=2)
    event.save()
    services.registration_create(event=event, user=member, organisation=org_a)
    mail.outbox.clear()
    six_days_before = event.start - datetime.timedelta(days=6)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(now=six_days_before) == {"week": 1, "day": 0, "feedback": 0}
        assert services.reminders_send(now=six_days_before) == {"week": 0, "day": 0, "feedback": 0}
    assert len(mail.outbox) == 1
    assert "meet.example.org/raum" not in mail.outbox[0].body
    hours_before = event.start - datetime.timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(now=hours_before)["day"] == 1
        assert services.reminders_send(now=hours_before)["day"] == 0
    assert len(mail.outbox) == 2
    assert "meet.example.org/raum" in mail.outbox[1].body  # the last reminder has the link
    assert "meet.example.org/raum" in mail.outbox[1].attachments[0][1]


def test_no_reminders_for_waitlist_or_late_registrations(member: Any, org_a: Any) -> None:
    event = EventFactory(start=in_days(3), capacity=1)
    event.end = event.start + datetime.timedelta(hours=2)
    event.save()
    RegistrationFactory(event=event, confirmed_at=timezone.now() - datetime.timedelta(days=20))
    services.registration_create(event=event, user=member, organisation=org_a)  # waitlisted
    sent = services.reminders_send(now=event.start - datetime.timedelta(days=2))
    assert sent["week"] == 1  # only the seated person, registered 20 days ago
    late = EventFactory(start=in_days(3))
    late.end = late.start + datetime.timedelta(hours=1)
    late.save()
    RegistrationFactory(event=late)  # confirmed now: the confirmation said it all
    assert services.reminders_send(now=late.start - datetime.timedelta(days=2))["week"] == 0


def test_reminder_command_and_feedback_request(
    member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = EventFactory(start=in_days(-1, 10), end=in_days(-1, 12))
    RegistrationFactory(event=event, user=member, status=Registration.Status.ATTENDED)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=out)
    assert "feedback requests: 1" in out.getvalue()
    from vamos.events.feedback import feedback_path

    # The survey engine's form once it serves this event, otherwise the simple form.
    assert feedback_path(event=event, user=member, language="de") in mail.outbox[-1].body
    call_command("send_event_reminders", stdout=out)
    assert "feedback requests: 0" in out.getvalue().splitlines()[-1]


def test_certificate_only_for_attendees(client_for: Any, member: Any, other_member: Any) -> None:
    event = EventFactory(start=in_days(-2, 9), end=in_days(-2, 17))
    attended = RegistrationFactory(event=event, user=member, status=Registration.Status.ATTENDED)
    RegistrationFactory(event=event, user=other_member, status=Registration.Status.NO_SHOW)
    url = reverse("events:certificate", kwargs={"slug": event.slug})
    response = client_for(member).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client_for(other_member).get(url).status_code == 404
    attended.status = Registration.Status.CONFIRMED
    attended.save()
    assert client_for(member).get(url).status_code == 404


def test_participant_exports_contain_answers_and_are_logged(
    client_for: Any, team_admin: Any, member: Any, org_a: Any
) -> None:
    event = EventFactory()
    question = QuestionFactory(event=event, kind=Question.Kind.TEXT, label="Essen?")
    registration = services.registration_create(
        event=event, user=member, organisation=org_a, answers={question.pk: "=HYPERLINK()"}
    )
    client = client_for(team_admin)
    response = client.get(reverse("events:participants-csv", kwargs={"slug": event.slug}))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "Essen?"
    assert rows[1][2] == member.email
    assert rows[1][-1] == "'=HYPERLINK()"  # no formulas in spreadsheets
    response = client.get(reverse("events:participants-xlsx", kwargs={"slug": event.slug}))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == event.title
    assert sheet.cell(row=3, column=3).value == member.email
    assert AuditEntry.objects.filter(action="event.participants_export").count() == 2
    assert registration.pk


def test_participant_list_filters_and_query_count(
    client_for: Any, team_admin: Any, django_assert_max_num_queries: Any
) -> None:
    event = EventFactory(capacity=100)
    QuestionFactory(event=event)
    client = client_for(team_admin)
    url = reverse("events:participants", kwargs={"slug": event.slug})

    def add(count: int) -> None:
        for _ in range(count):
            RegistrationFactory(event=event)

    add(3)
    client.get(url)
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    add(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.context["page_obj"].paginator.count == 23
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    response = client.get(url, {"status": "waitlisted"})
    assert list(response.context["page_obj"]) == [waiting]


def test_check_in_from_the_phone_page(client_for: Any, team_admin: Any, member: Any) -> None:
    event = EventFactory()
    registration = RegistrationFactory(event=event, user=member)
    client = client_for(team_admin)
    page = client.get(
        reverse("events:checkin", kwargs={"slug": event.slug}), {"q": member.first_name}
    )
    assert member.display_name in page.content.decode()
    url = reverse("events:checkin-mark", kwargs={"slug": event.slug, "pk": registration.pk})
    response = client.post(url, {"status": "attended"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'hx-swap-oob="true"' in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ATTENDED
    response = client.post(url, {"status": "bogus"})
    assert response.status_code == 302


def test_message_goes_to_every_participant_in_their_language(
    client_for: Any,
    team_admin: Any,
    member: Any,
    other_member: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    event = EventFactory(audience=Event.Audience.PUBLIC)
    other_member.language = "en"
    other_member.save()
    RegistrationFactory(event=event, user=member)
    RegistrationFactory(event=event, user=other_member)
    url = reverse("events:message", kwargs={"slug": event.slug})
    client = client_for(team_admin)
    response = client.post(url, {"subject": "", "body": ""})
    assert response.status_code == 200 and response.context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"subject": "Raumwechsel", "body": "Wir sind in Raum 2."})
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "Raum 2" in bodies[member.email] and "Raum 2" in bodies[other_member.email]
    assert bodies[other_member.email].startswith("Hello")
    assert event.messages.get().recipient_count == 2


def test_feedback_only_from_attendees(client_for: Any, member: Any, other_member: Any) -> None:
    event = EventFactory(start=in_days(-1, 9), end=in_days(-1, 12))
    registration = RegistrationFactory(
        event=event, user=member, status=Registration.Status.ATTENDED
    )
    RegistrationFactory(event=event, user=other_member)
    url = reverse("events:feedback", kwargs={"slug": event.slug})
    response = client_for(member).post(url, {"rating": "9"})
    assert response.status_code == 200 and "rating" in response.context["form"].errors
    client_for(member).post(url, {"rating": "4", "comment": "Gut"})
    assert Feedback.objects.get(registration=registration).rating == 4
    assert client_for(other_member).get(url).status_code == 404


def test_export_and_erase_keep_attendance_counts_without_identity(
    member: Any, org_a: Any, make_user: Any
) -> None:
    past = EventFactory(start=in_days(-5, 9), end=in_days(-5, 12))
    question = QuestionFactory(event=past, kind=Question.Kind.TEXT)
    attended = RegistrationFactory(event=past, user=member, status=Registration.Status.ATTENDED)
    Answer.objects.create(
        registration=attended, question=question, question_text="Q", kind="text", value="vegan"
    )
    Feedback.objects.create(registration=attended, rating=5, comment="Danke, Mehmet")
    upcoming = EventFactory(capacity=1)
    seat = services.registration_create(event=upcoming, user=member, organisation=org_a)
    waiting_user = make_user(email="wait@example.org")
    from vamos.organisations.tests.factories import MembershipFactory

    MembershipFactory(user=waiting_user, organisation=org_a)
    waiting = services.registration_create(event=upcoming, user=waiting_user, organisation=org_a)
    services.calendar_feed_renew(user=member)
    data = user_data_export(user=member)["events"]
    assert {r["event"] for r in data["registrations"]} == {past.title, upcoming.title}
    assert data["feedback"][0]["comment"] == "Danke, Mehmet"
    user_delete(user=member)
    assert Registration.objects.filter(event=past, status=Registration.Status.ATTENDED).count() == 1
    assert not Answer.objects.filter(registration=attended).exists()
    assert Feedback.objects.get(registration=attended).comment == ""
    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert seat.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED

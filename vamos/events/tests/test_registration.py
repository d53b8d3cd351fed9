"""Registering, the waitlist, workshops, cancellation: the rules and their messages."""

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from vamos.core.models import AuditEntry
from vamos.events import services
from vamos.events.models import Answer, Event, Question, Registration, WorkshopChoice
from vamos.organisations.tests.factories import MembershipFactory

from .factories import EventFactory, QuestionFactory, RegistrationFactory, SessionFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user: Any, org_a: Any) -> list[Any]:
    users = []
    for number in range(4):
        user = make_user(email=f"p{number}@example.org", first_name=f"P{number}")
        MembershipFactory(user=user, organisation=org_a)
        users.append(user)
    return users


def _register(event: Event, user: Any, organisation: Any, **kwargs: Any) -> Registration:
    return services.registration_create(event=event, user=user, organisation=organisation, **kwargs)


def test_registration_is_confirmed_and_emails_an_ics_invitation(
    member: Any, org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = EventFactory(online_url="https://meet.example.org/raum", format=Event.Format.ONLINE)
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(event, member, org_a)
    assert registration.status == Registration.Status.CONFIRMED
    message = mail.outbox[-1]
    assert message.to == [member.email]
    assert event.title in message.subject
    # The room link comes with the last reminder (and is on the page), not two weeks ahead.
    assert "https://meet.example.org/raum" not in message.body
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    vevent = calendar.walk("VEVENT")[0]
    assert vevent["SUMMARY"] == event.title
    assert AuditEntry.objects.filter(action="event.register").exists()


def test_full_event_puts_people_on_the_waitlist(people: list, org_a: Any) -> None:
    event = EventFactory(capacity=2)
    first, second, third, fourth = (_register(event, person, org_a) for person in people)
    assert [first.status, second.status] == [Registration.Status.CONFIRMED] * 2
    assert third.status == fourth.status == Registration.Status.WAITLISTED
    assert Registration.objects.filter(event=event, status__in=Registration.SEATED).count() == 2


def test_waitlisted_person_is_promoted_when_a_seat_frees(
    people: list, org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = EventFactory(capacity=1)
    first = _register(event, people[0], org_a)
    second = _register(event, people[1], org_a)
    third = _register(event, people[2], org_a)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=first, actor=people[0])
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Registration.Status.CONFIRMED  # the one waiting longest
    assert third.status == Registration.Status.WAITLISTED
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert "A seat is free" in subjects[people[1].email] or "Platz" in subjects[people[1].email]
    assert people[0].email in subjects  # the cancellation is confirmed
    assert people[2].email not in subjects


def test_raising_the_capacity_promotes_from_the_waitlist(people: list, org_a: Any) -> None:
    event = EventFactory(capacity=1)
    _register(event, people[0], org_a)
    waiting = _register(event, people[1], org_a)
    before = services.event_lock_for_edit(event=event, capacity=2)
    event.capacity = 2
    event.save()
    services.event_after_edit(event=event, before=before, actor=None)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_lowering_the_capacity_below_seats_taken_is_refused(people: list, org_a: Any) -> None:
    event = EventFactory(capacity=5)
    for person in people[:3]:
        _register(event, person, org_a)
    with pytest.raises(ValidationError) as error:
        services.event_lock_for_edit(event=event, capacity=2)
    assert "capacity" in error.value.error_dict


def test_end_before_start_is_refused_with_an_explanation() -> None:
    with pytest.raises(ValidationError) as error:
        services.event_validate(start=in_days(3, 12), end=in_days(3, 10), capacity=None)
    assert "end" in error.value.error_dict


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"registration_closes": in_days(-1)}, "closed"),
        ({"registration_opens": in_days(5)}, "opens"),
        ({"status": Event.Status.CANCELLED}, "cancelled"),
        ({"start": in_days(-3), "end": in_days(-3, 12)}, "over"),
    ],
)
def test_registering_outside_the_window_is_refused(
    member: Any, org_a: Any, changes: dict, message: str
) -> None:
    event = EventFactory(**changes)
    with pytest.raises(ValidationError) as error:
        _register(event, member, org_a)
    assert message in " ".join(error.value.messages)
    assert not Registration.objects.filter(event=event).exists()


def test_registering_twice_is_refused(member: Any, org_a: Any) -> None:
    event = EventFactory()
    _register(event, member, org_a)
    with pytest.raises(ValidationError, match="already registered"):
        _register(event, member, org_a)
    assert Registration.objects.filter(event=event).count() == 1


def test_only_invited_organisations_may_register(
    member: Any, org_a: Any, other_member: Any, org_b: Any
) -> None:
    event = EventFactory(audience=Event.Audience.INVITED, invited=[org_b])
    with pytest.raises(ValidationError, match="invited"):
        _register(event, member, org_a)
    assert _register(event, other_member, org_b).status == Registration.Status.CONFIRMED


def test_nobody_registers_on_behalf_of_another_organisation(member: Any, org_b: Any) -> None:
    event = EventFactory()
    with pytest.raises(ValidationError) as error:
        _register(event, member, org_b)
    assert "organisation" in error.value.error_dict


def test_full_workshop_is_refused_and_nothing_is_saved(people: list, org_a: Any) -> None:
    event = EventFactory()
    small = SessionFactory(event=event, capacity=1, title="Kleiner Workshop")
    QuestionFactory(event=event, kind=Question.Kind.TEXT, label="Essen?")
    _register(event, people[0], org_a, workshops=[small])
    with pytest.raises(ValidationError) as error:
        _register(event, people[1], org_a, workshops=[small], answers={})
    assert "is full" in str(error.value)
    assert Registration.objects.filter(event=event).count() == 1
    assert Answer.objects.filter(registration__event=event).count() == 1


def test_only_one_workshop_per_time_slot(member: Any, org_a: Any) -> None:
    event = EventFactory()
    first = SessionFactory(event=event)
    parallel = SessionFactory(event=event)
    with pytest.raises(ValidationError, match="only one workshop"):
        _register(event, member, org_a, workshops=[first, parallel])


def test_required_answers_and_consent_text_are_stored(member: Any, org_a: Any) -> None:
    event = EventFactory()
    diet = QuestionFactory(
        event=event,
        kind=Question.Kind.CHOICE,
        label="Ernährung",
        choices="vegan\nhalal",
        required=True,
    )
    photos = QuestionFactory(
        event=event, kind=Question.Kind.CONSENT, label="Fotos dürfen veröffentlicht werden."
    )
    with pytest.raises(ValidationError) as error:
        _register(event, member, org_a, answers={diet.pk: "Pizza"})
    assert f"question_{diet.pk}" in error.value.error_dict
    registration = _register(event, member, org_a, answers={diet.pk: "halal", photos.pk: True})
    answers = {answer.question_text: answer.value for answer in registration.answers.all()}
    assert answers == {"Ernährung": "halal", "Fotos dürfen veröffentlicht werden.": "yes"}
    photos.label = "Geänderter Text"
    photos.save()
    assert registration.answers.get(kind="consent").question_text.startswith("Fotos dürfen")


def test_workshop_choice_can_be_changed_until_the_deadline(member: Any, org_a: Any) -> None:
    event = EventFactory(workshop_choice_deadline=timezone.now() + datetime.timedelta(days=1))
    first = SessionFactory(event=event)
    second = SessionFactory(event=event)
    registration = _register(event, member, org_a, workshops=[first])
    services.workshops_change(registration=registration, workshops=[second], actor=member)
    assert list(registration.workshops.all()) == [second]
    Event.objects.filter(pk=event.pk).update(
        workshop_choice_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    registration.refresh_from_db()
    with pytest.raises(ValidationError, match="no longer"):
        services.workshops_change(registration=registration, workshops=[first], actor=member)
    assert list(registration.workshops.all()) == [second]


def test_self_service_cancellation_ends_at_the_deadline(member: Any, org_a: Any) -> None:
    event = EventFactory(cancellation_deadline=timezone.now() + datetime.timedelta(hours=1))
    registration = _register(event, member, org_a)
    Event.objects.filter(pk=event.pk).update(
        cancellation_deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    registration.refresh_from_db()
    with pytest.raises(ValidationError, match="deadline"):
        services.registration_cancel(registration=registration, actor=member)


def test_team_cancels_the_event_and_everybody_is_told(
    people: list, org_a: Any, team_admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = EventFactory(capacity=1)
    _register(event, people[0], org_a)
    _register(event, people[1], org_a)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, actor=team_admin, reason="Raum nicht verfügbar")
    assert {message.to[0] for message in mail.outbox} == {people[0].email, people[1].email}
    assert all("Raum nicht verfügbar" in message.body for message in mail.outbox)
    assert "STATUS:CANCELLED" in mail.outbox[0].attachments[0][1]
    assert not Registration.objects.filter(event=event, status__in=Registration.ACTIVE).exists()


def test_duplicating_moves_all_dates_and_keeps_the_programme(team_admin: Any) -> None:
    event = EventFactory(
        registration_closes=in_days(12),
        cancellation_deadline=in_days(11),
        recording_url="https://x.example",
    )
    SessionFactory(event=event, title="Workshop Strategie")
    QuestionFactory(event=event)
    RegistrationFactory(event=event)
    new_start = event.start + datetime.timedelta(days=364)
    copy = services.event_duplicate(event=event, start=new_start, actor=team_admin)
    assert copy.pk != event.pk and copy.status == Event.Status.DRAFT
    assert copy.end - copy.start == event.end - event.start
    assert copy.registration_closes == event.registration_closes + datetime.timedelta(days=364)
    assert copy.sessions.get().start == new_start
    assert copy.questions.count() == 1
    assert copy.registrations.count() == 0
    assert copy.recording_url == ""


def test_check_in_marks_attendance_and_can_be_undone(
    member: Any, org_a: Any, team_admin: Any
) -> None:
    registration = _register(EventFactory(), member, org_a)
    services.registration_check_in(registration=registration, status="attended", actor=team_admin)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ATTENDED
    assert registration.checked_in_by == team_admin
    services.registration_check_in(registration=registration, status="confirmed", actor=team_admin)
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_promotion_drops_workshops_that_filled_up_meanwhile(people: list, org_a: Any) -> None:
    event = EventFactory(capacity=1)
    workshop = SessionFactory(event=event, capacity=1)
    first = _register(event, people[0], org_a)
    waiting = _register(event, people[1], org_a, workshops=[workshop])
    services.workshops_change(registration=first, workshops=[workshop], actor=people[0])
    services.registration_cancel(registration=first, actor=people[0])
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    # The seat freed by the cancellation also freed the workshop place: it is kept.
    assert WorkshopChoice.objects.filter(registration=waiting).count() == 1


def test_journeys_can_create_an_event_for_one_association(
    coach: Any, org_a: Any, member: Any, other_member: Any
) -> None:
    event = services.event_create(
        title="Fokus-Webinar Fundraising für Landesverband A",
        kind=Event.Kind.WEBINAR,
        format=Event.Format.ONLINE,
        start=in_days(20, 18),
        end=in_days(20, 20),
        audience=Event.Audience.INVITED,
        invited_organisations=[org_a],
        created_by=coach,
        online_url="https://meet.example.org/fokus",
    )
    assert event.status == Event.Status.PUBLISHED
    assert _register(event, member, org_a).status == Registration.Status.CONFIRMED
    from vamos.events.permissions import visible_events
    from vamos.events.selectors import event_list_for_organisation

    assert not visible_events(other_member).filter(pk=event.pk).exists()
    assert list(event_list_for_organisation(organisation=org_a)) == [event]
    with pytest.raises(ValidationError):
        services.event_create(
            title="Ohne Einladung",
            kind=Event.Kind.WEBINAR,
            format=Event.Format.ONLINE,
            start=in_days(20, 18),
            end=in_days(20, 20),
            audience=Event.Audience.INVITED,
            created_by=coach,
        )


def test_late_registration_gets_the_room_link_with_the_confirmation(
    member: Any, org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    start = timezone.now() + datetime.timedelta(hours=5)
    event = EventFactory(
        start=start,
        end=start + datetime.timedelta(hours=1),
        format=Event.Format.ONLINE,
        online_url="https://meet.example.org/gleich",
    )
    with django_capture_on_commit_callbacks(execute=True):
        _register(event, member, org_a)
    assert "https://meet.example.org/gleich" in mail.outbox[-1].body

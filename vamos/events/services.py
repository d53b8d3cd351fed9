"""Writes about events: registrations, the waitlist, check-in, messages, cancellation.

Concurrency guarantee: every write that takes or frees a seat (registering, cancelling,
promoting from the waitlist, changing workshops, lowering the capacity) first locks the
event's row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite serialises writers with
``BEGIN IMMEDIATE``) and counts seats inside that lock. So two people can never both get
the last seat, and capacity is never exceeded.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vamos.core import versions
from vamos.core.services import audit_log, email_queue
from vamos.organisations.models import Organisation

from . import ical
from .feedback import feedback_path
from .models import (
    Answer,
    CalendarFeed,
    Event,
    Facilitator,
    Feedback,
    Message,
    Question,
    Registration,
    Session,
    WorkshopChoice,
)
from .permissions import (
    allowed_organisations,
    can_cancel_registration,
    can_change_workshops,
    registration_refusal,
)
from .selectors import waitlist_position, workshop_slots

SEATED = list(Registration.SEATED)


# --- Helpers ------------------------------------------------------------------------------


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _seats_taken(event: Event) -> int:
    return Registration.objects.filter(event=event, status__in=SEATED).count()


def _url_in(language: str, name: str, **kwargs: Any) -> str:
    with translation.override(language):
        return settings.VAMOS_BASE_URL + reverse(name, kwargs=kwargs or None)


def _ics_attachment(
    event: Event, *, registration: Registration, with_room: bool
) -> list[dict[str, str]]:
    content = ical.calendar_for(
        [event],
        name=event.title,
        online_room_for={event.pk} if with_room else set(),
        tentative={event.pk} if registration.status == Registration.Status.WAITLISTED else set(),
        language=registration.user.language,
    )
    return [
        {
            "filename": f"{event.slug}.ics",
            "content": content.decode(),
            "mimetype": "text/calendar; charset=utf-8; method=PUBLISH",
        }
    ]


def _notify(
    registration: Registration,
    template: str,
    *,
    with_ics: bool = False,
    last_before_event: bool = False,
    extra: dict[str, Any] | None = None,
    once: bool = False,
) -> None:
    """Email the person of ``registration`` (``once``: this kind of email at most once per
    registration, whatever reruns a job). The online room link goes only into the last
    email before the event: the one-day reminder, or a confirmation that comes later than
    that reminder would have (the link is on the event page all along)."""
    user = registration.user
    event = registration.event
    language = user.language or settings.LANGUAGE_CODE
    last_before_event = last_before_event or event.start - timezone.now() <= REMINDER_DAY
    with_room = registration.holds_seat and bool(event.online_url) and last_before_event
    context = {
        "user": user,
        "event": event,
        "registration": registration,
        "workshops": list(registration.workshops.order_by("start")),
        "event_url": _url_in(language, "events:detail", slug=event.slug),
        "registration_url": _url_in(language, "events:registration", slug=event.slug),
        "show_online_room": with_room,
        "contact_email": event.contact_email or settings.VAMOS_TEAM_EMAIL,
        "waitlist_position": waitlist_position(registration),
        **(extra or {}),
    }
    email_queue(
        to=user.email,
        template=f"events/email/{template}",
        context=context,
        language=language,
        recipient=user,
        attachments=(
            _ics_attachment(event, registration=registration, with_room=with_room)
            if with_ics
            else None
        ),
        key=f"events.{template}:{registration.pk}" if once else "",
    )


def _unique_slug(title: str, start: datetime.datetime, *, exclude_pk: int | None = None) -> str:
    base = f"{slugify(title)[:70] or 'veranstaltung'}-{timezone.localtime(start):%Y}"
    slug, n = base, 2
    others = Event.objects.exclude(pk=exclude_pk) if exclude_pk else Event.objects.all()
    while others.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def event_slug_for(*, title: str, start: datetime.datetime, exclude_pk: int | None = None) -> str:
    return _unique_slug(title, start, exclude_pk=exclude_pk)


# --- Events -------------------------------------------------------------------------------


def event_validate(
    *,
    start: datetime.datetime | None,
    end: datetime.datetime | None,
    capacity: int | None,
    registration_opens: datetime.datetime | None = None,
    registration_closes: datetime.datetime | None = None,
    audience: str = "",
    invited_count: int | None = None,
    seats_taken: int = 0,
) -> None:
    """The rules an event's dates and capacity must follow (used by the back office too)."""
    errors: dict[str, list[str]] = {}
    if start and end and end <= start:
        errors.setdefault("end", []).append(_("The end must be after the start."))
    if capacity is not None and capacity < seats_taken:
        errors.setdefault("capacity", []).append(
            _(
                "%(taken)s people already hold a seat. The capacity cannot be lower; cancel "
                "registrations first."
            )
            % {"taken": seats_taken}
        )
    if registration_opens and registration_closes and registration_closes <= registration_opens:
        errors.setdefault("registration_closes", []).append(
            _("Registration must close after it opens.")
        )
    if registration_closes and end and registration_closes > end:
        errors.setdefault("registration_closes", []).append(
            _("Registration cannot close after the event has ended.")
        )
    if audience == Event.Audience.INVITED and invited_count == 0:
        errors.setdefault("invited_organisations", []).append(
            _("Choose at least one organisation for an invited-only event.")
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_create(
    *,
    title: str,
    kind: str,
    format: str,
    start: datetime.datetime,
    end: datetime.datetime,
    created_by: Any,
    audience: str = Event.Audience.REGISTERED,
    invited_organisations: Iterable[Organisation] = (),
    topic_fields: Iterable[Any] = (),
    capacity: int | None = None,
    summary: str = "",
    description: str = "",
    venue_name: str = "",
    address: str = "",
    online_url: str = "",
    online_access_info: str = "",
    registration_closes: datetime.datetime | None = None,
    status: str = Event.Status.PUBLISHED,
    facilitator_users: Iterable[Any] = (),
    language: str = "de",
) -> Event:
    """Create an event in one step, e.g. a focused webinar for one association that a coach
    plans in a learning journey (audience ``invited`` with that organisation)."""
    invited = list(invited_organisations)
    event_validate(
        start=start,
        end=end,
        capacity=capacity,
        registration_closes=registration_closes,
        audience=audience,
        invited_count=len(invited),
    )
    event = Event(
        title=title,
        slug=_unique_slug(title, start),
        kind=kind,
        format=format,
        start=start,
        end=end,
        audience=audience,
        capacity=capacity,
        summary=summary,
        description=description,
        venue_name=venue_name,
        address=address,
        online_url=online_url,
        online_access_info=online_access_info,
        registration_closes=registration_closes,
        status=status,
        created_by=created_by if getattr(created_by, "pk", None) else None,
        language=language,
    )
    event.full_clean(exclude=["slug"])
    event.save()
    event.invited_organisations.set(invited)
    event.topic_fields.set(list(topic_fields))
    for order, user in enumerate(facilitator_users):
        Facilitator.objects.create(
            event=event, kind=Facilitator.Kind.STAFF, user=user, sort_order=order
        )
    audit_log(actor=created_by, action="event.create", obj=event)
    return event


def event_lock_for_edit(*, event: Event, capacity: int | None) -> dict[str, Any]:
    """Inside the back office's save: lock the event, check the new capacity against seats
    taken, and remember what the calendar entry showed before."""
    locked = _lock(event)
    event_validate(start=None, end=None, capacity=capacity, seats_taken=_seats_taken(locked))
    return {
        "start": locked.start,
        "end": locked.end,
        "address": locked.address,
        "venue_name": locked.venue_name,
        "online_url": locked.online_url,
        "status": locked.status,
    }


def event_after_edit(*, event: Event, before: dict[str, Any] | None, actor: Any) -> Event:
    """After the back office saved ``event``: raise the calendar sequence if time or place
    changed, promote people from the waitlist if seats were added, and log it."""
    if before is not None and any(
        before[name] != getattr(event, name) for name in ("start", "end", "address", "online_url")
    ):
        event.sequence += 1
        event.save(update_fields=["sequence"])
    if not event.slug:
        event.slug = _unique_slug(event.title, event.start, exclude_pk=event.pk)
        event.save(update_fields=["slug"])
    promoted = waitlist_promote(event=event)
    audit_log(
        actor=actor,
        action="event.create" if before is None else "event.edit",
        obj=event,
        data={"promoted_from_waitlist": len(promoted)} if promoted else None,
    )
    return event


@transaction.atomic
def event_cancel(*, event: Event, actor: Any, reason: str) -> Event:
    """Cancel the event; everyone registered or waiting is told by email."""
    event = _lock(event)
    if event.is_cancelled:
        raise ValidationError(_("This event has already been cancelled."))
    if event.is_past:
        raise ValidationError(_("An event that is over cannot be cancelled."))
    event.status = Event.Status.CANCELLED
    event.cancelled_at = timezone.now()
    event.cancellation_reason = reason
    event.sequence += 1
    event.save(update_fields=["status", "cancelled_at", "cancellation_reason", "sequence"])
    registrations = list(
        Registration.objects.filter(event=event, status__in=Registration.ACTIVE).select_related(
            "user", "event"
        )
    )
    for registration in registrations:
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = event.cancelled_at
        registration.save(update_fields=["status", "cancelled_at"])
        registration.event = event
        _notify(registration, "event_cancelled", with_ics=True, extra={"reason": reason})
    audit_log(
        actor=actor,
        action="event.cancel",
        obj=event,
        data={"reason": reason, "notified": len(registrations)},
    )
    return event


@transaction.atomic
def event_duplicate(*, event: Event, start: datetime.datetime, actor: Any) -> Event:
    """Copy an event (e.g. next year's conference) as a draft, all dates shifted so that it
    starts at ``start``. Programme, questions, facilitators and audience come along;
    registrations, materials, the recording and the room link do not."""
    shift = start - event.start

    def moved(value: datetime.datetime | None) -> datetime.datetime | None:
        return value + shift if value else None

    copy = Event.objects.get(pk=event.pk)
    copy.pk = None
    copy.id = None
    copy.slug = _unique_slug(event.title, start)
    copy.status = Event.Status.DRAFT
    copy.start = start
    copy.end = event.end + shift
    for name in (
        "registration_opens",
        "registration_closes",
        "cancellation_deadline",
        "workshop_choice_deadline",
    ):
        setattr(copy, name, moved(getattr(event, name)))
    copy.recording_url = ""
    copy.online_url = ""
    copy.online_access_info = ""
    copy.cancellation_reason = ""
    copy.cancelled_at = None
    copy.sequence = 0
    copy.duplicated_from = event
    copy.created_by = actor
    copy._state.adding = True
    copy.save()
    copy.topic_fields.set(event.topic_fields.all())
    copy.invited_organisations.set(event.invited_organisations.all())
    for facilitator in Facilitator.objects.filter(event=event):
        facilitator.pk = None
        facilitator.event = copy
        facilitator.save()
    for session in Session.objects.filter(event=event):
        session.pk = None
        session.event = copy
        session.start += shift
        session.end += shift
        session.save()
    for question in Question.objects.filter(event=event):
        question.pk = None
        question.event = copy
        question.save()
    audit_log(actor=actor, action="event.duplicate", obj=copy, data={"from": event.pk})
    return copy


# --- Registrations ------------------------------------------------------------------------


def _validate_answers(
    questions: list[Question], answers: dict[int, Any]
) -> tuple[list[Answer], dict[str, list[str]]]:
    rows: list[Answer] = []
    errors: dict[str, list[str]] = {}
    for question in questions:
        value = answers.get(question.pk)
        key = f"question_{question.pk}"
        if question.kind in (Question.Kind.CONSENT, Question.Kind.YES_NO):
            if question.kind == Question.Kind.CONSENT:
                given = bool(value)
                if question.required and not given:
                    errors[key] = [_("Please agree to take part.")]
                text = "yes" if given else "no"
            else:
                if value in (None, "") and question.required:
                    errors[key] = [_("Please answer yes or no.")]
                text = {True: "yes", False: "no", "yes": "yes", "no": "no"}.get(value, "")
        elif question.kind == Question.Kind.CHOICE:
            text = str(value or "")
            if (text and text not in question.choice_list) or (question.required and not text):
                errors[key] = [_("Please choose one of the options.")]
        else:
            text = str(value or "").strip()
            if question.required and not text:
                errors[key] = [_("Please answer this question.")]
        rows.append(
            Answer(
                question=question,
                question_text=question.label[:500],
                kind=question.kind,
                value=text,
            )
        )
    return rows, errors


def _validate_workshops(
    event: Event, workshops: Iterable[Session], *, count_seats: bool, ignore: Registration | None
) -> tuple[list[Session], dict[str, list[str]]]:
    """Workshops must belong to the event, at most one per time slot, and have a seat left."""
    sessions = list(Session.objects.filter(event=event))
    by_pk = {session.pk: session for session in sessions}
    chosen = [by_pk.get(getattr(w, "pk", w)) for w in workshops]
    errors: dict[str, list[str]] = {}
    if any(session is None or not session.is_workshop for session in chosen):
        errors["__all__"] = [_("Please choose workshops of this event only.")]
        return [], errors
    for slot in workshop_slots(sessions):
        in_slot = [s for s in chosen if s in slot.workshops]
        if len(in_slot) > 1:
            errors[slot.key] = [_("Please choose only one workshop at a time.")]
    if count_seats:
        taken = dict(
            WorkshopChoice.objects.filter(
                session__in=[s.pk for s in chosen if s.capacity is not None],
                registration__status__in=SEATED,
            )
            .exclude(registration=ignore)
            .values("session")
            .annotate(n=Count("pk"))
            .values_list("session", "n")
        )
        for session in chosen:
            if session.capacity is not None and taken.get(session.pk, 0) >= session.capacity:
                slot = next(s for s in workshop_slots(sessions) if session in s.workshops)
                errors.setdefault(slot.key, []).append(
                    _("The workshop “%(title)s” is full. Please choose another one.")
                    % {"title": session.title}
                )
    return chosen, errors


@transaction.atomic
def registration_create(
    *,
    event: Event,
    user: Any,
    organisation: Organisation | None,
    answers: dict[int, Any] | None = None,
    workshops: Iterable[Session] = (),
) -> Registration:
    """Register ``user`` on behalf of ``organisation``: a seat if one is free, otherwise a
    place on the waitlist. Nothing is saved if anything is wrong."""
    event = _lock(event)
    refusal = registration_refusal(user, event)
    if refusal:
        raise ValidationError(refusal)
    allowed = allowed_organisations(user, event)
    if organisation is None:
        if event.audience != Event.Audience.PUBLIC:
            raise ValidationError(
                {"organisation": _("Please choose the organisation you register for.")}
            )
    elif not allowed.filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": _("You cannot register on behalf of this organisation.")}
        )
    # Anyone still waiting goes first when seats are free (e.g. after the capacity grew).
    waitlist_promote(event=event, locked=True)
    has_seat = event.capacity is None or _seats_taken(event) < event.capacity
    answer_rows, errors = _validate_answers(list(event.questions.all()), answers or {})
    chosen, workshop_errors = _validate_workshops(
        event, workshops, count_seats=has_seat, ignore=None
    )
    errors.update(workshop_errors)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    registration = Registration.objects.create(
        event=event,
        user=user,
        organisation=organisation,
        status=Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITLISTED,
        confirmed_at=now if has_seat else None,
        waitlisted_at=None if has_seat else now,
    )
    for answer in answer_rows:
        answer.registration = registration
    Answer.objects.bulk_create(answer_rows)
    WorkshopChoice.objects.bulk_create(
        [WorkshopChoice(registration=registration, session=session) for session in chosen]
    )
    versions.bump_on_commit(Answer, WorkshopChoice)  # bulk inserts send no signals
    audit_log(
        actor=user,
        action="event.register" if has_seat else "event.waitlist",
        obj=event,
        data={"registration": registration.pk},
    )
    _notify(
        registration,
        "registration_confirmed" if has_seat else "registration_waitlisted",
        with_ics=True,
    )
    return registration


def waitlist_promote(*, event: Event, locked: bool = False) -> list[Registration]:
    """Give free seats to the people waiting longest, and email them. Workshop wishes that are
    full by now are dropped (the email asks them to choose again)."""
    with transaction.atomic():
        if not locked:
            event = _lock(event)
        if event.status != Event.Status.PUBLISHED or event.is_past:
            return []
        free = None if event.capacity is None else event.capacity - _seats_taken(event)
        waiting = Registration.objects.filter(
            event=event, status=Registration.Status.WAITLISTED
        ).order_by("waitlisted_at", "pk")
        if free is not None:
            if free <= 0:
                return []
            waiting = waiting[:free]
        promoted = []
        for registration in waiting.select_related("user"):
            registration.event = event
            registration.status = Registration.Status.CONFIRMED
            registration.confirmed_at = timezone.now()
            registration.save(update_fields=["status", "confirmed_at"])
            dropped = []
            for choice in registration.workshop_choices.select_related("session"):
                session = choice.session
                if session.capacity is not None:
                    taken = (
                        WorkshopChoice.objects.filter(
                            session=session, registration__status__in=SEATED
                        )
                        .exclude(pk=choice.pk)
                        .count()
                    )
                    if taken >= session.capacity:
                        dropped.append(session.title)
                        choice.delete()
            audit_log(
                actor=None,
                action="event.waitlist_promote",
                obj=event,
                data={"registration": registration.pk},
            )
            _notify(
                registration,
                "waitlist_promoted",
                with_ics=True,
                extra={"dropped_workshops": dropped},
            )
            promoted.append(registration)
        return promoted


@transaction.atomic
def registration_cancel(
    *, registration: Registration, actor: Any, erasing: bool = False
) -> Registration:
    """Cancel a registration (self-service until the deadline, the team any time before the
    end); the first person waiting gets the seat. ``erasing``: the person deletes their
    account, so the seat is freed whatever the deadline, without an email to them."""
    event = _lock(registration.event)
    registration = Registration.objects.select_related("user", "event").get(pk=registration.pk)
    registration.event = event
    if erasing and registration.status in (
        Registration.Status.CONFIRMED,
        Registration.Status.WAITLISTED,
    ):
        pass
    elif not can_cancel_registration(actor, registration):
        if registration.status == Registration.Status.CANCELLED:
            raise ValidationError(_("This registration has already been cancelled."))
        raise ValidationError(_("The deadline for cancelling has passed. Please contact the team."))
    had_seat = registration.holds_seat
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    by_team = actor.pk != registration.user_id
    audit_log(
        actor=actor,
        action="event.registration_cancel",
        obj=event,
        data={"registration": registration.pk, "by_team": by_team},
    )
    if not erasing:
        _notify(registration, "registration_cancelled", extra={"by_team": by_team})
    if had_seat:
        waitlist_promote(event=event, locked=True)
    return registration


@transaction.atomic
def workshops_change(
    *, registration: Registration, workshops: Iterable[Session], actor: Any
) -> Registration:
    """Replace the workshop choice (until the deadline); seats are checked under the lock."""
    event = _lock(registration.event)
    registration = Registration.objects.select_related("event").get(pk=registration.pk)
    registration.event = event
    if not can_change_workshops(actor, registration):
        raise ValidationError(_("The workshop choice can no longer be changed."))
    chosen, errors = _validate_workshops(
        event, workshops, count_seats=registration.holds_seat, ignore=registration
    )
    if errors:
        raise ValidationError(errors)
    registration.workshop_choices.exclude(session__in=chosen).delete()
    existing = set(registration.workshop_choices.values_list("session_id", flat=True))
    WorkshopChoice.objects.bulk_create(
        [
            WorkshopChoice(registration=registration, session=session)
            for session in chosen
            if session.pk not in existing
        ]
    )
    versions.bump_on_commit(WorkshopChoice)
    audit_log(
        actor=actor,
        action="event.workshops_change",
        obj=event,
        data={"registration": registration.pk, "workshops": [s.pk for s in chosen]},
    )
    return registration


@transaction.atomic
def registration_check_in(*, registration: Registration, status: str, actor: Any) -> Registration:
    """Mark attended or no-show at the door, or undo (back to confirmed)."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if status not in (
        Registration.Status.ATTENDED,
        Registration.Status.NO_SHOW,
        Registration.Status.CONFIRMED,
    ):
        raise ValidationError(_("Unknown check-in status."))
    if not registration.holds_seat:
        raise ValidationError(_("Only people with a seat can be checked in."))
    registration.status = status
    if status == Registration.Status.ATTENDED:
        registration.checked_in_at = timezone.now()
        registration.checked_in_by = actor
    else:
        registration.checked_in_at = None
        registration.checked_in_by = None
    registration.save(update_fields=["status", "checked_in_at", "checked_in_by"])
    audit_log(
        actor=actor,
        action=f"event.check_in.{status}",
        obj=registration.event,
        data={"registration": registration.pk},
    )
    return registration


@transaction.atomic
def event_message_send(
    *, event: Event, subject: str, body: str, include_waitlist: bool, actor: Any
) -> Message:
    """Email a message to all participants with a seat (and, if asked, the waitlist)."""
    statuses = [*SEATED, Registration.Status.WAITLISTED] if include_waitlist else SEATED
    registrations = list(
        Registration.objects.filter(event=event, status__in=statuses).select_related("user")
    )
    if not registrations:
        raise ValidationError(_("There is nobody to send this message to yet."))
    message = Message.objects.create(
        event=event,
        subject=subject,
        body=body,
        include_waitlist=include_waitlist,
        recipient_count=len(registrations),
        sent_by=actor,
    )
    for registration in registrations:
        registration.event = event
        _notify(
            registration,
            "participant_message",
            extra={"message": message, "sender": actor},
        )
    audit_log(
        actor=actor,
        action="event.message",
        obj=event,
        data={"subject": subject, "recipients": len(registrations)},
    )
    return message


def participants_export_logged(*, event: Event, actor: Any, file_format: str, count: int) -> None:
    """Personal data leaves the platform: who exported which list, when."""
    audit_log(
        actor=actor,
        action="event.participants_export",
        obj=event,
        data={"format": file_format, "rows": count},
    )


@transaction.atomic
def feedback_submit(*, registration: Registration, rating: int, comment: str) -> Feedback:
    if registration.status != Registration.Status.ATTENDED:
        raise ValidationError(_("Feedback is for people who took part."))
    if not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Please choose between 1 and 5 stars.")})
    feedback, _created = Feedback.objects.update_or_create(
        registration=registration, defaults={"rating": rating, "comment": comment.strip()}
    )
    return feedback


def calendar_feed_get(*, user: Any) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


@transaction.atomic
def calendar_feed_renew(*, user: Any) -> CalendarFeed:
    """Create the personal feed address, or replace it (the old address stops working)."""
    CalendarFeed.objects.filter(user=user).delete()
    feed = CalendarFeed.objects.create(user=user)
    audit_log(actor=user, action="event.calendar_feed_renew", obj=feed)
    return feed


@transaction.atomic
def calendar_feed_revoke(*, user: Any) -> None:
    CalendarFeed.objects.filter(user=user).delete()
    audit_log(actor=user, action="event.calendar_feed_revoke")


def calendar_feed_touch(*, feed: CalendarFeed) -> None:
    CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=timezone.now())


# --- Scheduled notifications --------------------------------------------------------------

REMINDER_WEEK = datetime.timedelta(days=7)
REMINDER_DAY = datetime.timedelta(days=1)
FEEDBACK_WINDOW = datetime.timedelta(days=14)


def _claim(registration_pk: int, field: str, now: datetime.datetime) -> bool:
    """Mark a notification as sent; True only for the one caller that flipped it, so two
    overlapping runs never send the same reminder twice."""
    return bool(
        Registration.objects.filter(pk=registration_pk, **{f"{field}__isnull": True}).update(
            **{field: now}
        )
    )


def reminders_send(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Send due reminders (7 days and 1 day before) and feedback requests (after the end).

    A reminder goes only to people whose seat was confirmed before its moment came, since the
    confirmation email carried the same information."""
    now = now or timezone.now()
    sent = {"week": 0, "day": 0, "feedback": 0}
    published = Q(event__status=Event.Status.PUBLISHED)
    confirmed = Registration.objects.filter(published, status=Registration.Status.CONFIRMED)
    week_due = confirmed.filter(
        reminder_week_sent_at__isnull=True,
        event__start__gt=now + REMINDER_DAY,
        event__start__lte=now + REMINDER_WEEK,
    ).select_related("event", "user")
    for registration in week_due:
        if registration.confirmed_at and registration.confirmed_at > (
            registration.event.start - REMINDER_WEEK
        ):
            continue
        with transaction.atomic():
            if _claim(registration.pk, "reminder_week_sent_at", now):
                _notify(registration, "reminder_week", with_ics=True, once=True)
                sent["week"] += 1
    day_due = confirmed.filter(
        reminder_day_sent_at__isnull=True,
        event__start__gt=now,
        event__start__lte=now + REMINDER_DAY,
    ).select_related("event", "user")
    for registration in day_due:
        if registration.confirmed_at and registration.confirmed_at > (
            registration.event.start - REMINDER_DAY
        ):
            continue
        with transaction.atomic():
            if _claim(registration.pk, "reminder_day_sent_at", now):
                _notify(
                    registration, "reminder_day", with_ics=True, last_before_event=True, once=True
                )
                sent["day"] += 1
    feedback_due = Registration.objects.filter(
        published,
        status=Registration.Status.ATTENDED,
        feedback_requested_at__isnull=True,
        event__end__lte=now,
        event__end__gt=now - FEEDBACK_WINDOW,
    ).select_related("event", "user")
    for registration in feedback_due:
        with transaction.atomic():
            if _claim(registration.pk, "feedback_requested_at", now):
                language = registration.user.language or settings.LANGUAGE_CODE
                path = feedback_path(
                    event=registration.event, user=registration.user, language=language
                )
                _notify(
                    registration,
                    "feedback_request",
                    once=True,
                    extra={
                        "feedback_url": settings.VAMOS_BASE_URL + path,
                        "certificate_url": _url_in(
                            language, "events:certificate", slug=registration.event.slug
                        ),
                    },
                )
                sent["feedback"] += 1
    return sent


def feedback_link(*, registration: Registration) -> str:
    """Where an attendee gives feedback (the survey engine's form once it serves events);
    inviting to that form is idempotent, so the event page may call this."""
    return feedback_path(event=registration.event, user=registration.user)


# --- Retention ----------------------------------------------------------------------------


def registration_answers_expire(*, now: datetime.datetime) -> int:
    """Retention: answers to registration questions (dietary needs, access needs …) are
    deleted ``VAMOS_RETENTION_REGISTRATION_ANSWERS_DAYS`` after the event. The registration
    and its attendance stay for the figures; consents stay as the record of what was agreed."""
    cutoff = now - datetime.timedelta(days=settings.VAMOS_RETENTION_REGISTRATION_ANSWERS_DAYS)
    deleted, _per_model = (
        Answer.objects.filter(registration__event__end__lt=cutoff)
        .exclude(kind=Question.Kind.CONSENT)
        .delete()
    )
    return deleted

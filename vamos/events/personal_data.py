"""What the events app stores about a person, and how it is erased.

Erasing keeps the registration rows (so attendance figures stay true) but removes what
identifies or was written by the person: answers, consents, feedback comments, the calendar
feed. The account row itself is anonymised by the accounts app. Seats the person still held
for upcoming events are given back (and the waitlist moves up)."""

from typing import Any

from django.utils import timezone

from .models import Answer, CalendarFeed, Feedback, Registration


def export_registrations(user: Any) -> dict[str, Any]:
    registrations = (
        Registration.objects.filter(user=user)
        .select_related("event", "organisation")
        .prefetch_related("answers", "workshops")
    )
    return {
        "registrations": [
            {
                "event": registration.event.title,
                "event_start": registration.event.start.isoformat(),
                "organisation": registration.organisation.name
                if registration.organisation
                else None,
                "status": registration.status,
                "registered_at": registration.created_at.isoformat(),
                "checked_in_at": (
                    registration.checked_in_at.isoformat() if registration.checked_in_at else None
                ),
                "workshops": [workshop.title for workshop in registration.workshops.all()],
                "answers": [
                    {"question": answer.question_text, "answer": answer.value}
                    for answer in registration.answers.all()
                ],
            }
            for registration in registrations
        ],
        "feedback": [
            {
                "event": feedback.registration.event.title,
                "rating": feedback.rating,
                "comment": feedback.comment,
                "given_at": feedback.created_at.isoformat(),
            }
            for feedback in Feedback.objects.filter(registration__user=user).select_related(
                "registration__event"
            )
        ],
        "calendar_feed": CalendarFeed.objects.filter(user=user).exists(),
    }


def erase_registrations(user: Any) -> None:
    from .services import registration_cancel

    upcoming = Registration.objects.filter(
        user=user,
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED],
        event__end__gt=timezone.now(),
    ).select_related("event")
    for registration in upcoming:
        if registration.event.status == registration.event.Status.PUBLISHED:
            registration_cancel(registration=registration, actor=user, erasing=True)
    Answer.objects.filter(registration__user=user).delete()
    Feedback.objects.filter(registration__user=user).update(comment="")
    CalendarFeed.objects.filter(user=user).delete()

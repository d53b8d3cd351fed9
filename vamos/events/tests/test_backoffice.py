"""The team edits events in the back office; bad dates and capacity come back explained."""

from typing import Any

import pytest
from django.urls import reverse

from vamos.core.models import AuditEntry
from vamos.events.models import Event, Registration

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _form_data(event: Event, **changes: Any) -> dict[str, Any]:
    data = {
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind,
        "format": event.format,
        "status": event.status,
        "language": "de",
        "start": "2030-05-04 10:00",
        "end": "2030-05-04 16:00",
        "audience": event.audience,
        "capacity": str(event.capacity or ""),
        "summary": "",
        "description": "",
    }
    for prefix in ("questions", "facilitators", "sessions", "materials"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(changes)
    return data


def test_team_admin_edits_an_event_and_the_waitlist_moves_up(
    client_for: Any, team_admin: Any
) -> None:
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    url = reverse("wagtailsnippets_events_event:edit", args=[event.pk])
    response = client_for(team_admin).post(url, _form_data(event, capacity="2"))
    assert response.status_code == 302, response.context["form"].errors
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    event.refresh_from_db()
    assert event.sequence == 1  # the date changed: calendars replace the entry
    assert AuditEntry.objects.filter(action="event.edit").exists()


def test_capacity_below_seats_and_end_before_start_are_explained(
    client_for: Any, team_admin: Any
) -> None:
    event = EventFactory(capacity=5)
    for _ in range(3):
        RegistrationFactory(event=event)
    url = reverse("wagtailsnippets_events_event:edit", args=[event.pk])
    response = client_for(team_admin).post(
        url, _form_data(event, capacity="2", end="2030-05-04 09:00")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "3 people already hold a seat" in " ".join(errors["capacity"]) or errors["capacity"]
    assert "end" in errors
    event.refresh_from_db()
    assert event.capacity == 5


def test_new_event_gets_an_address_from_its_title(client_for: Any, team_admin: Any) -> None:
    url = reverse("wagtailsnippets_events_event:add")
    template = Event(
        title="Fundraising für Einsteiger",
        kind="webinar",
        format="online",
        status="published",
        audience="public",
        capacity=None,
    )
    response = client_for(team_admin).post(url, _form_data(template, slug=""))
    assert response.status_code == 302
    assert (
        Event.objects.get(title="Fundraising für Einsteiger").slug
        == "fundraising-fur-einsteiger-2030"
    )


def test_events_with_registrations_cannot_be_deleted(client_for: Any, team_admin: Any) -> None:
    event = EventFactory()
    RegistrationFactory(event=event)
    url = reverse("wagtailsnippets_events_event:delete", args=[event.pk])
    response = client_for(team_admin).post(url)
    assert response.status_code in (302, 403)
    assert Event.objects.filter(pk=event.pk).exists()

"""A best practice names the VAMOs event where it was presented (read via events' selectors)."""

from typing import Any

import pytest
from django.urls import reverse

from vamos.community.models import BestPractice
from vamos.events.models import Event
from vamos.events.tests.factories import EventFactory

from .factories import BestPracticeFactory, topic_field

pytestmark = pytest.mark.django_db


def test_the_event_is_chosen_in_the_form_and_linked_where_everyone_may_open_it(
    client_for: Any, client: Any, member: Any, org_a: Any
) -> None:
    conference = EventFactory(title="Netzwerktagung 2026", audience=Event.Audience.PUBLIC)
    internal = EventFactory(
        title="Klausur für eingeladene Verbände", audience=Event.Audience.INVITED
    )
    EventFactory(title="Entwurf einer Schulung", status=Event.Status.DRAFT)
    response = client_for(member).get(reverse("community:create"))
    choices = [label for _value, label in response.context["form"].fields["event"].choices]
    assert any("Netzwerktagung 2026" in label for label in choices)
    assert not any("Entwurf einer Schulung" in label for label in choices)

    client_for(member).post(
        reverse("community:create"),
        {"title": "Vorgestellt auf der Tagung", "event": conference.pk, "intent": "draft"},
    )
    practice = BestPractice.objects.get()
    assert practice.event_id == conference.pk
    BestPractice.objects.filter(pk=practice.pk).update(
        status="published", visibility="public", public_consent=True
    )
    practice.topic_fields.set([topic_field()])
    page = client.get(reverse("community:detail", args=[practice.pk])).content.decode()
    assert reverse("events:detail", kwargs={"slug": conference.slug}) in page

    other = BestPracticeFactory(
        organisation=org_a, author=member, public=True, event_id=internal.pk
    )
    page = client.get(reverse("community:detail", args=[other.pk])).content.decode()
    assert "Klausur für eingeladene Verbände" in page
    assert reverse("events:detail", kwargs={"slug": internal.slug}) not in page

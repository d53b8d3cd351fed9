import datetime

import factory
from django.utils import timezone

from vamos.accounts.tests.factories import UserFactory
from vamos.events.models import Event, Question, Registration, Session


def in_days(days: float, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=int(days))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Schulung Fördermittel {n}")
    slug = factory.Sequence(lambda n: f"schulung-{n}")
    kind = Event.Kind.TRAINING
    format = Event.Format.ON_SITE
    status = Event.Status.PUBLISHED
    audience = Event.Audience.REGISTERED
    start = factory.LazyFunction(lambda: in_days(14, 10))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    venue_name = "Haus der Vereine"
    address = "Musterstraße 1\n50667 Köln"
    capacity = 20

    @factory.post_generation
    def invited(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.invited_organisations.set(extracted)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    kind = Session.Kind.WORKSHOP
    title = factory.Sequence(lambda n: f"Workshop {n}")
    start = factory.LazyAttribute(lambda o: o.event.start)
    end = factory.LazyAttribute(lambda o: o.event.start + datetime.timedelta(hours=2))
    capacity = 10


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    kind = Question.Kind.TEXT
    label = "Haben Sie Ernährungswünsche?"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

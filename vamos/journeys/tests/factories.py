import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from vamos.core.models import TopicField
from vamos.journeys.models import (
    Activity,
    CoachNote,
    FollowUp,
    Goal,
    GoalUpdate,
    Journey,
    JourneyCoach,
    Kickoff,
    Need,
    Recommendation,
    Review,
)
from vamos.organisations.tests.factories import OrganisationFactory


def topic_field(slug: str = "finanzierung") -> TopicField:
    return TopicField.objects.get(slug=slug)


class JourneyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Journey
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    status = Journey.Status.ACTIVE
    status_changed_at = factory.LazyFunction(timezone.now)
    applied_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=60))
    motivation = "Wir möchten unsere Finanzierung breiter aufstellen."
    availability = "Dienstags ab 17 Uhr"
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=50))
    planned_end_date = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=300)
    )
    hour_budget = Decimal("40")

    @factory.post_generation
    def coaches(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            for index, coach in enumerate(extracted):
                JourneyCoach.objects.create(journey=self, coach=coach, is_lead=index == 0)


class KickoffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kickoff

    journey = factory.SubFactory(JourneyFactory)
    held_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=45))
    participants = "Vorstand"
    summary = "Gemeinsamer Auftakt: Bedarfe geklärt."


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    journey = factory.SubFactory(JourneyFactory)
    topic_field = factory.LazyFunction(topic_field)
    priority = "high"
    situation = "Nur Projektmittel."


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal
        skip_postgeneration_save = True

    journey = factory.SubFactory(JourneyFactory)
    topic_field = factory.LazyFunction(topic_field)
    description = factory.Sequence(lambda n: f"Ziel Nummer {n}")
    success_indicator = "Plan beschlossen"
    target_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))

    @factory.post_generation
    def history(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            GoalUpdate.objects.create(
                goal=self,
                kind=GoalUpdate.Kind.CREATED,
                status=self.status,
                progress=self.progress,
                target_date=self.target_date,
                description=self.description,
                success_indicator=self.success_indicator,
            )


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    journey = factory.SubFactory(JourneyFactory)
    format = Activity.Format.COACHING
    title = factory.Sequence(lambda n: f"Coaching {n}")
    status = Activity.Status.HELD
    held_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    hours = Decimal("2")
    participants_count = 3
    shared_summary = "Gemeinsame Zusammenfassung für den Verband."


class CoachNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachNote

    journey = factory.SubFactory(JourneyFactory)
    text = "Vertraulich: Spannungen im Vorstand."


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    journey = factory.SubFactory(JourneyFactory)
    held_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    summary = "Gute Fortschritte."


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    journey = factory.SubFactory(JourneyFactory)
    description = factory.Sequence(lambda n: f"Aufgabe {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    journey = factory.SubFactory(JourneyFactory)
    kind = Recommendation.Kind.ORGANISATION
    target_id = factory.LazyAttribute(lambda o: OrganisationFactory().pk)
    target_title = "Ein Partnerverband"
    reason = "Hat Erfahrung damit."

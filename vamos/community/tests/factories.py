import factory
from django.utils import timezone

from vamos.accounts.tests.factories import UserFactory
from vamos.community.models import BestPractice, Comment, ContactRequest, PeerOffer
from vamos.core.models import TopicField
from vamos.organisations.tests.factories import OrganisationFactory


def topic_field(slug: str = "finanzierung") -> TopicField:
    return TopicField.objects.get(slug=slug)


class BestPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BestPractice
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    author = factory.SubFactory(UserFactory)
    contact_person = factory.SelfAttribute("author")
    title = factory.Sequence(lambda n: f"Praxisbeispiel Nummer {n}")
    summary = "Wie wir es geschafft haben."
    challenge = "Die Ausgangslage war schwierig."
    approach = "Wir haben Schritt für Schritt gearbeitet."
    result = "Es hat funktioniert."
    status = BestPractice.Status.DRAFT

    @factory.post_generation
    def topics(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create:
            self.topic_fields.set([topic_field(slug) for slug in (extracted or ["finanzierung"])])

    class Params:
        published = factory.Trait(
            status=BestPractice.Status.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
            first_published_at=factory.LazyFunction(timezone.now),
        )
        public = factory.Trait(
            status=BestPractice.Status.PUBLISHED,
            visibility=BestPractice.Visibility.PUBLIC,
            public_consent=True,
            published_at=factory.LazyFunction(timezone.now),
            first_published_at=factory.LazyFunction(timezone.now),
        )
        submitted = factory.Trait(
            status=BestPractice.Status.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now)
        )


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    best_practice = factory.SubFactory(BestPracticeFactory, published=True)
    author = factory.SubFactory(UserFactory)
    body = "Wie habt ihr das finanziert?"


class PeerOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeerOffer
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Beratungsangebot {n}")
    description = "Wir teilen unsere Erfahrung."
    offers_call = True

    @factory.post_generation
    def topics(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create:
            self.topic_fields.set([topic_field(slug) for slug in (extracted or ["finanzierung"])])


class ContactRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactRequest

    organisation = factory.SubFactory(OrganisationFactory)
    sender = factory.SubFactory(UserFactory)
    recipient = factory.SubFactory(UserFactory)
    subject = "Frage"
    message = "Können wir sprechen?"

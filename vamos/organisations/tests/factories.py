import factory

from vamos.accounts.tests.factories import UserFactory
from vamos.organisations.models import Membership, Organisation, OrganisationApplication


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Verband Nummer {n}")
    slug = factory.Sequence(lambda n: f"verband-{n}")
    kind = Organisation.Kind.STATE
    federal_state = "NW"
    city = "Köln"
    status = Organisation.Status.ACTIVE
    public_profile = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationApplication

    organisation = factory.SubFactory(OrganisationFactory, status=Organisation.Status.APPLIED)
    applicant = factory.SubFactory(UserFactory)
    applicant_role = "Vorsitz"
    message = "Wir möchten lernen."

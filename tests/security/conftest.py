"""Fixtures of the security suite: the authorisation matrix's world, extended with the
objects the back office shows (images, documents, form submissions, snippets) and with
organisation B's counterparts of organisation A's records for the IDOR checks."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from tests import test_authorisation_matrix
from vamos.core.tests.matrix import PERSONAS, World

world = test_authorisation_matrix.world  # the matrix's fixture, shared


def png_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def _back_office_objects(world: World) -> None:
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Page

    from vamos.core.models import AuditEntry, TopicField
    from vamos.learning.models import LessonPage, ModulePage
    from vamos.surveys.models import Competence
    from vamos.website.models import ContactPage, HomePage, NewsArticlePage, StandardPage

    world.image = Image.objects.create(
        title="Plakat", file=ContentFile(png_bytes(), name="plakat.png"), width=8, height=8
    )
    world.document = Document.objects.create(
        title="Handreichung", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="handreichung.pdf")
    )
    world.topic_field = TopicField.objects.get(slug="finanzierung")
    world.audit_entry = AuditEntry.objects.order_by("pk").first()
    world.competence = Competence.objects.order_by("pk").first()
    world.home_page = HomePage.objects.filter(locale__language_code="de").first()
    world.standard_page = StandardPage.objects.first()
    world.news_page = NewsArticlePage.objects.first()
    world.contact_page = ContactPage.objects.filter(locale__language_code="de").first()
    world.module_page = ModulePage.objects.get(slug="matrix-modul")
    world.lesson_page = LessonPage.objects.child_of(world.module_page).first()
    world.root_page = Page.get_first_root_node()
    if world.contact_page is not None:
        world.form_submission = world.contact_page.get_submission_class().objects.create(
            page=world.contact_page,
            form_data={"name": "Privat", "email": "privat@example.org", "nachricht": "Hallo"},
        )


def _organisation_b_twins(world: World) -> None:
    """For every record of organisation A that a URL or form names, one of organisation B
    that A's people must not reach (``TWINS`` in ``test_idor.py`` pairs them)."""
    from django.utils import timezone

    from vamos.community.models import BestPractice, Comment, ContactRequest, Resource
    from vamos.events.tests.factories import RegistrationFactory
    from vamos.journeys.tests import factories as journeys
    from vamos.learning.models import Certificate
    from vamos.organisations import services as organisations
    from vamos.organisations.models import Membership
    from vamos.organisations.tests.factories import OrganisationFactory
    from vamos.surveys import services as surveys
    from vamos.surveys.models import Response

    now = timezone.now()
    b, b_member = world.org_b, world.other_member
    world.b_membership = Membership.objects.get(user=b_member, organisation=b)
    world.b_invitation, _token = organisations.invitation_create(
        organisation=b, email="b-invitee@example.org", role="member", invited_by=b_member
    )
    world.b_listed_club = organisations.member_club_add_listed(
        federation=b, name="Kulturverein B", city="Kiel", federal_state="SH", actor=b_member
    )
    journey = world.journey_b
    world.goal_b = journeys.GoalFactory(journey=journey)
    world.activity_b = journeys.ActivityFactory(journey=journey, created_by=world.other_coach)
    world.note_b = journeys.CoachNoteFactory(
        journey=journey, activity=world.activity_b, author=world.other_coach
    )
    world.review_b = journeys.ReviewFactory(journey=journey)
    world.follow_up_b = journeys.FollowUpFactory(journey=journey, owner=b_member)
    world.recommendation_b = journeys.RecommendationFactory(
        journey=journey, target_id=world.org_a.pk, target_title=world.org_a.name
    )
    world.webinar_b = journeys.ActivityFactory(
        journey=journey,
        format="webinar",
        status="planned",
        held_on=None,
        hours=None,
        planned_for=now + timezone.timedelta(days=30),
    )
    b_admin = world.make_user(email="b-admin@example.org", first_name="Berta")
    Membership.objects.create(user=b_admin, organisation=b, role=Membership.Role.ADMIN)
    world.survey_draft_b = surveys.response_start(
        wave=world.survey_wave, actor=b_admin, organisation=b
    )
    world.survey_submitted_b = Response.objects.create(
        wave=world.survey_wave_last,
        organisation=b,
        status=Response.Status.SUBMITTED,
        submitted_by=b_member,
        submitted_at=now - timezone.timedelta(days=350),
    )
    common = {
        "organisation": b,
        "author": b_member,
        "contact_person": b_member,
        "summary": "Kurz.",
        "challenge": "A",
        "approach": "B",
        "result": "C",
    }
    world.bp_draft_b = BestPractice.objects.create(title="Entwurf von B", **common)
    world.bp_submitted_b = BestPractice.objects.create(
        title="Eingereicht von B",
        status=BestPractice.Status.SUBMITTED,
        submitted_at=now,
        **common,
    )
    for entry in (world.bp_draft_b, world.bp_submitted_b):
        entry.topic_fields.set([world.topic_field])
    world.resource_draft_b = Resource(
        best_practice=world.bp_draft_b,
        kind=Resource.Kind.FILE,
        title="Intern",
        original_name="b.txt",
        content_type="text/plain",
        size=5,
    )
    world.resource_draft_b.file.save("b.txt", ContentFile(b"Hallo"), save=False)
    world.resource_draft_b.save()
    # Written while the entry was published; it went back into review since.
    world.comment_b = Comment.objects.create(
        best_practice=world.bp_submitted_b, author=b_member, body="Kommentar von B"
    )
    org_c = OrganisationFactory(name="Verband C", slug="verband-c")
    world.contact_request_b = ContactRequest.objects.create(
        organisation=b,
        sender=world.make_user(email="c@example.org"),
        sender_organisation=org_c,
        recipient=b_member,
        subject="Frage von C",
        message="Privat zwischen B und C",
    )
    world.certificate_b = Certificate.objects.create(
        user=b_member,
        module_key=world.learning_module.translation_key,
        issued_at=now,
        language="de",
        learner_name="Dimitri Beispiel",
        organisation_name=b.name,
        module_title=world.learning_module.title,
        topic_fields="Finanzierung",
        duration_minutes=45,
    )
    world.registration_b = RegistrationFactory(event=world.event, user=b_member, organisation=b)


@pytest.fixture
def security_world(world: World, make_user: Any) -> World:
    world.make_user = make_user
    _back_office_objects(world)
    _organisation_b_twins(world)
    return world


@pytest.fixture
def persona_clients(security_world: World) -> dict[str, Client]:
    clients = {persona: Client() for persona in PERSONAS}
    for persona, client in clients.items():
        if persona != "anonymous":
            client.force_login(getattr(security_world, persona))
    return clients


@pytest.fixture
def login_as(persona_clients: dict[str, Client]) -> Callable[[str], Client]:
    return persona_clients.__getitem__

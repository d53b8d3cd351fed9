"""Who may open which page of the peer exchange (see ``vamos/core/tests/matrix.py``).

The world: organisation B (``other_member``) has a public and a members-only best practice
and a peer offer; organisation A (``member``, ``org_admin``) has a draft and a submitted
entry. ``member`` commented on B's public entry and asked B a question.
"""

from vamos.core.tests.matrix import DENIED, LOGIN, NOT_ALLOWED, OK, Row, World, expect


def extend_world(world: World) -> None:
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from vamos.community.models import (
        BestPractice,
        Comment,
        ContactRequest,
        PeerOffer,
        Resource,
    )
    from vamos.core.models import TopicField

    topic_field = TopicField.objects.get(slug="finanzierung")
    now = timezone.now()

    def practice(organisation, author, title, **fields):  # type: ignore[no-untyped-def]
        entry = BestPractice.objects.create(
            organisation=organisation,
            author=author,
            contact_person=author,
            title=title,
            summary="Kurz gesagt.",
            challenge="Ausgangslage",
            approach="Vorgehen",
            result="Ergebnis",
            **fields,
        )
        entry.topic_fields.set([topic_field])
        return entry

    published = {"status": BestPractice.Status.PUBLISHED, "published_at": now}
    world.bp_public = practice(
        world.org_b,
        world.other_member,
        "Öffentliches Beispiel",
        visibility=BestPractice.Visibility.PUBLIC,
        public_consent=True,
        first_published_at=now,
        **published,
    )
    world.bp_members = practice(
        world.org_b, world.other_member, "Beispiel für Mitglieder", **published
    )
    world.bp_draft = practice(world.org_a, world.member, "Entwurf von A")
    world.bp_submitted = practice(
        world.org_a,
        world.member,
        "Eingereicht von A",
        status=BestPractice.Status.SUBMITTED,
        submitted_at=now,
    )

    def upload(entry, title):  # type: ignore[no-untyped-def]
        resource = Resource(
            best_practice=entry,
            kind=Resource.Kind.FILE,
            title=title,
            original_name="notiz.txt",
            content_type="text/plain",
            size=5,
        )
        resource.file.save("notiz.txt", ContentFile(b"Hallo"), save=False)
        resource.save()
        return resource

    world.resource_public = upload(world.bp_public, "Checkliste")
    world.resource_draft = upload(world.bp_draft, "Interne Notiz")
    world.comment = Comment.objects.create(
        best_practice=world.bp_public, author=world.member, body="Wie habt ihr angefangen?"
    )
    world.offer = PeerOffer.objects.create(
        organisation=world.org_b,
        title="Beratung zur Fördermittelakquise",
        description="Wir teilen unsere Erfahrung.",
        offers_call=True,
        contact_person=world.other_member,
        created_by=world.other_member,
    )
    world.offer.topic_fields.set([topic_field])
    world.contact_request = ContactRequest.objects.create(
        organisation=world.org_b,
        best_practice=world.bp_public,
        sender=world.member,
        sender_organisation=world.org_a,
        recipient=world.other_member,
        subject="Frage",
        message="Können wir telefonieren?",
    )
    world.topic_field = topic_field


SIGNED_IN = expect(OK, anonymous=LOGIN)
POST_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)
ORG_A_WRITERS = expect(DENIED, anonymous=LOGIN, member=OK, org_admin=OK)
ORG_MEMBERS = expect(DENIED, anonymous=LOGIN, member=OK, org_admin=OK, other_member=OK)
REVIEWERS = expect(DENIED, anonymous=LOGIN, editor=OK, team_admin=OK)
NOT_ORG_B = expect(OK, anonymous=LOGIN, other_member=DENIED)


def _practice(name: str):  # type: ignore[no-untyped-def]
    return lambda w: {"pk": getattr(w, name).pk}


def _practice_data(w: World) -> dict:
    return {"title": "Neuer Titel", "intent": "draft", "topic_fields": [w.topic_field.pk]}


ROWS = [
    Row("community:library", get=expect(OK)),
    Row(
        "community:create",
        get=ORG_MEMBERS,
        post=ORG_MEMBERS,
        data=_practice_data,
        note="staff without an organisation cannot write best practices",
    ),
    Row("community:detail", _practice("bp_public"), get=expect(OK)),
    Row("community:detail", _practice("bp_members"), get=expect(OK, anonymous=DENIED)),
    Row(
        "community:detail",
        _practice("bp_draft"),
        get=expect(DENIED, member=OK, org_admin=OK),
        note="drafts: only the organisation itself, not even the team",
    ),
    Row(
        "community:detail",
        _practice("bp_submitted"),
        get=expect(DENIED, member=OK, org_admin=OK, editor=OK, team_admin=OK),
    ),
    Row(
        "community:edit",
        _practice("bp_draft"),
        get=ORG_A_WRITERS,
        post=ORG_A_WRITERS,
        data=_practice_data,
    ),
    Row(
        "community:edit",
        _practice("bp_submitted"),
        get=REVIEWERS,
        post=REVIEWERS,
        data=_practice_data,
        note="in review: the editorial team corrects, the organisation withdraws first",
    ),
    Row("community:submit", _practice("bp_draft"), get=POST_ONLY, post=ORG_A_WRITERS),
    Row("community:withdraw", _practice("bp_submitted"), get=POST_ONLY, post=ORG_A_WRITERS),
    Row("community:delete", _practice("bp_draft"), get=ORG_A_WRITERS, post=ORG_A_WRITERS),
    Row(
        "community:resources",
        _practice("bp_draft"),
        get=ORG_A_WRITERS,
        post=ORG_A_WRITERS,
        data=lambda w: {"kind": "link", "link_title": "Website", "url": "https://example.org"},
    ),
    Row(
        "community:resource-remove",
        lambda w: {"pk": w.bp_draft.pk, "resource_pk": w.resource_draft.pk},
        get=POST_ONLY,
        post=ORG_A_WRITERS,
    ),
    Row(
        "community:resource-download",
        lambda w: {"pk": w.bp_public.pk, "resource_pk": w.resource_public.pk},
        get=expect(OK),
    ),
    Row(
        "community:resource-download",
        lambda w: {"pk": w.bp_draft.pk, "resource_pk": w.resource_draft.pk},
        get=expect(DENIED, member=OK, org_admin=OK),
    ),
    Row(
        "community:react",
        _practice("bp_public"),
        get=POST_ONLY,
        post=NOT_ORG_B,
        note="an organisation does not mark its own entries as useful",
    ),
    Row(
        "community:comment",
        _practice("bp_public"),
        get=POST_ONLY,
        post=SIGNED_IN,
        data=lambda w: {"body": "Danke für das Beispiel!"},
    ),
    Row(
        "community:contact",
        _practice("bp_public"),
        get=NOT_ORG_B,
        post=NOT_ORG_B,
        data=lambda w: {"subject": "Frage", "message": "Hallo!"},
    ),
    Row(
        "community:review",
        _practice("bp_submitted"),
        get=REVIEWERS,
        post=REVIEWERS,
        data=lambda w: {"decision": "publish", "visibility": "members"},
    ),
    Row(
        "community:comment-report",
        lambda w: {"pk": w.comment.pk},
        get=expect(OK, anonymous=LOGIN, member=DENIED),
        post=expect(OK, anonymous=LOGIN, member=DENIED),
        data=lambda w: {"reason": "spam"},
        note="nobody reports their own comment",
    ),
    Row(
        "community:comment-delete",
        lambda w: {"pk": w.comment.pk},
        get=POST_ONLY,
        post=expect(DENIED, anonymous=LOGIN, member=OK),
    ),
    Row("community:mine", get=SIGNED_IN),
    Row("community:offers", get=SIGNED_IN),
    Row(
        "community:offer-create",
        get=ORG_MEMBERS,
        post=ORG_MEMBERS,
        data=lambda w: {
            "title": "Wir beraten",
            "description": "Erfahrung",
            "topic_fields": [w.topic_field.pk],
            "formats": ["call"],
            "is_active": "on",
        },
    ),
    Row("community:offer-detail", lambda w: {"pk": w.offer.pk}, get=SIGNED_IN),
    Row(
        "community:offer-edit",
        lambda w: {"pk": w.offer.pk},
        get=expect(DENIED, anonymous=LOGIN, other_member=OK, team_admin=OK),
        post=expect(DENIED, anonymous=LOGIN, other_member=OK, team_admin=OK),
        data=lambda w: {
            "title": "Wir beraten weiter",
            "description": "Erfahrung",
            "topic_fields": [w.topic_field.pk],
            "formats": ["visit"],
        },
    ),
    Row(
        "community:offer-delete",
        lambda w: {"pk": w.offer.pk},
        get=expect(DENIED, anonymous=LOGIN, other_member=OK, team_admin=OK),
        post=expect(DENIED, anonymous=LOGIN, other_member=OK, team_admin=OK),
    ),
    Row(
        "community:offer-contact",
        lambda w: {"pk": w.offer.pk},
        get=NOT_ORG_B,
        post=NOT_ORG_B,
        data=lambda w: {"subject": "Frage", "message": "Hallo!"},
    ),
    Row("community:matches", get=SIGNED_IN),
    Row(
        "community:needs",
        lambda w: {"slug": w.org_a.slug},
        get=expect(DENIED, anonymous=LOGIN, org_admin=OK, team_admin=OK),
        post=expect(DENIED, anonymous=LOGIN, org_admin=OK, team_admin=OK),
        data=lambda w: {f"priority_{w.topic_field.pk}": "3"},
    ),
    Row("community:requests", get=SIGNED_IN),
    Row(
        "community:request-detail",
        lambda w: {"pk": w.contact_request.pk},
        get=expect(DENIED, anonymous=LOGIN, member=OK, other_member=OK),
        post=expect(DENIED, anonymous=LOGIN, other_member=OK),
        data=lambda w: {"decision": "answer", "answer": "Gern!"},
        note="private between the two sides; only the asked side answers",
    ),
    Row(
        "community:settings",
        get=SIGNED_IN,
        post=SIGNED_IN,
        data=lambda w: {"replies": "digest", "organisation_activity": "immediately"},
    ),
    Row("community:review-queue", get=REVIEWERS),
    Row("community:moderation", get=REVIEWERS),
    Row(
        "community:moderate",
        lambda w: {"pk": w.comment.pk},
        get=POST_ONLY,
        post=REVIEWERS,
        data=lambda w: {"action": "dismiss"},
    ),
    Row(
        "community:presenters",
        get=expect(DENIED, anonymous=LOGIN, coach=OK, other_coach=OK, editor=OK, team_admin=OK),
    ),
]

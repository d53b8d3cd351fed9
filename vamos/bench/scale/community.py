"""Peer exchange at 1×: 200 best practices (most published for members, a third of those
publicly, the rest in drafts or review) with review history, links, useful marks and comments;
peer offers, stated needs and contact requests.
"""

import datetime

from vamos.community.models import (
    BestPractice,
    Comment,
    ContactRequest,
    Need,
    PeerOffer,
    Reaction,
    Resource,
    ReviewNote,
)

from .base import Scale, World, bulk, bulk_through, paragraph

TITLES = [
    "Mitgliederversammlung digital und hybrid",
    "Ein Leitbild in drei Workshops",
    "Fördermittel für die Geschäftsstelle",
    "Jugend im Vorstand",
    "Pressearbeit mit kleinem Budget",
    "Netzwerk mit der Kommune",
    "Ehrenamt wertschätzen",
    "Mitgliederdaten sicher verwalten",
    "Projektplanung mit Meilensteinen",
    "Kampagne zur Einbürgerung",
    "Elternarbeit in Schulen",
    "Sprachmittlung im Verein",
    "Spenden über die Website",
    "Interkulturelles Stadtfest",
]


def seed(scale: Scale, world: World) -> None:
    organisations = world.organisations
    people_of = world.members_of
    editor = world.editors[0]
    practices = []
    topics = []
    for index in range(scale.n(200)):
        organisation = scale.pick(organisations)
        author = scale.pick(people_of[organisation.pk])
        status = scale.weighted(["published", "draft", "submitted", "returned"], [80, 10, 6, 4])
        published = status == "published"
        public = published and scale.chance(0.35)
        created = scale.days_ago(scale.rng.randint(20, 900))
        practices.append(
            BestPractice(
                organisation_id=organisation.pk,
                author_id=author,
                title=f"{scale.pick(TITLES)} ({index + 1})",
                summary=paragraph(scale, 2)[:400],
                challenge=paragraph(scale, 4),
                approach=paragraph(scale, 6),
                result=paragraph(scale, 3),
                lessons_learned=paragraph(scale, 3),
                contact_person_id=author,
                contact_role="Vorstand",
                presented_at="Vernetzungskonferenz" if scale.chance(0.2) else "",
                status=status,
                public_consent=public,
                public_consent_at=created if public else None,
                public_consent_by_id=author if public else None,
                visibility="public" if public else "members",
                submitted_at=created if status != "draft" else None,
                published_at=created + datetime.timedelta(days=7) if published else None,
                first_published_at=created + datetime.timedelta(days=7) if published else None,
                reviewed_by_id=editor.pk if published else None,
                created_at=created,
                updated_at=created,
            )
        )
        topics.append(
            sorted({t.pk for t in scale.sample(world.topic_fields, scale.rng.randint(1, 3))})
        )
    practices = bulk(BestPractice, practices, now=scale.now)
    bulk_through(
        BestPractice.topic_fields,
        [(p.pk, t) for p, ts in zip(practices, topics, strict=True) for t in ts],
    )
    notes, resources, reactions, comments = [], [], [], []
    people = [u.pk for u in world.people]
    for practice in practices:
        if practice.submitted_at:
            notes.append(
                ReviewNote(
                    best_practice_id=practice.pk,
                    author_id=practice.author_id,
                    action="submitted",
                    created_at=practice.submitted_at,
                )
            )
        if practice.published_at:
            notes.append(
                ReviewNote(
                    best_practice_id=practice.pk,
                    author_id=editor.pk,
                    action="published",
                    message="Vielen Dank für das Beispiel!",
                    created_at=practice.published_at,
                )
            )
            for n in range(scale.rng.randint(0, 2)):
                resources.append(
                    Resource(
                        best_practice_id=practice.pk,
                        kind="link",
                        title=f"Weitere Informationen {n + 1}",
                        url=f"https://verein.example.org/praxis/{practice.pk}/{n}",
                        created_at=practice.published_at,
                    )
                )
            for user in scale.sample(people, scale.rng.randint(0, 25)):
                reactions.append(
                    Reaction(
                        best_practice_id=practice.pk,
                        user_id=user,
                        created_at=practice.published_at + datetime.timedelta(days=3),
                    )
                )
            for _n in range(scale.rng.randint(0, 4)):
                comments.append(
                    Comment(
                        best_practice_id=practice.pk,
                        author_id=scale.pick(people),
                        body=paragraph(scale, 2),
                        created_at=practice.published_at + datetime.timedelta(days=5),
                    )
                )
    bulk(ReviewNote, notes, now=scale.now)
    bulk(Resource, resources, now=scale.now)
    bulk(Reaction, reactions, now=scale.now)
    bulk(Comment, comments, now=scale.now)
    offers = []
    offer_topics = []
    for organisation in scale.sample(organisations, scale.n(80)):
        contact = people_of[organisation.pk][0]
        offers.append(
            PeerOffer(
                organisation_id=organisation.pk,
                title=f"Wir beraten zu: {scale.pick(TITLES)}",
                description=paragraph(scale, 3),
                offers_call=True,
                offers_visit=scale.chance(0.4),
                offers_presentation=scale.chance(0.5),
                contact_person_id=contact,
                is_active=scale.chance(0.9),
                created_by_id=contact,
                created_at=scale.days_ago(scale.rng.randint(10, 700)),
                updated_at=scale.days_ago(5),
            )
        )
        offer_topics.append(sorted({t.pk for t in scale.sample(world.topic_fields, 2)}))
    offers = bulk(PeerOffer, offers, now=scale.now)
    bulk_through(
        PeerOffer.topic_fields,
        [(o.pk, t) for o, ts in zip(offers, offer_topics, strict=True) for t in ts],
    )
    bulk(
        Need,
        [
            Need(
                organisation_id=organisation.pk,
                topic_field_id=topic.pk,
                priority=scale.rng.randint(1, 3),
                note=paragraph(scale, 1)[:300],
                updated_by_id=world.admins_of[organisation.pk][0],
                updated_at=scale.days_ago(30),
            )
            for organisation in scale.sample(organisations, len(organisations) // 2)
            for topic in scale.sample(world.topic_fields, 2)
        ],
        now=scale.now,
    )
    published = [p for p in practices if p.published_at]
    requests = []
    for _n in range(scale.n(300)):
        practice = scale.pick(published)
        sender = scale.pick(people)
        answered = scale.chance(0.6)
        created = practice.published_at + datetime.timedelta(days=scale.rng.randint(1, 60))
        requests.append(
            ContactRequest(
                organisation_id=practice.organisation_id,
                best_practice_id=practice.pk,
                sender_id=sender,
                sender_organisation_id=world.organisation_of.get(sender),
                recipient_id=practice.contact_person_id,
                subject=f"Frage zu „{practice.title}“",
                message=paragraph(scale, 2),
                status="answered" if answered else "open",
                answer=paragraph(scale, 2) if answered else "",
                answered_at=created + datetime.timedelta(days=2) if answered else None,
                answered_by_id=practice.contact_person_id if answered else None,
                created_at=created,
            )
        )
    bulk(ContactRequest, requests, now=scale.now)
    world.counts["best practices"] = len(practices)
    world.counts["peer offers"] = len(offers)

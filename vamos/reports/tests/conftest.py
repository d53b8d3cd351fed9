"""A hand-built programme with known answers for every figure of the reports.

The period is the half year around today (``PERIOD``); records "before" lie 400 days back.
Organisations (registered = active or paused, joined by the end of the period):

=====  =================  =====  ========  ==========================================
name   kind               state  status    notes
=====  =================  =====  ========  ==========================================
A      Landesverband      NW     active    joined in the period, states 10 member clubs
B      Bundesverband      BE     active    joined long ago, states 5 member clubs
C      Mitgliedsverein    –      active    member club of A (counts in NW)
D      Landesverband      HH     paused
L      Mitgliedsverein    NW     listed    listed by A (not registered)
E      Landesverband      NW     applied   not registered
=====  =================  =====  ========  ==========================================

The expected figures are written out in ``test_figures.py``.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from vamos.core.models import TopicField
from vamos.organisations.models import Organisation
from vamos.reports.scope import Scope

TODAY = timezone.localdate()
BEFORE = TODAY - datetime.timedelta(days=400)


def period() -> tuple[datetime.date, datetime.date]:
    return TODAY - datetime.timedelta(days=180), TODAY + datetime.timedelta(days=180)


def scope(**filters: Any) -> Scope:
    start, end = period()
    return Scope(
        start=start,
        end=end,
        label="Testzeitraum",
        query={"zeitraum": "zeitraum", "von": start.isoformat(), "bis": end.isoformat()},
        **filters,
    )


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@dataclass
class Dataset:
    a: Organisation
    b: Organisation
    c: Organisation
    d: Organisation
    people: dict[str, Any]
    events: dict[str, Any]
    journey: Any


def _topic(slug: str) -> TopicField:
    return TopicField.objects.get(slug=slug)


def build_dataset(
    org_a: Any, org_b: Any, org_admin: Any, member: Any, other_member: Any
) -> Dataset:
    from vamos.accounts.tests.factories import UserFactory
    from vamos.community.models import Reaction
    from vamos.community.tests.factories import (
        BestPracticeFactory,
        ContactRequestFactory,
        PeerOfferFactory,
    )
    from vamos.events.models import Event, Feedback, Registration
    from vamos.events.tests.factories import EventFactory, RegistrationFactory
    from vamos.journeys.models import Activity, Goal, Journey
    from vamos.journeys.tests.factories import ActivityFactory, GoalFactory, JourneyFactory
    from vamos.learning.models import Certificate, LessonPage, LessonProgress, ModuleProgress
    from vamos.learning.tests.factories import module
    from vamos.organisations.tests.factories import MembershipFactory, OrganisationFactory

    Organisation.objects.filter(pk=org_a.pk).update(
        joined_on=TODAY - datetime.timedelta(days=30), member_clubs_count=10
    )
    Organisation.objects.filter(pk=org_b.pk).update(
        joined_on=datetime.date(2019, 5, 1), member_clubs_count=5
    )
    org_a.refresh_from_db()
    org_b.refresh_from_db()
    c = OrganisationFactory(
        name="Club C",
        slug="club-c",
        kind="mitgliedsverein",
        federal_state="",
        parent=org_a,
        joined_on=BEFORE,
    )
    d = OrganisationFactory(
        name="Verband D",
        slug="verband-d",
        kind="landesverband",
        federal_state="HH",
        status=Organisation.Status.PAUSED,
        joined_on=datetime.date(2018, 1, 1),
    )
    OrganisationFactory(
        name="Club L",
        slug="club-l",
        kind="mitgliedsverein",
        parent=org_a,
        status=Organisation.Status.LISTED,
    )
    OrganisationFactory(
        name="Verband E", slug="verband-e", status=Organisation.Status.APPLIED, joined_on=None
    )
    clara = UserFactory(email="clara@example.org", first_name="Clara")
    MembershipFactory(user=clara, organisation=c)
    outsider = UserFactory(email="outsider@example.org")  # belongs to no organisation
    late = UserFactory(email="late@example.org")
    MembershipFactory(user=late, organisation=org_b)

    # --- Learning ------------------------------------------------------------------------
    money = module(slug="foerdermittel", title="Fördermittel beantragen", topic="finanzierung")
    plan = module(slug="leitbild", title="Ein Leitbild entwickeln", topic="strategie")
    lesson = LessonPage.objects.child_of(money).first()
    plan_lesson = LessonPage.objects.child_of(plan).first()

    def progress(user: Any, page: Any, started: datetime.date, completed: Any = None) -> None:
        record = ModuleProgress.objects.create(
            user=user, module_key=page.translation_key, last_activity_at=at(started)
        )
        ModuleProgress.objects.filter(pk=record.pk).update(
            started_at=at(started), completed_at=at(completed) if completed else None
        )

    progress(
        member, money, TODAY - datetime.timedelta(days=20), TODAY - datetime.timedelta(days=10)
    )
    progress(org_admin, money, TODAY - datetime.timedelta(days=5))
    progress(other_member, plan, BEFORE, TODAY - datetime.timedelta(days=2))
    progress(outsider, money, TODAY - datetime.timedelta(days=3))  # in no organisation
    for user, page, started, completed in (
        (member, lesson, TODAY - datetime.timedelta(days=20), None),
        (other_member, plan_lesson, BEFORE, TODAY - datetime.timedelta(days=2)),
        (org_admin, lesson, BEFORE, None),
    ):
        record = LessonProgress.objects.create(
            user=user,
            lesson_key=page.translation_key,
            module_key=page.get_parent().specific.translation_key,
            last_visited_at=at(started),
        )
        LessonProgress.objects.filter(pk=record.pk).update(
            started_at=at(started), completed_at=at(completed) if completed else None
        )
    for user, withdrawn in ((member, None), (org_admin, timezone.now())):
        Certificate.objects.create(
            user=user,
            module_key=money.translation_key,
            issued_at=at(TODAY - datetime.timedelta(days=10)),
            language="de",
            learner_name=str(user),
            module_title=money.title,
            duration_minutes=45,
            withdrawn_at=withdrawn,
        )

    # --- Events --------------------------------------------------------------------------
    e1 = EventFactory(
        title="Schulung Finanzen",
        kind=Event.Kind.TRAINING,
        format=Event.Format.ON_SITE,
        start=at(TODAY - datetime.timedelta(days=10)),
        end=at(TODAY - datetime.timedelta(days=10), 16),
    )
    e1.topic_fields.set([_topic("finanzierung")])
    e2 = EventFactory(
        title="Webinar Strategie",
        kind=Event.Kind.WEBINAR,
        format=Event.Format.ONLINE,
        start=at(TODAY + datetime.timedelta(days=20)),
        end=at(TODAY + datetime.timedelta(days=20), 12),
    )
    e2.topic_fields.set([_topic("strategie")])
    EventFactory(
        title="Abgesagt",
        status=Event.Status.CANCELLED,
        start=at(TODAY - datetime.timedelta(days=5)),
        end=at(TODAY - datetime.timedelta(days=5), 12),
    )
    EventFactory(title="Entwurf", status=Event.Status.DRAFT)
    old = EventFactory(
        title="Altes Webinar",
        kind=Event.Kind.WEBINAR,
        format=Event.Format.ONLINE,
        start=at(BEFORE),
        end=at(BEFORE, 12),
    )
    RegistrationFactory(event=old, user=member, organisation=org_a, status="attended")
    waited = at(TODAY - datetime.timedelta(days=30))
    attended_member = RegistrationFactory(
        event=e1, user=member, organisation=org_a, status=Registration.Status.ATTENDED
    )
    RegistrationFactory(event=e1, user=org_admin, organisation=org_a, status="no_show")
    attended_other = RegistrationFactory(
        event=e1, user=other_member, organisation=org_b, status=Registration.Status.ATTENDED
    )
    RegistrationFactory(event=e1, user=late, organisation=org_b, waitlisted_at=waited)
    RegistrationFactory(event=e2, user=member, organisation=org_a)
    RegistrationFactory(
        event=e2, user=other_member, organisation=org_b, status="waitlisted", waitlisted_at=waited
    )
    RegistrationFactory(event=e2, user=clara, organisation=c, status="cancelled")
    Feedback.objects.create(registration=attended_member, rating=4)
    Feedback.objects.create(registration=attended_other, rating=5)

    # --- Coaching ------------------------------------------------------------------------
    journey = JourneyFactory(
        organisation=org_a,
        applied_at=at(TODAY - datetime.timedelta(days=120)),
        start_date=TODAY - datetime.timedelta(days=100),
        planned_end_date=TODAY + datetime.timedelta(days=200),
    )
    JourneyFactory(
        organisation=org_b,
        status=Journey.Status.APPLIED,
        applied_at=at(TODAY - datetime.timedelta(days=5)),
        start_date=None,
        planned_end_date=None,
    )
    JourneyFactory(
        organisation=d,
        status=Journey.Status.COMPLETED,
        applied_at=at(TODAY - datetime.timedelta(days=620)),
        start_date=TODAY - datetime.timedelta(days=600),
        planned_end_date=TODAY - datetime.timedelta(days=300),
    )
    coaching = ActivityFactory(
        journey=journey,
        format=Activity.Format.COACHING,
        hours=Decimal("2"),
        held_on=TODAY - datetime.timedelta(days=10),
        participants_count=3,
    )
    coaching.topic_fields.set([_topic("finanzierung"), _topic("strategie")])
    clubs = ActivityFactory(
        journey=journey,
        format=Activity.Format.MEMBER_CLUB_EVENT,
        hours=Decimal("3"),
        held_on=TODAY - datetime.timedelta(days=5),
        participants_count=40,
    )
    clubs.topic_fields.set([_topic("finanzierung")])
    ActivityFactory(
        journey=journey,
        format=Activity.Format.WORKSHOP_MODERATION,
        status="planned",
        held_on=None,
        planned_for=at(TODAY + datetime.timedelta(days=7)),
    )
    ActivityFactory(journey=journey, hours=Decimal("4"), held_on=BEFORE)
    GoalFactory(journey=journey, topic_field=_topic("finanzierung"), status=Goal.Status.ACHIEVED)
    GoalFactory(journey=journey, topic_field=_topic("strategie"), status=Goal.Status.OPEN)
    GoalFactory(journey=journey, topic_field=_topic("strategie"), status=Goal.Status.DROPPED)

    # --- Peer exchange -------------------------------------------------------------------
    shared = BestPracticeFactory(
        organisation=org_a, public=True, topics=["finanzierung", "strategie"]
    )
    BestPracticeFactory(organisation=org_b, published=True, topics=["finanzierung"])
    earlier = BestPracticeFactory(organisation=org_a, published=True)
    type(earlier).objects.filter(pk=earlier.pk).update(first_published_at=at(BEFORE))
    BestPracticeFactory(organisation=org_a)
    PeerOfferFactory(organisation=org_a)
    PeerOfferFactory(organisation=org_b, is_active=False)
    ContactRequestFactory(organisation=org_a, status="answered")
    ContactRequestFactory(organisation=org_b)
    Reaction.objects.create(best_practice=shared, user=other_member)

    return Dataset(
        a=org_a,
        b=org_b,
        c=c,
        d=d,
        people={"clara": clara, "outsider": outsider, "late": late},
        events={"e1": e1, "e2": e2},
        journey=journey,
    )


@pytest.fixture
def dataset(org_a: Any, org_b: Any, org_admin: Any, member: Any, other_member: Any) -> Dataset:
    return build_dataset(org_a, org_b, org_admin, member, other_member)

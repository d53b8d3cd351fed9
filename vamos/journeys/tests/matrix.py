"""Who may request which journey page: every URL, GET and POST, for every persona.

The world: ``journey_a`` (organisation A, shared with members, coached by ``coach``) and
``journey_b`` (organisation B, coached by ``other_coach``); an older journey of A that is
not shared with members; and an application of a third organisation waiting for the team.
"""

import datetime

from django.utils import timezone

from vamos.core.tests.matrix import DENIED, LOGIN, NOT_ALLOWED, OK, Row, World, expect

VIEW_A = expect(DENIED, anonymous=LOGIN, member=OK, org_admin=OK, coach=OK, team_admin=OK)
WORK_A = expect(DENIED, anonymous=LOGIN, coach=OK, team_admin=OK)
TEAM = expect(DENIED, anonymous=LOGIN, team_admin=OK)
POST_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)


def extend_world(world: World) -> None:
    from vamos.journeys.models import Journey
    from vamos.journeys.tests import factories as f
    from vamos.organisations.tests.factories import OrganisationFactory

    world.journey_a = f.JourneyFactory(organisation=world.org_a, coaches=[world.coach])
    f.KickoffFactory(journey=world.journey_a)
    world.goal_a = f.GoalFactory(journey=world.journey_a)
    world.activity_a = f.ActivityFactory(journey=world.journey_a, created_by=world.coach)
    world.activity_a.goals.add(world.goal_a)
    world.note_a = f.CoachNoteFactory(
        journey=world.journey_a, activity=world.activity_a, author=world.coach
    )
    world.review_a = f.ReviewFactory(journey=world.journey_a)
    world.follow_up_a = f.FollowUpFactory(journey=world.journey_a, owner=world.member)
    world.recommendation_a = f.RecommendationFactory(
        journey=world.journey_a, target_id=world.org_b.pk, target_title=world.org_b.name
    )
    world.webinar_a = f.ActivityFactory(
        journey=world.journey_a,
        format="webinar",
        status="planned",
        held_on=None,
        hours=None,
        planned_for=timezone.now() + datetime.timedelta(days=30),
    )
    world.journey_a_old = f.JourneyFactory(
        organisation=world.org_a,
        status=Journey.Status.COMPLETED,
        members_can_view=False,
        start_date=datetime.date(2024, 1, 1),
        planned_end_date=datetime.date(2024, 12, 31),
    )
    world.journey_b = f.JourneyFactory(organisation=world.org_b, coaches=[world.other_coach])
    f.CoachNoteFactory(journey=world.journey_b, author=world.other_coach)
    world.journey_applied = f.JourneyFactory(
        organisation=OrganisationFactory(name="Verband D", slug="verband-d"),
        status=Journey.Status.APPLIED,
        start_date=None,
        planned_end_date=None,
        hour_budget=None,
    )


def _a(world: World) -> dict:
    return {"pk": world.journey_a.pk}


ROWS = [
    Row("journeys:index", get=expect(OK, anonymous=LOGIN)),
    Row(
        "journeys:apply",
        get=expect(DENIED, anonymous=LOGIN),
        post=expect(DENIED, anonymous=LOGIN),
        data=lambda w: {"organisation": w.org_a.pk, "motivation": "x"},
        note="organisation A already has an open journey; applying is tested in test_views",
    ),
    Row("journeys:queue", get=TEAM),
    Row("journeys:detail", _a, get=VIEW_A),
    Row(
        "journeys:detail",
        lambda w: {"pk": w.journey_b.pk},
        get=expect(DENIED, anonymous=LOGIN, other_member=OK, other_coach=OK, team_admin=OK),
    ),
    Row(
        "journeys:detail",
        lambda w: {"pk": w.journey_a_old.pk},
        get=expect(DENIED, anonymous=LOGIN, org_admin=OK, team_admin=OK),
        note="not shared with members: only the organisation's admins (and the team)",
    ),
    Row(
        "journeys:decide",
        lambda w: {"pk": w.journey_applied.pk},
        get=TEAM,
        post=TEAM,
        data=lambda w: {"decision": "decline", "reason": "Nicht im Programm."},
    ),
    Row(
        "journeys:support",
        _a,
        get=TEAM,
        post=TEAM,
        data=lambda w: {"coaches": [w.coach.pk], "hour_budget": "50"},
    ),
    Row(
        "journeys:status",
        _a,
        get=WORK_A,
        post=WORK_A,
        data=lambda w: {"status": "completed", "note": "Alle Ziele erreicht."},
    ),
    Row(
        "journeys:sharing",
        _a,
        get=POST_ONLY,
        post=expect(DENIED, anonymous=LOGIN, org_admin=OK, team_admin=OK),
        data=lambda w: {"members_can_view": "on"},
    ),
    Row("journeys:timeline", _a, get=VIEW_A),
    Row("journeys:pdf", _a, get=VIEW_A),
    Row("journeys:kickoff", _a, get=VIEW_A),
    Row(
        "journeys:kickoff-edit",
        _a,
        get=WORK_A,
        post=WORK_A,
        data=lambda w: {"held_on": "2026-01-10", "summary": "Auftakt"},
    ),
    Row(
        "journeys:goal-create",
        _a,
        get=WORK_A,
        post=WORK_A,
        data=lambda w: {"topic_field": w.goal_a.topic_field_id, "description": "Neues Ziel"},
    ),
    Row("journeys:goal", lambda w: {"pk": w.journey_a.pk, "goal": w.goal_a.pk}, get=VIEW_A),
    Row(
        "journeys:goal",
        lambda w: {"pk": w.journey_b.pk, "goal": w.goal_a.pk},
        get=expect(DENIED, anonymous=LOGIN),
        note="a goal of A under B's journey does not exist",
    ),
    Row(
        "journeys:goal-edit",
        lambda w: {"pk": w.journey_a.pk, "goal": w.goal_a.pk},
        get=WORK_A,
        post=WORK_A,
        data=lambda w: {"description": ""},
    ),
    Row("journeys:activities", _a, get=VIEW_A),
    Row(
        "journeys:activity-create",
        _a,
        get=WORK_A,
        post=WORK_A,
        data=lambda w: {"format": "coaching", "status": "held"},
    ),
    Row(
        "journeys:activity",
        lambda w: {"pk": w.journey_a.pk, "activity": w.activity_a.pk},
        get=VIEW_A,
        post=WORK_A,
        data=lambda w: {"text": "Noch eine private Notiz."},
        note="POST adds a private note: coaches of the journey and team admins only",
    ),
    Row(
        "journeys:activity-edit",
        lambda w: {"pk": w.journey_a.pk, "activity": w.activity_a.pk},
        get=WORK_A,
        post=WORK_A,
        data=lambda w: {"format": "coaching", "status": "held"},
    ),
    Row(
        "journeys:activity-event",
        lambda w: {"pk": w.journey_a.pk, "activity": w.webinar_a.pk},
        get=POST_ONLY,
        post=WORK_A,
        data=lambda w: {"duration": "2", "event_format": "online"},
        note="creates the invited-only event of a planned association webinar",
    ),
    Row(
        "journeys:notes",
        _a,
        get=WORK_A,
        post=WORK_A,
        data=lambda w: {"text": "Notiz"},
        note="private notes: never the organisation, never another journey's coach",
    ),
    Row(
        "journeys:notes",
        lambda w: {"pk": w.journey_b.pk},
        get=expect(DENIED, anonymous=LOGIN, other_coach=OK, team_admin=OK),
    ),
    Row(
        "journeys:note-delete",
        lambda w: {"pk": w.journey_a.pk, "note": w.note_a.pk},
        get=POST_ONLY,
        post=WORK_A,
    ),
    Row(
        "journeys:review-create",
        _a,
        get=WORK_A,
        post=WORK_A,
        data=lambda w: {"summary": ""},
    ),
    Row(
        "journeys:review",
        lambda w: {"pk": w.journey_a.pk, "review": w.review_a.pk},
        get=VIEW_A,
    ),
    Row(
        "journeys:follow-up-create",
        _a,
        get=WORK_A,
        post=WORK_A,
        data=lambda w: {"description": "Etwas tun"},
    ),
    Row(
        "journeys:follow-up-done",
        lambda w: {"pk": w.journey_a.pk, "follow_up": w.follow_up_a.pk},
        get=POST_ONLY,
        post=VIEW_A,
        data=lambda w: {"done": "1"},
        note="the person responsible (member), the organisation's admins, coaches, team",
    ),
    Row(
        "journeys:recommendation-create",
        _a,
        get=WORK_A,
        post=WORK_A,
        data=lambda w: {"target": f"organisation:{w.org_b.pk}"},
    ),
    Row(
        "journeys:recommendation-withdraw",
        lambda w: {"pk": w.journey_a.pk, "recommendation": w.recommendation_a.pk},
        get=POST_ONLY,
        post=WORK_A,
    ),
    Row(
        "journeys:recommendation-open",
        lambda w: {"pk": w.journey_a.pk, "recommendation": w.recommendation_a.pk},
        get=VIEW_A,
    ),
]

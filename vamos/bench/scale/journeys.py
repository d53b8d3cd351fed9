"""Learning journeys at 1×: 150 journeys (most active or completed, some applied, planned,
cancelled or declined) with 3,000 activities across the five formats, kickoffs, needs, goals
and every re-rating of them, reviews, private notes, follow-ups and recommendations.

Each coach carries about ten journeys at every scale (the team grows with the programme).
The benchmark's coach leads the journey of the benchmark's organisation.
"""

import datetime
from decimal import Decimal

from vamos.journeys.models import (
    Activity,
    CoachNote,
    FollowUp,
    Goal,
    GoalUpdate,
    Journey,
    JourneyCoach,
    JourneyStatusChange,
    Kickoff,
    Need,
    Recommendation,
    Review,
)

from .base import Scale, World, bulk, bulk_through, paragraph

STATUSES = [
    (Journey.Status.ACTIVE, 55),
    (Journey.Status.COMPLETED, 25),
    (Journey.Status.KICKOFF_PLANNED, 7),
    (Journey.Status.APPLIED, 6),
    (Journey.Status.CANCELLED, 4),
    (Journey.Status.DECLINED, 3),
]
FORMATS = [
    (Activity.Format.COACHING, 45),
    (Activity.Format.CONSULTING, 25),
    (Activity.Format.WEBINAR, 10),
    (Activity.Format.MEMBER_CLUB_EVENT, 8),
    (Activity.Format.WORKSHOP_MODERATION, 12),
]
ACTIVITY_TITLES = {
    Activity.Format.COACHING: "Coaching mit dem Vorstand",
    Activity.Format.CONSULTING: "Beratung zur Förderung",
    Activity.Format.WEBINAR: "Verbandswebinar",
    Activity.Format.MEMBER_CLUB_EVENT: "Treffen mit den Mitgliedsvereinen",
    Activity.Format.WORKSHOP_MODERATION: "Moderation der Klausur",
}


def seed(scale: Scale, world: World) -> None:
    count = min(scale.n(150), len(world.organisations))
    persona_org = world.personas["organisation"]
    candidates = [o for o in world.organisations if o.pk != persona_org.pk]
    organisations = [persona_org, *scale.sample(candidates, count - 1)]
    statuses = [s for s, _w in STATUSES]
    weights = [w for _s, w in STATUSES]
    journeys = []
    for index, org in enumerate(organisations):
        status = Journey.Status.ACTIVE if index == 0 else scale.weighted(statuses, weights)
        applied = scale.days_ago(scale.rng.randint(60, 900) if status != "applied" else 10)
        start = (applied + datetime.timedelta(days=30)).date()
        running = status not in (Journey.Status.APPLIED, Journey.Status.DECLINED)
        journeys.append(
            Journey(
                organisation_id=org.pk,
                status=status,
                status_changed_at=applied + datetime.timedelta(days=30),
                applied_by_id=world.admins_of[org.pk][0],
                applied_at=applied,
                motivation=paragraph(scale, 3),
                availability="Dienstags und donnerstags ab 17 Uhr",
                decided_at=applied + datetime.timedelta(days=14) if status != "applied" else None,
                decided_by_id=world.team_admins[0].pk if status != "applied" else None,
                start_date=start if running else None,
                planned_end_date=start + datetime.timedelta(days=365) if running else None,
                hour_budget=Decimal(scale.pick([40, 60, 80])) if running else None,
                members_can_view=scale.chance(0.8),
                created_at=applied,
                updated_at=applied,
            )
        )
    journeys = bulk(Journey, journeys, now=scale.now)
    world.personas["journey"] = journeys[0]
    bulk_through(
        Journey.interest_topic_fields,
        [(j.pk, t.pk) for j in journeys for t in scale.sample(world.topic_fields, 3)],
    )
    coaches = world.coaches
    assignments = []
    coaches_of: dict[int, list[int]] = {}
    for index, journey in enumerate(journeys):
        if journey.status in (Journey.Status.APPLIED, Journey.Status.DECLINED):
            continue
        lead = coaches[0] if index == 0 else coaches[index % len(coaches)]
        team = [lead]
        if scale.chance(0.25):
            other = scale.pick(coaches)
            if other.pk != lead.pk:
                team.append(other)
        coaches_of[journey.pk] = [c.pk for c in team]
        for n, coach in enumerate(team):
            assignments.append(
                JourneyCoach(
                    journey_id=journey.pk,
                    coach_id=coach.pk,
                    is_lead=n == 0,
                    assigned_at=journey.decided_at,
                    assigned_by_id=world.team_admins[0].pk,
                )
            )
    bulk(JourneyCoach, assignments, now=scale.now)
    bulk(
        JourneyStatusChange,
        [
            JourneyStatusChange(
                journey_id=j.pk,
                from_status=from_status,
                to_status=to_status,
                changed_at=j.applied_at + datetime.timedelta(days=offset),
                changed_by_id=world.team_admins[0].pk,
            )
            for j in journeys
            for offset, (from_status, to_status) in enumerate(_status_path(j.status))
        ],
        now=scale.now,
    )
    _casework(scale, world, [j for j in journeys if j.pk in coaches_of], coaches_of)
    world.counts["journeys"] = len(journeys)


def _status_path(status: str) -> list[tuple[str, str]]:
    path = [("", "applied")]
    if status == "declined":
        return [*path, ("applied", "declined")]
    if status == "applied":
        return path
    path.append(("applied", "kickoff_planned"))
    if status == "kickoff_planned":
        return path
    if status == "cancelled":
        return [*path, ("kickoff_planned", "cancelled")]
    path.append(("kickoff_planned", "active"))
    if status == "completed":
        path.append(("active", "completed"))
    return path


def _casework(
    scale: Scale, world: World, journeys: list[Journey], coaches_of: dict[int, list[int]]
) -> None:
    target = scale.n(3000)
    active = [j for j in journeys if j.status in ("active", "completed")]
    per_journey = max(1, target // max(1, len(active)))
    kickoffs, needs, goals = [], [], []
    for journey in journeys:
        held = journey.status in ("active", "completed")
        start = datetime.datetime.combine(
            journey.start_date, datetime.time(10), tzinfo=scale.now.tzinfo
        )
        kickoffs.append(
            Kickoff(
                journey_id=journey.pk,
                scheduled_for=start,
                held_on=journey.start_date if held else None,
                participants="Vorstand und Geschäftsführung",
                participants_count=scale.rng.randint(3, 9) if held else None,
                summary=paragraph(scale, 3) if held else "",
                recorded_by_id=coaches_of[journey.pk][0],
                created_at=start,
                updated_at=start,
            )
        )
        if not held:
            continue
        for topic in scale.sample(world.topic_fields, scale.rng.randint(3, 5)):
            needs.append(
                Need(
                    journey_id=journey.pk,
                    topic_field_id=topic.pk,
                    priority=scale.pick(["high", "medium", "low"]),
                    situation=paragraph(scale, 2),
                    updated_at=start,
                    updated_by_id=coaches_of[journey.pk][0],
                )
            )
        for topic in scale.sample(world.topic_fields, scale.rng.randint(3, 5)):
            status = scale.weighted(["open", "in_progress", "achieved", "dropped"], [2, 4, 3, 1])
            goals.append(
                Goal(
                    journey_id=journey.pk,
                    topic_field_id=topic.pk,
                    description=paragraph(scale, 1),
                    success_indicator=paragraph(scale, 1),
                    target_date=journey.start_date + datetime.timedelta(days=300),
                    status=status,
                    progress={"open": 0, "in_progress": 50, "achieved": 100, "dropped": 20}[status],
                    created_by_id=coaches_of[journey.pk][0],
                    created_at=start,
                    updated_at=start,
                )
            )
    bulk(Kickoff, kickoffs, now=scale.now)
    bulk(Need, needs, now=scale.now)
    goals = bulk(Goal, goals, now=scale.now)
    goals_of: dict[int, list[Goal]] = {}
    for goal in goals:
        goals_of.setdefault(goal.journey_id, []).append(goal)
    reviews = []
    for journey in active:
        for n in range(scale.rng.randint(1, 3)):
            reviews.append(
                Review(
                    journey_id=journey.pk,
                    held_on=journey.start_date + datetime.timedelta(weeks=8 * (n + 1)),
                    summary=paragraph(scale, 3),
                    plan_changes=paragraph(scale, 1),
                    created_by_id=coaches_of[journey.pk][0],
                )
            )
    reviews = [r for r in reviews if r.held_on <= scale.today]
    reviews = bulk(Review, reviews, now=scale.now)
    updates = []
    for goal in goals:
        updates.append(_goal_update(goal, "created", None, goal.created_at))
    for review in reviews:
        moment = datetime.datetime.combine(
            review.held_on, datetime.time(12), tzinfo=scale.now.tzinfo
        )
        for goal in goals_of.get(review.journey_id, []):
            updates.append(_goal_update(goal, "rated", review.pk, moment))
    bulk(GoalUpdate, updates, now=scale.now)
    _activities(scale, world, active, per_journey, goals_of, coaches_of)


def _goal_update(
    goal: Goal, kind: str, review: int | None, moment: datetime.datetime
) -> GoalUpdate:
    return GoalUpdate(
        goal_id=goal.pk,
        review_id=review,
        kind=kind,
        created_at=moment,
        created_by_id=goal.created_by_id,
        status=goal.status,
        progress=goal.progress,
        target_date=goal.target_date,
        description=goal.description,
        success_indicator=goal.success_indicator,
    )


def _activities(
    scale: Scale,
    world: World,
    journeys: list[Journey],
    per_journey: int,
    goals_of: dict[int, list[Goal]],
    coaches_of: dict[int, list[int]],
) -> None:
    formats = [f for f, _w in FORMATS]
    weights = [w for _f, w in FORMATS]
    activities = []
    for journey in journeys:
        start = journey.start_date
        days = max(30, (min(scale.today, journey.planned_end_date) - start).days)
        count = max(1, round(per_journey * scale.rng.uniform(0.6, 1.4)))
        if journey.pk == world.personas["journey"].pk:
            count = per_journey
        for n in range(count):
            fmt = scale.weighted(formats, weights)
            day = start + datetime.timedelta(days=round(days * (n + 1) / (count + 1)))
            planned = datetime.datetime.combine(day, datetime.time(17), tzinfo=scale.now.tzinfo)
            upcoming = journey.status == "active" and n >= count - 2
            if upcoming:
                planned = scale.now + datetime.timedelta(days=7 * (count - n))
            status = "planned" if upcoming else ("cancelled" if scale.chance(0.05) else "held")
            activities.append(
                Activity(
                    journey_id=journey.pk,
                    format=fmt,
                    title=ACTIVITY_TITLES[fmt],
                    status=status,
                    planned_for=planned,
                    held_on=planned.date() if status == "held" else None,
                    hours=Decimal(scale.pick(["1.5", "2.0", "3.0", "4.0"])),
                    participants_count=scale.rng.randint(2, 30),
                    shared_summary=paragraph(scale, 3) if status == "held" else "",
                    event_id=scale.pick(world.events).pk
                    if fmt in ("webinar", "member_club_event") and scale.chance(0.3)
                    else None,
                    module_id=scale.pick(world.modules).page.pk if scale.chance(0.15) else None,
                    created_by_id=coaches_of[journey.pk][0],
                    created_at=planned - datetime.timedelta(days=14),
                    updated_at=planned,
                )
            )
    activities = bulk(Activity, activities, now=scale.now)
    goal_links = []
    topic_links = []
    notes = []
    follow_ups = []
    for activity in activities:
        goals = goals_of.get(activity.journey_id, [])
        for goal in scale.sample(goals, scale.rng.randint(1, 2)):
            goal_links.append((activity.pk, goal.pk))
            topic_links.append((activity.pk, goal.topic_field_id))
        if scale.chance(0.4):
            notes.append(
                CoachNote(
                    journey_id=activity.journey_id,
                    activity_id=activity.pk,
                    author_id=activity.created_by_id,
                    text=paragraph(scale, 2),
                    created_at=activity.updated_at,
                    updated_at=activity.updated_at,
                )
            )
        if activity.status == "held" and scale.chance(0.3):
            due = activity.held_on + datetime.timedelta(days=21)
            done = due < scale.today and scale.chance(0.7)
            follow_ups.append(
                FollowUp(
                    journey_id=activity.journey_id,
                    activity_id=activity.pk,
                    description=paragraph(scale, 1)[:300],
                    due_on=due,
                    owner_id=activity.created_by_id,
                    done_at=scale.now - datetime.timedelta(days=1) if done else None,
                    created_by_id=activity.created_by_id,
                    created_at=activity.updated_at,
                    updated_at=activity.updated_at,
                )
            )
    bulk_through(Activity.goals, sorted(set(goal_links)))
    bulk_through(Activity.topic_fields, sorted(set(topic_links)))
    bulk(CoachNote, notes, now=scale.now)
    bulk(FollowUp, follow_ups, now=scale.now)
    recommendations = []
    for journey in journeys:
        goals = goals_of.get(journey.pk, [])
        for module in scale.sample(world.modules, 3):
            recommendations.append(
                Recommendation(
                    journey_id=journey.pk,
                    kind="module",
                    target_id=module.page.pk,
                    target_title=module.title,
                    goal_id=scale.pick(goals).pk if goals else None,
                    reason=paragraph(scale, 1),
                    recommended_by_id=coaches_of[journey.pk][0],
                )
            )
        for event in scale.sample(world.events, 1):
            recommendations.append(
                Recommendation(
                    journey_id=journey.pk,
                    kind="event",
                    target_id=event.pk,
                    target_title=event.title,
                    reason=paragraph(scale, 1),
                    recommended_by_id=coaches_of[journey.pk][0],
                )
            )
    bulk(Recommendation, recommendations, now=scale.now)
    world.counts["activities"] = len(activities)

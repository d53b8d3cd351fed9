import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from vamos.core.models import AuditEntry, TopicField
from vamos.journeys import selectors, services
from vamos.journeys.models import (
    Activity,
    CoachNote,
    Goal,
    GoalUpdate,
    Journey,
    JourneyStatusChange,
    Reminder,
)
from vamos.journeys.tests import factories as f
from vamos.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def _topics(*slugs: str) -> list[TopicField]:
    return [TopicField.objects.get(slug=slug) for slug in slugs]


def _apply(org_a, org_admin, **overrides):
    values = {
        "organisation": org_a,
        "applicant": org_admin,
        "motivation": "Wir wollen unsere Finanzierung breiter aufstellen.",
        "availability": "Dienstags",
        "topic_fields": _topics("finanzierung"),
        "members_can_view": True,
    }
    return services.journey_apply(**{**values, **overrides})


def _accept(journey, team_admin, coaches, **overrides):
    values = {
        "journey": journey,
        "actor": team_admin,
        "coaches": coaches,
        "start_date": timezone.localdate(),
        "planned_end_date": timezone.localdate() + datetime.timedelta(days=300),
        "hour_budget": Decimal("40"),
        "review_interval_weeks": 8,
    }
    return services.journey_accept(**{**values, **overrides})


# --- Application and decision -------------------------------------------------------------


def test_admin_applies_and_applicant_and_team_are_emailed(
    org_a, org_admin, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        journey = _apply(org_a, org_admin)
    assert journey.status == Journey.Status.APPLIED
    assert list(journey.interest_topic_fields.values_list("slug", flat=True)) == ["finanzierung"]
    assert journey.status_changes.get().to_status == Journey.Status.APPLIED
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([org_admin.email, settings.VAMOS_TEAM_EMAIL])
    assert AuditEntry.objects.filter(action="journey.apply").exists()


def test_member_who_is_not_admin_cannot_apply(org_a, member):
    with pytest.raises(ValidationError) as error:
        _apply(org_a, member)
    assert "organisation" in error.value.error_dict
    assert not Journey.objects.exists()


def test_an_organisation_has_at_most_one_open_journey(org_a, org_admin):
    _apply(org_a, org_admin)
    with pytest.raises(ValidationError) as error:
        _apply(org_a, org_admin)
    assert "organisation" in error.value.error_dict
    assert Journey.objects.count() == 1


def test_the_database_refuses_a_second_open_journey(org_a):
    f.JourneyFactory(organisation=org_a)
    with pytest.raises(IntegrityError):
        f.JourneyFactory(organisation=org_a, status=Journey.Status.APPLIED)


def test_application_needs_motivation_and_topic_field(org_a, org_admin):
    with pytest.raises(ValidationError) as error:
        _apply(org_a, org_admin, motivation="  ")
    assert "motivation" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        _apply(org_a, org_admin, topic_fields=[])
    assert "topic_fields" in error.value.error_dict


def test_accepting_assigns_coaches_keeps_history_and_informs_everyone(
    org_a, org_admin, team_admin, coach, other_coach, django_capture_on_commit_callbacks
):
    journey = _apply(org_a, org_admin)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _accept(journey, team_admin, [coach, other_coach], lead_coach=other_coach)
    journey.refresh_from_db()
    assert journey.status == Journey.Status.KICKOFF_PLANNED
    assert journey.hour_budget == Decimal("40")
    assignments = {a.coach: a.is_lead for a in journey.assignments.all()}
    assert assignments == {coach: False, other_coach: True}
    changes = list(journey.status_changes.values_list("to_status", "changed_by"))
    assert changes == [("applied", org_admin.pk), ("kickoff_planned", team_admin.pk)]
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([org_admin.email, coach.email, other_coach.email])


def test_accepting_validates_support(org_a, org_admin, team_admin, coach, member):
    journey = _apply(org_a, org_admin)
    with pytest.raises(ValidationError) as error:
        _accept(
            journey,
            team_admin,
            [member],
            hour_budget=Decimal("0"),
            planned_end_date=timezone.localdate() - datetime.timedelta(days=1),
        )
    assert set(error.value.error_dict) == {"coaches", "hour_budget", "planned_end_date"}
    journey.refresh_from_db()
    assert journey.status == Journey.Status.APPLIED
    assert not journey.assignments.exists()


def test_declining_needs_a_reason_and_is_final(org_a, org_admin, team_admin, coach):
    journey = _apply(org_a, org_admin)
    with pytest.raises(ValidationError):
        services.journey_decline(journey=journey, actor=team_admin, reason=" ")
    services.journey_decline(journey=journey, actor=team_admin, reason="Nicht im Programm")
    journey.refresh_from_db()
    assert journey.status == Journey.Status.DECLINED
    with pytest.raises(ValidationError):
        _accept(journey, team_admin, [coach])
    # A declined application does not block a new one.
    assert _apply(org_a, org_admin).status == Journey.Status.APPLIED


def test_support_update_informs_only_new_coaches(
    team_admin, coach, other_coach, django_capture_on_commit_callbacks
):
    journey = f.JourneyFactory(coaches=[coach])
    with django_capture_on_commit_callbacks(execute=True):
        services.journey_support_update(
            journey=journey,
            actor=team_admin,
            coaches=[coach, other_coach],
            start_date=journey.start_date,
            planned_end_date=journey.planned_end_date,
            hour_budget=Decimal("60"),
            review_interval_weeks=6,
        )
    assert [message.to for message in mail.outbox] == [[other_coach.email]]
    journey.refresh_from_db()
    assert journey.hour_budget == Decimal("60")
    assert journey.review_interval_weeks == 6


def test_status_changes_follow_the_rules_per_role(coach, team_admin, org_admin, org_a):
    journey = f.JourneyFactory(organisation=org_a, coaches=[coach])
    with pytest.raises(ValidationError):
        services.journey_status_set(journey=journey, actor=org_admin, status="completed")
    with pytest.raises(ValidationError) as error:
        services.journey_status_set(journey=journey, actor=team_admin, status="cancelled")
    assert "note" in error.value.error_dict
    services.journey_status_set(journey=journey, actor=coach, status="completed", note="Fertig")
    services.journey_status_set(journey=journey, actor=team_admin, status="active")
    statuses = list(
        JourneyStatusChange.objects.filter(journey=journey).values_list("to_status", flat=True)
    )
    assert statuses == ["completed", "active"]


# --- Kickoff, goals and reviews -----------------------------------------------------------


def test_held_kickoff_records_needs_and_goals_and_activates(coach):
    journey = f.JourneyFactory(status=Journey.Status.KICKOFF_PLANNED, coaches=[coach])
    finance, members = _topics("finanzierung", "mitgliedermanagement")
    services.kickoff_save(
        journey=journey,
        actor=coach,
        scheduled_for=None,
        held_on=timezone.localdate(),
        participants="Vorstand",
        participants_count=4,
        summary="Guter Auftakt",
        private_note="Vorsitz wirkt überlastet",
        needs=[
            {"topic_field": finance, "priority": "high", "situation": "Nur Projektmittel"},
            {"topic_field": members, "priority": ""},
        ],
        goals=[
            {
                "topic_field": finance,
                "description": "Finanzplan",
                "success_indicator": "",
                "target_date": None,
            },
            {
                "topic_field": members,
                "description": "Befragung",
                "success_indicator": "30",
                "target_date": None,
            },
        ],
    )
    journey.refresh_from_db()
    assert journey.status == Journey.Status.ACTIVE
    assert selectors.organisation_needs(journey.organisation) == {finance: "high"}
    assert journey.goals.count() == 2
    assert GoalUpdate.objects.filter(goal__journey=journey, kind="created").count() == 2
    assert CoachNote.objects.get(journey=journey).about_kickoff


def test_kickoff_in_the_future_or_without_summary_is_refused(coach):
    journey = f.JourneyFactory(status=Journey.Status.KICKOFF_PLANNED, coaches=[coach])
    with pytest.raises(ValidationError) as error:
        services.kickoff_save(
            journey=journey,
            actor=coach,
            scheduled_for=None,
            held_on=timezone.localdate() + datetime.timedelta(days=2),
            participants="",
            participants_count=None,
            summary="",
            needs=[],
            goals=[],
        )
    assert set(error.value.error_dict) == {"held_on", "summary"}
    journey.refresh_from_db()
    assert journey.status == Journey.Status.KICKOFF_PLANNED


def test_goal_change_keeps_the_earlier_state(coach):
    goal = f.GoalFactory(journey=f.JourneyFactory(coaches=[coach]), description="Alt")
    services.goal_update(
        goal=goal,
        actor=coach,
        topic_field=goal.topic_field,
        description="Neu",
        success_indicator="",
        target_date=None,
        status=Goal.Status.IN_PROGRESS,
        progress=30,
        comment="präzisiert",
    )
    history = list(goal.updates.order_by("created_at", "pk").values_list("description", "status"))
    assert history == [("Alt", "open"), ("Neu", "in_progress")]


def test_review_rerates_every_goal_and_history_is_kept_across_reviews(coach):
    journey = f.JourneyFactory(coaches=[coach])
    first, second = f.GoalFactory(journey=journey), f.GoalFactory(journey=journey)
    dropped = f.GoalFactory(journey=journey, status=Goal.Status.DROPPED)

    def review(ratings, days_ago):
        return services.review_create(
            journey=journey,
            actor=coach,
            held_on=timezone.localdate() - datetime.timedelta(days=days_ago),
            summary="Stand",
            plan_changes="",
            private_note="",
            ratings=ratings,
        )

    with pytest.raises(ValidationError):
        review([{"goal": first, "status": "in_progress", "progress": 40}], 20)
    review(
        [
            {"goal": first, "status": "in_progress", "progress": 40},
            {"goal": second, "status": "open", "progress": 0},
        ],
        20,
    )
    later = review(
        [
            {"goal": first, "status": "achieved", "progress": 70},
            {"goal": second, "status": "in_progress", "progress": 50, "comment": "gut"},
        ],
        1,
    )
    first.refresh_from_db()
    assert (first.status, first.progress) == ("achieved", 100)
    assert list(first.updates.order_by("created_at", "pk").values_list("status", "progress")) == [
        ("open", 0),
        ("in_progress", 40),
        ("achieved", 100),
    ]
    rows = selectors.review_goal_updates(later)
    before = {row["update"].goal_id: row["before"].status for row in rows}
    assert before == {first.pk: "in_progress", second.pk: "open"}
    assert not dropped.updates.filter(kind="rated").exists()
    assert selectors.figures_of(journey).goals_achieved == 1
    assert selectors.figures_of(journey).goals_total == 2


# --- Activities, hours and events ---------------------------------------------------------


def _activity(journey, coach, **data):
    values = {
        "format": "coaching",
        "status": "held",
        "held_on": timezone.localdate(),
        "hours": Decimal("1.5"),
        "title": "",
    }
    return services.activity_save(
        journey=journey, actor=coach, data={**values, **data}, goals=[], topic_fields=[]
    )


def test_held_activity_needs_date_and_quarter_hours_and_no_future(coach):
    journey = f.JourneyFactory(coaches=[coach])
    with pytest.raises(ValidationError) as error:
        _activity(journey, coach, held_on=None, hours=None)
    assert set(error.value.error_dict) == {"held_on", "hours"}
    with pytest.raises(ValidationError) as error:
        _activity(journey, coach, hours=Decimal("1.1"))
    assert "hours" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        _activity(journey, coach, held_on=timezone.localdate() + datetime.timedelta(days=1))
    assert "held_on" in error.value.error_dict
    assert not Activity.objects.exists()


def test_activity_with_note_and_follow_up_and_default_title(coach, member, org_a):
    journey = f.JourneyFactory(organisation=org_a, coaches=[coach])
    goal = f.GoalFactory(journey=journey)
    activity = services.activity_save(
        journey=journey,
        actor=coach,
        data={
            "format": "consulting",
            "status": "held",
            "held_on": timezone.localdate(),
            "hours": Decimal("2"),
            "title": "",
        },
        goals=[goal],
        topic_fields=[],
        private_note="vertraulich",
        follow_up={
            "description": "Antrag schicken",
            "due_on": timezone.localdate(),
            "owner": member,
        },
    )
    assert activity.title == "Fachberatung"  # the format, in the coach's language
    assert list(activity.topic_fields.all()) == [goal.topic_field]
    assert activity.coach_notes.get().text == "vertraulich"
    assert activity.follow_ups.get().owner == member


def test_follow_up_owner_must_belong_to_the_journey(coach, other_member):
    journey = f.JourneyFactory(coaches=[coach])
    with pytest.raises(ValidationError) as error:
        services.follow_up_create(
            journey=journey,
            actor=coach,
            description="x",
            due_on=timezone.localdate(),
            owner=other_member,
        )
    assert "owner" in error.value.error_dict


def test_hours_roll_up_per_format_and_topic_field(coach):
    journey = f.JourneyFactory(coaches=[coach], hour_budget=Decimal("10"))
    finance, members = _topics("finanzierung", "mitgliedermanagement")
    one = f.ActivityFactory(journey=journey, hours=Decimal("3"))
    one.topic_fields.set([finance, members])
    two = f.ActivityFactory(journey=journey, format="workshop", hours=Decimal("2.5"))
    two.topic_fields.set([finance])
    f.ActivityFactory(journey=journey, hours=Decimal("1"))  # no topic field
    f.ActivityFactory(
        journey=journey,
        status="planned",
        held_on=None,
        hours=Decimal("8"),
        planned_for=timezone.now() + datetime.timedelta(days=3),
    )
    figures = selectors.figures_of(journey)
    assert figures.hours_used == Decimal("6.5")
    assert figures.hours_percent == 65
    assert not figures.over_budget
    by_format = {
        row["format"]: (row["count"], row["hours"]) for row in selectors.hours_by_format(journey)
    }
    assert by_format["coaching"] == (2, Decimal("4"))
    assert by_format["workshop"] == (1, Decimal("2.5"))
    assert by_format["webinar"] == (0, Decimal("0"))
    by_field = {row["label"]: row["hours"] for row in selectors.hours_by_topic_field(journey)}
    assert by_field[str(finance)] == Decimal("4.00")
    assert by_field[str(members)] == Decimal("1.50")
    assert sum(by_field.values()) == Decimal("6.50")


def test_over_budget_is_flagged():
    journey = f.JourneyFactory(hour_budget=Decimal("2"))
    f.ActivityFactory(journey=journey, hours=Decimal("3"))
    figures = selectors.figures_of(journey)
    assert figures.over_budget
    assert figures.hours_bar_value == Decimal("2")


def test_the_event_created_from_an_activity_is_one_record(coach, team_admin, org_a):
    from vamos.events.models import Event

    journey = f.JourneyFactory(organisation=org_a, coaches=[coach])
    start = timezone.now() + datetime.timedelta(days=14)
    activity = services.activity_save(
        journey=journey,
        actor=coach,
        data={
            "format": "webinar",
            "status": "planned",
            "planned_for": start,
            "title": "Verbandswebinar Fördermittel",
            "shared_summary": "Für Vorstände",
        },
        goals=[],
        topic_fields=_topics("finanzierung"),
    )
    services.activity_event_create(
        activity=activity, actor=coach, duration=Decimal("2"), event_format="online"
    )
    activity.refresh_from_db()
    event = Event.objects.get()
    assert activity.event_id == event.pk and activity.event_created_here
    assert event.title == "Verbandswebinar Fördermittel"
    assert event.start == start and event.end == start + datetime.timedelta(hours=2)
    assert event.audience == "invited"
    assert list(event.invited_organisations.all()) == [org_a]
    assert list(event.topic_fields.values_list("slug", flat=True)) == ["finanzierung"]
    # Editing the activity does not make a second event, nor move its date or title.
    services.activity_save(
        journey=journey,
        actor=coach,
        activity=activity,
        data={"format": "webinar", "status": "planned", "planned_for": None, "title": "Anders"},
        goals=[],
        topic_fields=[],
    )
    activity.refresh_from_db()
    assert Event.objects.count() == 1
    assert (activity.title, activity.planned_for) == ("Verbandswebinar Fördermittel", start)
    with pytest.raises(ValidationError):
        services.activity_event_create(
            activity=activity, actor=coach, duration=Decimal("2"), event_format="online"
        )
    assert Event.objects.count() == 1


# --- Recommendations ----------------------------------------------------------------------


def test_recommending_a_peer_organisation_once(coach, org_a, org_b, member):
    journey = f.JourneyFactory(organisation=org_a, coaches=[coach])
    recommendation = services.recommendation_create(
        journey=journey,
        actor=coach,
        kind="organisation",
        target_id=org_b.pk,
        goal=None,
        reason="Erfahrung",
    )
    assert recommendation.target_title == org_b.name
    with pytest.raises(ValidationError):
        services.recommendation_create(
            journey=journey,
            actor=coach,
            kind="organisation",
            target_id=org_b.pk,
            goal=None,
            reason="",
        )
    with pytest.raises(ValidationError):  # the organisation itself is no peer
        services.recommendation_create(
            journey=journey,
            actor=coach,
            kind="organisation",
            target_id=org_a.pk,
            goal=None,
            reason="",
        )
    services.recommendation_opened(recommendation=recommendation, user=member)
    services.recommendation_opened(recommendation=recommendation, user=member)
    services.recommendation_opened(recommendation=recommendation, user=coach)  # not counted
    row = selectors.journey_recommendations(journey)[0]
    assert row.opened == 1
    services.recommendation_withdraw(recommendation=recommendation, actor=coach)
    assert selectors.journey_recommendations(journey) == []


def test_recommending_an_event_reports_registration_and_attendance(coach, org_a, member):
    from vamos.events import services as event_services

    journey = f.JourneyFactory(organisation=org_a, coaches=[coach])
    start = timezone.now() + datetime.timedelta(days=10)
    event = event_services.event_create(
        title="Webinar Fördermittel",
        kind="webinar",
        format="online",
        start=start,
        end=start + datetime.timedelta(hours=2),
        created_by=coach,
    )
    services.recommendation_create(
        journey=journey, actor=coach, kind="event", target_id=event.pk, goal=None, reason=""
    )
    row = selectors.journey_recommendations(journey)[0]
    assert row.target.title == "Webinar Fördermittel"
    assert row.uptake.figures == []
    event_services.registration_create(event=event, user=member, organisation=org_a, answers={})
    row = selectors.journey_recommendations(journey)[0]
    assert ("angemeldet", 1) in [(str(label), n) for label, n in row.uptake.figures]


# --- Reminders ----------------------------------------------------------------------------


def test_reminders_go_out_once_per_person(
    coach, org_a, org_admin, member, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    journey = f.JourneyFactory(organisation=org_a, coaches=[coach], review_interval_weeks=4)
    f.KickoffFactory(journey=journey, held_on=today - datetime.timedelta(weeks=5))
    f.ActivityFactory(
        journey=journey,
        status="planned",
        held_on=None,
        planned_for=timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(10))
        ),
    )
    f.FollowUpFactory(journey=journey, owner=member, due_on=today)
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.reminders_send(today=today)
    assert counts == {
        "activity_upcoming": 2,
        "kickoff_upcoming": 0,
        "follow_up_due": 1,
        "review_due": 1,
    }
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([coach.email, org_admin.email, member.email, coach.email])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = services.reminders_send(today=today)
    assert sum(again.values()) == 0
    assert not mail.outbox
    assert Reminder.objects.count() == 4


def test_reminder_command_runs(capsys):
    from django.core.management import call_command

    call_command("send_journey_reminders", "--date", "2026-11-27")
    assert "activity_upcoming: 0" in capsys.readouterr().out


def test_reminder_email_is_in_the_recipients_language(coach, org_a, make_user):
    from vamos.organisations.tests.factories import MembershipFactory

    english = make_user(email="en@example.org", first_name="Em", language="en")
    MembershipFactory(user=english, organisation=org_a, role="admin")
    journey = f.JourneyFactory(organisation=org_a, coaches=[coach])
    f.FollowUpFactory(journey=journey, owner=english, due_on=timezone.localdate())
    services.reminders_send(today=timezone.localdate())
    from vamos.core.models import OutgoingEmail

    email = OutgoingEmail.objects.get(to="en@example.org")
    assert email.subject.startswith("Follow-up due")
    assert "/en/lernreisen/" in email.body_text or "/en/" in email.body_text


# --- For other apps and personal data -----------------------------------------------------


def test_organisation_needs_come_from_the_latest_journey():
    organisation = OrganisationFactory()
    old = f.JourneyFactory(
        organisation=organisation,
        status="completed",
        applied_at=timezone.now() - datetime.timedelta(days=900),
    )
    f.NeedFactory(journey=old, topic_field=_topics("strategie")[0], priority="high")
    new = f.JourneyFactory(organisation=organisation)
    f.NeedFactory(journey=new, topic_field=_topics("finanzierung")[0], priority="low")
    needs = selectors.organisation_needs(organisation)
    assert {t.slug: p for t, p in needs.items()} == {"finanzierung": "low"}
    assert selectors.organisation_need_ranks(organisation) == {_topics("finanzierung")[0].pk: 1}
    assert selectors.organisation_needs(OrganisationFactory()) == {}


def test_personal_data_export_and_erase(coach, org_a, org_admin):
    from vamos.journeys.personal_data import erase_journey_data, export_journey_data

    journey = _apply(org_a, org_admin)
    other = f.JourneyFactory(coaches=[coach])
    f.CoachNoteFactory(journey=other, author=coach, text="Notiz von Cem")
    exported = export_journey_data(org_admin)
    assert exported["coaching_applications"][0]["motivation"].startswith("Wir wollen")
    assert export_journey_data(coach)["private_notes_written"][0]["text"] == "Notiz von Cem"
    erase_journey_data(coach)
    erase_journey_data(org_admin)
    journey.refresh_from_db()
    assert journey.applied_by is None
    assert CoachNote.objects.get().author is None
    assert not other.assignments.exists()


def test_sole_coach_of_a_running_journey_cannot_delete_the_account(coach, other_coach):
    from vamos.journeys.personal_data import sole_coach_blockers

    journey = f.JourneyFactory(coaches=[coach])
    assert len(sole_coach_blockers(coach)) == 1
    services.journey_support_update(
        journey=journey,
        actor=None,
        coaches=[coach, other_coach],
        start_date=journey.start_date,
        planned_end_date=journey.planned_end_date,
        hour_budget=journey.hour_budget,
        review_interval_weeks=8,
    )
    assert sole_coach_blockers(coach) == []


def test_recommending_a_module_reports_who_started_it(coach, org_a, member):
    from vamos.learning import selectors as learning_selectors
    from vamos.learning import services as learning_services
    from vamos.learning.tests import factories as learning

    page = learning.module(slug="foerdermittel", title="Fördermittel beantragen")
    journey = f.JourneyFactory(organisation=org_a, coaches=[coach])
    services.recommendation_create(
        journey=journey, actor=coach, kind="module", target_id=page.pk, goal=None, reason=""
    )
    row = selectors.journey_recommendations(journey)[0]
    assert row.target.title == "Fördermittel beantragen"
    assert row.uptake is None
    view = learning_selectors.module_resolve(user=member, slug="foerdermittel")
    learning_services.lesson_visit(user=member, module=view, lesson=view.lessons[0])
    row = selectors.journey_recommendations(journey)[0]
    figures = {str(label): number for label, number in row.uptake.figures}
    assert figures == {"begonnen (Personen)": 1, "abgeschlossen (Personen)": 1}


def test_coached_organisations_for_other_apps(coach, other_coach, org_a, org_b):
    f.JourneyFactory(organisation=org_a, coaches=[coach])
    f.JourneyFactory(organisation=org_b, coaches=[coach], status=Journey.Status.CANCELLED)
    assert selectors.coached_organisation_ids(coach) == {org_a.pk}
    assert selectors.coached_organisation_ids(other_coach) == set()


def test_figures_for_reports():
    journey = f.JourneyFactory()
    f.ActivityFactory(journey=journey, hours=Decimal("2"), participants_count=5)
    f.ActivityFactory(journey=journey, format="webinar", hours=Decimal("3"), participants_count=20)
    f.ActivityFactory(
        journey=journey,
        held_on=timezone.localdate() - datetime.timedelta(days=400),
        hours=Decimal("9"),
    )
    goal = f.GoalFactory(journey=journey)
    GoalUpdate.objects.create(
        goal=goal, kind="edited", status="achieved", progress=100, description=goal.description
    )
    today = timezone.localdate()
    figures = selectors.journey_figures(start=today - datetime.timedelta(days=30), end=today)
    assert figures["activities"] == 2
    assert figures["hours"] == Decimal("5")
    assert figures["participants"] == 25
    assert figures["activities_by_format"]["webinar"]["count"] == 1
    assert figures["journeys_running"] == 1 and figures["organisations_coached"] == 1
    assert figures["goals_achieved"] == 1

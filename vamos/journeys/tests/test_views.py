import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from vamos.core.models import AuditEntry, TopicField
from vamos.journeys import pdf
from vamos.journeys.models import Activity, Goal, Journey, Review
from vamos.journeys.tests import factories as f
from vamos.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

SECRET = "Streng vertraulich: Kassenwart denkt an Rücktritt"


@pytest.fixture
def journey(org_a, coach, org_admin, member):
    journey = f.JourneyFactory(organisation=org_a, coaches=[coach])
    f.KickoffFactory(journey=journey)
    goal = f.GoalFactory(journey=journey, description="Finanzplan beschließen")
    activity = f.ActivityFactory(journey=journey, title="Coaching Finanzen")
    activity.goals.add(goal)
    f.CoachNoteFactory(journey=journey, activity=activity, author=coach, text=SECRET)
    f.CoachNoteFactory(journey=journey, about_kickoff=True, author=coach, text=SECRET + " (A)")
    review = f.ReviewFactory(journey=journey)
    f.CoachNoteFactory(journey=journey, review=review, author=coach, text=SECRET + " (R)")
    f.FollowUpFactory(journey=journey, owner=member, description="Antrag abschicken")
    return journey


def _pages(journey):
    activity = journey.activities.get()
    review = journey.reviews.get()
    goal = journey.goals.get()
    return [
        reverse("journeys:detail", kwargs={"pk": journey.pk}),
        reverse("journeys:timeline", kwargs={"pk": journey.pk}),
        reverse("journeys:activities", kwargs={"pk": journey.pk}),
        reverse("journeys:activity", kwargs={"pk": journey.pk, "activity": activity.pk}),
        reverse("journeys:kickoff", kwargs={"pk": journey.pk}),
        reverse("journeys:review", kwargs={"pk": journey.pk, "review": review.pk}),
        reverse("journeys:goal", kwargs={"pk": journey.pk, "goal": goal.pk}),
        reverse("dashboard:index"),
    ]


# --- Confidentiality ----------------------------------------------------------------------


def test_organisation_never_sees_private_notes(journey, org_admin, member, client_for):
    for person in (org_admin, member):
        client = client_for(person)
        for url in _pages(journey):
            response = client.get(url)
            assert response.status_code == 200, url
            assert SECRET not in response.content.decode(), url
        assert client.get(reverse("journeys:notes", kwargs={"pk": journey.pk})).status_code == 404
    html = pdf.journey_summary_html(journey, internal=False)
    assert SECRET not in html
    assert "Coaching Finanzen" in html


def test_coaches_of_the_journey_read_all_private_notes(journey, coach, other_coach, client_for):
    co_coach = other_coach
    journey.assignments.create(coach=co_coach)
    client = client_for(co_coach)
    activity = journey.activities.get()
    response = client.get(
        reverse("journeys:activity", kwargs={"pk": journey.pk, "activity": activity.pk})
    )
    assert SECRET in response.content.decode()
    notes = client.get(reverse("journeys:notes", kwargs={"pk": journey.pk})).content.decode()
    assert SECRET + " (A)" in notes and SECRET + " (R)" in notes
    assert SECRET in pdf.journey_summary_html(journey, internal=True)
    assert not AuditEntry.objects.filter(action="journey.private_notes_read").exists()


def test_coach_of_another_journey_sees_nothing_of_this_one(journey, other_coach, client_for):
    f.JourneyFactory(coaches=[other_coach])
    client = client_for(other_coach)
    for url in _pages(journey)[:-1]:
        assert client.get(url).status_code == 404, url
    dashboard = client.get(reverse("dashboard:index")).content.decode()
    assert SECRET not in dashboard and journey.organisation.name not in dashboard


def test_other_organisation_gets_404_everywhere(journey, other_member, editor, client_for):
    for person in (other_member, editor):
        client = client_for(person)
        for url in _pages(journey)[:-1]:
            assert client.get(url).status_code == 404, url
        pdf_url = reverse("journeys:pdf", kwargs={"pk": journey.pk})
        assert client.get(pdf_url).status_code == 404


def test_team_admin_reads_of_private_notes_are_logged(journey, team_admin, client_for):
    client = client_for(team_admin)
    response = client.get(reverse("journeys:notes", kwargs={"pk": journey.pk}))
    assert SECRET in response.content.decode()
    entry = AuditEntry.objects.get(action="journey.private_notes_read")
    assert entry.actor == team_admin and entry.object_id == str(journey.pk)
    assert entry.data == {"on": "notes"}


def test_journey_not_shared_with_members_is_hidden_from_members(
    journey, org_admin, member, client_for
):
    url = reverse("journeys:detail", kwargs={"pk": journey.pk})
    response = client_for(org_admin).post(
        reverse("journeys:sharing", kwargs={"pk": journey.pk}), {}
    )
    assert response.status_code == 302
    assert client_for(member).get(url).status_code == 404
    assert client_for(org_admin).get(url).status_code == 200
    client_for(org_admin).post(
        reverse("journeys:sharing", kwargs={"pk": journey.pk}), {"members_can_view": "on"}
    )
    assert client_for(member).get(url).status_code == 200


def test_pdf_downloads_are_logged_and_the_file_version_is_for_coaches(
    journey, coach, org_admin, client_for
):
    url = reverse("journeys:pdf", kwargs={"pk": journey.pk})
    response = client_for(org_admin).get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client_for(org_admin).get(url + "?fassung=akte").status_code == 404
    response = client_for(coach).get(url + "?fassung=akte")
    assert response.status_code == 200
    assert "akte" in response["Content-Disposition"]
    versions = sorted(
        AuditEntry.objects.filter(action="journey.summary_export").values_list(
            "data__version", flat=True
        )
    )
    assert versions == ["file", "organisation"]


# --- Forms with bad input: errors next to the field, input kept, nothing saved -------------


def test_admin_applies_through_the_form(org_a, org_admin, client_for):
    client = client_for(org_admin)
    url = reverse("journeys:apply")
    response = client.post(url, {"organisation": org_a.pk, "availability": "montags"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "data-error-summary" in content
    assert "montags" in content
    assert not Journey.objects.exists()
    finance = TopicField.objects.get(slug="finanzierung")
    response = client.post(
        url,
        {
            "organisation": org_a.pk,
            "motivation": "Wir wollen wachsen.",
            "topic_fields": [finance.pk],
            "availability": "montags",
            "members_can_view": "on",
        },
    )
    journey = Journey.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("journeys:detail", kwargs={"pk": journey.pk})
    # The application is open now: the form is gone for this organisation.
    assert client.get(url).status_code == 404


def test_quick_entry_with_bad_input_keeps_what_was_typed(journey, coach, client_for):
    client = client_for(coach)
    url = reverse("journeys:activity-create", kwargs={"pk": journey.pk})
    before = Activity.objects.count()
    response = client.post(
        url,
        {
            "format": "coaching",
            "status": "held",
            "held_on": "",
            "hours": "1.1",
            "shared_summary": "Wir haben den Haushalt besprochen.",
            "private_note": "Nur für uns",
            "follow_up_description": "Nachfassen",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "data-error-summary" in content
    assert "Wir haben den Haushalt besprochen." in content
    assert "Nur für uns" in content
    assert 'id="id_held_on-error"' in content
    assert 'id="id_follow_up_due_on-error"' in content
    assert Activity.objects.count() == before


def test_quick_entry_saves_an_activity_with_follow_up(journey, coach, member, client_for):
    goal = journey.goals.get()
    response = client_for(coach).post(
        reverse("journeys:activity-create", kwargs={"pk": journey.pk}),
        {
            "format": "workshop",
            "status": "held",
            "held_on": timezone.localdate().isoformat(),
            "hours": "2.5",
            "participants_count": "8",
            "goals": [goal.pk],
            "shared_summary": "Moderierte Klausur",
            "private_note": "Konflikt im Vorstand",
            "follow_up_description": "Protokoll verschicken",
            "follow_up_due_on": timezone.localdate().isoformat(),
            "follow_up_owner": member.pk,
        },
    )
    activity = Activity.objects.get(format="workshop")
    assert response.status_code == 302
    assert activity.hours == Decimal("2.5")
    assert activity.coach_notes.get().text == "Konflikt im Vorstand"
    assert activity.follow_ups.get().owner == member


def test_planned_activity_becomes_an_event_from_the_activity_page(journey, coach, client_for):
    from vamos.events.models import Event

    activity = f.ActivityFactory(
        journey=journey,
        format="webinar",
        status="planned",
        held_on=None,
        hours=None,
        planned_for=timezone.now() + datetime.timedelta(days=20),
        title="Seminar Vereinsrecht",
    )
    client = client_for(coach)
    page = reverse("journeys:activity", kwargs={"pk": journey.pk, "activity": activity.pk})
    assert "Create the event" in client.get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode() or (
        "Veranstaltung anlegen" in client.get(page).content.decode()
    )
    url = reverse("journeys:activity-event", kwargs={"pk": journey.pk, "activity": activity.pk})
    response = client.post(url, {"duration": "2", "event_format": "on_site", "venue": ""})
    assert response.status_code == 200
    assert 'id="id_venue-error"' in response.content.decode()
    assert not Event.objects.exists()
    response = client.post(url, {"duration": "2", "event_format": "on_site", "venue": "Köln"})
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.venue_name == "Köln"
    activity.refresh_from_db()
    assert activity.event_id == event.pk
    assert client.post(url, {"duration": "2", "event_format": "online"}).status_code == 404


def test_kickoff_form_with_bad_needs_saves_nothing(coach, client_for):
    journey = f.JourneyFactory(status=Journey.Status.KICKOFF_PLANNED, coaches=[coach])
    url = reverse("journeys:kickoff-edit", kwargs={"pk": journey.pk})
    response = client_for(coach).post(
        url,
        {
            "held_on": timezone.localdate().isoformat(),
            "summary": "Auftakt",
            "need-finanzierung-situation": "Nur Projektmittel",
            "goal-0-description": "Finanzplan",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'href="#id_need-finanzierung-priority"' in content
    assert 'href="#id_goal-0-topic_field"' in content
    assert "Nur Projektmittel" in content
    journey.refresh_from_db()
    assert journey.status == Journey.Status.KICKOFF_PLANNED
    assert not journey.needs.exists() and not journey.goals.exists()


def test_review_form_rerates_goals(journey, coach, client_for):
    goal = journey.goals.get()
    url = reverse("journeys:review-create", kwargs={"pk": journey.pk})
    prefix = f"goal-{goal.pk}"
    bad = client_for(coach).post(url, {"held_on": "", f"{prefix}-status": "achieved"})
    assert bad.status_code == 200
    assert not Review.objects.filter(summary="Ziel erreicht").exists()
    response = client_for(coach).post(
        url,
        {
            "held_on": timezone.localdate().isoformat(),
            "summary": "Ziel erreicht",
            f"{prefix}-status": "achieved",
            f"{prefix}-progress": "90",
        },
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.status == Goal.Status.ACHIEVED and goal.progress == 100
    assert goal.updates.count() == 2


def test_team_decides_with_coach_period_and_budget(
    team_admin, coach, org_admin, client_for, django_capture_on_commit_callbacks
):
    journey = f.JourneyFactory(
        organisation=org_admin.memberships.get().organisation,
        status=Journey.Status.APPLIED,
        start_date=None,
        planned_end_date=None,
        hour_budget=None,
    )
    client = client_for(team_admin)
    url = reverse("journeys:decide", kwargs={"pk": journey.pk})
    response = client.post(url, {"decision": "accept", "hour_budget": "30"})
    assert response.status_code == 200
    assert 'id="id_coaches-error"' in response.content.decode()
    journey.refresh_from_db()
    assert journey.status == Journey.Status.APPLIED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "decision": "accept",
                "coaches": [coach.pk],
                "start_date": "2027-01-01",
                "planned_end_date": "2027-12-31",
                "hour_budget": "30",
                "review_interval_weeks": "8",
            },
        )
    assert response.status_code == 302
    journey.refresh_from_db()
    assert journey.status == Journey.Status.KICKOFF_PLANNED
    assert {address for message in mail.outbox for address in message.to} == {
        org_admin.email,
        coach.email,
    }


def test_follow_up_can_be_ticked_off_with_htmx(journey, member, client_for):
    follow_up = journey.follow_ups.get()
    url = reverse("journeys:follow-up-done", kwargs={"pk": journey.pk, "follow_up": follow_up.pk})
    response = client_for(member).post(url, {"done": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="follow-up-{follow_up.pk}"' in response.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.done_by == member


def test_recommendation_open_counts_members_only(journey, member, coach, org_b, client_for):
    recommendation = f.RecommendationFactory(
        journey=journey, target_id=org_b.pk, target_title=org_b.name
    )
    url = reverse(
        "journeys:recommendation-open",
        kwargs={"pk": journey.pk, "recommendation": recommendation.pk},
    )
    response = client_for(member).get(url)
    assert response["Location"] == reverse("organisations:detail", kwargs={"slug": org_b.slug})
    client_for(coach).get(url)
    assert recommendation.opens.count() == 1


# --- Dashboard, navigation, language ------------------------------------------------------


def test_dashboard_shows_journey_to_members_and_caseload_to_coaches(
    journey, member, coach, editor, org_b, client_for
):
    f.RecommendationFactory(journey=journey, target_id=org_b.pk, target_title=org_b.name)
    content = client_for(member).get(reverse("dashboard:index")).content.decode()
    assert "Antrag abschicken" in content and org_b.name in content
    assert reverse("journeys:index") in content  # the header entry
    coach_page = client_for(coach).get(reverse("dashboard:index")).content.decode()
    assert "Meine Fallübersicht" in coach_page
    editor_page = client_for(editor).get(reverse("dashboard:index")).content.decode()
    assert reverse("journeys:index") not in editor_page


def test_english_pages(journey, member, client_for):
    response = client_for(member).get(f"/en/lernreisen/{journey.pk}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Learning journey" in content and "Follow-ups" in content


# --- Query counts do not grow with the data -----------------------------------------------


def _grow(coach, organisations: int, activities: int) -> None:
    for number in range(organisations):
        organisation = OrganisationFactory()
        MembershipFactory(organisation=organisation)
        journey = f.JourneyFactory(organisation=organisation, coaches=[coach])
        goal = f.GoalFactory(journey=journey)
        for _ in range(activities):
            activity = f.ActivityFactory(journey=journey)
            activity.goals.add(goal)
            f.CoachNoteFactory(journey=journey, activity=activity, author=coach)
        f.FollowUpFactory(journey=journey, due_on=timezone.localdate() - datetime.timedelta(1))
        f.ReviewFactory(journey=journey)
        f.RecommendationFactory(journey=journey)
        if number == 0:
            f.KickoffFactory(journey=journey)


@pytest.mark.parametrize("size", [1, 6])
def test_caseload_query_count_does_not_grow(size, coach, client_for, django_assert_max_num_queries):
    _grow(coach, size, 2)
    client = client_for(coach)
    with django_assert_max_num_queries(24):
        response = client.get(reverse("journeys:index"))
    assert response.status_code == 200
    assert response.content.decode().count("journey-meter__text") == 2 * size


@pytest.mark.parametrize("size", [1, 8])
def test_timeline_query_count_does_not_grow(size, coach, client_for, django_assert_max_num_queries):
    _grow(coach, 1, size)
    journey = Journey.objects.get()
    client = client_for(coach)
    with django_assert_max_num_queries(36):
        response = client.get(reverse("journeys:timeline", kwargs={"pk": journey.pk}))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_activity_list_and_overview_query_counts_do_not_grow(
    size, coach, client_for, django_assert_max_num_queries
):
    _grow(coach, 1, size)
    journey = Journey.objects.get()
    client = client_for(coach)
    with django_assert_max_num_queries(28):
        client.get(reverse("journeys:activities", kwargs={"pk": journey.pk}))
    with django_assert_max_num_queries(45):
        client.get(reverse("journeys:detail", kwargs={"pk": journey.pk}))


def test_member_journey_list(journey, member, client_for, django_assert_max_num_queries):
    client = client_for(member)
    with django_assert_max_num_queries(24):
        response = client.get(reverse("journeys:index"))
    assert journey.organisation.name in response.content.decode()


def test_transfer_answers_shared_with_the_coach(
    journey, coach, org_admin, member, team_admin, client_for
):
    import uuid

    from vamos.learning.models import TransferAnswer

    TransferAnswer.objects.create(
        user=member,
        lesson_key=uuid.uuid4(),
        module_key=uuid.uuid4(),
        block_id="t1",
        module_title="Fördermittel beantragen",
        lesson_title="Der Eigenanteil",
        prompt="Wie wenden Sie das an?",
        answer="Wir sammeln Spenden für den Eigenanteil.",
        shared_with=journey.organisation,
        shared_at=timezone.now(),
    )
    url = reverse("journeys:detail", kwargs={"pk": journey.pk})
    assert "Wir sammeln Spenden" in client_for(coach).get(url).content.decode()
    assert "Wir sammeln Spenden" not in client_for(org_admin).get(url).content.decode()
    assert not AuditEntry.objects.filter(action="journey.transfer_answers_read").exists()
    client_for(team_admin).get(url)
    assert AuditEntry.objects.filter(action="journey.transfer_answers_read").count() == 1


def test_the_header_offers_learning_journeys_to_whom_may_find_them(
    client, client_for, coach, team_admin, member, editor, make_user
):
    applied = OrganisationFactory(name="Neuer Verein", status="applied")
    applicant = make_user(email="neu@example.org")
    MembershipFactory(user=applicant, organisation=applied)
    entry = f'href="{reverse("journeys:index")}"'
    for person in (coach, team_admin, member):
        assert entry in client_for(person).get(reverse("dashboard:index")).content.decode()
    for person in (editor, applicant):
        assert entry not in client_for(person).get(reverse("dashboard:index")).content.decode()
    assert entry not in client.get("/").content.decode()

"""Every figure of the reports against the hand-built programme of ``conftest.py``."""

from decimal import Decimal
from typing import Any

import pytest

from vamos.reports.figures import Report

from .conftest import scope

pytestmark = pytest.mark.django_db


def rows(report: Report, area: str, key: str) -> dict[str, list[Any]]:
    figure = next(f for f in report.area(area).figures if f.key == key)
    return {row.label: row.values for row in figure.rows}


def stats(report: Report, area: str) -> dict[str, Any]:
    return {stat.key: stat.value for stat in report.area(area).stats}


def test_reach_counts_registered_organisations_with_member_clubs_rolled_up(dataset: Any) -> None:
    report = Report(scope())
    assert stats(report, "reach") == {
        "registered": 4,  # A, B, C, D – not the listed club, the applicant or the outsider
        "new": 1,  # A joined in the period
        "active": 2,  # A and B attended an event; A was coached
        "people": 5,  # admin, member (A), other member, late (B), Clara (C); nobody of D
        "active_people": 2,  # member and other member (event and lessons)
        "clubs": 2,  # C registered and L listed under A
        "clubs_stated": 15,  # A states 10, B 5
    }
    assert rows(report, "reach", "reach.by_kind") == {
        "Bundesverband": [1],
        "Landesverband": [2],
        "Mitgliedsverein": [1],
        "Andere Organisation": [0],
    }
    assert rows(report, "reach", "reach.by_state") == {
        "Berlin": [1],
        "Hamburg": [1],
        "Nordrhein-Westfalen": [2],  # A and its member club C
    }
    federations = rows(report, "reach", "reach.federations")
    assert federations["Landesverband A"] == [2, 1, 10]
    assert federations["Bundesverband B"] == [0, 0, 5]


def test_learning_counts_people_of_registered_organisations_only(dataset: Any) -> None:
    report = Report(scope())
    assert stats(report, "learning") == {
        "starts": 2,  # member and admin started "Fördermittel"; the outsider does not count
        "completions": 2,  # member (Fördermittel), other member (Leitbild, started before)
        "certificates": 1,  # the withdrawn one does not count
        "learners": 2,
        "active_learners": 2,  # lessons of member and other member in the period
    }
    by_field = rows(report, "learning", "learning.by_topic_field")
    assert by_field["Finanzierung"] == [2, 1]
    assert by_field["Strategie"] == [0, 1]
    assert by_field["Projektmanagement"] == [0, 0]
    assert rows(report, "learning", "learning.modules") == {
        "Fördermittel beantragen": [2, 1],
        "Ein Leitbild entwickeln": [0, 1],
    }


def test_events_figures(dataset: Any) -> None:
    report = Report(scope())
    assert stats(report, "events") == {
        "events": 2,  # not the cancelled one, the draft or the one before the period
        "registrations": 6,  # the cancelled registration does not count
        "attended": 2,
        "attendance_rate": Decimal("50.0"),  # 2 attended of 4 seats at the ended event
        "people": 2,
        "organisations": 2,
        "waitlist": 2,
    }
    assert rows(report, "events", "events.by_kind")["Schulung"] == [1]
    assert rows(report, "events", "events.by_kind")["Webinar"] == [1]
    assert rows(report, "events", "events.by_format") == {
        "Vor Ort": [1],
        "Online": [1],
        "Hybrid": [0],
    }
    by_kind = rows(report, "events", "events.participants_by_kind")
    assert by_kind["Landesverband"] == [1]
    assert by_kind["Bundesverband"] == [1]
    # Joined a waitlist, got a seat later, still waiting, events with a waitlist.
    assert list(rows(report, "events", "events.waitlist").values()) == [[2], [1], [1], [2]]


def test_feedback_means_of_small_groups_are_hidden(dataset: Any) -> None:
    report = Report(scope())
    figure = next(f for f in report.events.figures if f.key == "events.feedback")
    training = next(row for row in figure.rows if row.label == "Schulung")
    assert training.values == [0, None, 2, None]  # two ratings: below k = 5
    assert training.suppressed


def test_feedback_mean_is_shown_from_five_ratings(dataset: Any) -> None:
    from vamos.events.models import Feedback
    from vamos.events.tests.factories import RegistrationFactory

    for rating in (3, 3, 4):
        registration = RegistrationFactory(event=dataset.events["e1"], status="attended")
        Feedback.objects.create(registration=registration, rating=rating)
    report = Report(scope())
    figure = next(f for f in report.events.figures if f.key == "events.feedback")
    training = next(row for row in figure.rows if row.label == "Schulung")
    assert training.values[2:] == [5, Decimal("3.80")]  # (4 + 5 + 3 + 3 + 4) / 5
    assert not training.suppressed


def test_coaching_figures(dataset: Any) -> None:
    report = Report(scope())
    assert stats(report, "coaching") == {
        "under_way": 1,
        "organisations": 1,
        "applications": 2,  # A's application 120 days ago and B's
        "activities": 2,  # planned and earlier activities do not count
        "hours": Decimal("5.00"),
        "participants": 43,
        "goals_set": 2,  # the dropped goal does not count
        "goals_achieved": 1,
        "club_activities": 1,
        "club_participants": 40,
    }
    by_status = rows(report, "coaching", "coaching.by_status")
    assert by_status["aktiv"] == [1]
    assert by_status["beantragt"] == [1]
    assert by_status["abgeschlossen"] == [0]  # D's journey ended before the period
    by_format = rows(report, "coaching", "coaching.hours_by_format")
    assert by_format["Coaching"] == [1, Decimal("2.00")]
    assert by_format["Veranstaltung mit Mitgliedsvereinen"] == [1, Decimal("3.00")]
    by_field = rows(report, "coaching", "coaching.hours_by_topic_field")
    # The coaching session counts half for each of its two topic fields.
    assert by_field["Finanzierung"] == [2, Decimal("4.00")]
    assert by_field["Strategie"] == [1, Decimal("1.00")]
    assert sum(values[1] for values in by_field.values()) == Decimal("5.00")
    goals = rows(report, "coaching", "coaching.goals")
    assert goals["Finanzierung"] == [1, 1]
    assert goals["Strategie"] == [1, 0]


def test_exchange_figures(dataset: Any) -> None:
    report = Report(scope())
    assert stats(report, "exchange") == {
        "published": 2,  # not the one first published before the period, not the draft
        "published_public": 1,
        "offers_new": 2,
        "offers_active": 1,
        "contacts": 2,
        "contacts_answered": 1,
        "useful": 1,
    }
    by_field = rows(report, "exchange", "exchange.by_topic_field")
    assert by_field["Finanzierung"] == [2]
    assert by_field["Strategie"] == [1]


def test_state_filter_rolls_member_clubs_into_their_federations_state(dataset: Any) -> None:
    report = Report(scope(state="NW"))
    assert stats(report, "reach")["registered"] == 2  # A and its club C (no state of its own)
    assert stats(report, "learning")["starts"] == 2  # member and admin of A
    assert stats(report, "learning")["completions"] == 1
    events = stats(report, "events")
    assert events["events"] == 2  # people of A registered for both
    assert events["registrations"] == 3  # A's: attended, no-show, confirmed
    assert events["attended"] == 1
    assert stats(report, "coaching")["hours"] == Decimal("5.00")
    assert stats(report, "exchange")["published"] == 1
    assert Report(scope(state="HH")).area("coaching").stat("hours").value == Decimal("0")


def test_kind_filter(dataset: Any) -> None:
    report = Report(scope(kind="bundesverband"))
    assert stats(report, "reach")["registered"] == 1
    assert stats(report, "events")["attended"] == 1
    assert stats(report, "coaching")["applications"] == 1


def test_topic_field_filter(dataset: Any) -> None:
    from vamos.core.models import TopicField

    report = Report(scope(topic_field=TopicField.objects.get(slug="strategie")))
    assert stats(report, "events")["events"] == 1  # the webinar
    assert stats(report, "learning")["starts"] == 0
    assert stats(report, "learning")["completions"] == 1
    assert stats(report, "coaching")["activities"] == 1
    assert list(rows(report, "coaching", "coaching.goals")) == ["Strategie"]
    assert stats(report, "exchange")["published"] == 1
    # Reach does not depend on topic fields, and says so.
    assert stats(report, "reach")["registered"] == 4
    assert report.reach.note


def test_a_lesson_in_the_period_alone_makes_people_and_their_organisation_active(
    dataset: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from vamos.learning.models import LessonPage, LessonProgress

    from .conftest import BEFORE, TODAY, at

    lesson = LessonPage.objects.live().first()
    clara = dataset.people["clara"]  # of member club C, which did nothing else

    def lesson_started(day: Any) -> None:
        record = LessonProgress.objects.create(
            user=clara,
            lesson_key=lesson.translation_key,
            module_key=lesson.get_parent().specific.translation_key,
            last_visited_at=at(day),
        )
        LessonProgress.objects.filter(pk=record.pk).update(started_at=at(day))

    lesson_started(BEFORE)  # before the period: changes nothing
    before = Report(scope())
    assert (stats(before, "reach")["active"], stats(before, "reach")["active_people"]) == (2, 2)
    assert stats(before, "learning")["active_learners"] == 2

    # The figures are cached until the writes' transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        LessonProgress.objects.filter(user=clara).delete()
        lesson_started(TODAY)
    after = Report(scope())
    assert (stats(after, "reach")["active"], stats(after, "reach")["active_people"]) == (3, 3)
    assert stats(after, "learning")["active_learners"] == 3

"""The team's survey desk: building questions, conditions, invitations, results."""

import re
from typing import Any

import pytest
from django.urls import reverse

from vamos.surveys.models import Question, Survey
from vamos.surveys.tests.factories import question
from vamos.surveys.tests.scenario import submit_directly

pytestmark = pytest.mark.django_db


def test_the_team_creates_a_survey_and_its_first_round(team_admin: Any, client_for: Any) -> None:
    client = client_for(team_admin)
    bad = client.post(reverse("surveys:survey-create"), {"kind": "needs", "respondent": "x"})
    assert bad.status_code == 200
    assert "data-error-summary" in bad.content.decode()
    created = client.post(
        reverse("surveys:survey-create"),
        {"kind": "other", "title_de": "Zufriedenheit", "respondent": "person", "anonymous": "on"},
    )
    survey = Survey.objects.get(title_de="Zufriedenheit")
    assert created.headers["Location"] == reverse("surveys:wave-create", kwargs={"pk": survey.pk})
    round_page = client.post(
        reverse("surveys:wave-create", kwargs={"pk": survey.pk}),
        {
            "label": "2026",
            "opens_on": "2026-12-01",
            "closes_on": "2026-11-01",
            "audience": "all",
            "start": "empty",
        },
    )
    assert "Das Enddatum darf nicht vor dem Startdatum liegen." in round_page.content.decode()
    assert 'value="2026"' in round_page.content.decode()
    assert not survey.waves.exists()


def test_a_choice_question_with_a_condition_is_added(
    wave: Any, team_admin: Any, client_for: Any
) -> None:
    client = client_for(team_admin)
    url = reverse("surveys:question-create", kwargs={"pk": wave.pk})
    staff = question(wave, "hat-personal")
    section = wave.sections.order_by("position").last()
    # Choosing the question the condition depends on brings its answers (htmx).
    partial = client.get(url, {"condition_question": staff.pk}, headers={"HX-Request": "true"})
    assert 'id="condition-values"' in partial.content.decode()
    assert 'value="ja"' in partial.content.decode()
    assert "<html" not in partial.content.decode()
    missing = client.post(
        url,
        {"section": section.pk, "kind": "multiple", "text_de": "Welche Aufgaben?"},
    )
    assert "mindestens zwei Antwortmöglichkeiten" in missing.content.decode()
    created = client.post(
        url,
        {
            "section": section.pk,
            "kind": "multiple",
            "text_de": "Welche Aufgaben haben Ihre Mitarbeitenden?",
            "choices": "Beratung | Counselling\nVerwaltung | Administration",
            "condition_question": staff.pk,
            "condition_values": ["ja"],
            "topic_fields": [],
        },
    )
    assert created.status_code == 302
    added = Question.objects.get(wave=wave, text_de__startswith="Welche Aufgaben haben")
    assert added.condition_question == staff
    assert added.condition_values == ["ja"]
    assert list(added.choices.values_list("label_en", flat=True)) == [
        "Counselling",
        "Administration",
    ]


def test_the_team_sees_results_responses_and_the_needs_overview(
    wave: Any, org_a: Any, team_admin: Any, client_for: Any
) -> None:
    response = submit_directly(
        wave=wave, organisation=org_a, values={"bedarf-strategie": 5, "wuensche": "Abends"}
    )
    client = client_for(team_admin)
    results = client.get(reverse("surveys:wave-results", kwargs={"pk": wave.pk}))
    html = results.content.decode()
    assert "Abends" in html and org_a.name in html
    single = client.get(
        reverse("surveys:team-response", kwargs={"pk": wave.pk, "response_pk": response.pk})
    )
    assert "Abends" in single.content.decode()
    needs = client.get(reverse("surveys:wave-needs", kwargs={"pk": wave.pk}), {"by": "state"})
    assert "Nordrhein-Westfalen" in needs.content.decode()
    filtered = client.get(
        reverse("surveys:wave-results", kwargs={"pk": wave.pk}), {"kind": "bundesverband"}
    )
    assert "Noch keine passenden Antworten." in filtered.content.decode()


def test_invitations_page_invites_and_lists_the_status(
    wave: Any, org_a: Any, org_admin: Any, team_admin: Any, client_for: Any
) -> None:
    client = client_for(team_admin)
    url = reverse("surveys:wave-invitations", kwargs={"pk": wave.pk})
    sent = client.post(url, {"kinds": ["landesverband"]}, follow=True)
    html = sent.content.decode()
    assert "1 eingeladen" in html
    assert org_a.name in html
    remind = client.post(reverse("surveys:wave-remind", kwargs={"pk": wave.pk}), follow=True)
    assert "Erinnerungen an 1 verschickt" in remind.content.decode()


def test_the_survey_page_counts_questions_and_submissions_per_round(
    wave: Any, org_a: Any, org_b: Any, team_admin: Any, client_for: Any
) -> None:
    for organisation in (org_a, org_b):
        submit_directly(wave=wave, organisation=organisation, values={"bedarf-strategie": 3})
    page = client_for(team_admin).get(
        reverse("surveys:survey-detail", kwargs={"pk": wave.survey.pk})
    )
    numbers = re.findall(r'cell--numeric">(\d+)<', page.content.decode())
    assert numbers == ["6", "2"]

"""Anonymous surveys: no stored link between a person and their answers, and no group
smaller than the minimum group size in any result."""

from typing import Any

import pytest
from django.urls import reverse

from vamos.core.models import AuditEntry
from vamos.surveys import services
from vamos.surveys.exports import wave_export_table
from vamos.surveys.models import Participation, Response, Survey
from vamos.surveys.selectors.results import min_group_size, needs_heatmap, wave_results
from vamos.surveys.tests.factories import QuestionFactory, SectionFactory, WaveFactory
from vamos.surveys.tests.scenario import other_organisations, submit_directly

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous_question(db: Any) -> Any:
    wave = WaveFactory(survey__respondent=Survey.Respondent.PERSON, survey__anonymous=True)
    return QuestionFactory(
        section=SectionFactory(wave=wave),
        key="zufrieden",
        is_need_indicator=True,
        topics=["finanzierung"],
    )


def test_submitting_an_anonymous_response_cuts_every_link_to_the_person(
    anonymous_question: Any, member: Any, client_for: Any
) -> None:
    wave = anonymous_question.wave
    draft = services.response_start(wave=wave, actor=member)
    services.response_save_page(
        response=draft, page=1, values={anonymous_question.pk: 4}, actor=member
    )
    services.response_submit(response=draft, actor=member)
    response = Response.objects.get(pk=draft.pk)
    assert response.status == Response.Status.SUBMITTED
    assert response.respondent is None
    assert response.organisation is None
    assert response.submitted_by is None
    assert response.last_edited_by is None
    assert (response.started_at, response.saved_at, response.submitted_at) == (None, None, None)
    # Only that the person took part is known – as a day, not a time.
    participation = Participation.objects.get(wave=wave)
    assert participation.user == member
    assert not hasattr(participation, "response")
    # Nothing in the audit log ties the person to the response.
    assert not AuditEntry.objects.filter(object_id=str(response.pk)).exists()
    assert not AuditEntry.objects.filter(action="survey.response_submit").exists()
    # Not even the person can open it again.
    client = client_for(member)
    assert client.get(reverse("surveys:response", kwargs={"pk": response.pk})).status_code == 404


def test_a_person_answers_an_anonymous_survey_only_once(
    anonymous_question: Any, member: Any
) -> None:
    wave = anonymous_question.wave
    draft = services.response_start(wave=wave, actor=member)
    services.response_save_page(
        response=draft, page=1, values={anonymous_question.pk: 4}, actor=member
    )
    services.response_submit(response=draft, actor=member)
    with pytest.raises(services.answering.ValidationError):
        services.response_start(wave=wave, actor=member)


def test_the_team_never_opens_an_anonymous_response(
    anonymous_question: Any, member: Any, team_admin: Any, client_for: Any
) -> None:
    wave = anonymous_question.wave
    response = submit_directly(wave=wave, organisation=None, person=member, values={"zufrieden": 3})
    client = client_for(team_admin)
    url = reverse("surveys:team-response", kwargs={"pk": wave.pk, "response_pk": response.pk})
    assert client.get(url).status_code == 404
    assert client.get(reverse("surveys:response", kwargs={"pk": response.pk})).status_code == 404


def _answers(wave: Any, count: int, make_user: Any) -> None:
    for index in range(count):
        submit_directly(
            wave=wave,
            organisation=None,
            person=make_user(),
            values={"zufrieden": 1 + index % 5},
        )


def test_results_of_fewer_than_five_are_hidden(anonymous_question: Any, make_user: Any) -> None:
    wave = anonymous_question.wave
    _answers(wave, 4, make_user)
    results = wave_results(wave=wave)
    assert results.suppressed
    assert all(not q.bars for q in results.questions)
    _answers(wave, 1, make_user)
    results = wave_results(wave=wave)
    assert not results.suppressed
    assert sum(bar.count for bar in results.questions[0].bars) == 5


def test_a_filter_that_narrows_below_five_hides_the_group(make_user: Any) -> None:
    wave = WaveFactory(survey__anonymous=True)
    QuestionFactory(section=SectionFactory(wave=wave), key="zufrieden")
    organisations = other_organisations(6)
    for organisation in organisations:
        submit_directly(wave=wave, organisation=organisation, values={"zufrieden": 4})
    assert not wave_results(wave=wave).suppressed
    only_some = wave_results(wave=wave, kind="bundesverband")
    assert only_some.responses == 2
    assert only_some.suppressed


def test_heatmap_cells_of_anonymous_surveys_need_five_responses(
    anonymous_question: Any, make_user: Any
) -> None:
    wave = anonymous_question.wave
    _answers(wave, 4, make_user)
    heatmap = needs_heatmap(wave=wave)
    finanzierung = next(r for r in heatmap.rows if r.topic_field.slug == "finanzierung")
    assert finanzierung.overall.score is None
    assert finanzierung.overall.suppressed


def test_the_minimum_group_size_is_configurable_but_never_below_five(settings: Any) -> None:
    settings.VAMOS_SURVEY_MIN_GROUP_SIZE = 8
    assert min_group_size() == 8
    settings.VAMOS_SURVEY_MIN_GROUP_SIZE = 2
    assert min_group_size() == 5


def test_anonymous_exports_carry_no_identifier(anonymous_question: Any, make_user: Any) -> None:
    wave = anonymous_question.wave
    _answers(wave, 5, make_user)
    header, rows = wave_export_table(wave)
    assert header == ["zufrieden: " + anonymous_question.text]
    assert sorted(row[0] for row in rows) == [1, 2, 3, 4, 5]

"""Personal data: what a person can download, and what deleting the account leaves."""

from typing import Any

import pytest

from vamos.accounts.services import user_data_export, user_delete
from vamos.surveys.models import Answer, Participation, Response, Survey
from vamos.surveys.services import response_start
from vamos.surveys.tests.factories import QuestionFactory, SectionFactory, WaveFactory
from vamos.surveys.tests.scenario import submit_directly

pytestmark = pytest.mark.django_db


@pytest.fixture
def person_wave(db: Any) -> Any:
    wave = WaveFactory(survey__respondent=Survey.Respondent.PERSON, label="2026")
    section = SectionFactory(wave=wave)
    QuestionFactory(section=section, key="note", kind="scale")
    QuestionFactory(section=section, key="text", kind="long_text")
    return wave


def test_the_export_contains_own_answers_and_what_was_answered_for_organisations(
    person_wave: Any, wave: Any, member: Any, org_a: Any
) -> None:
    submit_directly(
        wave=person_wave, organisation=None, person=member, values={"note": 4, "text": "Gut"}
    )
    submit_directly(wave=wave, organisation=org_a, person=member, values={"bedarf-strategie": 2})
    data = user_data_export(user=member)["surveys"]
    assert data["own_responses"][0]["answers"] == [
        {"question": QuestionFactory._meta.model.objects.get(key="note").text, "answer": "4"},
        {"question": QuestionFactory._meta.model.objects.get(key="text").text, "answer": "Gut"},
    ]
    assert data["answered_for_organisations"][0]["organisation"] == org_a.name
    assert len(data["participations"]) == 1


def test_deleting_the_account_keeps_the_figures_but_not_the_person(
    person_wave: Any, wave: Any, member: Any, org_a: Any
) -> None:
    own = submit_directly(
        wave=person_wave, organisation=None, person=member, values={"note": 4, "text": "Gut"}
    )
    for_org = submit_directly(wave=wave, organisation=org_a, person=member, values={})
    other_wave = WaveFactory(survey__respondent=Survey.Respondent.PERSON)
    QuestionFactory(section=SectionFactory(wave=other_wave))
    draft = response_start(wave=other_wave, actor=member)
    user_delete(user=member)
    own.refresh_from_db()
    assert own.respondent is None and own.submitted_by is None
    assert list(Answer.objects.filter(response=own).values_list("value", flat=True)) == [4]
    assert not Response.objects.filter(pk=draft.pk).exists()
    for_org.refresh_from_db()
    assert for_org.organisation == org_a and for_org.submitted_by is None
    assert Participation.objects.filter(wave=person_wave, user__isnull=True).count() == 1

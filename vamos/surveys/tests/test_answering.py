"""Answering: drafts page by page, resuming, conditions, one response, closed rounds."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from vamos.surveys import services
from vamos.surveys.models import Answer, Participation, Response, Survey
from vamos.surveys.services.answering import response_answers
from vamos.surveys.tests.factories import QuestionFactory, SectionFactory, WaveFactory, question

pytestmark = pytest.mark.django_db


def _values(wave: Any, answers: dict[str, Any]) -> dict[int, Any]:
    return {question(wave, key).pk: value for key, value in answers.items()}


def test_the_draft_of_an_organisation_is_the_same_for_all_its_admins(
    wave: Any, org_a: Any, org_admin: Any, make_user: Any
) -> None:
    from vamos.organisations.tests.factories import MembershipFactory

    colleague = make_user(email="second-admin@example.org")
    MembershipFactory(user=colleague, organisation=org_a, role="admin")
    first = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    second = services.response_start(wave=wave, actor=colleague, organisation=org_a)
    assert first.pk == second.pk


def test_a_saved_page_is_resumed_where_it_was_left(
    wave: Any, org_a: Any, org_admin: Any, page_one: dict[str, Any]
) -> None:
    draft = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    services.response_save_page(
        response=draft, page=1, values=_values(wave, page_one), actor=org_admin, continue_to=2
    )
    resumed = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    assert resumed.pk == draft.pk
    assert resumed.last_page == 2
    assert response_answers(resumed) == {
        question(wave, "bedarf-strategie").pk: 4,
        question(wave, "hat-personal").pk: "ja",
        question(wave, "personal-anzahl").pk: "12",
    }


def test_a_page_with_one_bad_value_saves_nothing(wave: Any, org_a: Any, org_admin: Any) -> None:
    draft = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    with pytest.raises(ValidationError) as error:
        services.response_save_page(
            response=draft,
            page=1,
            values=_values(
                wave, {"bedarf-strategie": 4, "hat-personal": "ja", "personal-anzahl": "501"}
            ),
            actor=org_admin,
        )
    assert f"q{question(wave, 'personal-anzahl').pk}" in error.value.message_dict
    assert not Answer.objects.filter(response=draft).exists()


@pytest.mark.parametrize(
    ("typed", "stored"), [("1.500", "1500"), ("3,5", "3.5"), (" 12 ", "12"), ("0", "0")]
)
def test_numbers_are_understood_as_people_type_them(
    typed: str, stored: str, org_a: Any, org_admin: Any
) -> None:
    number = QuestionFactory(kind="number", number_min=0, number_max=10000)
    draft = services.response_start(wave=number.wave, actor=org_admin, organisation=org_a)
    services.response_save_page(response=draft, page=1, values={number.pk: typed}, actor=org_admin)
    assert Answer.objects.get(response=draft, question=number).value == stored


def test_an_answer_whose_condition_no_longer_holds_is_removed(
    wave: Any, org_a: Any, org_admin: Any, page_one: dict[str, Any]
) -> None:
    draft = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    services.response_save_page(
        response=draft, page=1, values=_values(wave, page_one), actor=org_admin
    )
    services.response_save_page(
        response=draft,
        page=1,
        values=_values(wave, {**page_one, "hat-personal": "nein"}),
        actor=org_admin,
    )
    assert question(wave, "personal-anzahl").pk not in response_answers(draft)


def test_a_hidden_required_question_does_not_block_submitting(
    wave: Any, org_a: Any, org_admin: Any
) -> None:
    draft = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    services.response_save_page(
        response=draft,
        page=1,
        values=_values(wave, {"bedarf-strategie": 2, "hat-personal": "nein"}),
        actor=org_admin,
    )
    submitted = services.response_submit(response=draft, actor=org_admin)
    assert submitted.status == Response.Status.SUBMITTED


def test_submitting_with_a_required_answer_missing_is_refused(
    wave: Any, org_a: Any, org_admin: Any
) -> None:
    draft = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    services.response_save_page(
        response=draft,
        page=1,
        values=_values(wave, {"bedarf-strategie": 2, "hat-personal": "ja"}),
        actor=org_admin,
    )
    with pytest.raises(ValidationError, match="1"):
        services.response_submit(response=draft, actor=org_admin)
    draft.refresh_from_db()
    assert draft.status == Response.Status.DRAFT
    assert not Participation.objects.exists()


def test_an_organisation_answers_only_once(
    wave: Any, org_a: Any, org_admin: Any, page_one: dict[str, Any]
) -> None:
    draft = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    services.response_save_page(
        response=draft, page=1, values=_values(wave, page_one), actor=org_admin
    )
    services.response_submit(response=draft, actor=org_admin)
    with pytest.raises(ValidationError, match="bereits beantwortet"):
        services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    with pytest.raises(ValidationError):
        services.response_submit(response=draft, actor=org_admin)
    with pytest.raises(ValidationError):
        services.response_save_page(
            response=draft, page=1, values=_values(wave, page_one), actor=org_admin
        )
    assert Participation.objects.filter(wave=wave, organisation=org_a).count() == 1


def test_only_an_admin_answers_for_an_organisation(
    wave: Any, org_a: Any, org_b: Any, member: Any, org_admin: Any
) -> None:
    with pytest.raises(ValidationError) as not_admin:
        services.response_start(wave=wave, actor=member, organisation=org_a)
    assert "organisation" in not_admin.value.message_dict
    with pytest.raises(ValidationError):
        services.response_start(wave=wave, actor=org_admin, organisation=org_b)
    assert not Response.objects.exists()


def test_someone_else_cannot_save_into_a_draft(
    wave: Any, org_a: Any, org_admin: Any, member: Any, page_one: dict[str, Any]
) -> None:
    draft = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    with pytest.raises(ValidationError):
        services.response_save_page(
            response=draft, page=1, values=_values(wave, page_one), actor=member
        )


def test_a_closed_round_takes_no_answers_but_keeps_the_draft(
    wave: Any, org_a: Any, org_admin: Any, page_one: dict[str, Any]
) -> None:
    draft = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
    wave.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    wave.opens_on = wave.closes_on - datetime.timedelta(days=30)
    wave.save()
    for action in (
        lambda: services.response_start(wave=wave, actor=org_admin, organisation=org_a),
        lambda: services.response_save_page(
            response=draft, page=1, values=_values(wave, page_one), actor=org_admin
        ),
        lambda: services.response_submit(response=draft, actor=org_admin),
    ):
        with pytest.raises(ValidationError, match="geschlossen"):
            action()
    assert Response.objects.filter(pk=draft.pk, status=Response.Status.DRAFT).exists()


def test_a_round_not_yet_open_cannot_be_started(org_a: Any, org_admin: Any) -> None:
    wave = WaveFactory(
        opens_on=timezone.localdate() + datetime.timedelta(days=3),
        closes_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    with pytest.raises(ValidationError, match="beginnt"):
        services.response_start(wave=wave, actor=org_admin, organisation=org_a)


def test_an_unpublished_round_cannot_be_answered(org_a: Any, org_admin: Any) -> None:
    wave = WaveFactory(is_published=False)
    with pytest.raises(ValidationError):
        services.response_start(wave=wave, actor=org_admin, organisation=org_a)


def test_a_survey_per_person_gives_each_member_their_own_response(
    org_admin: Any, member: Any, other_member: Any
) -> None:
    survey_question = QuestionFactory(
        section=SectionFactory(wave=WaveFactory(survey__respondent=Survey.Respondent.PERSON))
    )
    wave = survey_question.wave
    mine = services.response_start(wave=wave, actor=member)
    theirs = services.response_start(wave=wave, actor=other_member)
    assert mine.pk != theirs.pk
    assert mine.respondent == member
    assert mine.organisation is None
    services.response_save_page(response=mine, page=1, values={survey_question.pk: 5}, actor=member)
    services.response_submit(response=mine, actor=member)
    with pytest.raises(ValidationError):
        services.response_start(wave=wave, actor=member)


def test_a_person_without_an_organisation_is_not_asked(make_user: Any) -> None:
    wave = WaveFactory(survey__respondent=Survey.Respondent.PERSON)
    with pytest.raises(ValidationError):
        services.response_start(wave=wave, actor=make_user())


def test_the_segment_of_the_organisation_is_kept_with_the_response(
    wave: Any, org_b: Any, make_user: Any
) -> None:
    from vamos.organisations.tests.factories import MembershipFactory

    admin = make_user()
    MembershipFactory(user=admin, organisation=org_b, role="admin")
    draft = services.response_start(wave=wave, actor=admin, organisation=org_b)
    services.response_save_page(
        response=draft,
        page=1,
        values=_values(wave, {"bedarf-strategie": 1, "hat-personal": "nein"}),
        actor=admin,
    )
    submitted = services.response_submit(response=draft, actor=admin)
    assert (submitted.segment_kind, submitted.segment_state) == ("bundesverband", "BE")
    assert submitted.submitted_by == admin

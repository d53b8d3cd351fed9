"""Building surveys: copying rounds, conditions, the structure lock, the competence set."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from vamos.core.models import AuditEntry
from vamos.surveys import services
from vamos.surveys.models import Competence, Question, Survey
from vamos.surveys.tests.factories import QuestionFactory, SurveyFactory, question
from vamos.surveys.tests.scenario import submit_directly

pytestmark = pytest.mark.django_db


def _next_year(wave: Any, team_admin: Any, **kwargs: Any) -> Any:
    return services.wave_create(
        survey=wave.survey,
        actor=team_admin,
        label="2027",
        opens_on=timezone.localdate() + datetime.timedelta(days=300),
        closes_on=timezone.localdate() + datetime.timedelta(days=360),
        **kwargs,
    )


def test_a_new_round_copies_questions_options_tags_and_conditions(
    wave: Any, team_admin: Any
) -> None:
    copy = _next_year(wave, team_admin)
    assert copy.previous == wave
    assert not copy.is_published
    assert list(copy.sections.values_list("title_de", flat=True)) == ["Ihr Verband", "Themen"]
    original = {q.key: q for q in Question.objects.filter(wave=wave)}
    copied = {q.key: q for q in Question.objects.filter(wave=copy)}
    assert copied.keys() == original.keys()
    assert list(copied["hat-personal"].choices.values_list("value", flat=True)) == ["ja", "nein"]
    assert list(copied["bedarf-strategie"].topic_fields.values_list("slug", flat=True)) == [
        "strategie"
    ]
    condition = copied["personal-anzahl"]
    assert condition.condition_question == copied["hat-personal"]
    assert condition.condition_values == ["ja"]
    assert copied["personal-anzahl"].number_max == 500
    assert AuditEntry.objects.filter(action="survey.wave_create").exists()


def test_round_names_are_unique_per_survey_and_dates_in_order(wave: Any, team_admin: Any) -> None:
    with pytest.raises(ValidationError) as error:
        services.wave_create(
            survey=wave.survey,
            actor=team_admin,
            label=wave.label,
            opens_on=timezone.localdate(),
            closes_on=timezone.localdate() - datetime.timedelta(days=1),
        )
    assert set(error.value.message_dict) == {"label", "closes_on"}


def test_the_verbands_check_is_built_from_the_shipped_competences(team_admin: Any) -> None:
    assert Competence.objects.count() == 21
    survey = services.survey_create(
        actor=team_admin,
        data={
            "kind": Survey.Kind.SELF_ASSESSMENT,
            "title_de": "Verbands-Check",
            "respondent": Survey.Respondent.ORGANISATION,
            "anonymous": False,
        },
    )
    wave = services.wave_create(
        survey=survey,
        actor=team_admin,
        label="2026",
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate(),
        start="competences",
    )
    assert wave.sections.count() == 7
    questions = Question.objects.filter(wave=wave)
    assert questions.count() == 21
    assert all(q.kind == "scale" and q.required and q.competence_id for q in questions)


def test_there_is_only_one_verbands_check_and_it_is_never_anonymous(team_admin: Any) -> None:
    data = {
        "kind": Survey.Kind.SELF_ASSESSMENT,
        "title_de": "Check",
        "respondent": Survey.Respondent.ORGANISATION,
        "anonymous": True,
    }
    with pytest.raises(ValidationError) as error:
        services.survey_create(actor=team_admin, data=data)
    assert "anonymous" in error.value.message_dict
    services.survey_create(actor=team_admin, data={**data, "anonymous": False})
    with pytest.raises(ValidationError) as error:
        services.survey_create(actor=team_admin, data={**data, "anonymous": False})
    assert "kind" in error.value.message_dict


def test_once_answers_exist_the_mode_and_structure_are_fixed_but_texts_can_change(
    wave: Any, team_admin: Any, org_a: Any
) -> None:
    submit_directly(wave=wave, organisation=org_a, values={"bedarf-strategie": 3})
    with pytest.raises(ValidationError):
        services.survey_update(survey=wave.survey, actor=team_admin, data={"anonymous": True})
    staff = question(wave, "hat-personal")
    with pytest.raises(ValidationError):
        services.question_delete(question=staff, actor=team_admin)
    with pytest.raises(ValidationError):
        services.question_save(
            wave=wave, actor=team_admin, question=staff, data={"kind": "multiple"}
        )
    with pytest.raises(ValidationError):
        services.question_save(
            wave=wave,
            actor=team_admin,
            question=staff,
            data={},
            choices=[("Ja", "Yes"), ("Nein", "No"), ("Vielleicht", "Maybe")],
        )
    services.question_save(
        wave=wave,
        actor=team_admin,
        question=staff,
        data={"text_de": "Haben Sie bezahlte Mitarbeitende?"},
        choices=[("Ja, haben wir", "Yes"), ("Nein", "No")],
    )
    staff.refresh_from_db()
    assert staff.text_de == "Haben Sie bezahlte Mitarbeitende?"
    assert list(staff.choices.values_list("value", "label_de")) == [
        ("ja", "Ja, haben wir"),
        ("nein", "Nein"),
    ]


def test_a_condition_must_refer_to_an_earlier_question_and_its_answers(
    wave: Any, team_admin: Any
) -> None:
    staff = question(wave, "hat-personal")
    wishes = question(wave, "wuensche")
    with pytest.raises(ValidationError) as error:
        services.question_save(
            wave=wave,
            actor=team_admin,
            question=wishes,
            data={"condition_question": staff, "condition_values": ["vielleicht"]},
        )
    assert "condition_values" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.question_save(
            wave=wave,
            actor=team_admin,
            question=staff,
            data={"condition_question": wishes, "condition_values": ["x"]},
        )
    assert "condition_question" in error.value.message_dict
    with pytest.raises(ValidationError, match="danach"):
        services.question_save(
            wave=wave,
            actor=team_admin,
            question=staff,
            data={"condition_question": question(wave, "formate"), "condition_values": ["webinar"]},
        )


def test_moving_a_question_above_the_one_it_depends_on_is_refused(
    wave: Any, team_admin: Any
) -> None:
    with pytest.raises(ValidationError):
        services.question_move(
            question=question(wave, "personal-anzahl"), actor=team_admin, direction="up"
        )
    services.question_move(question=question(wave, "formate"), actor=team_admin, direction="up")
    assert question(wave, "formate").position == 1


def test_a_new_choice_question_needs_two_distinct_options(wave: Any, team_admin: Any) -> None:
    section = wave.sections.first()
    for choices in ([("Ja", "Yes")], [("Ja", "Yes"), ("ja", "yes")]):
        with pytest.raises(ValidationError) as error:
            services.question_save(
                wave=wave,
                actor=team_admin,
                data={"section": section, "kind": "single", "text_de": "Passt das?"},
                choices=choices,
            )
        assert "choices" in error.value.message_dict
    created = services.question_save(
        wave=wave,
        actor=team_admin,
        data={"section": section, "kind": "single", "text_de": "Passt das?"},
        choices=[("Ja", "Yes"), ("Nein", "No")],
    )
    assert created.key == "passt-das"
    assert list(created.choices.values_list("value", flat=True)) == ["ja", "nein"]


def test_publishing_needs_a_question_and_stays_once_answered(
    team_admin: Any, wave: Any, org_a: Any
) -> None:
    empty = services.wave_create(
        survey=SurveyFactory(),
        actor=team_admin,
        label="2026",
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate(),
        start="empty",
    )
    data = {
        "label": "2026",
        "opens_on": empty.opens_on,
        "closes_on": empty.closes_on,
        "audience": "all",
        "is_published": True,
    }
    with pytest.raises(ValidationError):
        services.wave_update(wave=empty, actor=team_admin, data=data)
    QuestionFactory(section__wave=empty)
    assert services.wave_update(wave=empty, actor=team_admin, data=data).is_published
    submit_directly(wave=wave, organisation=org_a, values={})
    with pytest.raises(ValidationError):
        services.wave_update(wave=wave, actor=team_admin, data={"is_published": False})

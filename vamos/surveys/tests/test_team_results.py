"""The team's result pages: cached under data versions, rebuilt after every write, and the
same size for 10 or 1,000 responses."""

import re
from typing import Any

import pytest
from django.urls import reverse

from vamos.accounts.services import user_delete
from vamos.surveys import services, team_views
from vamos.surveys.models import Question, Survey, Wave
from vamos.surveys.selectors.team_results import (
    TEXT_PREVIEW,
    feedback_summary,
    heatmap_summary,
    identified_responses,
    rates_summary,
    results_summary,
    status_page,
    text_answers,
)
from vamos.surveys.tests.factories import (
    TOPIC_SLUGS,
    QuestionFactory,
    SectionFactory,
    WaveFactory,
    question,
)
from vamos.surveys.tests.scenario import other_organisations, submit_directly

pytestmark = pytest.mark.django_db


def _by_key(wave: Wave, key: str) -> Any:
    target = question(wave, key)
    return next(q for q in results_summary(wave=wave).questions if q.pk == target.pk)


def _values(wave: Wave, answers: dict[str, Any]) -> dict[int, Any]:
    return {question(wave, key).pk: value for key, value in answers.items()}


# Writes through the services must reach the cached values. The versions are written when
# the transaction commits: these tests run the writes inside
# django_capture_on_commit_callbacks(execute=True).
committing = pytest.mark.django_db


@committing
def test_every_team_figure_is_rebuilt_when_a_response_is_submitted(
    wave: Wave,
    org_a: Any,
    org_admin: Any,
    team_admin: Any,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
    django_assert_num_queries: Any,
) -> None:
    first = other_organisations(1)[0]
    submit_directly(
        wave=wave,
        organisation=first,
        values={"bedarf-strategie": 2, "hat-personal": "nein", "wuensche": "Mehr Webinare"},
    )
    wuensche = question(wave, "wuensche").pk
    before = results_summary(wave=wave)
    assert before.responses == 1
    with django_assert_num_queries(1):  # only the data versions: the results are cached
        assert results_summary(wave=wave).build == before.build
    texts_before = text_answers(wave=wave, question_pk=wuensche)
    rows_before = identified_responses(wave=wave, page=1)
    heatmap_before = heatmap_summary(wave=wave, by="kind")
    rates_before = rates_summary(wave=wave)
    status_before = status_page(wave=wave, number=1, per_page=25)
    client = client_for(team_admin)
    url = reverse("surveys:wave-results", kwargs={"pk": wave.pk})
    assert "Abendtermine" not in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        draft = services.response_start(wave=wave, actor=org_admin, organisation=org_a)
        page_one = {"bedarf-strategie": 5, "hat-personal": "nein"}
        services.response_save_page(
            response=draft, page=1, values=_values(wave, page_one), actor=org_admin
        )
        services.response_save_page(
            response=draft,
            page=2,
            values=_values(wave, {"ranking": TOPIC_SLUGS, "wuensche": "Abendtermine"}),
            actor=org_admin,
        )
        services.response_submit(response=draft, actor=org_admin)

    after = results_summary(wave=wave)
    assert after.responses == 2
    assert [bar.count for bar in _by_key(wave, "bedarf-strategie").bars] == [0, 1, 0, 0, 1]
    assert [t.text for t in text_answers(wave=wave, question_pk=wuensche).texts] == [
        "Abendtermine",
        "Mehr Webinare",
    ]
    assert len(texts_before.texts) == 1  # type: ignore[union-attr]
    assert {row.name for row in identified_responses(wave=wave, page=1).rows} == {
        org_a.name,
        first.name,
    }
    assert len(rows_before.rows) == 1
    assert heatmap_summary(wave=wave, by="kind").responses == heatmap_before.responses + 1
    assert rates_summary(wave=wave).rate.submitted == rates_before.rate.submitted + 1
    submitted = [row.has_submitted for row in status_page(wave=wave, number=1, per_page=25).rows]
    assert submitted.count(True) == [r.has_submitted for r in status_before.rows].count(True) + 1
    html = client.get(url).content.decode()
    assert "Abendtermine" in html and org_a.name in html


@committing
def test_the_answers_of_a_deleted_account_leave_the_results(
    make_user: Any,
    org_a: Any,
    member: Any,
    team_admin: Any,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    wave = WaveFactory(survey__respondent=Survey.Respondent.PERSON)
    section = SectionFactory(wave=wave)
    wish = QuestionFactory(section=section, key="wunsch", kind=Question.Kind.LONG_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        draft = services.response_start(wave=wave, actor=member)
        services.response_save_page(
            response=draft, page=1, values={wish.pk: "Kinderbetreuung"}, actor=member
        )
        services.response_submit(response=draft, actor=member)
    assert [t.text for t in _by_key(wave, "wunsch").texts] == ["Kinderbetreuung"]
    assert [row.name for row in identified_responses(wave=wave, page=1).rows] == [
        member.display_name
    ]

    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=member)

    assert _by_key(wave, "wunsch").texts == []
    assert results_summary(wave=wave).responses == 1
    assert [row.name for row in identified_responses(wave=wave, page=1).rows] == [
        "Gelöschtes Konto"
    ]
    html = client_for(team_admin).get(reverse("surveys:wave-results", kwargs={"pk": wave.pk}))
    assert "Kinderbetreuung" not in html.content.decode()


@committing
def test_the_feedback_overview_follows_new_feedback_forms(
    org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    before = sum(summary.forms for summary in feedback_summary().by_kind)
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_form_create(event=org_a)
    assert sum(summary.forms for summary in feedback_summary().by_kind) == before + 1


def _texts(count: int, wave: Wave) -> list[str]:
    texts = [f"Wunsch {n:02d}" for n in range(1, count + 1)]
    for organisation, text in zip(other_organisations(count), texts, strict=True):
        submit_directly(wave=wave, organisation=organisation, values={"wuensche": text})
    return texts


def test_the_results_page_shows_the_first_free_texts_and_links_to_all(
    wave: Wave,
    team_admin: Any,
    client_for: Any,
    monkeypatch: pytest.MonkeyPatch,
    django_assert_max_num_queries: Any,
) -> None:
    texts = _texts(TEXT_PREVIEW + 3, wave)
    client = client_for(team_admin)
    html = client.get(
        reverse("surveys:wave-results", kwargs={"pk": wave.pk}), {"kind": ""}
    ).content.decode()
    shown = re.findall(r"<li>(Wunsch \d+)", html)
    assert shown == texts[:TEXT_PREVIEW]
    wish = question(wave, "wuensche")
    more = reverse("surveys:wave-text-answers", kwargs={"pk": wave.pk, "question_pk": wish.pk})
    assert f'href="{more}?kind="' in html
    assert f"Alle {len(texts)} Antworten lesen" in html

    monkeypatch.setattr(team_views, "TEXTS_PER_PAGE", 5)
    with django_assert_max_num_queries(14):
        second = client.get(more, {"seite": 2}).content.decode()
    assert re.findall(r"<li>(Wunsch \d+)", second) == texts[5:]
    assert 'start="6"' in second
    assert "Seite 2 von 2" in second


def test_the_text_answers_page_hides_small_anonymous_groups_and_other_questions(
    make_user: Any, team_admin: Any, org_admin: Any, client_for: Any
) -> None:
    wave = WaveFactory(survey__anonymous=True, survey__respondent=Survey.Respondent.PERSON)
    section = SectionFactory(wave=wave)
    wish = QuestionFactory(section=section, key="wunsch", kind=Question.Kind.LONG_TEXT)
    scale = QuestionFactory(section=section, key="zufrieden")
    for _n in range(4):
        submit_directly(wave=wave, organisation=None, person=make_user(), values={"wunsch": "Ja"})
    client = client_for(team_admin)
    url = reverse("surveys:wave-text-answers", kwargs={"pk": wave.pk, "question_pk": wish.pk})
    html = client.get(url).content.decode()
    assert "Ja</li>" not in html
    assert "zum Schutz der Anonymität ausgeblendet" in html
    scale_url = reverse(
        "surveys:wave-text-answers", kwargs={"pk": wave.pk, "question_pk": scale.pk}
    )
    assert client.get(scale_url).status_code == 404
    assert client_for(org_admin).get(url).status_code == 404

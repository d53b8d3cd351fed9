"""Pages for respondents: answering in the browser's way (forms, buttons, messages)."""

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from vamos.surveys.models import Participation, Response
from vamos.surveys.services import response_start
from vamos.surveys.tests.factories import question

pytestmark = pytest.mark.django_db


def _page_url(response: Response, page: int) -> str:
    return reverse("surveys:page", kwargs={"pk": response.pk, "page": page})


def test_starting_from_the_round_page_opens_the_first_page(
    wave: Any, org_a: Any, org_admin: Any, client_for: Any
) -> None:
    client = client_for(org_admin)
    url = reverse("surveys:wave", kwargs={"pk": wave.pk})
    page = client.get(url)
    assert org_a.name in page.content.decode()
    started = client.post(url, {"organisation": org_a.pk})
    draft = Response.objects.get(wave=wave, organisation=org_a)
    assert started.headers["Location"] == _page_url(draft, 1)


def test_answering_for_an_organisation_one_does_not_administer_is_explained(
    wave: Any, org_a: Any, org_b: Any, org_admin: Any, member: Any, client_for: Any
) -> None:
    url = reverse("surveys:wave", kwargs={"pk": wave.pk})
    page = client_for(org_admin).post(url, {"organisation": org_b.pk})
    assert page.status_code == 200
    assert "deren Ansprechperson Sie sind" in page.content.decode()
    page = client_for(member).post(url, {"organisation": org_a.pk})
    assert "deren Ansprechperson Sie sind" in page.content.decode()
    assert not Response.objects.exists()


def test_bad_input_is_shown_next_to_the_field_and_kept(
    wave: Any, org_a: Any, org_admin: Any, client_for: Any
) -> None:
    draft = response_start(wave=wave, actor=org_admin, organisation=org_a)
    number = question(wave, "personal-anzahl")
    staff = question(wave, "hat-personal")
    page = client_for(org_admin).post(
        _page_url(draft, 1),
        {f"q{staff.pk}": "ja", f"q{number.pk}": "viele", "action": "next"},
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "data-error-summary" in html
    assert "Bitte geben Sie eine Zahl ein" in html
    assert "Bitte beantworten Sie diese Frage." in html  # the required scale
    assert 'value="viele"' in html
    assert not draft.answers.exists()


def test_saving_a_draft_does_not_demand_required_answers(
    wave: Any, org_a: Any, org_admin: Any, client_for: Any
) -> None:
    draft = response_start(wave=wave, actor=org_admin, organisation=org_a)
    scale = question(wave, "bedarf-strategie")
    response = client_for(org_admin).post(
        _page_url(draft, 1), {f"q{scale.pk}": "2", "action": "save"}, follow=True
    )
    assert "Ihr Entwurf ist gespeichert" in response.content.decode()
    assert draft.answers.get().value == 2


def test_next_goes_to_the_following_page_and_the_last_to_the_review(
    wave: Any, org_a: Any, org_admin: Any, client_for: Any
) -> None:
    client = client_for(org_admin)
    draft = response_start(wave=wave, actor=org_admin, organisation=org_a)
    data = {
        f"q{question(wave, 'bedarf-strategie').pk}": "4",
        f"q{question(wave, 'hat-personal').pk}": "nein",
        "action": "next",
    }
    assert client.post(_page_url(draft, 1), data).headers["Location"] == _page_url(draft, 2)
    to_review = client.post(_page_url(draft, 2), {"action": "next"})
    assert to_review.headers["Location"] == reverse("surveys:review", kwargs={"pk": draft.pk})
    back = client.post(_page_url(draft, 2), {"action": "back"})
    assert back.headers["Location"] == _page_url(draft, 1)


def test_review_lists_missing_answers_and_submitting_leads_to_the_copy(
    wave: Any, org_a: Any, org_admin: Any, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core import mail

    client = client_for(org_admin)
    draft = response_start(wave=wave, actor=org_admin, organisation=org_a)
    review = reverse("surveys:review", kwargs={"pk": draft.pk})
    failed = client.post(review)
    assert "Die Antworten konnten nicht eingereicht werden" in failed.content.decode()
    assert f"{_page_url(draft, 1)}#question-{question(wave, 'hat-personal').pk}" in (
        failed.content.decode()
    )
    client.post(
        _page_url(draft, 1),
        {
            f"q{question(wave, 'bedarf-strategie').pk}": "4",
            f"q{question(wave, 'hat-personal').pk}": "nein",
            "action": "next",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(review)
    assert done.headers["Location"] == reverse("surveys:response", kwargs={"pk": draft.pk})
    assert [m.to for m in mail.outbox] == [[org_admin.email]]
    copy = client.get(done.headers["Location"]).content.decode()
    assert "Kopie zum Lesen" in copy
    # The submitted answers can no longer be edited.
    again = client.get(_page_url(draft, 1))
    assert again.headers["Location"] == reverse("surveys:response", kwargs={"pk": draft.pk})


def test_a_closed_round_explains_itself(
    wave: Any, org_a: Any, org_admin: Any, client_for: Any
) -> None:
    draft = response_start(wave=wave, actor=org_admin, organisation=org_a)
    wave.opens_on = timezone.localdate() - datetime.timedelta(days=30)
    wave.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    wave.save()
    page = client_for(org_admin).get(_page_url(draft, 1))
    assert page.status_code == 200
    assert "Antworten können nicht mehr gegeben oder geändert werden" in page.content.decode()
    posted = client_for(org_admin).post(_page_url(draft, 1), {"action": "save"})
    assert posted.status_code == 200
    assert not Participation.objects.exists()


def test_the_anonymous_thank_you_page_shows_the_answers_once(
    org_admin: Any, member: Any, client_for: Any
) -> None:
    from vamos.surveys.models import Survey
    from vamos.surveys.tests.factories import QuestionFactory, SectionFactory, WaveFactory

    wave = WaveFactory(survey__respondent=Survey.Respondent.PERSON, survey__anonymous=True)
    text = QuestionFactory(section=SectionFactory(wave=wave), kind="long_text")
    client = client_for(member)
    draft = response_start(wave=wave, actor=member)
    client.post(_page_url(draft, 1), {f"q{text.pk}": "Sehr hilfreich", "action": "next"})
    thanks = client.post(reverse("surveys:review", kwargs={"pk": draft.pk}))
    assert thanks.status_code == 200
    assert "Sehr hilfreich" in thanks.content.decode()
    assert client.get(reverse("surveys:response", kwargs={"pk": draft.pk})).status_code == 404


def test_starting_a_closed_round_says_so(
    wave: Any, org_a: Any, org_admin: Any, client_for: Any
) -> None:
    wave.opens_on = timezone.localdate() - datetime.timedelta(days=30)
    wave.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    wave.save()
    page = client_for(org_admin).post(
        reverse("surveys:wave", kwargs={"pk": wave.pk}), {"organisation": org_a.pk}
    )
    assert page.status_code == 200
    assert "data-error-summary" in page.content.decode()
    assert "Antworten können nicht mehr gegeben oder geändert werden" in page.content.decode()
    assert not Response.objects.exists()

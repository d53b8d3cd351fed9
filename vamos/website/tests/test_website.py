import time
from typing import Any

import pytest
from django.core import mail, signing
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from vamos.core import spam
from vamos.website.models import ContactPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/ueber-das-programm/",
        "/themenfelder/",
        "/themenfelder/finanzierung/",
        "/aktuelles/",
        "/aktuelles/bedarfserhebung-2027/",
        "/kontakt/",
        "/impressum/",
        "/datenschutzerklaerung/",
        "/barrierefreiheit/",
        "/en/",
        "/en/about-the-programme/",
        "/en/topic-fields/funding/",
        "/en/topic-fields/finanzierung/",
        "/en/news/",
        "/en/contact/",
    ],
)
def test_public_pages_answer_in_both_languages(client: Any, site_pages: None, path: str) -> None:
    expected = 404 if path == "/en/topic-fields/funding/" else 200
    assert client.get(path).status_code == expected


def test_topic_field_page_shows_its_description_in_the_language(
    client: Any, site_pages: None
) -> None:
    german = client.get("/themenfelder/finanzierung/").content.decode()
    english = client.get("/en/topic-fields/finanzierung/").content.decode()
    assert "Fördermittel" in german
    assert "Grants, donations" in english


def test_legal_pages_have_stable_addresses(client: Any, site_pages: None) -> None:
    assert client.get("/rechtliches/datenschutz/")["Location"] == "/datenschutzerklaerung/"
    assert client.get("/en/rechtliches/datenschutz/")["Location"] == "/en/privacy/"
    footer = client.get("/").content.decode()
    for title in ("Impressum", "Datenschutzerklärung", "Erklärung zur Barrierefreiheit"):
        assert title in footer


def _contact_data(page: ContactPage, started: float, **extra: str) -> dict[str, str]:
    data = {
        field.clean_name: "Leyla" if field.field_type != "email" else "leyla@example.org"
        for field in page.form_fields.all()
    }
    data[spam.STARTED] = signing.dumps(started, salt="vamos.core.spam")
    data.update(extra)
    return data


def test_contact_message_reaches_the_team_by_email(
    client: Any, site_pages: None, django_capture_on_commit_callbacks: Any
) -> None:
    page = ContactPage.objects.get(locale__language_code="de")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kontakt/", _contact_data(page, time.time() - 10))
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1
    (message,) = mail.outbox
    assert message.to == ["team@vamos.test"]
    assert message.reply_to == ["leyla@example.org"]
    assert spam.HONEYPOT not in FormSubmission.objects.get().form_data


@pytest.mark.parametrize(
    "trap",
    [{"started_offset": 0}, {"started_offset": 10, spam.HONEYPOT: "http://spam.example"}],
)
def test_bots_are_kept_out_without_a_captcha(
    client: Any, site_pages: None, django_capture_on_commit_callbacks: Any, trap: dict
) -> None:
    page = ContactPage.objects.get(locale__language_code="de")
    offset = trap.pop("started_offset")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/kontakt/", _contact_data(page, time.time() - offset, **trap))
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_contact_form_is_rate_limited(client: Any, site_pages: None) -> None:
    cache.clear()
    page = ContactPage.objects.get(locale__language_code="de")
    statuses = [
        client.post("/kontakt/", _contact_data(page, time.time() - 10)).status_code
        for _attempt in range(6)
    ]
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429
    assert FormSubmission.objects.count() == 5


def test_contact_form_keeps_input_on_error(client: Any, site_pages: None) -> None:
    page = ContactPage.objects.get(locale__language_code="de")
    data = _contact_data(page, time.time() - 10)
    email_field = next(f.clean_name for f in page.form_fields.all() if f.field_type == "email")
    data[email_field] = "keine-adresse"
    response = client.post("/kontakt/", data)
    content = response.content.decode()
    assert "data-error-summary" in content
    assert 'value="keine-adresse"' in content
    assert FormSubmission.objects.count() == 0


def test_cached_home_page_shows_a_news_article_once_it_is_published(
    client: Any, site_pages: None, django_capture_on_commit_callbacks: Any
) -> None:
    import datetime

    from vamos.website.models import NewsArticlePage, NewsIndexPage

    assert "Neue Lernmodule zur Satzung" not in client.get("/").content.decode()
    news = NewsIndexPage.objects.get(locale__language_code="de")
    article = NewsArticlePage(
        title="Neue Lernmodule zur Satzung",
        slug="neue-lernmodule-satzung",
        date=datetime.date.today() + datetime.timedelta(days=1),
        intro="Drei neue Module.",
        live=False,
    )
    news.add_child(instance=article)
    assert "Neue Lernmodule zur Satzung" not in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert "Neue Lernmodule zur Satzung" in client.get("/").content.decode()
    article.refresh_from_db()  # publishing went through a copy from the revision
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert "Neue Lernmodule zur Satzung" not in client.get("/").content.decode()


def test_cached_menu_shows_a_new_page_once_it_is_published(
    client: Any, site_pages: None, django_capture_on_commit_callbacks: Any
) -> None:
    from vamos.website.models import HomePage, StandardPage

    assert "Förderprogramme im Überblick" not in client.get("/").content.decode()
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(title="Förderprogramme im Überblick", slug="foerderprogramme")
    page.show_in_menus = True
    home.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "Förderprogramme im Überblick" in client.get("/impressum/").content.decode()

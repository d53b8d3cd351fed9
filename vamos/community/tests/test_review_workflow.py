"""Draft → submitted → returned with comments → revised → published (members or public)."""

from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from vamos.community import services
from vamos.community.models import BestPractice, BestPracticeAnnouncement, ReviewNote
from vamos.community.models import TopicSubscription as Sub
from vamos.core.models import AuditEntry

from .factories import BestPracticeFactory, topic_field

pytestmark = pytest.mark.django_db

S = BestPractice.Status


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Ehrenamtliche über WhatsApp gewinnen",
        "summary": "Sprachnachrichten statt Flyer.",
        "topic_fields": [topic_field("mitgliedermanagement").pk],
        "challenge": "Niemand las unsere Flyer.",
        "approach": "- Gruppen pro Schule\n- Sprachnachrichten",
        "result": "120 neue Ehrenamtliche.",
        "lessons_learned": "",
        "contact_role": "Koordination",
        "presented_at": "",
        "presented_on": "",
        "intent": "submit",
    }
    data.update(overrides)
    return data


def test_member_submits_a_complete_best_practice_and_the_team_is_told(
    client_for: Any, member: Any, org_a: Any, editor: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:create"), _form(contact_person=member.pk, public_consent="on")
        )
    practice = BestPractice.objects.get()
    assert response.status_code == 302
    assert practice.status == S.SUBMITTED
    assert practice.organisation == org_a and practice.author == member
    assert practice.public_consent and practice.public_consent_by == member
    assert list(practice.review_notes.values_list("action", flat=True)) == ["submitted"]
    assert [m.to for m in mail.outbox] == [["team@vamos.test"]]
    queue = client_for(editor).get(reverse("community:review-queue"))
    assert practice.title in queue.content.decode()


def test_submitting_an_incomplete_entry_saves_nothing_and_names_every_gap(
    client_for: Any, member: Any, org_a: Any
) -> None:
    response = client_for(member).post(
        reverse("community:create"),
        _form(summary="", challenge="  ", topic_fields=[], title="Mein Titel"),
    )
    assert response.status_code == 200
    assert not BestPractice.objects.exists()
    form = response.context["form"]
    assert set(form.errors) == {"summary", "challenge", "topic_fields", "contact_person"}
    body = response.content.decode()
    assert 'value="Mein Titel"' in body
    assert "Bitte beschreiben Sie die Herausforderung." in body
    assert "data-error-summary" in body


def test_a_draft_needs_only_a_title(client_for: Any, member: Any, org_a: Any) -> None:
    client = client_for(member)
    response = client.post(reverse("community:create"), {"title": "", "intent": "draft"})
    assert response.status_code == 200
    assert response.context["form"].errors["title"] == [
        "Bitte geben Sie dem Praxisbeispiel einen Titel."
    ]
    response = client.post(reverse("community:create"), {"title": "Erste Idee", "intent": "draft"})
    practice = BestPractice.objects.get()
    assert response.status_code == 302
    assert (practice.status, practice.contact_person) == (S.DRAFT, member)


def test_submit_button_refuses_an_incomplete_draft(
    client_for: Any, member: Any, org_a: Any
) -> None:
    practice = BestPracticeFactory(organisation=org_a, author=member, summary="")
    response = client_for(member).post(reverse("community:submit", args=[practice.pk]), follow=True)
    practice.refresh_from_db()
    assert practice.status == S.DRAFT
    assert "kann noch nicht eingereicht werden" in response.content.decode()


def test_editor_returns_with_comments_and_the_author_reads_them_in_english(
    client_for: Any,
    other_member: Any,
    org_b: Any,
    editor: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    other_member.language = "en"
    other_member.save()
    practice = BestPracticeFactory(organisation=org_b, author=other_member, submitted=True)
    client = client_for(editor)
    response = client.post(
        reverse("community:review", args=[practice.pk]), {"decision": "return", "message": ""}
    )
    assert response.status_code == 200
    assert "message" in response.context["form"].errors
    practice.refresh_from_db()
    assert practice.status == S.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("community:review", args=[practice.pk]),
            {"decision": "return", "visibility": "members", "message": "Bitte Zahlen ergänzen."},
        )
    practice.refresh_from_db()
    assert practice.status == S.RETURNED
    note = practice.review_notes.first()
    assert (note.action, note.message, note.author) == (
        "returned",
        "Bitte Zahlen ergänzen.",
        editor,
    )
    assert AuditEntry.objects.filter(action="best_practice.return", actor=editor).exists()
    [email] = mail.outbox
    assert email.to == [other_member.email]
    assert email.subject.startswith("Please revise your best practice")
    assert "Bitte Zahlen ergänzen." in email.body
    page = client_for(other_member).get(reverse("community:detail", args=[practice.pk]))
    assert "Bitte Zahlen ergänzen." in page.content.decode()


def test_public_publication_needs_the_organisations_consent(
    client_for: Any, member: Any, org_a: Any, editor: Any, client: Any
) -> None:
    practice = BestPracticeFactory(organisation=org_a, author=member, submitted=True)
    url = reverse("community:review", args=[practice.pk])
    response = client_for(editor).post(url, {"decision": "publish", "visibility": "public"})
    assert response.status_code == 200
    assert "visibility" in response.context["form"].errors
    practice.refresh_from_db()
    assert practice.status == S.SUBMITTED

    client_for(editor).post(url, {"decision": "publish", "visibility": "members"})
    practice.refresh_from_db()
    assert (practice.status, practice.visibility) == (S.PUBLISHED, "members")
    assert client.get(reverse("community:detail", args=[practice.pk])).status_code == 404


def test_revised_entry_is_published_publicly_and_visitors_find_it(
    client_for: Any, member: Any, org_a: Any, editor: Any, client: Any
) -> None:
    practice = BestPracticeFactory(organisation=org_a, author=member, submitted=True)
    services.best_practice_return(practice=practice, actor=editor, message="Genauer, bitte.")
    response = client_for(member).post(
        reverse("community:edit", args=[practice.pk]),
        _form(title=practice.title, contact_person=member.pk, public_consent="on"),
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == S.SUBMITTED and practice.public_consent
    client_for(editor).post(
        reverse("community:review", args=[practice.pk]),
        {"decision": "publish", "visibility": "public", "message": "Danke!"},
    )
    practice.refresh_from_db()
    assert practice.is_public and practice.reviewed_by == editor
    actions = list(practice.review_notes.order_by("created_at").values_list("action", flat=True))
    assert actions == ["returned", "submitted", "published"]
    assert practice.title in client.get(reverse("community:library")).content.decode()
    assert client.get(reverse("community:detail", args=[practice.pk])).status_code == 200


def test_withdrawing_a_published_entry_takes_it_offline(
    client_for: Any, member: Any, org_a: Any, client: Any
) -> None:
    practice = BestPracticeFactory(organisation=org_a, author=member, public=True)
    client_for(member).post(reverse("community:withdraw", args=[practice.pk]))
    practice.refresh_from_db()
    assert practice.status == S.DRAFT
    assert client.get(reverse("community:detail", args=[practice.pk])).status_code == 404


def test_the_organisation_cannot_edit_an_entry_in_review_but_the_editor_corrects_it_logged(
    client_for: Any, member: Any, org_a: Any, editor: Any
) -> None:
    practice = BestPracticeFactory(organisation=org_a, author=member, submitted=True)
    url = reverse("community:edit", args=[practice.pk])
    assert client_for(member).get(url).status_code == 404
    response = client_for(editor).post(
        url, _form(title="Korrigierter Titel", contact_person=member.pk, intent="draft")
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title == "Korrigierter Titel" and practice.status == S.SUBMITTED
    entry = AuditEntry.objects.get(action="best_practice.edit_by_team")
    assert entry.actor == editor and "title" in entry.data["fields"]


def test_first_publication_announces_once_to_subscribers_outside_the_organisation(
    member: Any,
    org_a: Any,
    org_admin: Any,
    other_member: Any,
    editor: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    funding = topic_field("finanzierung")
    for person in (other_member, org_admin):
        Sub.objects.create(user=person, topic_field=funding, level=Sub.Level.ALL)
    practice = BestPracticeFactory(organisation=org_a, author=member, submitted=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.best_practice_publish(practice=practice, actor=editor, visibility="members")
    announced = [m for m in mail.outbox if "Neues Praxisbeispiel" in m.subject]
    assert [m.to for m in announced] == [[other_member.email]]
    services.best_practice_withdraw(practice=practice, actor=member)
    services.best_practice_submit(practice=practice, actor=member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.best_practice_publish(practice=practice, actor=editor, visibility="members")
    assert not [m for m in mail.outbox if "Neues Praxisbeispiel" in m.subject]
    assert BestPracticeAnnouncement.objects.count() == 1


def test_deleting_a_draft_removes_its_files(
    member: Any, org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    practice = BestPracticeFactory(organisation=org_a, author=member)
    resource = services.resource_add_file(
        practice=practice,
        actor=member,
        title="Checkliste",
        upload=SimpleUploadedFile("liste.txt", b"Punkt 1\nPunkt 2\n"),
    )
    path = resource.file.path
    with django_capture_on_commit_callbacks(execute=True):
        services.best_practice_delete(practice=practice, actor=member)
    assert not BestPractice.objects.exists()
    assert ReviewNote.objects.count() == 0
    assert AuditEntry.objects.filter(action="best_practice.delete").exists()
    assert not Path(path).exists()

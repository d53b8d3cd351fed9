"""Useful marks, comments and answers, reports and moderation."""

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from vamos.community import services
from vamos.community.models import Comment, CommentReport, NotificationSettings, Reaction
from vamos.core.models import AuditEntry

from .factories import BestPracticeFactory, CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(org_b: Any, other_member: Any) -> Any:
    return BestPracticeFactory(organisation=org_b, author=other_member, public=True)


def test_useful_is_one_mark_per_person_and_can_be_taken_back(
    practice: Any, client_for: Any, member: Any
) -> None:
    client = client_for(member)
    url = reverse("community:react", args=[practice.pk])
    client.post(url)
    client.post(url)
    assert Reaction.objects.count() == 0
    response = client.post(url, headers={"HX-Request": "true"})
    assert Reaction.objects.filter(user=member).count() == 1
    body = response.content.decode()
    assert 'aria-pressed="true"' in body
    assert "1 Person fand das hilfreich" in body
    assert 'hx-swap-oob="innerHTML"' in body
    assert "<html" not in body


def test_the_organisation_cannot_mark_its_own_entry_useful(
    practice: Any, client_for: Any, other_member: Any
) -> None:
    response = client_for(other_member).post(reverse("community:react", args=[practice.pk]))
    assert response.status_code == 404
    assert not Reaction.objects.exists()


def test_a_question_notifies_the_authoring_organisation(
    practice: Any,
    client_for: Any,
    member: Any,
    other_member: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(member).post(
            reverse("community:comment", args=[practice.pk]),
            {"body": "Wie habt ihr <b>angefangen</b>?"},
        )
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#kommentar-{comment.pk}")
    [email] = mail.outbox
    assert email.to == [other_member.email]
    assert "Wie habt ihr <b>angefangen</b>?" in email.body
    page = client_for(member).get(reverse("community:detail", args=[practice.pk])).content.decode()
    assert "&lt;b&gt;angefangen&lt;/b&gt;" in page


def test_an_empty_comment_is_refused_next_to_the_field(
    practice: Any, client_for: Any, member: Any
) -> None:
    response = client_for(member).post(
        reverse("community:comment", args=[practice.pk]), {"body": "   "}
    )
    assert response.status_code == 200
    assert "body" in response.context["comment_form"].errors
    assert not Comment.objects.exists()


def test_an_answer_notifies_the_person_asked_unless_they_chose_the_digest(
    practice: Any,
    member: Any,
    org_admin: Any,
    other_member: Any,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    question = CommentFactory(best_practice=practice, author=member)
    NotificationSettings.objects.create(user=other_member, organisation_activity="off")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(org_admin).post(
            reverse("community:comment", args=[practice.pk]),
            {"body": "Das würde mich auch interessieren.", "parent": question.pk},
        )
    reply = Comment.objects.get(parent=question)
    assert reply.author == org_admin
    assert [m.to for m in mail.outbox] == [[member.email]]
    mail.outbox.clear()
    NotificationSettings.objects.create(user=member, replies="digest")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(practice=practice, author=other_member, body="Gern!", parent=reply)
    assert mail.outbox == []
    # Answers to answers stay one level deep.
    assert Comment.objects.filter(parent=question).count() == 2


def test_a_report_reaches_the_team_once_and_cannot_be_repeated(
    practice: Any,
    member: Any,
    client_for: Any,
    org_admin: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    comment = CommentFactory(best_practice=practice, author=member, body="Kauft unsere Kekse!")
    url = reverse("community:comment-report", args=[comment.pk])
    response = client_for(org_admin).post(url, {"reason": ""})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        client_for(org_admin).post(url, {"reason": "spam", "note": "Werbung"})
    assert [m.to for m in mail.outbox] == [["team@vamos.test"]]
    assert client_for(org_admin).get(url).status_code == 404
    assert client_for(member).get(url).status_code == 404  # nobody reports themselves


def test_the_team_hides_a_reported_comment_with_a_reason_and_the_author_learns_why(
    practice: Any,
    member: Any,
    org_admin: Any,
    editor: Any,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    comment = CommentFactory(best_practice=practice, author=member, body="Kauft unsere Kekse!")
    CommentReport.objects.create(comment=comment, reporter=org_admin, reason="spam")
    client = client_for(editor)
    assert comment in client.get(reverse("community:moderation")).context["page_obj"]
    url = reverse("community:moderate", args=[comment.pk])
    response = client.post(url, {"action": "hide", "reason": ""})
    assert response.status_code == 200
    assert response.context["failed_form"].errors["reason"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "hide", "reason": "Werbung ist hier nicht erlaubt."})
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_by == editor
    report = CommentReport.objects.get()
    assert (report.resolution, report.resolved_by) == ("hidden", editor)
    [email] = mail.outbox
    assert email.to == [member.email] and "Werbung ist hier nicht erlaubt." in email.body
    assert AuditEntry.objects.filter(action="comment.hide", actor=editor).exists()
    page = client_for(org_admin).get(reverse("community:detail", args=[practice.pk]))
    body = page.content.decode()
    assert "Kekse" not in body and "Von der Moderation ausgeblendet." in body
    assert list(client.get(reverse("community:moderation")).context["page_obj"]) == []

    client.post(url, {"action": "restore"})
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert AuditEntry.objects.filter(action="comment.restore").exists()


def test_dismissing_reports_keeps_the_comment(
    practice: Any, member: Any, org_admin: Any, editor: Any, client_for: Any
) -> None:
    comment = CommentFactory(best_practice=practice, author=member)
    CommentReport.objects.create(comment=comment, reporter=org_admin, reason="other")
    client_for(editor).post(reverse("community:moderate", args=[comment.pk]), {"action": "dismiss"})
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert CommentReport.objects.get().resolution == "dismissed"
    assert AuditEntry.objects.filter(action="comment.reports_dismiss").exists()


def test_members_cannot_moderate(practice: Any, member: Any, client_for: Any) -> None:
    comment = CommentFactory(best_practice=practice, author=member)
    response = client_for(member).post(
        reverse("community:moderate", args=[comment.pk]), {"action": "hide", "reason": "x"}
    )
    assert response.status_code == 404
    comment.refresh_from_db()
    assert not comment.is_hidden


def test_authors_delete_their_own_comment_and_answers_stay(
    practice: Any, member: Any, org_admin: Any, client_for: Any
) -> None:
    comment = CommentFactory(best_practice=practice, author=member, body="Meine Frage")
    CommentFactory(best_practice=practice, author=org_admin, parent=comment, body="Antwort")
    client_for(member).post(reverse("community:comment-delete", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.deleted_at is not None and comment.body == ""
    body = client_for(org_admin).get(reverse("community:detail", args=[practice.pk])).content
    assert "Antwort" in body.decode()
    assert "Von der Verfasserin oder dem Verfasser gelöscht." in body.decode()

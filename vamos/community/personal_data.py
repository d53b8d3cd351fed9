"""What the peer exchange stores about a person, for "download my data" and deletion.

Best practices and peer offers belong to organisations and stay; what the person wrote in
their own name (comments, reports, messages) is exported and, on deletion, emptied. Useful
reactions stay attached to the anonymised account so that counts survive.
"""

from typing import Any

from django.db.models import Q

from .models import (
    BestPractice,
    Comment,
    CommentReport,
    ContactRequest,
    NotificationSettings,
    PeerOffer,
    Reaction,
    TopicSubscription,
)


def export_community(user: Any) -> dict[str, Any]:
    settings_ = NotificationSettings.objects.filter(user=user).first()
    return {
        "best_practices_written": [
            {"title": p.title, "organisation": p.organisation.name, "status": p.status}
            for p in BestPractice.objects.filter(author=user).select_related("organisation")
        ],
        "contact_person_for": [p.title for p in BestPractice.objects.filter(contact_person=user)]
        + [o.title for o in PeerOffer.objects.filter(contact_person=user)],
        "comments": [
            {
                "best_practice": c.best_practice.title,
                "text": c.body,
                "written": c.created_at.isoformat(),
                "hidden_by_moderation": c.is_hidden,
            }
            for c in Comment.objects.filter(author=user).select_related("best_practice")
        ],
        "marked_useful": [
            r.best_practice.title
            for r in Reaction.objects.filter(user=user).select_related("best_practice")
        ],
        "reports": [
            {"reason": r.reason, "note": r.note, "reported": r.created_at.isoformat()}
            for r in CommentReport.objects.filter(reporter=user)
        ],
        "contact_requests": [
            {
                "to": r.organisation.name,
                "subject": r.subject,
                "message": r.message if r.sender_id == user.pk else "",
                "answer": r.answer,
                "status": r.status,
                "sent": r.created_at.isoformat(),
                "role": "sender" if r.sender_id == user.pk else "recipient",
            }
            for r in ContactRequest.objects.filter(
                Q(sender=user) | Q(recipient=user) | Q(answered_by=user)
            ).select_related("organisation")
        ],
        "notification_settings": {
            "replies": settings_.replies if settings_ else None,
            "organisation_activity": settings_.organisation_activity if settings_ else None,
            "topic_fields": {
                s.topic_field.slug: s.level
                for s in TopicSubscription.objects.filter(user=user).select_related("topic_field")
            },
        },
    }


def erase_community(user: Any) -> None:
    Comment.objects.filter(author=user).update(body="", author=None)
    CommentReport.objects.filter(reporter=user).update(note="", reporter=None)
    ContactRequest.objects.filter(sender=user).update(message="", sender=None)
    ContactRequest.objects.filter(answered_by=user).update(answer="", answered_by=None)
    ContactRequest.objects.filter(recipient=user).update(recipient=None)
    BestPractice.objects.filter(contact_person=user).update(contact_person=None, contact_role="")
    PeerOffer.objects.filter(contact_person=user).update(contact_person=None)
    NotificationSettings.objects.filter(user=user).delete()
    TopicSubscription.objects.filter(user=user).delete()

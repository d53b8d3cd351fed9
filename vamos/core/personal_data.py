"""What the core layer stores about a person: emails sent to them and their audit entries."""

from typing import Any

from .models import AuditEntry, OutgoingEmail


def export_emails(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "created_at": email.created_at.isoformat(),
            "to": email.to,
            "subject": email.subject,
            "status": email.status,
            "body": email.body_text,
        }
        for email in OutgoingEmail.objects.filter(recipient=user).order_by("created_at")
    ]


def erase_emails(user: Any) -> None:
    OutgoingEmail.objects.filter(recipient=user).delete()


def export_audit(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "time": entry.created_at.isoformat(),
            "action": entry.action,
            "object": entry.object_repr,
        }
        for entry in AuditEntry.objects.filter(actor=user).order_by("created_at")
    ]


def erase_audit(user: Any) -> None:
    # The trail of what happened stays; who did it is no longer named.
    AuditEntry.objects.filter(actor=user).update(actor=None)

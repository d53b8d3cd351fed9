"""Writes about people: consent, language, export and deletion of personal data."""

import secrets
from datetime import datetime, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from vamos.core import versions
from vamos.core.models import AuditEntry
from vamos.core.privacy import deletion_blockers, personal_data_sections
from vamos.core.services import audit_log

from .models import PrivacyConsent, User


def consent_record(*, user: User, kind: str, version: str, context: str = "") -> PrivacyConsent:
    return PrivacyConsent.objects.create(user=user, kind=kind, version=version, context=context)


def user_create_unverified(*, email: str, first_name: str, last_name: str, language: str) -> User:
    """An account without password; the person sets one from an emailed link."""
    user = User(
        email=email.strip().lower(), first_name=first_name, last_name=last_name, language=language
    )
    user.set_unusable_password()
    user.save()
    return user


def user_profile_update(*, user: User, first_name: str, last_name: str, language: str) -> User:
    user.first_name = first_name
    user.last_name = last_name
    user.language = language
    user.save(update_fields=["first_name", "last_name", "language"])
    return user


def user_language_set(*, user: User, language: str) -> None:
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def user_data_export(*, user: User) -> dict[str, Any]:
    """Everything the platform stores about ``user``, as JSON-ready data; the export is logged."""
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "platform": "VAMOs",
    }
    for section in personal_data_sections():
        data[section.key] = section.export(user)
    audit_log(actor=user, action="personal_data.export", obj=user)
    return data


def user_delete_blockers(*, user: User) -> list[str]:
    """Reasons why the account cannot be deleted yet (e.g. last admin of an organisation)."""
    return [reason for check in deletion_blockers() for reason in check(user)]


def user_delete(*, user: User) -> User:
    """Remove or anonymise everything personal; records that count (attendance, progress)
    stay attached to an anonymous account so that aggregate figures survive."""
    if user_delete_blockers(user=user):
        raise ValueError("The account cannot be deleted yet.")
    with transaction.atomic():
        for section in personal_data_sections():
            section.erase(user)
        user_type = ContentType.objects.get_for_model(User)
        AuditEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).update(
            object_repr=""
        )
        user.email = f"deleted-{secrets.token_hex(8)}@anonymised.invalid"
        user.first_name = ""
        user.last_name = ""
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.anonymised_at = timezone.now()
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        audit_log(actor=None, action="personal_data.delete", obj=user)
        # The erasers anonymise with bulk updates, which send no signals.
        versions.bump_on_commit(*versions.names())
    return user


def users_unactivated_delete(*, now: datetime) -> int:
    """Retention: delete accounts nobody ever activated (address never confirmed, never
    signed in) once ``VAMOS_RETENTION_UNACTIVATED_ACCOUNT_DAYS`` have passed. Team accounts
    are never touched."""
    cutoff = now - timedelta(days=settings.VAMOS_RETENTION_UNACTIVATED_ACCOUNT_DAYS)
    confirmed = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    stale = (
        User.objects.filter(
            last_login__isnull=True,
            date_joined__lt=cutoff,
            anonymised_at__isnull=True,
            is_staff=False,
            is_superuser=False,
            groups__isnull=True,
        )
        .exclude(Exists(confirmed))
        .order_by("pk")
    )
    count = 0
    for user in stale:
        # The trail keeps that an account expired, not whose it was.
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
        ).update(object_repr="")
        user.delete()
        count += 1
    return count

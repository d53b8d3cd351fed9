"""What the accounts app stores about a person."""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.utils import timezone
from wagtail.users.models import UserProfile

from .models import PrivacyConsent


def export_account(user: Any) -> dict[str, Any]:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "second_factors": [
            {
                "type": authenticator.type,
                "created_at": authenticator.created_at.isoformat(),
                "last_used_at": (
                    authenticator.last_used_at.isoformat() if authenticator.last_used_at else None
                ),
            }
            for authenticator in Authenticator.objects.filter(user=user)
        ],
        "consents": [
            {
                "kind": consent.kind,
                "version": consent.version,
                "given_at": consent.given_at.isoformat(),
            }
            for consent in PrivacyConsent.objects.filter(user=user)
        ],
    }


def erase_account(user: Any) -> None:
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    PrivacyConsent.objects.filter(user=user).delete()
    UserProfile.objects.filter(user=user).delete()
    # Sign the person out everywhere. Sessions store the user id as a string.
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()

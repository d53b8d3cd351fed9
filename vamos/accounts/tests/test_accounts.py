import json
from typing import Any

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from vamos.accounts.models import PrivacyConsent, User
from vamos.accounts.services import user_delete
from vamos.core.models import AuditEntry
from vamos.organisations.models import Membership

pytestmark = pytest.mark.django_db


def test_data_export_contains_account_memberships_and_is_audited(
    client_for: Any, member: Any, org_a: Any
) -> None:
    PrivacyConsent.objects.create(user=member, kind="privacy_notice", version="2026-01")
    response = client_for(member).post(reverse("accounts:data-export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["account"]["consents"][0]["version"] == "2026-01"
    assert data["organisations"]["memberships"] == [
        {
            "organisation": org_a.name,
            "role": "member",
            "since": data["organisations"]["memberships"][0]["since"],
        }
    ]
    assert AuditEntry.objects.filter(action="personal_data.export", actor=member).exists()


def test_export_needs_post(client_for: Any, member: Any) -> None:
    assert client_for(member).get(reverse("accounts:data-export")).status_code == 405


def test_deleting_an_account_anonymises_and_signs_out(
    client_for: Any, member: Any, org_a: Any
) -> None:
    client = client_for(member)
    response = client.post(
        reverse("accounts:delete"), {"confirm": "on", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.anonymised_at is not None
    assert member.email.endswith("@anonymised.invalid")
    assert member.first_name == member.last_name == ""
    assert not member.is_active
    assert not member.has_usable_password()
    assert not EmailAddress.objects.filter(user=member).exists()
    assert not Membership.objects.filter(user=member).exists()
    assert client.get(reverse("dashboard:index")).status_code == 302  # signed out
    assert str(member) == "Gelöschtes Konto" or str(member) == "Deleted account"


def test_wrong_password_keeps_the_account(client_for: Any, member: Any) -> None:
    response = client_for(member).post(
        reverse("accounts:delete"), {"confirm": "on", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "kern-error" in response.content.decode()
    member.refresh_from_db()
    assert member.is_active


def test_last_admin_must_hand_over_before_deleting(
    client_for: Any, org_admin: Any, member: Any
) -> None:
    response = client_for(org_admin).post(
        reverse("accounts:delete"), {"confirm": "on", "password": "correct-horse-battery"}
    )
    assert response.status_code == 200
    org_admin.refresh_from_db()
    assert org_admin.is_active
    with pytest.raises(ValueError):
        user_delete(user=org_admin)


def test_deleted_person_leaves_audit_trail_without_name(
    team_admin: Any, org_a: Any, member: Any
) -> None:
    from vamos.core.services import audit_log

    audit_log(actor=member, action="something", obj=member)
    user_delete(user=member)
    entry = AuditEntry.objects.get(action="something")
    assert entry.actor is None
    assert entry.object_repr == ""


def test_profile_update_changes_language_and_redirects_in_it(client_for: Any, member: Any) -> None:
    response = client_for(member).post(
        reverse("accounts:profile"),
        {"first_name": "Mehmet", "last_name": "Kaya", "language": "en"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/konto/profil/"
    member.refresh_from_db()
    assert member.language == "en"


def test_profile_requires_names(client_for: Any, member: Any) -> None:
    response = client_for(member).post(
        reverse("accounts:profile"), {"first_name": "", "last_name": "", "language": "de"}
    )
    assert response.status_code == 200
    assert "data-error-summary" in response.content.decode()


def test_language_switch_remembers_the_choice(client_for: Any, member: Any) -> None:
    response = client_for(member).post(
        reverse("set-language"), {"language": "en", "next": "/organisationen/"}
    )
    assert response["Location"] == "/en/organisationen/"
    assert response.cookies["vamos_language"].value == "en"
    member.refresh_from_db()
    assert member.language == "en"


def test_language_switch_refuses_foreign_redirects(client: Any) -> None:
    response = client.post(
        reverse("set-language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/en/"


def test_password_link_sets_password_verifies_email_and_signs_in(client: Any) -> None:
    user = User.objects.create_user(email="new@example.org", first_name="Leyla")
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    url = reverse(
        "accounts:password-set",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    response = client.post(url, {"password1": "kurz", "password2": "kurz"})
    assert response.status_code == 200  # too short: shown again with the error
    response = client.post(
        url, {"password1": "Brueckenbau-2026!", "password2": "Brueckenbau-2026!"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Brueckenbau-2026!")
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("dashboard:index")).status_code == 200
    # The link works once: the token depends on the password.
    assert client.get(url).status_code == 400


def test_login_with_email_and_password(client: Any, member: Any) -> None:
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:index")


def test_failed_logins_are_rate_limited(client: Any, member: Any) -> None:
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": member.email, "password": "nope"})
    # After five failures for this address even the right password is refused for a while.
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 200
    assert "data-error-summary" in response.content.decode()


def test_password_reset_email_is_queued_in_the_persons_language(
    client: Any, member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    member.language = "en"
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": member.email})
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "Password Reset" in message.subject
    assert message.alternatives  # plain text and HTML


def test_signup_is_closed(client: Any) -> None:
    response = client.get(reverse("account_signup"))
    assert "Organisation" in response.content.decode()
    assert not User.objects.exists()


def test_staff_without_second_factor_is_sent_to_set_one_up(
    client_for: Any, settings: Any, editor: Any, member: Any
) -> None:
    settings.VAMOS_REQUIRE_STAFF_MFA = True
    response = client_for(editor).get(reverse("dashboard:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # Setting up a factor is allowed (after confirming the password once more).
    response = client_for(editor).get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert client_for(editor).get(response["Location"]).status_code == 200
    assert client_for(member).get(reverse("dashboard:index")).status_code == 200
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    assert client_for(editor).get(reverse("dashboard:index")).status_code == 200


def test_export_and_deletion_cover_every_registered_section(member: Any) -> None:
    from vamos.core.privacy import personal_data_sections

    keys = {section.key for section in personal_data_sections()}
    assert {"account", "organisations", "emails", "actions"} <= keys

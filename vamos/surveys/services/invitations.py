"""Invitations to answer a round, and reminders before it closes."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vamos.accounts.models import User
from vamos.core.services import audit_log, email_queue
from vamos.organisations.models import Membership, Organisation

from ..models import Participation, Wave, WaveInvitation
from .common import absolute_url


@dataclass
class InvitationResult:
    invited: int = 0
    emails: int = 0
    without_admin: int = 0


def _admins(organisation_ids: list[int]) -> dict[int, list[User]]:
    admins: dict[int, list[User]] = {}
    for membership in Membership.objects.filter(
        organisation_id__in=organisation_ids,
        role=Membership.Role.ADMIN,
        user__is_active=True,
    ).select_related("user"):
        admins.setdefault(membership.organisation_id, []).append(membership.user)
    return admins


def _send(*, template: str, wave: Wave, person: User, organisation: Organisation | None) -> None:
    email_queue(
        to=person.email,
        template=f"surveys/email/{template}",
        context={
            "survey": wave.survey,
            "wave": wave,
            "organisation": organisation,
            "recipient": person,
            "url": absolute_url(person.language, "surveys:wave", pk=wave.pk),
        },
        language=person.language,
        recipient=person,
    )


def _ensure_invitable(wave: Wave) -> None:
    if not wave.is_published:
        raise ValidationError(_("Publish the round before inviting."))
    if wave.status == Wave.Status.CLOSED:
        raise ValidationError(_("This round is closed; invitations are no longer possible."))


@transaction.atomic
def wave_invite_organisations(
    *,
    wave: Wave,
    actor: Any,
    kinds: list[str] | None = None,
    federal_states: list[str] | None = None,
) -> InvitationResult:
    """Invite every active organisation (or those of the given kinds and federal states) that
    is not invited yet. Surveys per organisation email the admins; surveys per person invite
    and email every member."""
    wave = Wave.objects.select_for_update().select_related("survey").get(pk=wave.pk)
    _ensure_invitable(wave)
    organisations = Organisation.objects.filter(status=Organisation.Status.ACTIVE)
    if kinds:
        organisations = organisations.filter(kind__in=kinds)
    if federal_states:
        organisations = organisations.filter(federal_state__in=federal_states)
    result = InvitationResult()
    now = timezone.now()
    if wave.survey.per_organisation:
        already = set(
            wave.invitations.filter(user__isnull=True).values_list("organisation_id", flat=True)
        )
        new = list(organisations.exclude(pk__in=already).order_by("name"))
        admins = _admins([organisation.pk for organisation in new])
        for organisation in new:
            WaveInvitation.objects.create(
                wave=wave, organisation=organisation, invited_by=actor, emailed_at=now
            )
            result.invited += 1
            if not admins.get(organisation.pk):
                result.without_admin += 1
            for person in admins.get(organisation.pk, []):
                _send(template="invitation", wave=wave, person=person, organisation=organisation)
                result.emails += 1
    else:
        already = set(wave.invitations.filter(user__isnull=False).values_list("user_id", flat=True))
        people = (
            User.objects.filter(
                is_active=True, memberships__organisation__in=organisations.values("pk")
            )
            .exclude(pk__in=already)
            .distinct()
        )
        result = _invite_people(wave=wave, people=list(people), actor=actor, send_email=True)
    wave.invitations_sent_at = now
    wave.save(update_fields=["invitations_sent_at"])
    audit_log(
        actor=actor,
        action="survey.invite",
        obj=wave,
        data={
            "invited": result.invited,
            "kinds": kinds or [],
            "federal_states": federal_states or [],
        },
    )
    return result


def _invite_people(
    *, wave: Wave, people: list[User], actor: Any, send_email: bool
) -> InvitationResult:
    result = InvitationResult()
    already = set(wave.invitations.filter(user__in=people).values_list("user_id", flat=True))
    now = timezone.now()
    for person in people:
        if person.pk in already or not person.is_active:
            continue
        WaveInvitation.objects.create(
            wave=wave, user=person, invited_by=actor, emailed_at=now if send_email else None
        )
        result.invited += 1
        if send_email:
            _send(template="invitation", wave=wave, person=person, organisation=None)
            result.emails += 1
    return result


@transaction.atomic
def wave_invite_people(
    *, wave: Wave, people: list[User], actor: Any = None, send_email: bool = True
) -> InvitationResult:
    """Invite particular people to a round answered per person (e.g. an event's
    participants to its feedback form)."""
    wave = Wave.objects.select_for_update().select_related("survey").get(pk=wave.pk)
    _ensure_invitable(wave)
    if wave.survey.per_organisation:
        raise ValidationError(_("This survey is answered per organisation, not per person."))
    result = _invite_people(wave=wave, people=people, actor=actor, send_email=send_email)
    if result.invited:
        audit_log(
            actor=actor, action="survey.invite_people", obj=wave, data={"invited": result.invited}
        )
    return result


def _pending_invitations(wave: Wave) -> Any:
    """Invitations of organisations and people that have not answered yet."""
    answered_orgs = Participation.objects.filter(
        wave=wave, user__isnull=True, organisation__isnull=False
    ).values("organisation_id")
    answered_people = Participation.objects.filter(wave=wave, user__isnull=False).values("user_id")
    return (
        wave.invitations.filter(
            Q(user__isnull=True, organisation__isnull=False) & ~Q(organisation_id__in=answered_orgs)
            | Q(user__isnull=False) & ~Q(user_id__in=answered_people)
        )
        .select_related("organisation", "user")
        .order_by("pk")
    )


@transaction.atomic
def wave_remind(*, wave: Wave, actor: Any = None) -> InvitationResult:
    """Remind everyone invited who has not answered yet (drafts included)."""
    wave = Wave.objects.select_for_update().select_related("survey").get(pk=wave.pk)
    if not wave.is_open:
        raise ValidationError(_("Reminders can be sent only while the round is open."))
    pending = list(_pending_invitations(wave))
    admins = _admins([i.organisation_id for i in pending if i.user_id is None])
    result = InvitationResult()
    now = timezone.now()
    for invitation in pending:
        if invitation.user_id is not None:
            people, organisation = [invitation.user], None
        else:
            people, organisation = (
                admins.get(invitation.organisation_id, []),
                invitation.organisation,
            )
        for person in people:
            _send(template="reminder", wave=wave, person=person, organisation=organisation)
            result.emails += 1
        invitation.reminded_at = now
        invitation.save(update_fields=["reminded_at"])
        result.invited += 1
    wave.reminders_sent_at = now
    wave.save(update_fields=["reminders_sent_at"])
    audit_log(actor=actor, action="survey.remind", obj=wave, data={"reminded": result.invited})
    return result


def waves_due_for_reminder(*, today: date | None = None) -> list[Wave]:
    """Open rounds closing within the reminder period whose reminder has not gone out."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.VAMOS_SURVEY_REMINDER_DAYS)
    return list(
        Wave.objects.filter(
            is_published=True,
            opens_on__lte=today,
            closes_on__gte=today,
            closes_on__lte=horizon,
            reminders_sent_at__isnull=True,
        ).select_related("survey")
    )

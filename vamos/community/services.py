"""Writes of the peer exchange. Each runs in one transaction, validates, saves, writes the
audit log where staff act or personal data moves, and sends email after the commit."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vamos.core import versions
from vamos.core.models import TopicField
from vamos.core.services import audit_log, email_queue
from vamos.organisations.models import Membership, Organisation

from . import uploads
from .models import (
    BestPractice,
    BestPracticeAnnouncement,
    Comment,
    CommentReport,
    ContactRequest,
    Frequency,
    Need,
    NotificationSettings,
    PeerOffer,
    Reaction,
    Resource,
    ReviewNote,
    TopicSubscription,
)

S = BestPractice.Status
CONTACT_REQUESTS_PER_DAY = 10
CONTENT_FIELDS = [
    "title",
    "summary",
    "challenge",
    "approach",
    "result",
    "lessons_learned",
    "contact_person",
    "contact_role",
    "presented_at",
    "presented_on",
    "event_id",
]
REQUIRED_FOR_SUBMISSION = ["title", "summary", "challenge", "approach", "result", "contact_person"]


def absolute_url(language: str, name: str, **kwargs: Any) -> str:
    with translation.override(language):
        return f"{settings.VAMOS_BASE_URL}{reverse(name, kwargs=kwargs or None)}"


def _send(user: Any, template: str, context: dict[str, Any], **extra: Any) -> None:
    email_queue(
        to=user.email,
        template=f"community/email/{template}",
        context={"user": user, **context},
        language=user.language,
        recipient=user,
        **extra,
    )


def _team_email(template: str, context: dict[str, Any]) -> None:
    email_queue(
        to=settings.VAMOS_TEAM_EMAIL,
        template=f"community/email/{template}",
        context=context,
        language=settings.LANGUAGE_CODE,
    )


def _active_members(organisation: Organisation, users: Iterable[Any]) -> list[Any]:
    """``users`` who are active members of ``organisation``, without duplicates."""
    ids = set(
        Membership.objects.filter(organisation=organisation).values_list("user_id", flat=True)
    )
    seen: set[int] = set()
    result = []
    for user in users:
        if user is None or not user.is_active or user.pk in seen or user.pk not in ids:
            continue
        seen.add(user.pk)
        result.append(user)
    return result


def organisation_contacts(organisation: Organisation, *people: Any) -> list[Any]:
    """Who hears about an organisation's entry: the given people while they are members,
    else the organisation's admins (Ansprechpersonen)."""
    contacts = _active_members(organisation, people)
    if contacts:
        return contacts
    admins = [
        membership.user
        for membership in Membership.objects.filter(
            organisation=organisation, role=Membership.Role.ADMIN, user__is_active=True
        ).select_related("user")
    ]
    return admins


def _settings(user: Any) -> NotificationSettings:
    return NotificationSettings.objects.filter(user=user).first() or NotificationSettings(user=user)


# --- Best practices ------------------------------------------------------------------------


def _validate_contact_person(organisation: Organisation, person: Any) -> None:
    if person is not None and not organisation.memberships.filter(user=person).exists():
        raise ValidationError(
            {"contact_person": _("The contact person must belong to the organisation.")}
        )


def _set_consent(practice: BestPractice, consent: bool, actor: Any) -> list[str]:
    if consent == practice.public_consent:
        return []
    practice.public_consent = consent
    practice.public_consent_at = timezone.now() if consent else None
    practice.public_consent_by = actor if consent else None
    changed = ["public_consent", "public_consent_at", "public_consent_by"]
    if not consent and practice.visibility == BestPractice.Visibility.PUBLIC:
        practice.visibility = BestPractice.Visibility.MEMBERS
        changed.append("visibility")
    return changed


@transaction.atomic
def best_practice_create(
    *,
    organisation: Organisation,
    author: Any,
    data: dict[str, Any],
    topic_fields: Iterable[TopicField] = (),
    public_consent: bool = False,
) -> BestPractice:
    """A new draft in the name of ``organisation``."""
    if not organisation.is_registered or not organisation.memberships.filter(user=author).exists():
        raise ValidationError(_("You can only write for an organisation you belong to."))
    if not (data.get("title") or "").strip():
        raise ValidationError({"title": _("Please give the best practice a title.")})
    _validate_contact_person(organisation, data.get("contact_person"))
    practice = BestPractice(organisation=organisation, author=author)
    for name in CONTENT_FIELDS:
        if name in data:
            setattr(practice, name, data[name])
    if practice.contact_person is None:
        practice.contact_person = author
    _set_consent(practice, public_consent, author)
    practice.full_clean()
    practice.save()
    practice.topic_fields.set(topic_fields)
    return practice


@transaction.atomic
def best_practice_update(
    *,
    practice: BestPractice,
    actor: Any,
    data: dict[str, Any],
    topic_fields: Iterable[TopicField] | None = None,
    public_consent: bool | None = None,
) -> BestPractice:
    """Save changes; the organisation edits drafts and returned entries, the editorial team
    corrects entries in review or published (logged)."""
    practice = BestPractice.objects.select_for_update().get(pk=practice.pk)
    if "contact_person" in data:
        _validate_contact_person(practice.organisation, data["contact_person"])
    changed = [
        name for name in CONTENT_FIELDS if name in data and getattr(practice, name) != data[name]
    ]
    for name in changed:
        setattr(practice, name, data[name])
    if "title" in changed and not practice.title.strip():
        raise ValidationError({"title": _("Please give the best practice a title.")})
    if public_consent is not None:
        changed += _set_consent(practice, public_consent, actor)
    practice.full_clean()
    practice.save(update_fields=[*changed, "updated_at"])
    if topic_fields is not None:
        before = set(practice.topic_fields.values_list("pk", flat=True))
        after = {topic_field.pk for topic_field in topic_fields}
        if before != after:
            practice.topic_fields.set(after)
            changed.append("topic_fields")
    if (
        changed
        and not Membership.objects.filter(organisation=practice.organisation, user=actor).exists()
    ):
        audit_log(
            actor=actor,
            action="best_practice.edit_by_team",
            obj=practice,
            data={"fields": changed},
        )
    return practice


def best_practice_missing(practice: BestPractice) -> dict[str, str]:
    """Field → message for what a submission still lacks."""
    messages = {
        "title": _("Please give the best practice a title."),
        "summary": _("Please summarise the best practice in one or two sentences."),
        "challenge": _("Please describe the challenge."),
        "approach": _("Please describe how you approached it."),
        "result": _("Please describe the result."),
        "contact_person": _("Please name a contact person."),
    }
    missing = {
        name: message
        for name, message in messages.items()
        if not getattr(practice, name if name != "contact_person" else "contact_person_id")
        or (isinstance(getattr(practice, name), str) and not getattr(practice, name).strip())
    }
    if not practice.topic_fields.exists():
        missing["topic_fields"] = _("Please choose at least one topic field.")
    return missing


@transaction.atomic
def best_practice_submit(*, practice: BestPractice, actor: Any) -> BestPractice:
    practice = BestPractice.objects.select_for_update().get(pk=practice.pk)
    if practice.status not in {S.DRAFT, S.RETURNED}:
        raise ValidationError(_("This best practice has already been submitted."))
    missing = best_practice_missing(practice)
    if missing:
        raise ValidationError(missing)
    practice.status = S.SUBMITTED
    practice.submitted_at = timezone.now()
    practice.save(update_fields=["status", "submitted_at", "updated_at"])
    ReviewNote.objects.create(
        best_practice=practice, author=actor, action=ReviewNote.Action.SUBMITTED
    )
    audit_log(actor=actor, action="best_practice.submit", obj=practice)
    _team_email(
        "submitted_team",
        {
            "practice": practice,
            "organisation": practice.organisation,
            "review_url": absolute_url(settings.LANGUAGE_CODE, "community:review", pk=practice.pk),
        },
    )
    return practice


@transaction.atomic
def best_practice_withdraw(*, practice: BestPractice, actor: Any) -> BestPractice:
    """The organisation takes its entry back from review or offline, to edit it."""
    practice = BestPractice.objects.select_for_update().get(pk=practice.pk)
    if practice.status not in {S.SUBMITTED, S.PUBLISHED}:
        raise ValidationError(_("Only entries in review or published can be withdrawn."))
    practice.status = S.DRAFT
    practice.save(update_fields=["status", "updated_at"])
    ReviewNote.objects.create(
        best_practice=practice, author=actor, action=ReviewNote.Action.WITHDRAWN
    )
    audit_log(actor=actor, action="best_practice.withdraw", obj=practice)
    return practice


@transaction.atomic
def best_practice_delete(*, practice: BestPractice, actor: Any) -> None:
    practice = BestPractice.objects.select_for_update().get(pk=practice.pk)
    if practice.status not in {S.DRAFT, S.RETURNED}:
        raise ValidationError(_("Withdraw the entry first; then it can be deleted."))
    files = [resource.file for resource in practice.resources.exclude(file="")]
    audit_log(
        actor=actor,
        action="best_practice.delete",
        obj=practice.organisation,
        data={"title": practice.title},
    )
    practice.delete()
    transaction.on_commit(lambda: [stored.delete(save=False) for stored in files])


def _notify_organisation(practice: BestPractice, template: str, context: dict[str, Any]) -> None:
    for person in organisation_contacts(
        practice.organisation, practice.author, practice.contact_person
    ):
        _send(
            person,
            template,
            {
                "practice": practice,
                "organisation": practice.organisation,
                "url": absolute_url(person.language, "community:detail", pk=practice.pk),
                **context,
            },
        )


@transaction.atomic
def best_practice_publish(
    *, practice: BestPractice, actor: Any, visibility: str, message: str = ""
) -> BestPractice:
    practice = BestPractice.objects.select_for_update().get(pk=practice.pk)
    if practice.status != S.SUBMITTED:
        raise ValidationError(_("Only submitted best practices can be published."))
    if visibility not in BestPractice.Visibility.values:
        raise ValidationError({"visibility": _("Please choose who may read the entry.")})
    if visibility == BestPractice.Visibility.PUBLIC and not practice.public_consent:
        raise ValidationError(
            {
                "visibility": _(
                    "The organisation has not agreed to public publication. Publish it for "
                    "members, or ask the organisation for its consent."
                )
            }
        )
    now = timezone.now()
    first_time = practice.first_published_at is None
    practice.status = S.PUBLISHED
    practice.visibility = visibility
    practice.published_at = now
    practice.first_published_at = practice.first_published_at or now
    practice.reviewed_by = actor
    practice.save(
        update_fields=[
            "status",
            "visibility",
            "published_at",
            "first_published_at",
            "reviewed_by",
            "updated_at",
        ]
    )
    ReviewNote.objects.create(
        best_practice=practice,
        author=actor,
        action=ReviewNote.Action.PUBLISHED,
        message=message.strip(),
    )
    audit_log(
        actor=actor, action="best_practice.publish", obj=practice, data={"visibility": visibility}
    )
    _notify_organisation(practice, "published", {"message": message.strip()})
    if first_time:
        from .tasks import best_practice_announce_task

        transaction.on_commit(
            lambda: best_practice_announce_task.enqueue(best_practice_id=practice.pk)
        )
    return practice


@transaction.atomic
def best_practice_return(*, practice: BestPractice, actor: Any, message: str) -> BestPractice:
    """Send a submitted entry back with comments, or take a published one offline."""
    practice = BestPractice.objects.select_for_update().get(pk=practice.pk)
    if practice.status not in {S.SUBMITTED, S.PUBLISHED}:
        raise ValidationError(_("Only submitted or published best practices can be returned."))
    if not message.strip():
        raise ValidationError(
            {"message": _("Please tell the organisation what to change; they will read it.")}
        )
    was_published = practice.status == S.PUBLISHED
    practice.status = S.RETURNED
    practice.reviewed_by = actor
    practice.save(update_fields=["status", "reviewed_by", "updated_at"])
    action = ReviewNote.Action.UNPUBLISHED if was_published else ReviewNote.Action.RETURNED
    ReviewNote.objects.create(
        best_practice=practice, author=actor, action=action, message=message.strip()
    )
    audit_log(
        actor=actor,
        action="best_practice.unpublish" if was_published else "best_practice.return",
        obj=practice,
        data={"message": message.strip()},
    )
    _notify_organisation(
        practice, "returned", {"message": message.strip(), "was_published": was_published}
    )
    return practice


def best_practice_announce(*, practice: BestPractice) -> int:
    """Email everyone who wants every new best practice in one of its topic fields."""
    from .permissions import can_view_best_practice

    if not practice.is_published:
        return 0
    field_ids = list(practice.topic_fields.values_list("pk", flat=True))
    subscriptions = (
        TopicSubscription.objects.filter(
            topic_field_id__in=field_ids,
            level=TopicSubscription.Level.ALL,
            user__is_active=True,
        )
        .exclude(user__memberships__organisation=practice.organisation)
        .select_related("user")
    )
    sent = 0
    for subscription in subscriptions:
        user = subscription.user
        if BestPracticeAnnouncement.objects.filter(best_practice=practice, user=user).exists():
            continue
        if not can_view_best_practice(user, practice):
            continue
        with transaction.atomic():
            BestPracticeAnnouncement.objects.create(best_practice=practice, user=user)
            _send(
                user,
                "new_best_practice",
                key=f"community.new_best_practice:{practice.pk}:{user.pk}",
                context={
                    "practice": practice,
                    "organisation": practice.organisation,
                    "url": absolute_url(user.language, "community:detail", pk=practice.pk),
                    "settings_url": absolute_url(user.language, "community:settings"),
                },
            )
        sent += 1
    return sent


# --- Resources -----------------------------------------------------------------------------


def _resource_from_upload(
    practice: BestPractice, kind: str, title: str, checked: uploads.CheckedUpload, **extra: Any
) -> Resource:
    resource = Resource(
        best_practice=practice,
        kind=kind,
        title=title.strip() or checked.original_name,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        **extra,
    )
    resource.full_clean(exclude=["file"])
    resource.file.save(f"upload.{checked.extension}", checked.content, save=False)
    stored = resource.file
    try:
        resource.save()
    except Exception:
        # Nothing half-saved: a file without its record is removed again.
        stored.delete(save=False)
        raise
    return resource


@transaction.atomic
def resource_add_file(*, practice: BestPractice, actor: Any, title: str, upload: Any) -> Resource:
    try:
        checked = uploads.check_document(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    return _resource_from_upload(practice, Resource.Kind.FILE, title, checked)


@transaction.atomic
def resource_add_image(
    *, practice: BestPractice, actor: Any, upload: Any, alt_text: str, caption: str = ""
) -> Resource:
    if not alt_text.strip():
        raise ValidationError(
            {"alt_text": _("Please describe the image for people who cannot see it.")}
        )
    try:
        checked = uploads.check_image(upload)
    except ValidationError as error:
        raise ValidationError({"image": error.messages}) from error
    return _resource_from_upload(
        practice,
        Resource.Kind.IMAGE,
        alt_text[:200],
        checked,
        alt_text=alt_text.strip(),
        caption=caption.strip(),
    )


@transaction.atomic
def resource_add_link(*, practice: BestPractice, actor: Any, title: str, url: str) -> Resource:
    resource = Resource(best_practice=practice, kind=Resource.Kind.LINK, title=title, url=url)
    resource.full_clean()
    resource.save()
    return resource


@transaction.atomic
def resource_remove(*, resource: Resource, actor: Any) -> None:
    stored = resource.file if resource.file else None
    resource.delete()
    if stored:
        transaction.on_commit(lambda: stored.delete(save=False))


# --- Reactions and comments ----------------------------------------------------------------


@transaction.atomic
def reaction_toggle(*, practice: BestPractice, user: Any) -> bool:
    """Mark as useful, or take the mark back. Returns whether the person now marks it."""
    deleted, _rows = Reaction.objects.filter(best_practice=practice, user=user).delete()
    if deleted:
        return False
    Reaction.objects.create(best_practice=practice, user=user)
    return True


@transaction.atomic
def comment_create(
    *, practice: BestPractice, author: Any, body: str, parent: Comment | None = None
) -> Comment:
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Please write your comment or question.")})
    if len(body) > 4000:
        raise ValidationError({"body": _("Please keep it under 4000 characters.")})
    if parent is not None:
        if parent.best_practice_id != practice.pk:
            raise ValidationError(_("You can only answer comments on this best practice."))
        if parent.parent_id is not None:
            parent = parent.parent  # answers stay one level deep
        if parent is not None and parent.is_removed:
            raise ValidationError(_("This comment can no longer be answered."))
    comment = Comment.objects.create(
        best_practice=practice, author=author, body=body, parent=parent
    )
    notified: set[int] = {author.pk}
    if parent is not None and parent.author is not None and parent.author.is_active:
        person = parent.author
        if person.pk not in notified and _settings(person).replies == Frequency.IMMEDIATELY:
            notified.add(person.pk)
            _send(
                person,
                "reply",
                {
                    "comment": comment,
                    "practice": practice,
                    "url": absolute_url(person.language, "community:detail", pk=practice.pk)
                    + f"#kommentar-{comment.pk}",
                    "settings_url": absolute_url(person.language, "community:settings"),
                },
            )
    for person in organisation_contacts(
        practice.organisation, practice.author, practice.contact_person
    ):
        if person.pk in notified:
            continue
        notified.add(person.pk)
        if _settings(person).organisation_activity != Frequency.IMMEDIATELY:
            continue
        _send(
            person,
            "comment",
            {
                "comment": comment,
                "practice": practice,
                "organisation": practice.organisation,
                "url": absolute_url(person.language, "community:detail", pk=practice.pk)
                + f"#kommentar-{comment.pk}",
                "settings_url": absolute_url(person.language, "community:settings"),
            },
        )
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, actor: Any) -> Comment:
    """The author removes their comment; answers to it stay, the text goes."""
    comment.body = ""
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["body", "deleted_at"])
    return comment


@transaction.atomic
def comment_report(
    *, comment: Comment, reporter: Any, reason: str, note: str = ""
) -> CommentReport:
    if reason not in CommentReport.Reason.values:
        raise ValidationError({"reason": _("Please choose a reason.")})
    if CommentReport.objects.filter(comment=comment, reporter=reporter).exists():
        raise ValidationError(_("You have already reported this comment."))
    first = not CommentReport.objects.filter(comment=comment, resolved_at__isnull=True).exists()
    report = CommentReport.objects.create(
        comment=comment, reporter=reporter, reason=reason, note=note.strip()
    )
    if first:
        _team_email(
            "reported_team",
            {
                "comment": comment,
                "report": report,
                "moderation_url": absolute_url(settings.LANGUAGE_CODE, "community:moderation"),
            },
        )
    return report


def _resolve_reports(comment: Comment, actor: Any, resolution: str) -> int:
    versions.bump_on_commit(CommentReport)
    return CommentReport.objects.filter(comment=comment, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=actor, resolution=resolution
    )


@transaction.atomic
def comment_hide(*, comment: Comment, actor: Any, reason: str) -> Comment:
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Please give a reason; the author of the comment will read it.")}
        )
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    comment.is_hidden = True
    comment.hidden_reason = reason
    comment.hidden_at = timezone.now()
    comment.hidden_by = actor
    comment.save(update_fields=["is_hidden", "hidden_reason", "hidden_at", "hidden_by"])
    resolved = _resolve_reports(comment, actor, CommentReport.Resolution.HIDDEN)
    audit_log(
        actor=actor,
        action="comment.hide",
        obj=comment,
        data={"reason": reason, "reports": resolved, "best_practice": comment.best_practice_id},
    )
    author = comment.author
    if author is not None and author.is_active and comment.deleted_at is None:
        _send(
            author,
            "comment_hidden",
            {
                "comment": comment,
                "practice": comment.best_practice,
                "reason": reason,
                "url": absolute_url(
                    author.language, "community:detail", pk=comment.best_practice_id
                ),
            },
            reply_to=settings.VAMOS_TEAM_EMAIL,
        )
    return comment


@transaction.atomic
def comment_restore(*, comment: Comment, actor: Any) -> Comment:
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    comment.is_hidden = False
    comment.hidden_at = None
    comment.hidden_by = None
    previous = comment.hidden_reason
    comment.hidden_reason = ""
    comment.save(update_fields=["is_hidden", "hidden_reason", "hidden_at", "hidden_by"])
    audit_log(actor=actor, action="comment.restore", obj=comment, data={"was": previous})
    return comment


@transaction.atomic
def comment_reports_dismiss(*, comment: Comment, actor: Any) -> int:
    dismissed = _resolve_reports(comment, actor, CommentReport.Resolution.DISMISSED)
    audit_log(
        actor=actor, action="comment.reports_dismiss", obj=comment, data={"reports": dismissed}
    )
    return dismissed


# --- Contact requests ----------------------------------------------------------------------


def _contact_person_for(organisation: Organisation, preferred: Any) -> Any:
    contacts = organisation_contacts(organisation, preferred)
    return contacts[0] if contacts else None


@transaction.atomic
def contact_request_create(
    *,
    sender: Any,
    organisation: Organisation,
    subject: str,
    message: str,
    sender_organisation: Organisation | None = None,
    best_practice: BestPractice | None = None,
    peer_offer: PeerOffer | None = None,
) -> ContactRequest:
    """ "Ask this organisation": the contact person gets the message by email, without the
    sender's address; they answer on the platform."""
    if not subject.strip():
        raise ValidationError({"subject": _("Please enter a subject.")})
    if not message.strip():
        raise ValidationError({"message": _("Please write your message.")})
    if organisation.memberships.filter(user=sender).exists():
        raise ValidationError(_("You cannot send a request to your own organisation."))
    if (
        sender_organisation is not None
        and not sender_organisation.memberships.filter(user=sender).exists()
    ):
        raise ValidationError({"sender_organisation": _("Please choose your own organisation.")})
    since = timezone.now() - timedelta(days=1)
    if (
        ContactRequest.objects.filter(sender=sender, created_at__gte=since).count()
        >= CONTACT_REQUESTS_PER_DAY
    ):
        raise ValidationError(_("You have sent many requests today. Please wait until tomorrow."))
    preferred = None
    if best_practice is not None:
        preferred = best_practice.contact_person
    elif peer_offer is not None:
        preferred = peer_offer.contact_person
    recipient = _contact_person_for(organisation, preferred)
    if recipient is None:
        raise ValidationError(
            _("This organisation has no contact person on the platform at the moment.")
        )
    contact_request = ContactRequest.objects.create(
        organisation=organisation,
        best_practice=best_practice,
        peer_offer=peer_offer,
        sender=sender,
        sender_organisation=sender_organisation,
        recipient=recipient,
        subject=subject.strip(),
        message=message.strip(),
    )
    _send(
        recipient,
        "contact_request",
        {
            "contact_request": contact_request,
            "sender_name": sender.display_name,
            "url": absolute_url(
                recipient.language, "community:request-detail", pk=contact_request.pk
            ),
        },
    )
    return contact_request


@transaction.atomic
def contact_request_answer(
    *, contact_request: ContactRequest, actor: Any, answer: str
) -> ContactRequest:
    """The asked side answers: now both see each other's email address."""
    contact_request = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    if contact_request.status != ContactRequest.Status.OPEN:
        raise ValidationError(_("This request has already been answered."))
    if not answer.strip():
        raise ValidationError({"answer": _("Please write your answer.")})
    contact_request.status = ContactRequest.Status.ANSWERED
    contact_request.answer = answer.strip()
    contact_request.answered_at = timezone.now()
    contact_request.answered_by = actor
    contact_request.save(update_fields=["status", "answer", "answered_at", "answered_by"])
    audit_log(
        actor=actor,
        action="contact_request.answer",
        obj=contact_request,
        data={"addresses_shared_with": contact_request.sender_id},
    )
    sender = contact_request.sender
    if sender is not None and sender.is_active:
        _send(
            sender,
            "contact_answered",
            {
                "contact_request": contact_request,
                "answerer": actor,
                "url": absolute_url(
                    sender.language, "community:request-detail", pk=contact_request.pk
                ),
            },
            reply_to=actor.email,
        )
    return contact_request


@transaction.atomic
def contact_request_decline(
    *, contact_request: ContactRequest, actor: Any, message: str = ""
) -> ContactRequest:
    """The asked side declines; no addresses are shared."""
    contact_request = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    if contact_request.status != ContactRequest.Status.OPEN:
        raise ValidationError(_("This request has already been answered."))
    contact_request.status = ContactRequest.Status.DECLINED
    contact_request.answer = message.strip()
    contact_request.answered_at = timezone.now()
    contact_request.answered_by = actor
    contact_request.save(update_fields=["status", "answer", "answered_at", "answered_by"])
    sender = contact_request.sender
    if sender is not None and sender.is_active:
        _send(
            sender,
            "contact_declined",
            {
                "contact_request": contact_request,
                "url": absolute_url(
                    sender.language, "community:request-detail", pk=contact_request.pk
                ),
            },
        )
    return contact_request


# --- Peer offers ---------------------------------------------------------------------------

OFFER_FIELDS = [
    "title",
    "description",
    "offers_call",
    "offers_visit",
    "offers_presentation",
    "contact_person",
    "is_active",
]


def _validate_offer(offer: PeerOffer, topic_fields: list[TopicField]) -> None:
    errors = {}
    if not topic_fields:
        errors["topic_fields"] = _("Please choose at least one topic field.")
    if not (offer.offers_call or offer.offers_visit or offer.offers_presentation):
        errors["formats"] = _("Please choose at least one way you can share your experience.")
    if (
        offer.contact_person is not None
        and not offer.organisation.memberships.filter(user=offer.contact_person).exists()
    ):
        errors["contact_person"] = _("The contact person must belong to the organisation.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def peer_offer_create(
    *,
    organisation: Organisation,
    actor: Any,
    data: dict[str, Any],
    topic_fields: Iterable[TopicField],
) -> PeerOffer:
    if not organisation.is_registered or not organisation.memberships.filter(user=actor).exists():
        raise ValidationError(_("You can only write for an organisation you belong to."))
    offer = PeerOffer(organisation=organisation, created_by=actor)
    for name in OFFER_FIELDS:
        if name in data:
            setattr(offer, name, data[name])
    if offer.contact_person is None:
        offer.contact_person = actor
    topic_fields = list(topic_fields)
    _validate_offer(offer, topic_fields)
    offer.full_clean()
    offer.save()
    offer.topic_fields.set(topic_fields)
    return offer


@transaction.atomic
def peer_offer_update(
    *, offer: PeerOffer, actor: Any, data: dict[str, Any], topic_fields: Iterable[TopicField]
) -> PeerOffer:
    offer = PeerOffer.objects.select_for_update().select_related("organisation").get(pk=offer.pk)
    changed = [name for name in OFFER_FIELDS if name in data and getattr(offer, name) != data[name]]
    for name in changed:
        setattr(offer, name, data[name])
    topic_fields = list(topic_fields)
    _validate_offer(offer, topic_fields)
    offer.full_clean()
    offer.save(update_fields=[*changed, "updated_at"])
    offer.topic_fields.set(topic_fields)
    if not Membership.objects.filter(organisation=offer.organisation, user=actor).exists():
        audit_log(
            actor=actor, action="peer_offer.edit_by_team", obj=offer, data={"fields": changed}
        )
    return offer


@transaction.atomic
def peer_offer_delete(*, offer: PeerOffer, actor: Any) -> None:
    audit_log(
        actor=actor,
        action="peer_offer.delete",
        obj=offer.organisation,
        data={"title": offer.title},
    )
    offer.delete()


# --- Needs ---------------------------------------------------------------------------------


@transaction.atomic
def needs_set(
    *, organisation: Organisation, actor: Any, needs: dict[TopicField, tuple[int | None, str]]
) -> list[Need]:
    """Replace the organisation's stated needs: topic field → (priority or None, note)."""
    kept = []
    for topic_field, (priority, note) in needs.items():
        if not priority:
            Need.objects.filter(organisation=organisation, topic_field=topic_field).delete()
            continue
        if priority not in Need.Priority.values:
            raise ValidationError(_("Please choose a priority."))
        need, _created = Need.objects.update_or_create(
            organisation=organisation,
            topic_field=topic_field,
            defaults={"priority": priority, "note": note.strip()[:300], "updated_by": actor},
        )
        kept.append(need)
    audit_log(
        actor=actor,
        action="community.needs_set",
        obj=organisation,
        data={need.topic_field.slug: need.priority for need in kept},
    )
    return kept


# --- Notification settings and digest ------------------------------------------------------


@transaction.atomic
def notification_settings_update(
    *, user: Any, replies: str, organisation_activity: str, levels: dict[int, str]
) -> NotificationSettings:
    if replies not in Frequency.values or organisation_activity not in Frequency.values:
        raise ValidationError(_("Please choose how often you want to hear from us."))
    settings_, _created = NotificationSettings.objects.get_or_create(user=user)
    settings_.replies = replies
    settings_.organisation_activity = organisation_activity
    settings_.save(update_fields=["replies", "organisation_activity"])
    for topic_field_id, level in levels.items():
        if level not in TopicSubscription.Level.values:
            raise ValidationError(_("Please choose how often you want to hear from us."))
        TopicSubscription.objects.update_or_create(
            user=user, topic_field_id=topic_field_id, defaults={"level": level}
        )
    return settings_


DIGEST_PERIOD = timedelta(days=7)


def digest_due(*, user: Any, now: datetime) -> bool:
    settings_ = NotificationSettings.objects.filter(user=user).first()
    last = settings_.last_digest_at if settings_ else None
    # A little slack so that a weekly job at a slightly earlier hour still sends.
    return last is None or last <= now - DIGEST_PERIOD + timedelta(hours=12)


@transaction.atomic
def digest_send(*, user: Any, until: datetime) -> bool:
    """Build and queue ``user``'s weekly digest for the week before ``until``. Returns whether
    an email was queued (nothing is sent when there is nothing new)."""
    from .selectors import digest_for_user

    settings_, _created = NotificationSettings.objects.select_for_update().get_or_create(user=user)
    if settings_.last_digest_at and settings_.last_digest_at >= until:
        return False
    since = settings_.last_digest_at or (until - DIGEST_PERIOD)
    since = max(since, until - timedelta(days=14))
    with translation.override(user.language):
        digest = digest_for_user(user=user, since=since, until=until)
    settings_.last_digest_at = until
    settings_.save(update_fields=["last_digest_at"])
    if digest.is_empty or not user.is_active:
        return False
    for practice in digest.best_practices:
        practice.email_url = absolute_url(user.language, "community:detail", pk=practice.pk)
    for comment in [*digest.replies, *digest.organisation_comments]:
        comment.email_url = (
            absolute_url(user.language, "community:detail", pk=comment.best_practice_id)
            + f"#kommentar-{comment.pk}"
        )
    for offer in digest.peer_offers:
        offer.email_url = absolute_url(user.language, "community:offer-detail", pk=offer.pk)
    _send(
        user,
        "digest",
        key=f"community.digest:{user.pk}:{until.isoformat()}",
        context={
            "digest": digest,
            "since": since,
            "until": until,
            "library_url": absolute_url(user.language, "community:library"),
            "mine_url": absolute_url(user.language, "community:mine"),
            "settings_url": absolute_url(user.language, "community:settings"),
        },
    )
    return True

"""Peer exchange: best practices, their resources, reactions and comments, peer offers,
contact requests between organisations, stated needs and notification settings."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vamos.core.models import TimeStampedModel


class BestPractice(TimeStampedModel):
    """An organisation's experience, written up so that others can learn from it.

    Draft → submitted → (returned → submitted …) → published for members or publicly.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("in review")
        RETURNED = "returned", _("returned for revision")
        PUBLISHED = "published", _("published")

    class Visibility(models.TextChoices):
        MEMBERS = "members", _("members of the platform")
        PUBLIC = "public", _("public")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="best_practices",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    topic_fields = models.ManyToManyField(
        "core.TopicField", verbose_name=_("topic fields"), related_name="best_practices", blank=True
    )
    challenge = models.TextField(_("challenge"), blank=True)
    approach = models.TextField(_("approach"), blank=True)
    result = models.TextField(_("result"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_role = models.CharField(_("role of the contact person"), max_length=120, blank=True)
    presented_at = models.CharField(_("presented at (event)"), max_length=200, blank=True)
    presented_on = models.DateField(_("presented on"), null=True, blank=True)
    # Identifier of an event in the events app, set through its selectors where it exists.
    event_id = models.PositiveBigIntegerField(_("event"), null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    public_consent = models.BooleanField(
        _("the organisation agrees to public publication"), default=False
    )
    public_consent_at = models.DateTimeField(null=True, blank=True, editable=False)
    public_consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    visibility = models.CharField(
        _("published for"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("best practice")
        verbose_name_plural = _("best practices")
        constraints = [
            models.CheckConstraint(
                condition=~Q(visibility="public") | Q(public_consent=True),
                name="best_practice_public_needs_consent",
            ),
        ]
        indexes = [models.Index(fields=["status", "visibility", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_public(self) -> bool:
        return self.is_published and self.visibility == self.Visibility.PUBLIC


class ReviewNote(models.Model):
    """One step in a best practice's history: submitted, returned with comments, published …"""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted for review")
        RETURNED = "returned", _("returned for revision")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn by the organisation")
        UNPUBLISHED = "unpublished", _("taken offline by the editorial team")

    best_practice = models.ForeignKey(
        BestPractice, on_delete=models.CASCADE, related_name="review_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("step"), max_length=12, choices=Action.choices)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")

    def __str__(self) -> str:
        return f"{self.best_practice} – {self.get_action_display()}"


def resource_upload_to(instance: "Resource", filename: str) -> str:
    # Unguessable names; the original name is kept in ``original_name`` for downloads.
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"community/{uuid.uuid4().hex}{suffix}"


class Resource(models.Model):
    """Material of a best practice: a file, an image (with alt text) or a link."""

    class Kind(models.TextChoices):
        FILE = "file", _("file")
        IMAGE = "image", _("image")
        LINK = "link", _("link")

    best_practice = models.ForeignKey(
        BestPractice, on_delete=models.CASCADE, related_name="resources"
    )
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=resource_upload_to, blank=True, max_length=200)
    original_name = models.CharField(max_length=200, blank=True, editable=False)
    content_type = models.CharField(max_length=100, blank=True, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    alt_text = models.CharField(_("alternative text"), max_length=300, blank=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "created_at", "id"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="link") | ~Q(url=""), name="resource_link_has_url"
            ),
            models.CheckConstraint(
                condition=Q(kind="link") | ~Q(file=""), name="resource_upload_has_file"
            ),
            models.CheckConstraint(
                condition=~Q(kind="image") | ~Q(alt_text=""), name="resource_image_has_alt_text"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def file_type(self) -> str:
        return PurePosixPath(self.original_name).suffix.lstrip(".").upper()


class Reaction(models.Model):
    """One person found a best practice useful (one reaction per person)."""

    best_practice = models.ForeignKey(
        BestPractice, on_delete=models.CASCADE, related_name="reactions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_reactions"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("useful reaction")
        verbose_name_plural = _("useful reactions")
        constraints = [
            models.UniqueConstraint(
                fields=["best_practice", "user"], name="reaction_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.best_practice_id}"


class Comment(models.Model):
    """A comment or question on a best practice; answers point to their ``parent``."""

    best_practice = models.ForeignKey(
        BestPractice, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted_at = models.DateTimeField(_("deleted by its author"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def is_removed(self) -> bool:
        return self.is_hidden or self.deleted_at is not None


class CommentReport(models.Model):
    """Someone asks the team to look at a comment."""

    class Reason(models.TextChoices):
        OFFENSIVE = "offensive", _("offensive or discriminating")
        SPAM = "spam", _("advertising or spam")
        PERSONAL_DATA = "personal", _("reveals personal data")
        OFF_TOPIC = "off_topic", _("off topic")
        OTHER = "other", _("something else")

    class Resolution(models.TextChoices):
        HIDDEN = "hidden", _("comment hidden")
        DISMISSED = "dismissed", _("report dismissed")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    note = models.TextField(_("note for the team"), blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True, db_index=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.CharField(
        _("resolution"), max_length=10, choices=Resolution.choices, blank=True
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="report_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.comment}"


class PeerOffer(TimeStampedModel):
    """ "Wer kann was?": an organisation offers its experience in topic fields."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="peer_offers",
    )
    title = models.CharField(_("what you can advise on"), max_length=200)
    description = models.TextField(_("description"), max_length=2000)
    topic_fields = models.ManyToManyField(
        "core.TopicField", verbose_name=_("topic fields"), related_name="peer_offers"
    )
    offers_call = models.BooleanField(_("phone or video call"), default=False)
    offers_visit = models.BooleanField(_("visit"), default=False)
    offers_presentation = models.BooleanField(_("presentation at an event"), default=False)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(
        _("shown to others"), default=True, help_text=_("Pause the offer to hide it for a while.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("peer offer")
        verbose_name_plural = _("peer offers")
        constraints = [
            models.CheckConstraint(
                condition=Q(offers_call=True) | Q(offers_visit=True) | Q(offers_presentation=True),
                name="peer_offer_has_a_format",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def formats(self) -> list[str]:
        labels = []
        if self.offers_call:
            labels.append(str(_("phone or video call")))
        if self.offers_visit:
            labels.append(str(_("visit")))
        if self.offers_presentation:
            labels.append(str(_("presentation at an event")))
        return labels


class ContactRequest(models.Model):
    """ "Ask this organisation": a message to its contact person. Neither side sees the
    other's email address until the contact person answers."""

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for an answer")
        ANSWERED = "answered", _("answered")
        DECLINED = "declined", _("declined")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("asked organisation"),
        on_delete=models.CASCADE,
        related_name="contact_requests",
    )
    best_practice = models.ForeignKey(
        BestPractice, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    peer_offer = models.ForeignKey(
        PeerOffer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sender_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=4000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    answer = models.TextField(_("answer"), blank=True, max_length=4000)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")

    def __str__(self) -> str:
        return self.subject

    @property
    def addresses_shared(self) -> bool:
        return self.status == self.Status.ANSWERED


class Need(models.Model):
    """A topic field in which an organisation says it needs support (used for matching)."""

    class Priority(models.IntegerChoices):
        SOME = 1, _("some need")
        CLEAR = 2, _("clear need")
        URGENT = 3, _("urgent need")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="community_needs"
    )
    topic_field = models.ForeignKey("core.TopicField", on_delete=models.CASCADE, related_name="+")
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices)
    note = models.CharField(_("what exactly"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-priority", "topic_field__sort_order"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "topic_field"], name="need_once_per_topic_field"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.topic_field}"


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("immediately by email")
    DIGEST = "digest", _("in the weekly digest")
    OFF = "off", _("not at all")


class NotificationSettings(models.Model):
    """A person's choices about email from the peer exchange (defaults when absent)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_settings"
    )
    replies = models.CharField(
        _("answers to my comments"),
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATELY,
    )
    organisation_activity = models.CharField(
        _("comments and questions on my organisation's best practices"),
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATELY,
    )
    last_digest_at = models.DateTimeField(_("last weekly digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return str(self.user)


class TopicSubscription(models.Model):
    """How a person hears about new best practices in one topic field (default: digest)."""

    class Level(models.TextChoices):
        ALL = "all", _("every new best practice by email")
        DIGEST = "digest", _("in the weekly digest")
        OFF = "off", _("nothing")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_subscriptions"
    )
    topic_field = models.ForeignKey("core.TopicField", on_delete=models.CASCADE, related_name="+")
    level = models.CharField(_("notify me"), max_length=6, choices=Level.choices)

    class Meta:
        verbose_name = _("topic field subscription")
        verbose_name_plural = _("topic field subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic_field"], name="subscription_once_per_topic_field"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} – {self.topic_field_id}: {self.level}"


class BestPracticeAnnouncement(models.Model):
    """Who was emailed about a newly published best practice (so the digest skips it)."""

    best_practice = models.ForeignKey(
        BestPractice, on_delete=models.CASCADE, related_name="announcements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["best_practice", "user"], name="announcement_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ← {self.best_practice_id}"

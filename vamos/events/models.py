"""Events: trainings, webinars, networking events, expert inputs and the yearly conference.

An event has a programme of sessions (workshops may have their own capacity and are chosen
at registration), registration questions, facilitators and materials. A registration is
one person's seat (or waitlist place) on behalf of an organisation. Seats are counted under
a row lock on the event (see ``services.py``), so capacity is never exceeded.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from vamos.core.models import TimeStampedModel


class Event(TimeStampedModel, ClusterableModel):
    class Kind(models.TextChoices):
        TRAINING = "training", _("Training")
        WEBINAR = "webinar", _("Webinar")
        NETWORKING = "networking", _("Networking event")
        CONFERENCE = "conference", _("Conference")
        EXPERT_INPUT = "expert_input", _("Expert input")

    class Format(models.TextChoices):
        ON_SITE = "on_site", _("On site")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Audience(models.TextChoices):
        REGISTERED = "registered", _("All registered organisations")
        INVITED = "invited", _("Invited organisations only")
        PUBLIC = "public", _("Public")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=90,
        unique=True,
        blank=True,
        help_text=_("Part of the web address. Left empty, it is made from the title."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    topic_fields = models.ManyToManyField(
        "core.TopicField", verbose_name=_("topic fields"), blank=True, related_name="events"
    )
    summary = models.CharField(
        _("short description"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for the calendar."),
    )
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language of the event"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    accessibility_info = models.TextField(
        _("accessibility of the venue"),
        blank=True,
        help_text=_("Step-free access, accessible toilets, hearing loop, sign language …"),
    )
    online_url = models.URLField(
        _("online room link"),
        max_length=500,
        blank=True,
        help_text=_("Shown only to confirmed participants (and in the last reminder)."),
    )
    online_access_info = models.CharField(
        _("online room access details"),
        max_length=300,
        blank=True,
        help_text=_("For example meeting ID and code. Shown only to confirmed participants."),
    )
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Left empty, registration is possible until the event starts."),
    )
    cancellation_deadline = models.DateTimeField(
        _("self-service cancellation until"),
        null=True,
        blank=True,
        help_text=_("Left empty, participants can cancel until the event starts."),
    )
    workshop_choice_deadline = models.DateTimeField(
        _("workshop choice can be changed until"),
        null=True,
        blank=True,
        help_text=_("Left empty, until the event starts."),
    )
    audience = models.CharField(
        _("audience"), max_length=12, choices=Audience.choices, default=Audience.REGISTERED
    )
    invited_organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("invited organisations"),
        blank=True,
        related_name="event_invitations",
        help_text=_("Only for the audience 'invited organisations only'."),
    )
    recording_url = models.URLField(
        _("recording link"),
        max_length=500,
        blank=True,
        help_text=_("Visible to participants after the event."),
    )
    contact_email = models.EmailField(
        _("contact for questions"),
        blank=True,
        help_text=_("Left empty, the team address is used."),
    )
    cancellation_reason = models.TextField(_("reason for the cancellation"), blank=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True, editable=False)
    # Raised whenever time or place change, so calendar programmes replace the old entry.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    duplicated_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="event_end_after_start"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="event_capacity_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.end <= timezone.now()

    @property
    def has_started(self) -> bool:
        return self.start <= timezone.now()

    @property
    def is_online(self) -> bool:
        return self.format in {self.Format.ONLINE, self.Format.HYBRID}

    @property
    def is_on_site(self) -> bool:
        return self.format in {self.Format.ON_SITE, self.Format.HYBRID}

    @property
    def spans_days(self) -> bool:
        return timezone.localtime(self.start).date() != timezone.localtime(self.end).date()

    @property
    def registration_closes_at(self) -> datetime.datetime:
        return self.registration_closes or self.start

    @property
    def cancellation_deadline_at(self) -> datetime.datetime:
        return self.cancellation_deadline or self.start

    @property
    def workshop_choice_deadline_at(self) -> datetime.datetime:
        return self.workshop_choice_deadline or self.start

    def registration_is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        if self.status != self.Status.PUBLISHED:
            return False
        if self.registration_opens and now < self.registration_opens:
            return False
        return now < self.registration_closes_at


class Facilitator(models.Model):
    """Who runs the event: VAMOs staff, an external expert or a peer organisation."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("VAMOs team")
        EXTERNAL = "external", _("External expert")
        ORGANISATION = "organisation", _("Peer organisation")

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="facilitators")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("team member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_facilitations",
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("Left empty: the person's name.")
    )
    role = models.CharField(_("role or affiliation"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        if self.user_id:
            return self.user.display_name
        if self.organisation_id:
            return self.organisation.name
        return ""


class Session(models.Model):
    """A programme item; a workshop may have its own capacity and be chosen at registration."""

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary")
        WORKSHOP = "workshop", _("Workshop")
        BREAK = "break", _("Break")

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PLENARY)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    room = models.CharField(_("room"), max_length=100, blank=True)
    track = models.CharField(_("track"), max_length=100, blank=True)
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(
        _("seats in the workshop"),
        null=True,
        blank=True,
        help_text=_("Workshops only. Leave empty for no limit."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["start", "track", "sort_order", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="event_session_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_workshop(self) -> bool:
        return self.kind == self.Kind.WORKSHOP


class Question(models.Model):
    """A registration question, e.g. dietary needs; a consent stores its text with the answer."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("Choice")
        YES_NO = "yes_no", _("Yes/no")
        CONSENT = "consent", _("Consent")

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(
        _("question"),
        max_length=500,
        help_text=_("For a consent: the full consent text the person agrees to."),
    )
    help_text = models.CharField(_("hint"), max_length=300, blank=True)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For a choice question: one option per line.")
    )
    required = models.BooleanField(_("required"), default=False)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Material(models.Model):
    """A handout, slides or a link; optionally only for participants, only after the event."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("or link"), max_length=500, blank=True)
    participants_only = models.BooleanField(_("only for participants"), default=True)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        if self.document_id:
            return self.document.url
        return self.url


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waitlist")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "cancelled")
        ATTENDED = "attended", _("attended")
        NO_SHOW = "no_show", _("did not attend")

    # Statuses that hold a seat.
    SEATED = (Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW)
    ACTIVE = (Status.CONFIRMED, Status.WAITLISTED, Status.ATTENDED, Status.NO_SHOW)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    # Waitlist order: first come, first served.
    waitlisted_at = models.DateTimeField(_("joined the waitlist"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_week_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_day_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    feedback_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    workshops = models.ManyToManyField(
        Session, through="WorkshopChoice", related_name="registrations", blank=True
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status="cancelled"),
                name="event_registration_one_active_per_person",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"

    @property
    def holds_seat(self) -> bool:
        return self.status in self.SEATED

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class Answer(models.Model):
    """An answer; the question's wording (a consent's full text) is stored with it."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    question_text = models.CharField(_("question"), max_length=500)
    kind = models.CharField(_("kind"), max_length=10, choices=Question.Kind.choices)
    value = models.TextField(_("answer"), blank=True)

    class Meta:
        ordering = ["question__sort_order", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"{self.question_text}: {self.value}"


class WorkshopChoice(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="workshop_choices"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="choices")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session__start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="event_workshop_choice_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration} → {self.session}"


class Feedback(models.Model):
    """The simple rating and comment a participant gives after the event (until the survey
    engine serves event feedback forms)."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("given on"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="event_feedback_rating_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration.event}: {self.rating}"


class Message(models.Model):
    """A message the team sent to an event's participants (the history stays visible)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="messages")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    include_waitlist = models.BooleanField(_("also to people on the waitlist"), default=False)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")

    def __str__(self) -> str:
        return self.subject


def _new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret calendar subscription address; revoking replaces the token."""

    VERSION_IGNORED_FIELDS = ("last_used_at",)  # written on each fetch (vamos.core.versions)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")

    def __str__(self) -> str:
        return str(self.user)

"""Learning journeys (Lernreisen): one organisation, accompanied by coaches over a period.

The journey is the organisation's case file. Everything that happens on it – the
application, status changes, the kickoff with its needs, goals and every re-rating of them,
activities, reviews, follow-ups and recommendations – is a row of its own with a date and a
person, so the timeline can show the whole development and nothing is ever overwritten.

Confidentiality: ``CoachNote`` rows are the only private content. They are read through
``permissions.can_view_private_notes`` (coaches of the journey, team admins) and never
leave the app for the organisation – not in pages, PDFs for the organisation or emails.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vamos.core.models import TimeStampedModel

DEFAULT_REVIEW_INTERVAL_WEEKS = 8


class Journey(TimeStampedModel):
    class Status(models.TextChoices):
        APPLIED = "applied", _("applied")
        KICKOFF_PLANNED = "kickoff_planned", _("kickoff planned")
        ACTIVE = "active", _("active")
        COMPLETED = "completed", _("completed")
        CANCELLED = "cancelled", _("cancelled")
        DECLINED = "declined", _("declined")

    OPEN_STATUSES = (Status.APPLIED, Status.KICKOFF_PLANNED, Status.ACTIVE)
    RUNNING_STATUSES = (Status.KICKOFF_PLANNED, Status.ACTIVE)

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="journeys",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    status_changed_at = models.DateTimeField(_("status since"), null=True, blank=True)

    # The application.
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="journey_applications",
    )
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)
    motivation = models.TextField(_("motivation"), blank=True)
    interest_topic_fields = models.ManyToManyField(
        "core.TopicField",
        verbose_name=_("topic fields of interest"),
        blank=True,
        related_name="journey_interests",
    )
    availability = models.TextField(_("availability"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_note = models.TextField(_("message with the decision"), blank=True)

    # The support the team grants.
    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="JourneyCoach",
        through_fields=("journey", "coach"),
        related_name="coached_journeys",
        verbose_name=_("coaches"),
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    planned_end_date = models.DateField(_("planned end"), null=True, blank=True)
    hour_budget = models.DecimalField(
        _("hour budget"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    review_interval_weeks = models.PositiveSmallIntegerField(
        _("review interval (weeks)"),
        default=DEFAULT_REVIEW_INTERVAL_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
    )
    members_can_view = models.BooleanField(
        _("all members of the organisation may see the journey"),
        default=True,
        help_text=_("Otherwise only the organisation's admins (contact persons) see it."),
    )

    class Meta:
        ordering = ["-applied_at", "-id"]
        verbose_name = _("learning journey")
        verbose_name_plural = _("learning journeys")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status__in=["applied", "kickoff_planned", "active"]),
                name="journey_one_open_per_organisation",
            ),
            models.CheckConstraint(
                condition=Q(planned_end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(planned_end_date__gte=models.F("start_date")),
                name="journey_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(hour_budget__isnull=True) | Q(hour_budget__gte=0),
                name="journey_budget_not_negative",
            ),
        ]

    def __str__(self) -> str:
        year = f" {self.start_date:%Y}" if self.start_date else ""
        return str(_("Learning journey of %(organisation)s%(year)s")) % {
            "organisation": self.organisation.name,
            "year": year,
        }

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING_STATUSES


class JourneyCoach(models.Model):
    """A coach assigned to a journey; the lead coach is the organisation's first contact."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="assignments")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.CASCADE,
        related_name="journey_assignments",
    )
    is_lead = models.BooleanField(_("lead coach"), default=False)
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-is_lead", "assigned_at", "id"]
        verbose_name = _("coach assignment")
        verbose_name_plural = _("coach assignments")
        constraints = [
            models.UniqueConstraint(fields=["journey", "coach"], name="journey_coach_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.coach} – {self.journey}"


class JourneyStatusChange(models.Model):
    """Every status change of a journey, with date and person; never edited."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(
        _("previous status"), max_length=20, choices=Journey.Status.choices, blank=True
    )
    to_status = models.CharField(_("new status"), max_length=20, choices=Journey.Status.choices)
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.from_status} → {self.to_status}"


class Priority(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")


PRIORITY_RANK = {Priority.HIGH: 3, Priority.MEDIUM: 2, Priority.LOW: 1}


class Kickoff(TimeStampedModel):
    """The kickoff conversation (Auftaktgespräch) that opens the active phase."""

    journey = models.OneToOneField(Journey, on_delete=models.CASCADE, related_name="kickoff")
    scheduled_for = models.DateTimeField(_("planned for"), null=True, blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    participants = models.TextField(
        _("participants"),
        blank=True,
        help_text=_("Names and roles, for example: Ayşe Demir (chair), Jonas Berger (office)."),
    )
    participants_count = models.PositiveSmallIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(500)],
    )
    summary = models.TextField(
        _("summary for the organisation"),
        blank=True,
        help_text=_("The organisation reads this text."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kickoff")
        verbose_name_plural = _("kickoffs")

    def __str__(self) -> str:
        return str(_("Kickoff of %(journey)s")) % {"journey": self.journey}


class Need(models.Model):
    """Needs clarification for one topic field: the situation and how urgent it is."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="needs")
    topic_field = models.ForeignKey(
        "core.TopicField", verbose_name=_("topic field"), on_delete=models.PROTECT, related_name="+"
    )
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices)
    situation = models.TextField(_("current situation"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["topic_field__sort_order", "topic_field__slug"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        constraints = [
            models.UniqueConstraint(fields=["journey", "topic_field"], name="need_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.topic_field}: {self.get_priority_display()}"


class Goal(TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        ACHIEVED = "achieved", _("achieved")
        DROPPED = "dropped", _("dropped")

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="goals")
    topic_field = models.ForeignKey(
        "core.TopicField", verbose_name=_("topic field"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("goal"), max_length=1000)
    success_indicator = models.TextField(
        _("success indicator"),
        max_length=1000,
        blank=True,
        help_text=_("How will we know that the goal is reached?"),
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["journey", "topic_field__sort_order", "created_at", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="goal_progress_max_100"),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_overdue(self) -> bool:
        return (
            self.target_date is not None
            and self.status in (self.Status.OPEN, self.Status.IN_PROGRESS)
            and self.target_date < timezone.localdate()
        )


class GoalUpdate(models.Model):
    """One state of a goal: written when it is set, edited or re-rated in a review.

    The goal row holds the current state; these rows keep every earlier one.
    """

    class Kind(models.TextChoices):
        CREATED = "created", _("set")
        EDITED = "edited", _("changed")
        RATED = "rated", _("re-rated in a review")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="updates")
    review = models.ForeignKey(
        "Review", null=True, blank=True, on_delete=models.CASCADE, related_name="goal_updates"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=12, choices=Goal.Status.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    target_date = models.DateField(_("target date"), null=True, blank=True)
    description = models.TextField(_("goal"))
    success_indicator = models.TextField(_("success indicator"), blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("goal update")
        verbose_name_plural = _("goal updates")

    def __str__(self) -> str:
        return f"{self.goal_id} {self.kind} {self.status}"


class Review(TimeStampedModel):
    """A review (Zwischenbilanz): a dated check-in that re-rates every goal."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField(_("held on"))
    summary = models.TextField(
        _("summary for the organisation"), help_text=_("The organisation reads this text.")
    )
    plan_changes = models.TextField(
        _("how we adapt the plan"),
        blank=True,
        help_text=_("What changes from now on: focus, formats, dates. The organisation reads it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return str(_("Review of %(date)s")) % {"date": self.held_on}


class Activity(TimeStampedModel):
    """One of the programme's five support formats, planned or held."""

    class Format(models.TextChoices):
        COACHING = "coaching", _("Coaching session")
        CONSULTING = "consulting", _("Topic consulting")
        WEBINAR = "webinar", _("Association webinar or seminar")
        MEMBER_CLUB_EVENT = "member_club_event", _("Event with member clubs")
        WORKSHOP_MODERATION = "workshop", _("Moderation of a team workshop or work meeting")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="activities")
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    planned_for = models.DateTimeField(_("planned for"), null=True, blank=True, db_index=True)
    held_on = models.DateField(_("held on"), null=True, blank=True, db_index=True)
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("200"))],
    )
    participants_count = models.PositiveSmallIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(5000)],
    )
    goals = models.ManyToManyField(
        Goal, verbose_name=_("goals it serves"), blank=True, related_name="activities"
    )
    topic_fields = models.ManyToManyField(
        "core.TopicField", verbose_name=_("topic fields"), blank=True, related_name="+"
    )
    shared_summary = models.TextField(
        _("summary for the organisation"),
        blank=True,
        help_text=_("The organisation reads this text."),
    )
    # References into the events and learning apps (ids, resolved through their selectors).
    event_id = models.PositiveBigIntegerField(_("event"), null=True, blank=True, db_index=True)
    event_created_here = models.BooleanField(default=False, editable=False)
    module_id = models.PositiveBigIntegerField(_("module"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-planned_for", "-id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="held") | Q(held_on__isnull=False),
                name="activity_held_has_date",
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gte=0), name="activity_hours_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def date(self) -> date | None:
        if self.held_on:
            return self.held_on
        return self.planned_for.date() if self.planned_for else None


class CoachNote(TimeStampedModel):
    """A private note of a coach. Only the journey's coaches and team admins read it."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="coach_notes")
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="coach_notes"
    )
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="coach_notes"
    )
    about_kickoff = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("private note"), max_length=10000)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("private coach note")
        verbose_name_plural = _("private coach notes")

    def __str__(self) -> str:
        return f"{self.journey_id}: {self.text[:40]}"


class FollowUp(TimeStampedModel):
    """Something to do after an activity or review, by a person, by a date."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="follow_ups")
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    description = models.CharField(_("what is to be done"), max_length=300)
    due_on = models.DateField(_("due on"), db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="journey_follow_ups",
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["done_at", "due_on", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return self.description

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: date | None = None) -> bool:
        return self.done_at is None and self.due_on < (today or timezone.localdate())


class Recommendation(TimeStampedModel):
    """A module, video, event or peer organisation a coach recommends to the organisation.

    ``target_id`` points into the app of ``kind``; ``target_title`` keeps the title at the
    time of recommending, so the record stays readable if the target disappears.
    """

    class Kind(models.TextChoices):
        MODULE = "module", _("E-learning module")
        VIDEO = "video", _("Learning video")
        EVENT = "event", _("Event")
        ORGANISATION = "organisation", _("Peer organisation")

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="recommendations")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    target_id = models.PositiveBigIntegerField()
    target_title = models.CharField(_("title"), max_length=255)
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal it serves"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
    )
    reason = models.TextField(
        _("why we recommend it"), blank=True, help_text=_("The organisation reads this text.")
    )
    recommended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["journey", "kind", "target_id"],
                condition=Q(withdrawn_at__isnull=True),
                name="recommendation_once_per_journey",
            ),
        ]

    def __str__(self) -> str:
        return self.target_title


class RecommendationOpen(models.Model):
    """A member of the organisation opened a recommendation (first time only)."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="opens"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)

    class Meta:
        verbose_name = _("opened recommendation")
        verbose_name_plural = _("opened recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "user"], name="recommendation_open_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id} ← {self.user_id}"


class Reminder(models.Model):
    """A reminder email that went out, so that the daily run sends each one only once."""

    class Kind(models.TextChoices):
        ACTIVITY_UPCOMING = "activity_upcoming", _("upcoming activity")
        KICKOFF_UPCOMING = "kickoff_upcoming", _("upcoming kickoff")
        FOLLOW_UP_DUE = "follow_up_due", _("follow-up due")
        REVIEW_DUE = "review_due", _("review due")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=80)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "recipient"], name="reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} → {self.recipient_id}"


def review_due_date(
    *, last_review: date | None, kickoff: date | None, start: date | None, weeks: int
) -> date | None:
    """When the next review is due: ``weeks`` after the last review (or kickoff, or start)."""
    reference = last_review or kickoff or start
    return reference + timedelta(weeks=weeks) if reference else None

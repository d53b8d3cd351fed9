"""Surveys: the needs assessment, the self-assessment (Verbands-Check) and event feedback.

One engine serves all three. A ``Survey`` runs in ``Wave``s (e.g. 2025, 2026); each wave has
its own ``Section``s (one page each) and ``Question``s, copied from the previous wave so that
questions stay comparable (a question keeps its ``key`` across waves). A ``Response`` belongs
to an organisation or a person; its ``Answer``s hold one JSON value per question.

Anonymity: for anonymous surveys the submitted response keeps neither the organisation nor
the person nor any time; that someone took part is recorded separately in ``Participation``
(which is also what enforces "one response" for every survey).
"""

import uuid
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vamos.core.models import TimeStampedModel
from vamos.core.translation import TranslatedField

SCALE_POINTS = (1, 2, 3, 4, 5)


class Survey(TimeStampedModel):
    class Kind(models.TextChoices):
        NEEDS = "needs", _("Needs assessment")
        SELF_ASSESSMENT = "self_assessment", _("Self-assessment (Verbands-Check)")
        FEEDBACK = "feedback", _("Event feedback")
        FEEDBACK_TEMPLATE = "feedback_template", _("Default feedback form for events")
        OTHER = "other", _("Other survey")

    class Respondent(models.TextChoices):
        ORGANISATION = "organisation", _("One response per organisation (answered by its admin)")
        PERSON = "person", _("One response per person")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    intro_de = models.TextField(_("introduction (German)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    respondent = models.CharField(
        _("who answers"),
        max_length=12,
        choices=Respondent.choices,
        default=Respondent.ORGANISATION,
    )
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_(
            "Submitted answers keep no link to the organisation or person, and results never "
            "show a group smaller than the minimum group size."
        ),
    )
    # A feedback form belongs to an event (or another object of another app); the label and
    # kind are kept here so that results per event kind need no other app.
    context_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    context_id = models.PositiveBigIntegerField(null=True, blank=True)
    context = GenericForeignKey("context_type", "context_id")
    context_label = models.CharField(_("belongs to"), max_length=255, blank=True)
    context_kind = models.CharField(_("kind of event"), max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    title = TranslatedField("title")
    intro = TranslatedField("intro")

    class Meta:
        ordering = ["kind", "title_de"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            # Development across years needs one series of self-assessments.
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="self_assessment"),
                name="survey_one_self_assessment",
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="feedback_template"),
                name="survey_one_feedback_template",
            ),
            models.UniqueConstraint(
                fields=["context_type", "context_id"],
                condition=Q(context_id__isnull=False),
                name="survey_one_form_per_context",
            ),
            models.CheckConstraint(
                condition=~Q(kind="self_assessment")
                | Q(respondent="organisation", anonymous=False),
                name="survey_self_assessment_identified_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def per_organisation(self) -> bool:
        return self.respondent == self.Respondent.ORGANISATION

    @property
    def is_self_assessment(self) -> bool:
        return self.kind == self.Kind.SELF_ASSESSMENT


class Wave(TimeStampedModel):
    """One round of a survey (Erhebungsrunde), open between two dates."""

    class Audience(models.TextChoices):
        ALL = "all", _("All active organisations (or all their members)")
        INVITED = "invited", _("Only invited organisations or people")

    class Status(models.TextChoices):
        DRAFT = "draft", _("in preparation")
        SCHEDULED = "scheduled", _("scheduled")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="waves")
    label = models.CharField(_("name of the round"), max_length=60, help_text=_("e.g. 2026"))
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on (last day)"))
    audience = models.CharField(
        _("who may answer"), max_length=10, choices=Audience.choices, default=Audience.ALL
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published rounds can be answered; publish when the questions are final."),
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_waves",
    )
    invitations_sent_at = models.DateTimeField(_("invitations sent"), null=True, blank=True)
    reminders_sent_at = models.DateTimeField(_("reminders sent"), null=True, blank=True)

    class Meta:
        ordering = ["survey", "-opens_on", "-pk"]
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        constraints = [
            models.UniqueConstraint(fields=["survey", "label"], name="wave_label_unique"),
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")), name="wave_closes_after_opening"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} {self.label}"

    def status_on(self, today: date | None = None) -> str:
        today = today or timezone.localdate()
        if not self.is_published:
            return self.Status.DRAFT
        if today < self.opens_on:
            return self.Status.SCHEDULED
        if today > self.closes_on:
            return self.Status.CLOSED
        return self.Status.OPEN

    @property
    def status(self) -> str:
        return self.status_on()

    @property
    def status_label(self) -> str:
        return str(self.Status(self.status).label)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Section(models.Model):
    """A page of the questionnaire."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    intro_de = models.TextField(_("introduction (German)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)

    title = TranslatedField("title")
    intro = TranslatedField("intro")

    class Meta:
        ordering = ["wave", "position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title


class Competence(models.Model):
    """A competence of the self-assessment, rated 1–5 by each organisation once per round."""

    topic_field = models.ForeignKey(
        "core.TopicField",
        verbose_name=_("topic field"),
        on_delete=models.PROTECT,
        related_name="competences",
    )
    key = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("Stays the same across rounds, so that ratings can be compared."),
    )
    name_de = models.CharField(_("name (German)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    statement_de = models.CharField(_("statement to rate (German)"), max_length=300)
    statement_en = models.CharField(_("statement to rate (English)"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("used in new rounds"),
        default=True,
        help_text=_("Inactive competences stay in earlier rounds but are not asked again."),
    )

    name = TranslatedField("name")
    statement = TranslatedField("statement")

    class Meta:
        ordering = ["topic_field__sort_order", "position", "pk"]
        verbose_name = _("competence")
        verbose_name_plural = _("competences (Verbands-Check)")

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Scale from 1 to 5")
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        RANKING = "ranking", _("Ranking of topic fields")
        NUMBER = "number", _("Number")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")

    CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE)
    # Questions whose answers can be a condition for another question.
    CONDITION_KINDS = (Kind.SCALE, Kind.SINGLE, Kind.MULTIPLE)
    TEXT_KINDS = (Kind.SHORT_TEXT, Kind.LONG_TEXT)

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="questions"
    )
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_(
            "Stays the same when the round is copied; answers to the same key are compared "
            "across rounds."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    text_de = models.CharField(_("question (German)"), max_length=500)
    text_en = models.CharField(_("question (English)"), max_length=500, blank=True)
    help_de = models.CharField(_("hint (German)"), max_length=500, blank=True)
    help_en = models.CharField(_("hint (English)"), max_length=500, blank=True)
    required = models.BooleanField(_("answer required"), default=False)
    # Labels of the points 1–5 of a scale (a list of five strings, empty ones allowed).
    scale_labels_de = models.JSONField(_("scale labels (German)"), default=list, blank=True)
    scale_labels_en = models.JSONField(_("scale labels (English)"), default=list, blank=True)
    number_min = models.DecimalField(
        _("smallest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    number_max = models.DecimalField(
        _("largest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    topic_fields = models.ManyToManyField(
        "core.TopicField", verbose_name=_("topic fields"), blank=True, related_name="+"
    )
    is_need_indicator = models.BooleanField(
        _("counts for the needs overview"),
        default=False,
        help_text=_(
            "For scale questions (higher = more need) and rankings (first = most need) tagged "
            "with topic fields."
        ),
    )
    condition_question = models.ForeignKey(
        "self",
        verbose_name=_("show only if the answer to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dependent_questions",
    )
    condition_values = models.JSONField(_("is one of"), default=list, blank=True)
    competence = models.ForeignKey(
        Competence, null=True, blank=True, on_delete=models.PROTECT, related_name="questions"
    )

    text = TranslatedField("text")
    help = TranslatedField("help")

    class Meta:
        ordering = ["section__position", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["wave", "key"], name="question_key_unique_in_wave"),
            models.CheckConstraint(
                condition=Q(number_min__isnull=True)
                | Q(number_max__isnull=True)
                | Q(number_max__gte=F("number_min")),
                name="question_number_range_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def scale_labels(self) -> list[str]:
        from django.utils.translation import get_language

        language = (get_language() or "de").split("-")[0]
        labels = self.scale_labels_en if language == "en" else self.scale_labels_de
        fallback = self.scale_labels_de or []
        labels = labels or []
        return [
            (labels[i] if i < len(labels) and labels[i] else "")
            or (fallback[i] if i < len(fallback) else "")
            for i in range(len(SCALE_POINTS))
        ]

    @property
    def has_condition(self) -> bool:
        return self.condition_question_id is not None and bool(self.condition_values)

    @property
    def number_bounds(self) -> tuple[Decimal | None, Decimal | None]:
        return self.number_min, self.number_max


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    value = models.SlugField(_("value"), max_length=60)
    label_de = models.CharField(_("label (German)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    label = TranslatedField("label")

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="choice_value_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class Response(models.Model):
    """The answers of one organisation or one person to one round.

    The id is random, so neither the address of a response nor the order of the rows tells
    who answered when."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    last_page = models.PositiveSmallIntegerField(_("last page"), default=1)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    saved_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kind and federal state of the organisation when submitted, for filtered results.
    segment_kind = models.CharField(_("kind of organisation"), max_length=20, blank=True)
    segment_state = models.CharField(_("federal state"), max_length=2, blank=True)

    class Meta:
        ordering = ["wave", "id"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "organisation"],
                condition=Q(organisation__isnull=False),
                name="response_one_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["wave", "respondent"],
                condition=Q(respondent__isnull=False),
                name="response_one_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wave} – {self.get_status_display()}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def segment_kind_label(self) -> str:
        from vamos.organisations.models import Organisation

        labels = dict(Organisation.Kind.choices)
        return str(labels.get(self.segment_kind, self.segment_kind))

    @property
    def segment_state_label(self) -> str:
        from vamos.organisations.models import FederalState

        return str(dict(FederalState.choices).get(self.segment_state, self.segment_state))


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    # int (scale), str (single choice, number as decimal string, text), list (multiple
    # choice values; ranking: topic field slugs, most important first).
    value = models.JSONField(_("answer"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="answer_one_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.value}"


class Participation(models.Model):
    """That an organisation or person has submitted a round – never which response it was.

    This is what enforces one response per organisation or person, for anonymous surveys as
    well, and what reminders and response rates count."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_participations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_participations",
    )
    # A day, not a time: a time could be matched with the response.
    submitted_on = models.DateField(_("submitted on"))

    class Meta:
        ordering = ["wave", "submitted_on", "pk"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "organisation"],
                condition=Q(organisation__isnull=False, user__isnull=True),
                name="participation_one_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["wave", "user"],
                condition=Q(user__isnull=False),
                name="participation_one_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wave}: {self.organisation or self.user}"


class WaveInvitation(models.Model):
    """An organisation (all its admins) or a person invited to answer a round."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_invitations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("email sent"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["wave", "pk"]
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "organisation"],
                condition=Q(user__isnull=True, organisation__isnull=False),
                name="wave_invitation_one_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["wave", "user"],
                condition=Q(user__isnull=False),
                name="wave_invitation_one_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wave}: {self.organisation or self.user}"

"""Programme years and the team's indicators. Every figure itself is computed from the
records of the other apps (``figures.py``); nothing here stores a count."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from vamos.core.models import TimeStampedModel
from vamos.organisations.models import FederalState, Organisation


class ProgrammeYear(TimeStampedModel):
    """A year of the funded programme; it need not follow the calendar year."""

    label = models.CharField(_("name"), max_length=60, unique=True, help_text=_("e.g. 2026"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("programme year")
        verbose_name_plural = _("programme years")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="programme_year_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.label


class Indicator(TimeStampedModel):
    """A figure of the reports with a baseline and a target for a period, e.g.
    "organisations with an active learning journey: target 25"."""

    name = models.CharField(_("name"), max_length=200)
    metric = models.CharField(_("figure"), max_length=60)
    description = models.TextField(
        _("why it matters"),
        blank=True,
        help_text=_("Optional: what the funder or the team expects from this figure."),
    )
    baseline = models.DecimalField(
        _("baseline"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    target = models.DecimalField(
        _("target"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    programme_year = models.ForeignKey(
        ProgrammeYear,
        verbose_name=_("programme year"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=20, choices=Organisation.Kind.choices, blank=True
    )
    federal_state = models.CharField(
        _("federal state"), max_length=2, choices=FederalState.choices, blank=True
    )
    topic_field = models.ForeignKey(
        "core.TopicField",
        verbose_name=_("topic field"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["position", "name", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(programme_year__isnull=False, starts_on__isnull=True, ends_on__isnull=True)
                    | Q(
                        programme_year__isnull=True,
                        starts_on__isnull=False,
                        ends_on__isnull=False,
                        ends_on__gte=F("starts_on"),
                    )
                ),
                name="indicator_one_period",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def period(self) -> tuple[date, date]:
        if self.programme_year_id:
            return self.programme_year.starts_on, self.programme_year.ends_on
        assert self.starts_on is not None and self.ends_on is not None
        return self.starts_on, self.ends_on

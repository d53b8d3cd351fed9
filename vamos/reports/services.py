"""Writes of the reports app: programme years, indicators, and the audit trail of exports."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vamos.core.services import audit_log

from . import selectors
from .models import Indicator, ProgrammeYear
from .scope import Scope

PROGRAMME_YEAR_FIELDS = ["label", "starts_on", "ends_on"]
INDICATOR_FIELDS = [
    "name",
    "metric",
    "description",
    "baseline",
    "target",
    "programme_year",
    "starts_on",
    "ends_on",
    "organisation_kind",
    "federal_state",
    "topic_field",
    "position",
]


@transaction.atomic
def programme_year_save(*, year: ProgrammeYear, actor: Any) -> ProgrammeYear:
    """Create or change a programme year; programme years must not overlap."""
    if year.ends_on < year.starts_on:
        raise ValidationError({"ends_on": _("The last day must not be before the first day.")})
    overlapping = selectors.programme_years_overlapping(
        starts_on=year.starts_on, ends_on=year.ends_on, exclude_pk=year.pk
    ).first()
    if overlapping is not None:
        raise ValidationError(
            {
                "starts_on": _("This period overlaps the programme year %(label)s.")
                % {"label": overlapping.label}
            }
        )
    created = year.pk is None
    if created:
        year.save()
    else:
        year.save(update_fields=[*PROGRAMME_YEAR_FIELDS, "updated_at"])
    audit_log(
        actor=actor,
        action="reports.programme_year_create" if created else "reports.programme_year_update",
        obj=year,
    )
    return year


@transaction.atomic
def programme_year_delete(*, year: ProgrammeYear, actor: Any) -> None:
    if year.indicators.exists():
        raise ValidationError(
            _("Indicators refer to this programme year. Change or delete them first.")
        )
    audit_log(actor=actor, action="reports.programme_year_delete", obj=year)
    year.delete()


@transaction.atomic
def indicator_save(*, indicator: Indicator, actor: Any) -> Indicator:
    created = indicator.pk is None
    if created:
        indicator.created_by = actor if getattr(actor, "is_authenticated", False) else None
        indicator.save()
    else:
        indicator.save(update_fields=[*INDICATOR_FIELDS, "updated_at"])
    audit_log(
        actor=actor,
        action="reports.indicator_create" if created else "reports.indicator_update",
        obj=indicator,
    )
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator, actor: Any) -> None:
    audit_log(
        actor=actor, action="reports.indicator_delete", obj=indicator, data={"name": indicator.name}
    )
    indicator.delete()


def report_export_logged(*, actor: Any, scope: Scope, file_format: str) -> None:
    """Every funder report download is written to the audit log."""
    audit_log(
        actor=actor,
        action="reports.export",
        data={"format": file_format, "period": scope.label, **scope.query},
    )


def organisation_report_logged(*, actor: Any, organisation: Any, file_format: str) -> None:
    audit_log(
        actor=actor,
        action="reports.organisation_report",
        obj=organisation,
        data={"format": file_format},
    )

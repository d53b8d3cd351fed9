"""The report's filter form (period and filters), indicators and programme years."""

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from vamos.core.selectors import topic_field_list
from vamos.organisations.models import FederalState, Organisation

from . import selectors
from .figures import metric_choices
from .models import Indicator, ProgrammeYear
from .scope import PERIOD_CALENDAR_YEAR, PERIOD_CUSTOM, PERIOD_PROGRAMME_YEAR, Scope

MAX_RANGE_DAYS = 366 * 10


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ReportFilterForm(forms.Form):
    """GET form of the dashboard. Field names are the German query parameters."""

    zeitraum = forms.ChoiceField(
        label=_("Period"),
        choices=[
            (PERIOD_PROGRAMME_YEAR, _("Programme year")),
            (PERIOD_CALENDAR_YEAR, _("Calendar year")),
            (PERIOD_CUSTOM, _("Custom range")),
        ],
        widget=forms.RadioSelect,
    )
    programmjahr = forms.ModelChoiceField(
        label=_("Programme year"),
        queryset=ProgrammeYear.objects.none(),
        required=False,
        empty_label=pgettext_lazy("report filter", "Choose"),
    )
    jahr = forms.IntegerField(
        label=_("Calendar year"), required=False, min_value=2000, max_value=2100
    )
    von = forms.DateField(label=_("From"), required=False, widget=DateInput())
    bis = forms.DateField(label=_("Until"), required=False, widget=DateInput())
    art = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
    )
    land = forms.ChoiceField(
        label=_("Federal state"),
        required=False,
        choices=[("", _("All federal states")), *FederalState.choices],
    )
    themenfeld = forms.ModelChoiceField(
        label=_("Topic field"),
        queryset=topic_field_list(),
        required=False,
        to_field_name="slug",
        empty_label=_("All topic fields"),
    )

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        self.today = timezone.localdate()
        self.current_year = selectors.programme_year_containing(self.today)
        if not data:
            data = self.default_data()
        super().__init__(data, **kwargs)
        self.fields["programmjahr"].queryset = selectors.programme_year_list()
        self.fields["themenfeld"].queryset = topic_field_list()

    def default_data(self) -> dict[str, Any]:
        if self.current_year is not None:
            return {"zeitraum": PERIOD_PROGRAMME_YEAR, "programmjahr": self.current_year.pk}
        return {"zeitraum": PERIOD_CALENDAR_YEAR, "jahr": self.today.year}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        period = data.get("zeitraum")
        if period == PERIOD_PROGRAMME_YEAR and not data.get("programmjahr"):
            if "programmjahr" not in self.errors:
                self.add_error("programmjahr", _("Choose a programme year."))
        elif period == PERIOD_CALENDAR_YEAR and not data.get("jahr"):
            if "jahr" not in self.errors:
                self.add_error(
                    "jahr", _("Enter a year, for example %(year)s.") % {"year": self.today.year}
                )
        elif period == PERIOD_CUSTOM:
            start, end = data.get("von"), data.get("bis")
            if start is None and "von" not in self.errors:
                self.add_error("von", _("Enter the first day of the range."))
            if end is None and "bis" not in self.errors:
                self.add_error("bis", _("Enter the last day of the range."))
            if start and end:
                if end < start:
                    self.add_error("bis", _("The last day must not be before the first day."))
                elif (end - start).days > MAX_RANGE_DAYS:
                    self.add_error("bis", _("Choose a range of at most ten years."))
        return data

    def scope(self) -> Scope:
        """The scope of a valid form."""
        data = self.cleaned_data
        period = data["zeitraum"]
        query: dict[str, str] = {"zeitraum": period}
        if period == PERIOD_PROGRAMME_YEAR:
            year: ProgrammeYear = data["programmjahr"]
            start, end = year.starts_on, year.ends_on
            label = _("Programme year %(label)s") % {"label": year.label}
            query["programmjahr"] = str(year.pk)
        elif period == PERIOD_CALENDAR_YEAR:
            start, end = date(data["jahr"], 1, 1), date(data["jahr"], 12, 31)
            label = _("Calendar year %(year)s") % {"year": data["jahr"]}
            query["jahr"] = str(data["jahr"])
        else:
            start, end = data["von"], data["bis"]
            label = _("%(start)s to %(end)s") % {
                "start": start.strftime("%d.%m.%Y"),
                "end": end.strftime("%d.%m.%Y"),
            }
            query.update(von=start.isoformat(), bis=end.isoformat())
        for name in ("art", "land"):
            if data.get(name):
                query[name] = data[name]
        if data.get("themenfeld"):
            query["themenfeld"] = data["themenfeld"].slug
        return Scope(
            start=start,
            end=end,
            label=str(label),
            kind=data.get("art", ""),
            state=data.get("land", ""),
            topic_field=data.get("themenfeld"),
            query=query,
        )


class ProgrammeYearForm(forms.ModelForm):
    class Meta:
        model = ProgrammeYear
        fields = ["label", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The last day must not be before the first day."))
        return data

    def validate_constraints(self) -> None:
        # The end-after-start constraint is explained next to the field in ``clean``.
        if "ends_on" not in self.errors:
            super().validate_constraints()


class IndicatorForm(forms.ModelForm):
    metric = forms.ChoiceField(
        label=_("Figure"),
        help_text=_("The figure of the report this indicator follows, as defined there."),
    )
    period = forms.ChoiceField(
        label=_("Period"),
        choices=[("programme_year", _("A programme year")), ("custom", _("Custom range"))],
        widget=forms.RadioSelect,
        initial="programme_year",
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "metric",
            "description",
            "baseline",
            "target",
            "period",
            "programme_year",
            "starts_on",
            "ends_on",
            "organisation_kind",
            "federal_state",
            "topic_field",
            "position",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "baseline": _("The value at the start, e.g. from the year before."),
            "target": _("The value to reach by the end of the period."),
            "organisation_kind": _("Optional: count only organisations of this kind."),
            "federal_state": _("Optional: count only organisations in this federal state."),
            "topic_field": _("Optional: count only what is tagged with this topic field."),
            "position": _("Indicators are listed by this number, then by name."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["metric"].choices = [("", _("Choose a figure")), *metric_choices()]
        self.fields["starts_on"].label = _("First day")
        self.fields["ends_on"].label = _("Last day")
        self.fields["baseline"].required = False
        self.fields["position"].required = False
        self.fields["programme_year"].queryset = selectors.programme_year_list()
        self.fields["topic_field"].queryset = topic_field_list()
        if self.instance.pk:
            self.fields["period"].initial = (
                "programme_year" if self.instance.programme_year_id else "custom"
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("baseline") is None and "baseline" not in self.errors:
            data["baseline"] = Decimal("0")
        if data.get("position") is None and "position" not in self.errors:
            data["position"] = 0
        if data.get("period") == "programme_year":
            if not data.get("programme_year") and "programme_year" not in self.errors:
                self.add_error("programme_year", _("Choose the programme year."))
            data["starts_on"] = data["ends_on"] = None
        elif data.get("period") == "custom":
            data["programme_year"] = None
            start, end = data.get("starts_on"), data.get("ends_on")
            if start is None and "starts_on" not in self.errors:
                self.add_error("starts_on", _("Enter the first day of the period."))
            if end is None and "ends_on" not in self.errors:
                self.add_error("ends_on", _("Enter the last day of the period."))
            if start and end and end < start:
                self.add_error("ends_on", _("The last day must not be before the first day."))
        return data

    def validate_constraints(self) -> None:
        # The one-period constraint is explained next to the period fields in ``clean``.
        if not {"programme_year", "starts_on", "ends_on", "period"} & set(self.errors):
            super().validate_constraints()

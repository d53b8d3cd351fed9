"""Forms: one page of a questionnaire, and the team's forms for building and running surveys."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vamos.core.models import TopicField
from vamos.organisations.models import FederalState, Organisation

from .models import SCALE_POINTS, Question, Section, Survey, Wave
from .questionnaire import (
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    is_empty,
    is_visible,
    normalise,
    ranking_items,
)
from .services.authoring import condition_values_allowed

# --- Answering ----------------------------------------------------------------------------


class AnswerFieldMixin:
    """``required`` says whether the question must be answered (and labels it so); the form
    checks it itself, because a required question may be hidden by its condition and a
    draft may be saved incomplete."""

    def validate(self, value: Any) -> None:
        if value in self.empty_values:  # type: ignore[attr-defined]
            return
        super().validate(value)  # type: ignore[misc]


class AnswerChoiceField(AnswerFieldMixin, forms.ChoiceField):
    pass


class AnswerMultipleChoiceField(AnswerFieldMixin, forms.MultipleChoiceField):
    pass


class AnswerCharField(AnswerFieldMixin, forms.CharField):
    pass


class RankingWidget(forms.Widget):
    """One "place" select per topic field; the template renders them (see question.html)."""

    def __init__(self, items: list[TopicField], attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.items = items

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, str]:
        return {item.slug: data.get(f"{name}_{item.slug}", "") for item in self.items}

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return not any(f"{name}_{item.slug}" in data for item in self.items)


class RankingField(AnswerFieldMixin, forms.Field):
    widget = RankingWidget

    def __init__(self, *, items: list[TopicField], **kwargs: Any) -> None:
        self.items = items
        super().__init__(widget=RankingWidget(items), **kwargs)

    def to_python(self, value: Any) -> list[str]:
        if isinstance(value, list):
            return value
        if not value or not any(str(v).strip() for v in value.values()):
            return []
        message = _("Please give every topic field its own place from 1 to %(count)s.") % {
            "count": len(self.items)
        }
        places: dict[str, int] = {}
        for slug, raw in value.items():
            try:
                place = int(raw)
            except (TypeError, ValueError) as exc:
                raise ValidationError(message) from exc
            if not 1 <= place <= len(self.items):
                raise ValidationError(message)
            places[slug] = place
        if len(set(places.values())) != len(self.items):
            raise ValidationError(message)
        return [slug for slug, _place in sorted(places.items(), key=lambda item: item[1])]


def _scale_choices(question: Question) -> list[tuple[str, str]]:
    labels = question.scale_labels
    return [
        (str(point), f"{point} – {labels[point - 1]}" if labels[point - 1] else str(point))
        for point in SCALE_POINTS
    ]


def _field_for(question: Question, topic_fields: list[TopicField]) -> forms.Field:
    common: dict[str, Any] = {
        "label": question.text,
        "help_text": question.help,
        "required": question.required,
    }
    kind = question.kind
    if kind == Question.Kind.SCALE:
        return AnswerChoiceField(
            choices=_scale_choices(question), widget=forms.RadioSelect, **common
        )
    if kind == Question.Kind.SINGLE:
        return AnswerChoiceField(
            choices=[(c.value, c.label) for c in question.choices.all()],
            widget=forms.RadioSelect,
            **common,
        )
    if kind == Question.Kind.MULTIPLE:
        return AnswerMultipleChoiceField(
            choices=[(c.value, c.label) for c in question.choices.all()],
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if kind == Question.Kind.RANKING:
        return RankingField(items=ranking_items(question, topic_fields), **common)
    if kind == Question.Kind.NUMBER:
        return AnswerCharField(
            max_length=40,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            **common,
        )
    if kind == Question.Kind.SHORT_TEXT:
        return AnswerCharField(max_length=MAX_SHORT_TEXT, **common)
    return AnswerCharField(
        max_length=MAX_LONG_TEXT, widget=forms.Textarea(attrs={"rows": 5}), **common
    )


def _initial(question: Question, value: Any) -> Any:
    if is_empty(value):
        return None
    if question.kind == Question.Kind.SCALE:
        return str(value)
    if question.kind == Question.Kind.NUMBER:
        return str(Decimal(str(value)).normalize()).replace(".", ",")
    return value


class AnswerPageForm(forms.Form):
    """The questions of one page. Values are checked with the same rules the service uses;
    required answers are demanded only when the person moves on (not when saving a draft)."""

    def __init__(
        self,
        *args: Any,
        questions: list[Question],
        topic_fields: list[TopicField],
        stored: dict[int, Any],
        enforce_required: bool = False,
        **kwargs: Any,
    ) -> None:
        self.questions = questions
        self.topic_fields = topic_fields
        self.stored = stored
        self.enforce_required = enforce_required
        kwargs["initial"] = {
            f"q{question.pk}": _initial(question, stored.get(question.pk)) for question in questions
        }
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[f"q{question.pk}"] = _field_for(question, topic_fields)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        values: dict[int, Any] = {}
        for question in self.questions:
            name = f"q{question.pk}"
            if name in self.errors:
                continue
            try:
                values[question.pk] = normalise(question, cleaned.get(name), self.topic_fields)
            except ValidationError as error:
                self.add_error(name, error)
        merged = {**self.stored, **values}
        merged = {pk: value for pk, value in merged.items() if value is not None}
        for question in self.questions:
            name = f"q{question.pk}"
            if not is_visible(question, merged):
                values[question.pk] = None
                continue
            if (
                self.enforce_required
                and question.required
                and name not in self.errors
                and values.get(question.pk) is None
            ):
                self.add_error(name, _("Please answer this question."))
        self.values = values
        return cleaned


# --- Starting a survey for an organisation -------------------------------------------------


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation you are answering for"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _(
                "You can answer only for an organisation whose admin (contact person) you are."
            ),
            "required": _("Please choose the organisation you are answering for."),
        },
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


# --- The team's forms ---------------------------------------------------------------------

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ServiceModelForm(forms.ModelForm):
    """The form checks input; the service validates the whole object, with messages people
    understand, and saves it. The model instance is therefore not touched here."""

    def _post_clean(self) -> None:
        pass


class SurveyForm(ServiceModelForm):
    KINDS = [
        (Survey.Kind.NEEDS, Survey.Kind.NEEDS.label),
        (Survey.Kind.SELF_ASSESSMENT, Survey.Kind.SELF_ASSESSMENT.label),
        (Survey.Kind.OTHER, Survey.Kind.OTHER.label),
    ]

    class Meta:
        model = Survey
        fields = ["kind", "title_de", "title_en", "intro_de", "intro_en", "respondent", "anonymous"]
        widgets = {
            "kind": forms.RadioSelect,
            "respondent": forms.RadioSelect,
            "intro_de": forms.Textarea(attrs={"rows": 4}),
            "intro_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kinds = list(self.KINDS)
        if self.instance.pk and self.instance.kind not in dict(kinds):
            kinds.append((self.instance.kind, self.instance.get_kind_display()))
        self.fields["kind"].choices = kinds
        self.fields["respondent"].choices = Survey.Respondent.choices


class WaveForm(ServiceModelForm):
    class Meta:
        model = Wave
        fields = ["label", "opens_on", "closes_on", "audience", "is_published"]
        widgets = {"opens_on": DATE_INPUT, "closes_on": DATE_INPUT, "audience": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = Wave.Audience.choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The closing date must be on or after the opening date."))
        return cleaned


class WaveCreateForm(WaveForm):
    start = forms.ChoiceField(
        label=_("Questions of the new round"),
        widget=forms.RadioSelect,
        choices=[],
    )
    source = forms.ModelChoiceField(
        label=_("Round to copy"),
        queryset=Wave.objects.none(),
        required=False,
        help_text=_("Questions keep their keys, so answers can be compared with that round."),
    )

    class Meta(WaveForm.Meta):
        fields = ["label", "opens_on", "closes_on", "audience"]

    def __init__(self, *args: Any, survey: Survey, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        waves = survey.waves.order_by("-opens_on", "-pk")
        self.fields["source"].queryset = waves
        self.fields["source"].empty_label = _("– the latest round –")
        choices = []
        if waves.exists():
            choices.append(("copy", _("Copy the questions of an earlier round (recommended)")))
        if survey.is_self_assessment:
            choices.append(("competences", _("Build from the current competence set")))
        choices.append(("empty", _("Start without questions")))
        self.fields["start"].choices = choices
        self.fields["start"].initial = choices[0][0]
        if not waves.exists():
            del self.fields["source"]


class SectionForm(ServiceModelForm):
    class Meta:
        model = Section
        fields = ["title_de", "title_en", "intro_de", "intro_en"]
        widgets = {
            "intro_de": forms.Textarea(attrs={"rows": 3}),
            "intro_en": forms.Textarea(attrs={"rows": 3}),
        }


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines()]


class QuestionForm(ServiceModelForm):
    choices = forms.CharField(
        label=_("Answer options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "For single and multiple choice: one option per line, German and English separated "
            "by a vertical bar, e.g. “Ja | Yes”."
        ),
    )
    scale_labels_de = forms.CharField(
        label=_("Labels of the scale points (German)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For scales: up to five lines, for the points 1 to 5; lines may be empty."),
    )
    scale_labels_en = forms.CharField(
        label=_("Labels of the scale points (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    condition_values = forms.MultipleChoiceField(
        label=_("… is one of these answers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose the question first; its answers appear here."),
    )

    class Meta:
        model = Question
        fields = [
            "section",
            "kind",
            "text_de",
            "text_en",
            "help_de",
            "help_en",
            "required",
            "number_min",
            "number_max",
            "topic_fields",
            "is_need_indicator",
            "condition_question",
            "key",
        ]
        widgets = {"topic_fields": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, wave: Wave, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.wave = wave
        self.fields["section"].queryset = wave.sections.order_by("position", "pk")
        self.fields["section"].empty_label = None
        self.fields["kind"].choices = Question.Kind.choices
        self.fields["topic_fields"].queryset = TopicField.objects.order_by("sort_order")
        self.fields["key"].required = False
        self.fields["key"].help_text = _(
            "Left empty, it is made from the question. Stays the same when the round is copied."
        )
        candidates = Question.objects.filter(
            wave=wave, kind__in=Question.CONDITION_KINDS
        ).prefetch_related("choices")
        if self.instance.pk:
            candidates = candidates.exclude(pk=self.instance.pk)
        self.fields["condition_question"].queryset = candidates.order_by(
            "section__position", "position"
        )
        self.fields["condition_question"].label = _("Show only if the answer to")
        self.fields["condition_question"].empty_label = _("– always show this question –")
        self.fields["condition_question"].widget.attrs.update({"data-condition-source": "true"})
        chosen = self._chosen_condition_question()
        self.fields["condition_values"].choices = (
            condition_values_allowed(chosen) if chosen is not None else []
        )
        if self.instance.pk and not self.is_bound:
            self.initial["choices"] = "\n".join(
                f"{c.label_de} | {c.label_en}" if c.label_en else c.label_de
                for c in self.instance.choices.all()
            )
            self.initial["scale_labels_de"] = "\n".join(self.instance.scale_labels_de or [])
            self.initial["scale_labels_en"] = "\n".join(self.instance.scale_labels_en or [])
            self.initial["condition_values"] = self.instance.condition_values
        for name in ("number_min", "number_max"):
            self.fields[name].widget.attrs["inputmode"] = "decimal"

    def _chosen_condition_question(self) -> Question | None:
        if self.is_bound:
            raw = self.data.get(self.add_prefix("condition_question"))
        else:
            raw = self.initial.get("condition_question")
        if not raw:
            return None
        try:
            return self.fields["condition_question"].queryset.filter(pk=int(raw)).first()
        except (TypeError, ValueError):
            return None

    def clean_choices(self) -> list[tuple[str, str]]:
        choices = []
        for line in _lines(self.cleaned_data.get("choices", "")):
            if not line:
                continue
            german, _bar, english = line.partition("|")
            if len(german.strip()) > 200 or len(english.strip()) > 200:
                raise ValidationError(_("Each option may have at most 200 characters."))
            choices.append((german.strip(), english.strip()))
        return choices

    def _labels(self, name: str) -> list[str]:
        lines = _lines(self.cleaned_data.get(name, ""))
        while lines and not lines[-1]:
            lines.pop()
        if len(lines) > len(SCALE_POINTS):
            raise ValidationError(_("A scale has five points; please give at most five labels."))
        return lines

    def clean_scale_labels_de(self) -> list[str]:
        return self._labels("scale_labels_de")

    def clean_scale_labels_en(self) -> list[str]:
        return self._labels("scale_labels_en")

    def service_data(self) -> dict[str, Any]:
        data = {
            name: self.cleaned_data.get(name)
            for name in [
                "section",
                "kind",
                "text_de",
                "text_en",
                "help_de",
                "help_en",
                "required",
                "number_min",
                "number_max",
                "is_need_indicator",
                "condition_question",
                "key",
            ]
        }
        data["key"] = data["key"] or ""
        data["text_en"] = data["text_en"] or ""
        data["help_de"] = data["help_de"] or ""
        data["help_en"] = data["help_en"] or ""
        data["scale_labels_de"] = self.cleaned_data.get("scale_labels_de") or []
        data["scale_labels_en"] = self.cleaned_data.get("scale_labels_en") or []
        data["condition_values"] = list(self.cleaned_data.get("condition_values") or [])
        return data


class InviteForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of organisation"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=Organisation.Kind.choices,
        help_text=_("None chosen: all kinds."),
    )
    federal_states = forms.MultipleChoiceField(
        label=_("Federal states"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=FederalState.choices,
        help_text=_("None chosen: all federal states."),
    )


class ResultsFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
    )
    state = forms.ChoiceField(
        label=_("Federal state"),
        required=False,
        choices=[("", _("All federal states")), *FederalState.choices],
    )


class HeatmapForm(forms.Form):
    by = forms.ChoiceField(
        label=_("Columns"),
        required=False,
        choices=[("kind", _("Kind of organisation")), ("state", _("Federal state"))],
    )

import datetime
from typing import Any

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from vamos.core.models import TopicField

from .models import Event, Question, Registration, Session
from .permissions import allowed_organisations
from .selectors import WorkshopSlot
from .widgets import RadioSelect as WorkshopRadioSelect

MONTHS_AHEAD = 12
MONTHS_BACK = 12


def _month_choices() -> list[tuple[str, str]]:
    today = timezone.localdate().replace(day=1)
    choices = [("", _("All months"))]
    for offset in range(-MONTHS_BACK, MONTHS_AHEAD + 1):
        year, month = divmod(today.month - 1 + offset, 12)
        day = datetime.date(today.year + year, month + 1, 1)
        choices.append((f"{day:%Y-%m}", formats.date_format(day, "YEAR_MONTH_FORMAT")))
    return choices


class CalendarFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *Event.Kind.choices], required=False
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", _("All formats")), *Event.Format.choices], required=False
    )
    thema = forms.ModelChoiceField(
        label=_("Topic field"),
        queryset=TopicField.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topic fields"),
    )
    monat = forms.ChoiceField(label=_("Month"), required=False)
    zeit = forms.ChoiceField(
        label=_("Time"),
        choices=[("", _("Upcoming events")), ("vergangen", _("Past events"))],
        required=False,
    )

    def __init__(self, *args: Any, with_month: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_month:
            self.fields["monat"].choices = _month_choices()
        else:
            del self.fields["monat"]
            del self.fields["zeit"]

    def clean_monat(self) -> datetime.date | None:
        value = self.cleaned_data.get("monat")
        if not value:
            return None
        year, month = value.split("-")
        return datetime.date(int(year), int(month), 1)


def _slot_label(slot: WorkshopSlot) -> str:
    start, end = timezone.localtime(slot.start), timezone.localtime(slot.end)
    return _("Workshop %(day)s, %(start)s–%(end)s") % {
        "day": formats.date_format(start, "l, j. F"),
        "start": formats.time_format(start, "H:i"),
        "end": formats.time_format(end, "H:i"),
    }


class WorkshopFieldsMixin:
    """One radio group per time slot of parallel workshops."""

    fields: dict[str, forms.Field]

    def add_workshop_fields(
        self, slots: list[WorkshopSlot], *, current: set[int], count_seats: bool
    ) -> None:
        self.slots = slots
        for slot in slots:
            full = set()
            choices: list[tuple[str, str]] = [("", _("No workshop in this time slot"))]
            for workshop in slot.workshops:
                label = workshop.title
                details = [
                    part for part in (workshop.track, workshop.room, workshop.speakers) if part
                ]
                if details:
                    label = f"{label} ({' · '.join(details)})"
                taken = getattr(workshop, "seats_taken", 0)
                if workshop.capacity is not None:
                    left = workshop.capacity - taken
                    if left <= 0 and workshop.pk not in current and count_seats:
                        full.add(str(workshop.pk))
                        label = f"{label} – {_('full')}"
                    else:
                        label = f"{label} – " + str(
                            _("%(left)s of %(total)s seats free")
                            % {"left": max(left, 0), "total": workshop.capacity}
                        )
                choices.append((str(workshop.pk), label))
            initial = next((str(w.pk) for w in slot.workshops if w.pk in current), "")
            self.fields[slot.key] = forms.ChoiceField(
                label=_slot_label(slot),
                choices=choices,
                required=False,
                initial=initial,
                widget=WorkshopRadioSelect(full=full),
            )

    def chosen_workshops(self) -> list[int]:
        cleaned: dict[str, Any] = self.cleaned_data  # type: ignore[attr-defined]
        return [int(cleaned[slot.key]) for slot in self.slots if cleaned.get(slot.key)]


class RegistrationForm(WorkshopFieldsMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("I register on behalf of"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(
        self,
        *args: Any,
        event: Event,
        user: Any,
        questions: list[Question],
        slots: list[WorkshopSlot],
        has_seat: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        organisations = allowed_organisations(user, event)
        self.fields["organisation"].queryset = organisations
        if event.audience == Event.Audience.PUBLIC:
            self.fields["organisation"].required = False
            self.fields["organisation"].empty_label = _("Only for myself")
            self.fields["organisation"].widget = forms.Select()
            self.fields["organisation"].help_text = _(
                "If you take part for an organisation, please choose it."
            )
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
        self.add_workshop_fields(slots, current=set(), count_seats=has_seat)
        self.questions = questions
        for question in questions:
            self.fields[f"question_{question.pk}"] = _question_field(question)

    def answers(self) -> dict[int, Any]:
        return {q.pk: self.cleaned_data.get(f"question_{q.pk}") for q in self.questions}


def _question_field(question: Question) -> forms.Field:
    common = {"label": question.label, "help_text": question.help_text, "required": False}
    if question.kind == Question.Kind.CONSENT:
        return forms.BooleanField(**{**common, "required": question.required})
    if question.kind == Question.Kind.YES_NO:
        return forms.TypedChoiceField(
            **{**common, "required": question.required},
            choices=[("yes", _("Yes")), ("no", _("No"))],
            widget=forms.RadioSelect,
        )
    if question.kind == Question.Kind.CHOICE:
        return forms.ChoiceField(
            **{**common, "required": question.required},
            choices=[(choice, choice) for choice in question.choice_list],
            widget=forms.RadioSelect,
        )
    return forms.CharField(
        **{**common, "required": question.required},
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WorkshopChangeForm(WorkshopFieldsMixin, forms.Form):
    def __init__(
        self, *args: Any, slots: list[WorkshopSlot], registration: Registration, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        current = set(registration.workshops.values_list("pk", flat=True))
        self.add_workshop_fields(slots, current=current, count_seats=registration.holds_seat)


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, email or organisation"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *Registration.Status.choices],
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, required=False, empty_label=_("All organisations")
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CheckinSearchForm(forms.Form):
    q = forms.CharField(label=_("Find a person"), required=False, max_length=100)


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        help_text=_("Sent by email to every participant, in one email each."),
    )
    include_waitlist = forms.BooleanField(
        label=_("Also send to people on the waitlist"), required=False
    )


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the cancellation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Every participant and everyone on the waitlist receives this text."),
    )
    confirm = forms.BooleanField(
        label=_("Yes, cancel this event and inform all participants."),
        error_messages={"required": _("Please confirm that the event is to be cancelled.")},
    )


class DuplicateEventForm(forms.Form):
    start = forms.DateTimeField(
        label=_("Start of the new event"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("All other dates (end, programme, deadlines) move along."),
    )

    def clean_start(self) -> datetime.datetime:
        start = self.cleaned_data["start"]
        if start <= timezone.now():
            raise forms.ValidationError(_("Please choose a start in the future."))
        return start


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the event for your work?"),
        choices=[
            (5, _("5 – very useful")),
            (4, _("4 – useful")),
            (3, _("3 – partly useful")),
            (2, _("2 – hardly useful")),
            (1, _("1 – not useful")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What should we keep or change?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


SESSION_KIND_CHOICES = Session.Kind.choices

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vamos.core.forms import SubmitOnceMixin
from vamos.core.models import TopicField

from . import integrations
from .models import (
    DEFAULT_REVIEW_INTERVAL_WEEKS,
    Activity,
    Goal,
    Journey,
    Priority,
    Recommendation,
)

TEXTAREA_SMALL = {"rows": 3}
TEXTAREA = {"rows": 5}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.display_name


class PersonMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.display_name


def _topic_fields() -> Any:
    return TopicField.objects.all()


class ApplyForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, empty_label=None, widget=forms.RadioSelect
    )
    motivation = forms.CharField(
        label=_("What do you hope to achieve with learning support?"),
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_(
            "For example: where your organisation stands, what you want to change, "
            "what has been difficult so far."
        ),
    )
    topic_fields = forms.ModelMultipleChoiceField(
        label=_("Topic fields you want to work on"),
        queryset=TopicField.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.CharField(
        label=_("When can you meet?"),
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("Days, times of day, online or on site, periods when it does not work."),
    )
    members_can_view = forms.BooleanField(
        label=_("All members of our organisation may see the learning journey"),
        required=False,
        initial=True,
        help_text=_(
            "Plan, goals, summaries and recommendations. Otherwise only admins see them. "
            "You can change this later."
        ),
    )

    def __init__(self, *args: Any, organisations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = field.queryset = _organisation_queryset(organisations)
        if len(organisations) == 1:
            field.initial = organisations[0].pk
            field.widget = forms.HiddenInput()
        self.fields["topic_fields"].queryset = _topic_fields()


def _organisation_queryset(organisations: list[Any]) -> Any:
    from vamos.organisations.models import Organisation

    return Organisation.objects.filter(pk__in=[o.pk for o in organisations]).order_by("name")


class SupportForm(forms.Form):
    """Coaches, period, hour budget and review interval of a journey (team admins)."""

    coaches = PersonMultipleChoiceField(
        label=_("Coaches"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    lead_coach = PersonChoiceField(
        label=_("Lead coach"),
        queryset=None,
        required=False,
        empty_label=_("– the first one chosen –"),
        help_text=_("The organisation's first contact."),
    )
    start_date = forms.DateField(label=_("Start"), widget=DateInput())
    planned_end_date = forms.DateField(label=_("Planned end"), widget=DateInput())
    hour_budget = forms.DecimalField(
        label=_("Hour budget"),
        min_value=Decimal("0.25"),
        max_value=Decimal("2000"),
        max_digits=6,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
        help_text=_("Coaching hours for the whole period."),
    )
    review_interval_weeks = forms.IntegerField(
        label=_("Review every … weeks"),
        min_value=1,
        max_value=52,
        initial=DEFAULT_REVIEW_INTERVAL_WEEKS,
        help_text=_("The coaches are reminded when a review is due."),
    )

    def __init__(
        self, *args: Any, coaches: Any, workload: dict[int, int] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coaches"].queryset = coaches
        self.fields["lead_coach"].queryset = coaches
        workload = workload or {}

        def label(coach: Any) -> str:
            count = workload.get(coach.pk, 0)
            return str(_("%(name)s (%(count)s running journeys)")) % {
                "name": coach.display_name,
                "count": count,
            }

        self.fields["coaches"].label_from_instance = label

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_date"), cleaned.get("planned_end_date")
        if start and end and end < start:
            self.add_error("planned_end_date", _("The planned end must be after the start."))
        lead, coaches = cleaned.get("lead_coach"), cleaned.get("coaches")
        if lead and coaches is not None and lead not in coaches:
            self.add_error("lead_coach", _("The lead coach must be one of the assigned coaches."))
        return cleaned


class AcceptForm(SupportForm):
    message = forms.CharField(
        label=_("Message to the organisation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("Sent with the decision, for example the next step."),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("The organisation receives this text by email."),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("Required when cancelling. Shown in the journey's history."),
    )

    def __init__(self, *args: Any, statuses: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, Journey.Status(s).label) for s in statuses]


class SharingForm(forms.Form):
    members_can_view = forms.BooleanField(
        label=_("All members of the organisation may see the learning journey"), required=False
    )


class KickoffForm(forms.Form):
    scheduled_for = forms.DateTimeField(
        label=_("Planned for"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Date and time; the participants are reminded the day before."),
    )
    held_on = forms.DateField(
        label=_("Held on"),
        required=False,
        widget=DateInput(),
        help_text=_("Enter it once the conversation has taken place; the journey becomes active."),
    )
    participants = forms.CharField(
        label=_("Participants"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("Names and roles, for example: Ayşe Demir (chair), Jonas Berger (office)."),
    )
    participants_count = forms.IntegerField(
        label=_("Number of participants"), required=False, min_value=1, max_value=500
    )
    summary = forms.CharField(
        label=_("Summary for the organisation"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("The organisation reads this text."),
    )
    private_note = forms.CharField(
        label=_("Private note for the coaches"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("Only the journey's coaches and the team admins read it."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        held_on = cleaned.get("held_on")
        if held_on and held_on > timezone.localdate():
            self.add_error(
                "held_on", _("The date lies in the future. Enter it as planned date instead.")
            )
        if held_on and not cleaned.get("summary"):
            self.add_error("summary", _("Please summarise the kickoff for the organisation."))
        if not held_on and not cleaned.get("scheduled_for") and "held_on" not in self.errors:
            self.add_error(
                "scheduled_for", _("Please enter when the kickoff is planned or was held.")
            )
        return cleaned


class NeedForm(forms.Form):
    priority = forms.ChoiceField(
        label=_("Priority"),
        required=False,
        choices=[("", _("– not a topic now –")), *Priority.choices],
    )
    situation = forms.CharField(
        label=_("Current situation"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, topic_field: TopicField, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.topic_field = topic_field
        self.summary_prefix = topic_field.name

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("priority") and (cleaned.get("situation") or cleaned.get("notes")):
            self.add_error("priority", _("Please choose a priority, or leave the texts empty."))
        return cleaned


class GoalForm(forms.Form):
    topic_field = forms.ModelChoiceField(
        label=_("Topic field"), queryset=TopicField.objects.none(), empty_label="–"
    )
    description = forms.CharField(
        label=_("Goal"), max_length=1000, widget=forms.Textarea(attrs=TEXTAREA_SMALL)
    )
    success_indicator = forms.CharField(
        label=_("Success indicator"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("How will we know that the goal is reached?"),
    )
    target_date = forms.DateField(label=_("Target date"), required=False, widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic_field"].queryset = _topic_fields()


class KickoffGoalForm(GoalForm):
    """A goal row of the kickoff form: an untouched row is simply skipped."""

    def __init__(self, *args: Any, number: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.summary_prefix = str(_("New goal %(number)s")) % {"number": number}
        for field in self.fields.values():
            field.required = False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        filled = any(cleaned.get(name) for name in ("description", "success_indicator"))
        if filled and not cleaned.get("topic_field"):
            self.add_error("topic_field", _("Please choose the topic field of this goal."))
        if filled and not cleaned.get("description"):
            self.add_error("description", _("Please describe the goal."))
        if cleaned.get("topic_field") and not filled:
            self.add_error("description", _("Please describe the goal."))
        return cleaned

    @property
    def is_filled(self) -> bool:
        return bool(self.is_valid() and self.cleaned_data.get("description"))


class GoalEditForm(GoalForm):
    status = forms.ChoiceField(
        label=_("Status"), choices=Goal.Status.choices, widget=forms.RadioSelect
    )
    progress = forms.IntegerField(
        label=_("Progress in percent"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"step": "10"}),
        help_text=_("An estimate from 0 to 100. Achieved goals count as 100."),
    )
    comment = forms.CharField(
        label=_("Why the change?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept with the goal's history; the organisation reads it."),
    )


class ActivityForm(SubmitOnceMixin, forms.Form):
    """Quick entry of an activity (also on a phone, right after a session)."""

    format = forms.ChoiceField(
        label=_("Format"), choices=Activity.Format.choices, widget=forms.RadioSelect
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Activity.Status.choices,
        initial=Activity.Status.HELD,
        widget=forms.RadioSelect,
    )
    held_on = forms.DateField(label=_("Held on"), required=False, widget=DateInput())
    planned_for = forms.DateTimeField(
        label=_("Planned for"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Coaches and contact persons are reminded the day before."),
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("200"),
        max_digits=5,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
        help_text=_(
            "Required for held activities. Counted against the hour budget, in quarters "
            "(1.5 = 90 minutes)."
        ),
    )
    participants_count = forms.IntegerField(
        label=_("Number of participants"),
        required=False,
        min_value=0,
        max_value=5000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Optional; otherwise the format is used."),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals it serves"),
        required=False,
        queryset=Goal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    topic_fields = forms.ModelMultipleChoiceField(
        label=_("Topic fields"),
        required=False,
        queryset=TopicField.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("If you leave this empty, the topic fields of the chosen goals are used."),
    )
    shared_summary = forms.CharField(
        label=_("Summary for the organisation"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("The organisation reads this text."),
    )
    private_note = forms.CharField(
        label=_("Private note for the coaches"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("Only the journey's coaches and the team admins read it."),
    )
    follow_up_description = forms.CharField(
        label=_("Follow-up: what is to be done?"), required=False, max_length=300
    )
    follow_up_due_on = forms.DateField(
        label=_("Follow-up due on"), required=False, widget=DateInput()
    )
    follow_up_owner = PersonChoiceField(
        label=_("Follow-up: who is responsible?"),
        required=False,
        queryset=None,
        empty_label="–",
    )

    event = forms.TypedChoiceField(
        label=_("Related event"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("For example the webinar that a topic consulting follows up."),
    )

    module = forms.TypedChoiceField(
        label=_("Related e-learning module"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("For example the module the session deepened."),
    )

    def __init__(self, *args: Any, journey: Journey, owners: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        modules = integrations.target_choices("module", journey=journey, user=None)
        if modules:
            self.fields["module"].choices = [("", "–"), *modules]
        else:
            del self.fields["module"]
        # Date and hours are required depending on the status; the labels say so.
        status = (
            self.data.get(self.add_prefix("status"))
            if self.is_bound
            else self.initial.get("status", Activity.Status.HELD)
        )
        self.fields["held_on"].required = status == Activity.Status.HELD
        self.fields["hours"].required = status == Activity.Status.HELD
        self.fields["planned_for"].required = status == Activity.Status.PLANNED
        self.fields["held_on"].error_messages["required"] = _("Please enter the date it was held.")
        self.fields["hours"].error_messages["required"] = _(
            "Please enter the hours spent (0 if none count)."
        )
        self.fields["planned_for"].error_messages["required"] = _(
            "Please enter when it is planned."
        )
        events = integrations.event_link_choices(journey=journey)
        current = self.initial.get("event")
        if current and current not in dict(events):
            target = integrations.event_target(current)
            if target is not None:
                events.insert(0, (target.id, target.title))
        if events:
            self.fields["event"].choices = [("", "–"), *events]
        else:
            del self.fields["event"]
        self.fields["goals"].queryset = (
            Goal.objects.filter(journey=journey)
            .exclude(status=Goal.Status.DROPPED)
            .select_related("topic_field")
        )
        self.fields["goals"].label_from_instance = lambda goal: (
            f"{goal.description[:120]} ({goal.topic_field})"
        )
        self.fields["topic_fields"].queryset = _topic_fields()
        self.fields["follow_up_owner"].queryset = _people(owners)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        status = cleaned.get("status")
        required = {
            Activity.Status.HELD: [
                ("held_on", _("Please enter the date it was held.")),
                ("hours", _("Please enter the hours spent (0 if none count).")),
            ],
            Activity.Status.PLANNED: [("planned_for", _("Please enter when it is planned."))],
        }
        for name, message in required.get(status, []):
            if name in self.fields and cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, message)
        held_on = cleaned.get("held_on")
        if status == Activity.Status.HELD and held_on and held_on > timezone.localdate():
            self.add_error(
                "held_on", _("The date lies in the future. Record it as planned instead.")
            )
        hours = cleaned.get("hours")
        if hours is not None and (hours * 4) != (hours * 4).to_integral_value():
            self.add_error("hours", _("Please enter hours in quarters, for example 1.5 or 2.25."))
        described = cleaned.get("follow_up_description")
        if described and not cleaned.get("follow_up_due_on"):
            self.add_error("follow_up_due_on", _("Please enter the due date."))
        if described and not cleaned.get("follow_up_owner"):
            self.add_error("follow_up_owner", _("Please choose who is responsible."))
        if not described and (cleaned.get("follow_up_due_on") or cleaned.get("follow_up_owner")):
            self.add_error("follow_up_description", _("Please say what is to be done."))
        return cleaned

    def activity_data(self) -> dict[str, Any]:
        keys = ["format", "status", "held_on", "planned_for", "hours", "participants_count"]
        data = {key: self.cleaned_data.get(key) for key in keys}
        data["title"] = self.cleaned_data.get("title", "")
        data["shared_summary"] = self.cleaned_data.get("shared_summary", "")
        if "event" in self.fields:
            data["event_id"] = self.cleaned_data.get("event")
        if "module" in self.fields:
            data["module_id"] = self.cleaned_data.get("module")
        return data

    def follow_up_data(self) -> dict[str, Any] | None:
        if not self.cleaned_data.get("follow_up_description"):
            return None
        return {
            "description": self.cleaned_data["follow_up_description"],
            "due_on": self.cleaned_data.get("follow_up_due_on"),
            "owner": self.cleaned_data.get("follow_up_owner"),
        }


class ActivityEditForm(ActivityForm):
    """Editing keeps the earlier private notes; a new note is added, not overwritten. An
    activity whose event was created from it takes date and title from the event."""

    def __init__(self, *args: Any, locked: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if locked:
            for name in ("planned_for", "title", "event"):
                self.fields.pop(name, None)

    private_note = forms.CharField(
        label=_("Add a private note for the coaches"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("Only the journey's coaches and the team admins read it."),
    )


def _people(people: list[Any]) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk__in=[p.pk for p in people])


class ActivityEventForm(forms.Form):
    """The few details an event needs beyond the activity: length, format, place, seats."""

    duration = forms.DecimalField(
        label=_("Length in hours"),
        min_value=Decimal("0.5"),
        max_value=Decimal("12"),
        decimal_places=2,
        initial=Decimal("2"),
        widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
    )
    event_format = forms.ChoiceField(
        label=_("Format"),
        choices=[("online", _("online")), ("on_site", _("on site")), ("hybrid", _("hybrid"))],
        initial="online",
        widget=forms.RadioSelect,
    )
    venue = forms.CharField(
        label=_("Venue"),
        required=False,
        max_length=200,
        help_text=_("Required for events on site or hybrid."),
    )
    online_url = forms.URLField(
        label=_("Link to the online room"),
        required=False,
        assume_scheme="https",
        help_text=_("Only confirmed participants see it. Can be added later by the team."),
    )
    capacity = forms.IntegerField(
        label=_("Seats"),
        required=False,
        min_value=1,
        max_value=1000,
        help_text=_("Leave empty for no limit."),
    )
    invite_member_clubs = forms.BooleanField(
        label=_("Also invite the organisation's member clubs registered on VAMOs"),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("event_format") in ("on_site", "hybrid") and not cleaned.get("venue"):
            self.add_error("venue", _("Please enter the venue."))
        return cleaned


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Private note"),
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("Only the journey's coaches and the team admins read it."),
    )


class ReviewForm(forms.Form):
    held_on = forms.DateField(label=_("Date of the review"), widget=DateInput())
    summary = forms.CharField(
        label=_("Summary for the organisation"),
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Where do we stand? The organisation reads this text."),
    )
    plan_changes = forms.CharField(
        label=_("How we adapt the plan"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("What changes from now on: focus, formats, dates. The organisation reads it."),
    )
    private_note = forms.CharField(
        label=_("Private note for the coaches"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("Only the journey's coaches and the team admins read it."),
    )

    def clean_held_on(self) -> Any:
        held_on = self.cleaned_data.get("held_on")
        if held_on and held_on > timezone.localdate():
            raise forms.ValidationError(_("The date lies in the future."))
        return held_on


class GoalRatingForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Goal.Status.choices)
    progress = forms.IntegerField(
        label=_("Progress in percent"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"step": "10"}),
    )
    target_date = forms.DateField(
        label=_("Target date"),
        required=False,
        widget=DateInput(),
        help_text=_("Change it to postpone or bring forward the goal."),
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, goal: Goal, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {"status": goal.status, "progress": goal.progress, "target_date": goal.target_date},
        )
        super().__init__(*args, **kwargs)
        self.goal = goal
        self.summary_prefix = goal.description[:60]


class FollowUpForm(forms.Form):
    description = forms.CharField(label=_("What is to be done?"), max_length=300)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput())
    owner = PersonChoiceField(label=_("Who is responsible?"), queryset=None, empty_label="–")

    def __init__(self, *args: Any, owners: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people(owners)


class RecommendationForm(forms.Form):
    target = forms.ChoiceField(
        label=_("What do you recommend?"),
        help_text=_("Grouped by kind."),
    )
    goal = forms.ModelChoiceField(
        label=_("Goal it serves"),
        required=False,
        queryset=Goal.objects.none(),
        empty_label=_("– no particular goal –"),
    )
    reason = forms.CharField(
        label=_("Why we recommend it"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA_SMALL),
        help_text=_("The organisation reads this text."),
    )

    def __init__(self, *args: Any, journey: Journey, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups: list[tuple[str, list[tuple[str, str]]]] = []
        for kind in integrations.available_kinds():
            options = integrations.target_choices(kind, journey=journey, user=user)
            if options:
                groups.append(
                    (
                        str(Recommendation.Kind(kind).label),
                        [(f"{kind}:{pk}", label) for pk, label in options],
                    )
                )
        self.fields["target"].choices = [("", "–"), *groups]
        self.fields["goal"].queryset = (
            Goal.objects.filter(journey=journey)
            .exclude(status=Goal.Status.DROPPED)
            .select_related("topic_field")
        )
        self.fields["goal"].label_from_instance = lambda goal: goal.description[:120]

    def target_parts(self) -> tuple[str, int]:
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        return kind, int(pk)


class CaseloadFilterForm(forms.Form):
    q = forms.CharField(label=_("Organisation"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("running (kickoff planned or active)")),
            *[(s.value, s.label) for s in Journey.Status if s != Journey.Status.APPLIED],
        ],
    )
    coach = PersonChoiceField(
        label=_("Coach"), required=False, queryset=None, empty_label=_("All coaches")
    )

    def __init__(self, *args: Any, coaches: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if coaches is None:
            del self.fields["coach"]
        else:
            self.fields["coach"].queryset = coaches


class ActivityFilterForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("All formats")), *Activity.Format.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *Activity.Status.choices],
    )


class TimelineFilterForm(forms.Form):
    art = forms.ChoiceField(label=_("Show"), required=False)

    def __init__(self, *args: Any, kinds: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["art"].choices = [("", _("Everything")), *kinds]

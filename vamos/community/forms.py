from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vamos.core.forms import SubmitOnceMixin
from vamos.core.models import TopicField
from vamos.organisations.models import FederalState, Organisation

from . import linked_events
from .models import BestPractice, CommentReport, Frequency, Need, PeerOffer, TopicSubscription

User = get_user_model()

MARKUP_HINT = _(
    "Leave an empty line to start a new paragraph. Lines starting with “-” become a list; "
    "**two asterisks** make words bold; web addresses become links."
)


def _members_of(organisation: Organisation | None) -> Any:
    if organisation is None:
        return User.objects.none()
    return (
        User.objects.filter(memberships__organisation=organisation, is_active=True)
        .order_by("first_name", "last_name", "email")
        .distinct()
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.display_name


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class TopicFieldsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Any) -> str:
        return obj.name


SUBMISSION_REQUIRED = {
    "summary": _("Please summarise the best practice in one or two sentences."),
    "topic_fields": _("Please choose at least one topic field."),
    "challenge": _("Please describe the challenge."),
    "approach": _("Please describe how you approached it."),
    "result": _("Please describe the result."),
    "contact_person": _("Please name a contact person."),
}


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} ({date_format(obj.start, 'SHORT_DATE_FORMAT')})"


class BestPracticeForm(SubmitOnceMixin, forms.ModelForm):
    """Write or revise a best practice. A draft needs only a title; submitting for review
    needs every part the library shows."""

    organisation = OrganisationChoiceField(
        label=_("In the name of"), queryset=Organisation.objects.none(), empty_label=None
    )
    topic_fields = TopicFieldsField(
        label=_("Topic fields"), queryset=TopicField.objects.all(), required=False
    )
    contact_person = PersonChoiceField(
        label=_("Contact person"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("– please choose –"),
        help_text=_(
            "Others can send this person a request through the platform; their email address "
            "is only shared once they answer."
        ),
    )
    event = EventChoiceField(
        label=_("VAMOs event where you presented it"),
        queryset=None,
        required=False,
        empty_label=_("– none –"),
    )

    class Meta:
        model = BestPractice
        fields = [
            "title",
            "summary",
            "topic_fields",
            "challenge",
            "approach",
            "result",
            "lessons_learned",
            "contact_person",
            "contact_role",
            "presented_at",
            "presented_on",
            "public_consent",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 400}),
            "challenge": forms.Textarea(attrs={"rows": 6}),
            "approach": forms.Textarea(attrs={"rows": 8}),
            "result": forms.Textarea(attrs={"rows": 6}),
            "lessons_learned": forms.Textarea(attrs={"rows": 5}),
            "presented_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {
            "summary": _("Summary in one or two sentences"),
            "challenge": _("What was the challenge?"),
            "approach": _("How did you approach it?"),
            "result": _("What came of it?"),
            "lessons_learned": _("What did you learn? What would you do differently?"),
            "contact_role": _("Role of the contact person"),
            "presented_at": _("Or: other event where you presented it"),
            "presented_on": _("Date of the presentation"),
            "public_consent": _(
                "Our organisation agrees that this best practice may be published on the "
                "public website."
            ),
        }
        help_texts = {
            "title": _("Short and concrete, e.g. “Recruiting young volunteers via WhatsApp”."),
            "summary": _("Shown in the library's list. At most 400 characters."),
            "challenge": MARKUP_HINT,
            "contact_role": _("For example: project lead, chair, volunteer coordinator."),
            "presented_at": _("Optional, e.g. “VAMOs networking conference 2026”."),
            "public_consent": _(
                "Without this, the editorial team publishes it for members of the platform "
                "only. You can withdraw the consent at any time by withdrawing the entry."
            ),
        }

    def __init__(
        self,
        *args: Any,
        organisations: Any = None,
        organisation: Organisation | None = None,
        team_edit: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.submitting = False
        if self.instance.pk:
            organisation = self.instance.organisation
        if organisations is not None and organisation is None:
            self.fields["organisation"].queryset = organisations
            if organisations.count() == 1:
                organisation = organisations.first()
        if organisation is not None or organisations is None:
            del self.fields["organisation"]
        self.organisation = organisation
        self.fields["contact_person"].queryset = (
            _members_of(organisation)
            if organisation
            else User.objects.filter(
                memberships__organisation__in=organisations or Organisation.objects.none()
            ).distinct()
        )
        # Everything the library shows is needed to submit; a draft needs only a title.
        for name, message in SUBMISSION_REQUIRED.items():
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = message
        self.fields["title"].error_messages["required"] = _(
            "Please give the best practice a title."
        )
        if team_edit:
            del self.fields["public_consent"]
        events = linked_events.event_choices()
        if events is None:
            del self.fields["event"]
        else:
            self.fields["event"].queryset = events
            if self.instance.event_id:
                self.fields["event"].initial = self.instance.event_id
        self.order_fields(["organisation", *self.Meta.fields[:-3], "event", *self.Meta.fields[-3:]])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        organisation = self.organisation or cleaned.get("organisation")
        person = cleaned.get("contact_person")
        if (
            person is not None
            and organisation is not None
            and not organisation.memberships.filter(user=person).exists()
        ):
            self.add_error(
                "contact_person", _("The contact person must belong to the organisation.")
            )
        return cleaned

    def full_clean(self) -> None:
        """Validate; a draft skips the checks that only submitting needs. Afterwards the
        fields count as required again, so the form shows what submitting will need."""
        if self.submitting:
            super().full_clean()
            return
        for name in SUBMISSION_REQUIRED:
            self.fields[name].required = False
        try:
            super().full_clean()
        finally:
            for name in SUBMISSION_REQUIRED:
                self.fields[name].required = True

    def content(self) -> dict[str, Any]:
        names = [
            "title",
            "summary",
            "challenge",
            "approach",
            "result",
            "lessons_learned",
            "contact_person",
            "contact_role",
            "presented_at",
            "presented_on",
        ]
        data = {name: self.cleaned_data.get(name) for name in names}
        if "event" in self.fields:
            event = self.cleaned_data.get("event")
            data["event_id"] = event.pk if event is not None else None
        for name in names:
            if isinstance(data[name], str):
                data[name] = data[name].strip()
        return data


class ResourceFileForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the file"),
        max_length=200,
        required=False,
        help_text=_("For example “Checklist for the first board meeting”."),
    )
    file = forms.FileField(
        label=_("File"),
        error_messages={"required": _("Please choose a file."), "empty": _("The file is empty.")},
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, Word, Excel, PowerPoint, OpenDocument or text; at most %(size)s MB."
        ) % {"size": settings.VAMOS_COMMUNITY_MAX_UPLOAD_MB}


class ResourceImageForm(forms.Form):
    image = forms.FileField(
        label=_("Image"),
        error_messages={"required": _("Please choose an image."), "empty": _("The file is empty.")},
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    alt_text = forms.CharField(
        label=_("Alternative text"),
        max_length=300,
        error_messages={"required": _("Please describe the image for people who cannot see it.")},
        help_text=_(
            "Describe what the image shows for people who cannot see it, e.g. “Twelve "
            "volunteers at the information stand of the summer festival”."
        ),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["image"].help_text = _(
            "JPEG, PNG, WebP or GIF; at most %(size)s MB. Location data is removed."
        ) % {"size": settings.VAMOS_COMMUNITY_MAX_UPLOAD_MB}


class ResourceLinkForm(forms.Form):
    link_title = forms.CharField(
        label=_("Title of the link"),
        max_length=200,
        error_messages={"required": _("Please give the link a title.")},
    )
    url = forms.URLField(
        label=_("Web address"),
        max_length=500,
        assume_scheme="https",
        error_messages={
            "required": _("Please enter a web address."),
            "invalid": _("Please enter a web address such as https://example.org."),
        },
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment or question"),
        max_length=4000,
        error_messages={"required": _("Please write your comment or question.")},
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Visible to everyone signed in on the platform, with your name."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please write your answer.")},
    )
    parent = forms.IntegerField(widget=forms.HiddenInput)


class CommentReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this comment?"),
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a reason.")},
    )
    note = forms.CharField(
        label=_("Note for the team"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the VAMOs team reads this. The author does not learn who reported."),
    )


class ContactRequestForm(forms.Form):
    sender_organisation = OrganisationChoiceField(
        label=_("You are writing on behalf of"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("– only for myself –"),
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        error_messages={"required": _("Please enter a subject.")},
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        error_messages={"required": _("Please write your message.")},
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("Say briefly who you are and what you would like to know."),
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sender_organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["sender_organisation"].initial = organisations.first()


class ContactAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args: Any, decision: str = "answer", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.decision = decision

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.decision == "answer" and not (cleaned.get("answer") or "").strip():
            self.add_error("answer", _("Please write your answer."))
        return cleaned


FORMAT_CHOICES = [
    ("call", _("phone or video call")),
    ("visit", _("visit")),
    ("presentation", _("presentation at an event")),
]


class PeerOfferForm(forms.ModelForm):
    organisation = OrganisationChoiceField(
        label=_("In the name of"), queryset=Organisation.objects.none(), empty_label=None
    )
    topic_fields = TopicFieldsField(label=_("Topic fields"), queryset=TopicField.objects.all())
    formats = forms.MultipleChoiceField(
        label=_("How you can share your experience"),
        choices=FORMAT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Please choose at least one way you can share your experience.")
        },
    )
    contact_person = PersonChoiceField(
        label=_("Contact person"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("– please choose –"),
        help_text=_("Receives requests; their email address is only shared once they answer."),
    )

    class Meta:
        model = PeerOffer
        fields = ["title", "description", "topic_fields", "contact_person", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5, "maxlength": 2000})}
        help_texts = {
            "title": _("For example “Building a volunteer database with free software”."),
            "description": _(
                "What you have done yourselves, what others can learn from you and what you "
                "need from them (e.g. travel costs). At most 2000 characters."
            ),
        }
        error_messages = {
            "topic_fields": {"required": _("Please choose at least one topic field.")},
            "title": {"required": _("Please say what you can advise on.")},
            "description": {"required": _("Please describe your offer.")},
        }

    def __init__(
        self,
        *args: Any,
        organisations: Any = None,
        organisation: Organisation | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            organisation = self.instance.organisation
            self.fields["formats"].initial = [
                value
                for value, name in (
                    ("call", "offers_call"),
                    ("visit", "offers_visit"),
                    ("presentation", "offers_presentation"),
                )
                if getattr(self.instance, name)
            ]
        if organisations is not None and organisation is None and organisations.count() == 1:
            organisation = organisations.first()
        if organisation is not None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
        self.organisation = organisation
        self.fields["contact_person"].queryset = (
            _members_of(organisation)
            if organisation
            else User.objects.filter(memberships__organisation__in=organisations).distinct()
        )
        self.fields["topic_fields"].error_messages["required"] = _(
            "Please choose at least one topic field."
        )
        self.order_fields(["organisation", "title", "description", "topic_fields", "formats"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        organisation = self.organisation or cleaned.get("organisation")
        person = cleaned.get("contact_person")
        if (
            person is not None
            and organisation is not None
            and not organisation.memberships.filter(user=person).exists()
        ):
            self.add_error(
                "contact_person", _("The contact person must belong to the organisation.")
            )
        return cleaned

    def offer_data(self) -> dict[str, Any]:
        formats = set(self.cleaned_data.get("formats") or [])
        return {
            "title": self.cleaned_data["title"].strip(),
            "description": self.cleaned_data["description"].strip(),
            "contact_person": self.cleaned_data.get("contact_person"),
            "is_active": self.cleaned_data.get("is_active", True),
            "offers_call": "call" in formats,
            "offers_visit": "visit" in formats,
            "offers_presentation": "presentation" in formats,
        }


class NeedsForm(forms.Form):
    """One priority (or none) and a note per topic field."""

    def __init__(self, *args: Any, needs: dict[int, Need], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.topic_fields = list(TopicField.objects.all())
        self.rows = []
        for topic_field in self.topic_fields:
            need = needs.get(topic_field.pk)
            priority_name = f"priority_{topic_field.pk}"
            note_name = f"note_{topic_field.pk}"
            self.fields[priority_name] = forms.TypedChoiceField(
                label=_("Need in “%(topic_field)s”") % {"topic_field": topic_field.name},
                choices=[("", _("no particular need")), *Need.Priority.choices],
                coerce=int,
                empty_value=None,
                required=False,
                initial=need.priority if need else "",
            )
            self.fields[note_name] = forms.CharField(
                label=_("What exactly? (%(topic_field)s)") % {"topic_field": topic_field.name},
                max_length=300,
                required=False,
                initial=need.note if need else "",
            )
            self.rows.append((topic_field, priority_name, note_name))

    def needs(self) -> dict[TopicField, tuple[int | None, str]]:
        return {
            topic_field: (self.cleaned_data.get(priority), self.cleaned_data.get(note) or "")
            for topic_field, priority, note in self.rows
        }


class NotificationSettingsForm(forms.Form):
    replies = forms.ChoiceField(
        label=_("Answers to my comments"), choices=Frequency.choices, widget=forms.RadioSelect
    )
    organisation_activity = forms.ChoiceField(
        label=_("Comments and questions on my organisation's best practices"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "For the author and the contact person of an entry. The weekly digest also counts "
            "how many people found your entries useful."
        ),
    )

    def __init__(self, *args: Any, levels: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.topic_names = []
        for topic_field in TopicField.objects.all():
            name = f"topic_{topic_field.pk}"
            self.fields[name] = forms.ChoiceField(
                label=topic_field.name,
                choices=TopicSubscription.Level.choices,
                widget=forms.RadioSelect,
                initial=levels.get(topic_field.pk, TopicSubscription.Level.DIGEST),
            )
            self.topic_names.append((topic_field.pk, name))

    def levels(self) -> dict[int, str]:
        return {pk: self.cleaned_data[name] for pk, name in self.topic_names}


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        error_messages={"required": _("Please choose: publish or return.")},
        choices=[
            ("publish", _("Publish")),
            ("return", _("Return to the organisation with comments")),
        ],
        widget=forms.RadioSelect,
    )
    visibility = forms.ChoiceField(
        label=_("Publish for"),
        choices=BestPractice.Visibility.choices,
        widget=forms.RadioSelect,
        initial=BestPractice.Visibility.MEMBERS,
    )
    message = forms.CharField(
        label=_("Message to the organisation"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Required when you return the entry: say what should change."),
    )

    def __init__(self, *args: Any, practice: BestPractice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice
        if practice.status == BestPractice.Status.PUBLISHED:
            self.fields["decision"].choices = [
                ("return", _("Take offline and return to the organisation with comments"))
            ]
            self.fields["decision"].initial = "return"
            del self.fields["visibility"]
        elif not practice.public_consent:
            self.fields["visibility"].help_text = _(
                "The organisation has not agreed to public publication; publish for members."
            )
        else:
            self.fields["visibility"].help_text = _(
                "The organisation agreed to public publication."
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        decision = cleaned.get("decision")
        if decision == "publish":
            visibility = cleaned.get("visibility")
            if not visibility:
                self.add_error("visibility", _("Please choose who may read the entry."))
            elif visibility == BestPractice.Visibility.PUBLIC and not self.practice.public_consent:
                self.add_error(
                    "visibility",
                    _(
                        "The organisation has not agreed to public publication. Publish it for "
                        "members, or ask the organisation for its consent."
                    ),
                )
        elif decision == "return" and not (cleaned.get("message") or "").strip():
            self.add_error(
                "message", _("Please tell the organisation what to change; they will read it.")
            )
        return cleaned


class HideCommentForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for hiding"),
        max_length=1000,
        error_messages={
            "required": _("Please give a reason; the author of the comment will read it.")
        },
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The author of the comment receives this reason by email."),
    )


SORT_CHOICES = [("newest", _("Newest first")), ("useful", _("Most useful first"))]


class TopicFieldFilter(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    thema = TopicFieldFilter(
        label=_("Topic field"),
        queryset=TopicField.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topic fields"),
    )
    art = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
        required=False,
    )
    land = forms.ChoiceField(
        label=_("Federal state"),
        choices=[("", _("All federal states")), *FederalState.choices],
        required=False,
    )
    sortierung = forms.ChoiceField(label=_("Order"), choices=SORT_CHOICES, required=False)


class OfferFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    thema = TopicFieldFilter(
        label=_("Topic field"),
        queryset=TopicField.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topic fields"),
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", _("All formats")), *FORMAT_CHOICES], required=False
    )
    land = forms.ChoiceField(
        label=_("Federal state"),
        choices=[("", _("All federal states")), *FederalState.choices],
        required=False,
    )

from typing import Any

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from vamos.core import spam

from .models import FederalState, Membership, Organisation
from .selectors import federation_choices, name_is_taken

_PROFILE_FIELDS = [
    "name",
    "short_name",
    "kind",
    "federal_state",
    "city",
    "legal_form",
    "founded",
    "member_clubs_count",
    "members_count",
    "communities",
    "description",
    "website",
    "contact_email",
    "public_profile",
]


class OrganisationProfileForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = _PROFILE_FIELDS
        widgets = {
            "communities": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 5}),
            "kind": forms.RadioSelect,
        }
        help_texts = {
            "short_name": _("For example the abbreviation you use yourselves."),
            "federal_state": _("Where the organisation has its seat."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["founded"].widget.attrs.update({"min": 1900, "max": 2100})
        self.fields["members_count"].widget.attrs["min"] = 0
        self.fields["member_clubs_count"].widget.attrs["min"] = 0
        self.fields["website"].widget.attrs["placeholder"] = "https://"
        self.fields["kind"].choices = Organisation.Kind.choices

    def clean_founded(self) -> int | None:
        founded = self.cleaned_data.get("founded")
        if founded is not None and not 1800 <= founded <= 2100:
            raise forms.ValidationError(_("Please enter a year such as 1998."))
        return founded

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        exclude = self.instance.pk if self.instance and self.instance.pk else None
        if name_is_taken(name, exclude_pk=exclude):
            raise forms.ValidationError(
                _("An organisation with this name is already registered or has applied.")
            )
        return name


class OrganisationApplicationForm(OrganisationProfileForm):
    """Register an organisation: its data, the applicant, consent to the privacy notice."""

    parent = forms.ModelChoiceField(
        label=_("Federation the organisation belongs to"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("– none / not registered here –"),
        help_text=_("Only for member clubs of a federation that is already on VAMOs."),
    )
    first_name = forms.CharField(label=_("Your first name"), max_length=150)
    last_name = forms.CharField(label=_("Your last name"), max_length=150)
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send the link to set your password here once the team has approved."),
    )
    applicant_role = forms.CharField(
        label=_("Your role in the organisation"),
        max_length=120,
        help_text=_("For example: chair, managing director, volunteer coordinator."),
    )
    message = forms.CharField(
        label=_("What does your organisation hope to gain from VAMOs?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    privacy_consent = forms.BooleanField(label=_("I agree to the privacy notice."))

    class Meta(OrganisationProfileForm.Meta):
        fields = [f for f in _PROFILE_FIELDS if f != "contact_email"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["parent"].queryset = federation_choices()
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["privacy_consent"].help_text = format_html(
            '{} <a class="kern-link" href="{}" target="_blank" rel="noopener">{}</a>',
            _("How we handle your data:"),
            reverse("privacy-notice"),
            _("privacy notice (opens in a new tab)"),
        )
        if user is not None and user.is_authenticated:
            for name in ("first_name", "last_name", "email"):
                del self.fields[name]
        spam.add_spam_fields(self)

    def clean_email(self) -> str:
        from vamos.accounts.models import User

        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "This email address already has an account. Please sign in first; "
                    "you can then register the organisation from your account."
                )
            )
        return email

    @property
    def privacy_version(self) -> str:
        return settings.VAMOS_PRIVACY_NOTICE_VERSION

    def organisation_data(self) -> dict[str, Any]:
        return {field: self.cleaned_data.get(field) for field in self.Meta.fields}

    def applicant_data(self) -> dict[str, Any]:
        return {
            "email": self.cleaned_data.get("email", ""),
            "first_name": self.cleaned_data.get("first_name", ""),
            "last_name": self.cleaned_data.get("last_name", ""),
        }


class RejectApplicationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The applicant receives this text by email."),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.MEMBER,
        widget=forms.RadioSelect,
    )


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class InvitationAcceptForm(forms.Form):
    """For an invited person without account: name, password, consent."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only numbers; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Repeat password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    privacy_consent = forms.BooleanField(label=_("I agree to the privacy notice."))

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["privacy_consent"].help_text = format_html(
            '<a class="kern-link" href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("privacy-notice"),
            _("Read the privacy notice (opens in a new tab)"),
        )

    def clean(self) -> dict[str, Any]:
        from django.contrib.auth import password_validation

        from vamos.accounts.models import User

        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords do not match."))
        elif first:
            probe = User(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class MemberClubListedForm(forms.Form):
    name = forms.CharField(label=_("Name of the member club"), max_length=200)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    federal_state = forms.ChoiceField(
        label=_("Federal state"),
        choices=[("", "–"), *FederalState.choices],
        required=False,
    )


class MemberClubRequestForm(forms.Form):
    club = forms.ModelChoiceField(
        label=_("Organisation registered on VAMOs"),
        queryset=Organisation.objects.none(),
        help_text=_("Its admins are asked to confirm that it is your member club."),
    )

    def __init__(self, *args: Any, federation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["club"].queryset = (
            Organisation.objects.filter(
                status__in=[Organisation.Status.ACTIVE, Organisation.Status.PAUSED]
            )
            .exclude(pk=federation.pk)
            .exclude(parent=federation)
            .order_by("name")
        )


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name or city"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *Organisation.Kind.choices], required=False
    )
    federal_state = forms.ChoiceField(
        label=_("Federal state"),
        choices=[("", _("All federal states")), *FederalState.choices],
        required=False,
    )

import re
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from vamos.core.models import TopicField
from vamos.organisations.models import Organisation

from .catalogue import DURATIONS
from .media import inspect_video

FORMATS = [
    ("", _("All formats")),
    ("module", _("E-learning modules")),
    ("path", _("Learning paths")),
    ("video", _("Learning videos")),
]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    thema = forms.ModelChoiceField(
        label=_("Topic field"),
        queryset=TopicField.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topic fields"),
    )
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, required=False)
    dauer = forms.ChoiceField(
        label=_("Duration"),
        choices=[
            ("", _("Any duration")),
            ("short", _("up to 20 minutes")),
            ("medium", _("21 to 60 minutes")),
            ("long", _("more than an hour")),
        ],
        required=False,
    )
    sprache = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("All languages")), *settings.LANGUAGES],
        required=False,
    )

    def filters(self) -> dict[str, str]:
        """The valid filters (an invalid one is reported on the form and left out)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        duration = data.get("dauer") or ""
        return {
            "query": data.get("q", "").strip(),
            "topic": data["thema"].slug if data.get("thema") else "",
            "kind": data.get("format") or "",
            "duration": duration if duration in DURATIONS else "",
            "language": data.get("sprache") or "",
        }


class TransferAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("Only you can read it unless you share it. At most 5,000 characters."),
        error_messages={"required": _("Please write your answer first.")},
    )
    share_with = forms.ChoiceField(label=_("Who may read it?"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["share_with"].choices = [
            ("", _("Only me")),
            *[
                (pk, _("Me and the VAMOs coach of %(organisation)s") % {"organisation": o.name})
                for pk, o in self.organisations.items()
            ],
        ]
        self.fields["share_with"].required = False
        self.fields["share_with"].help_text = _(
            "Coaches use shared answers to prepare the learning support of your organisation."
        )
        if not organisations:
            del self.fields["share_with"]

    def clean_share_with(self) -> Organisation | None:
        value = self.cleaned_data.get("share_with") or ""
        return self.organisations.get(value)


_CODE = re.compile(r"^[2-9A-HJKMNP-Z]{12}$")


def normalise_code(value: str) -> str:
    raw = re.sub(r"[\s\-–]", "", value or "").upper()
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if _CODE.match(raw) else ""


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=30,
        help_text=_("The code is printed on the certificate, e.g. ABCD-EFGH-JKMN."),
        error_messages={"required": _("Please enter the code from the certificate.")},
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(
                _("A code has 12 letters and digits, e.g. ABCD-EFGH-JKMN. Please check it.")
            )
        return code


# --- Back office -----------------------------------------------------------------------------


class VideoAdminForm(WagtailAdminModelForm):
    """Video form of the back office: checks the upload by its content, reads the duration
    from the file, and stores uploads right away, so that drafts and revisions of a published
    video refer to files that exist."""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        upload = self.files.get(self.add_prefix("file"))
        if upload is not None and "file" not in self.errors:
            facts = inspect_video(upload)
            if facts is not None and facts.duration_seconds:
                data["duration_seconds"] = round(facts.duration_seconds)
        return data

    def is_valid(self) -> bool:
        valid = super().is_valid()
        captions = getattr(self, "formsets", {}).get("captions")
        if captions is None:
            return valid
        seen: set[str] = set()
        for form in captions.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            if data.get("language") in seen:
                form.add_error("language", _("There is already a caption file for this language."))
                valid = False
            seen.add(data.get("language"))
        return valid

    def save(self, commit: bool = True) -> Any:
        instance = super().save(commit=commit)
        if not commit:
            _store_uploads(instance)
            for formset in getattr(self, "formsets", {}).values():
                for form in formset.forms:
                    if getattr(form, "instance", None) is not None:
                        _store_uploads(form.instance)
        return instance


def _store_uploads(instance: Any) -> None:
    for field in instance._meta.get_fields():
        if isinstance(field, forms.FileField) or not hasattr(field, "upload_to"):
            continue
        value = getattr(instance, field.name, None)
        if value and not getattr(value, "_committed", True):
            value.save(value.name, value.file, save=False)

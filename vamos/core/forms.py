"""Form rendering in KERN style and helpers for service errors.

Templates render every form with ``{% include "core/forms/form.html" %}``: an error summary
on top, then each field through ``core/forms/field.html`` (label, hint, error, widget). The
``kern_field`` filter wraps a bound field so that its widget gets KERN's classes and the ARIA
links to hint and error — for our forms, allauth's and Wagtail's form builder alike.
"""

import uuid
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField

_INPUT_CLASS = {
    "checkbox": "kern-form-check__checkbox",
    "checkboxselectmultiple": "kern-form-check__checkbox",
    "radioselect": "kern-form-check__radio",
    "select": "kern-form-input__select",
    "selectmultiple": "kern-form-input__select",
    "nullbooleanselect": "kern-form-input__select",
}


class KernBoundField(BoundField):
    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        kind = self.widget_type
        css = _INPUT_CLASS.get(kind, "kern-form-input__input")
        if self.errors:
            css = f"{css} {css}--error"
            attrs["aria-invalid"] = "true"
        attrs["class"] = f"{attrs.get('class', '')} {css}".strip()
        described = []
        if self.help_text and kind not in {"radioselect", "checkboxselectmultiple"}:
            described.append(f"{self.auto_id}-hint")
        if self.errors and kind not in {"radioselect", "checkboxselectmultiple"}:
            described.append(f"{self.auto_id}-error")
        if described:
            attrs["aria-describedby"] = " ".join(described)
        else:
            attrs.pop("aria-describedby", None)
        return attrs


def kern_bound_field(bound_field: BoundField) -> KernBoundField:
    if isinstance(bound_field, KernBoundField):
        return bound_field
    return KernBoundField(bound_field.form, bound_field.field, bound_field.name)


def apply_validation_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form: next to its field, or on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class SubmitOnceMixin:
    """Adds a hidden one-time key: sending the same filled-in form twice creates one thing
    (``vamos.core.services.form_submit_once``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["submission_key"] = forms.UUIDField(  # type: ignore[attr-defined]
            widget=forms.HiddenInput, required=False, initial=uuid.uuid4
        )

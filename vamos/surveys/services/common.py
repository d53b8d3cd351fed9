"""Helpers the survey services share: links in emails and the structure lock."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import Response, Wave


def absolute_url(language: str, name: str, **kwargs: Any) -> str:
    """A link for an email, in the recipient's language."""
    with translation.override(language):
        return f"{settings.VAMOS_BASE_URL}{reverse(name, kwargs=kwargs or None)}"


def wave_has_responses(wave: Wave) -> bool:
    return Response.objects.filter(wave=wave).exists()


def ensure_structure_editable(wave: Wave) -> None:
    """Questions, options and conditions are fixed once someone has started answering:
    changing them would make answers mean something else."""
    if wave_has_responses(wave):
        raise ValidationError(
            _(
                "Answers to this round exist, so questions can no longer be added, removed, "
                "reordered or changed in type. You can still correct texts. For bigger changes, "
                "copy the round."
            )
        )

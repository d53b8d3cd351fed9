"""A person's email settings for the peer exchange."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vamos.core.forms import apply_validation_error

from .. import selectors, services
from ..forms import NotificationSettingsForm


def notification_settings(request: HttpRequest) -> HttpResponse:
    current = selectors.notification_settings_for(user=request.user)
    form = NotificationSettingsForm(
        request.POST or None,
        levels=selectors.topic_levels_for(user=request.user),
        initial={
            "replies": current.replies,
            "organisation_activity": current.organisation_activity,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.notification_settings_update(
                user=request.user,
                replies=form.cleaned_data["replies"],
                organisation_activity=form.cleaned_data["organisation_activity"],
                levels=form.levels(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your notification settings have been saved."))
            return redirect("community:settings")
    return render(
        request,
        "community/settings.html",
        {"form": form, "last_digest_at": current.last_digest_at},
    )

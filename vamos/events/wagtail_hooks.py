"""Events in the back office: create and edit events with programme, questions, facilitators
and materials. Running an event (participants, check-in, messages) happens in the platform's
front end, linked from here, because it has to work on a phone at the door."""

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from vamos.core.forms import apply_validation_error
from vamos.core.permissions import is_team_admin
from vamos.core.services import audit_log

from . import services
from .models import Event, Registration


class TeamAdminPermissionPolicy(ModelPermissionPolicy):
    """Events are run by team admins only."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return is_team_admin(user)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return is_team_admin(user)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        if action == "delete" and instance.registrations.exists():
            return False  # attendance records count; cancel the event instead
        return self.user_has_permission(user, action)


register_permission_policy(Event, TeamAdminPermissionPolicy(Event))


class EventAdminForm(WagtailAdminModelForm):
    """Dates, windows and capacity checked with explanations next to the fields."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        seats_taken = (
            Registration.objects.filter(event=self.instance, status__in=Registration.SEATED).count()
            if self.instance.pk
            else 0
        )
        invited = cleaned.get("invited_organisations")
        try:
            services.event_validate(
                start=cleaned.get("start"),
                end=cleaned.get("end"),
                capacity=cleaned.get("capacity"),
                registration_opens=cleaned.get("registration_opens"),
                registration_closes=cleaned.get("registration_closes"),
                audience=cleaned.get("audience", ""),
                invited_count=len(invited) if invited is not None else None,
                seats_taken=seats_taken,
            )
        except ValidationError as error:
            apply_validation_error(self, error)
        if not cleaned.get("slug") and cleaned.get("title") and cleaned.get("start"):
            cleaned["slug"] = services.event_slug_for(
                title=cleaned["title"], start=cleaned["start"], exclude_pk=self.instance.pk
            )
            self.instance.slug = cleaned["slug"]
        self._validate_programme()
        return cleaned

    def _validate_programme(self) -> None:
        for formset_name in ("sessions",):
            formset = self.formsets.get(formset_name)
            if formset is None:
                continue
            for form in formset.forms:
                if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                    continue
                start, end = form.cleaned_data.get("start"), form.cleaned_data.get("end")
                if start and end and end <= start:
                    form.add_error("end", _("The end must be after the start."))


class EventCreateView(snippet_views.CreateView):
    def save_instance(self) -> Event:
        instance = super().save_instance()
        services.event_after_edit(event=instance, before=None, actor=self.request.user)
        return instance


class EventEditView(snippet_views.EditView):
    """Saving locks the event, so that lowering the capacity cannot race a registration."""

    def form_valid(self, form: forms.Form) -> HttpResponse:
        try:
            return super().form_valid(form)
        except ValidationError as error:
            apply_validation_error(form, error)
            return self.form_invalid(form)

    def save_instance(self) -> Event:
        before = services.event_lock_for_edit(
            event=self.object, capacity=self.form.cleaned_data.get("capacity")
        )
        instance = super().save_instance()
        services.event_after_edit(event=instance, before=before, actor=self.request.user)
        return instance


class EventDeleteView(snippet_views.DeleteView):
    """Events with registrations stay: attendance records count. Cancel them instead."""

    def get_object(self, queryset: Any = None) -> Event:
        event = super().get_object(queryset)
        if event.registrations.exists():
            raise PermissionDenied
        return event


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = gettext_lazy("Events")
    menu_order = 220
    add_to_admin_menu = True
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    delete_view_class = EventDeleteView
    copy_view_enabled = False
    list_display = ["title", "kind", "start", "status", "audience"]
    list_filter = ["status", "kind", "format", "audience"]
    search_fields = ["title", "summary"]
    ordering = ["-start"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("format")]),
                    FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
                    FieldRowPanel([FieldPanel("language"), FieldPanel("status")]),
                    FieldPanel("slug"),
                ],
                heading=gettext_lazy("Event"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("venue_name"),
                            FieldPanel("address"),
                            FieldPanel("accessibility_info"),
                        ],
                        heading=gettext_lazy("On site"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("online_url"), FieldPanel("online_access_info")],
                        heading=gettext_lazy("Online"),
                    ),
                    FieldPanel("contact_email"),
                ],
                heading=gettext_lazy("Place"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("audience")]),
                    FieldPanel("invited_organisations"),
                    FieldRowPanel(
                        [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("cancellation_deadline"),
                            FieldPanel("workshop_choice_deadline"),
                        ]
                    ),
                    InlinePanel(
                        "questions",
                        heading=gettext_lazy("Registration questions"),
                        label=gettext_lazy("Question"),
                    ),
                ],
                heading=gettext_lazy("Registration and audience"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "facilitators",
                        heading=gettext_lazy("Facilitators"),
                        label=gettext_lazy("Facilitator"),
                        panels=[
                            FieldPanel("kind"),
                            FieldRowPanel([FieldPanel("user"), FieldPanel("organisation")]),
                            FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
                        ],
                    ),
                    InlinePanel(
                        "sessions",
                        heading=gettext_lazy("Programme"),
                        label=gettext_lazy("Programme item"),
                        panels=[
                            FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
                            FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                            FieldRowPanel(
                                [FieldPanel("track"), FieldPanel("room"), FieldPanel("capacity")]
                            ),
                            FieldPanel("speakers"),
                            FieldPanel("description"),
                        ],
                    ),
                ],
                heading=gettext_lazy("Programme"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "materials",
                        heading=gettext_lazy("Materials"),
                        label=gettext_lazy("Material"),
                        panels=[
                            FieldPanel("title"),
                            FieldRowPanel([FieldPanel("document"), FieldPanel("url")]),
                            FieldPanel("participants_only"),
                        ],
                    ),
                    FieldPanel("recording_url"),
                ],
                heading=gettext_lazy("After the event"),
            ),
        ],
        base_form_class=EventAdminForm,
    )


register_snippet(EventViewSet)


@hooks.register("register_snippet_listing_buttons")
def event_listing_buttons(snippet: Any, user: Any, next_url: str | None = None) -> list:
    if not isinstance(snippet, Event) or not is_team_admin(user) or not snippet.slug:
        return []
    return [
        ListingButton(
            _("View on the site"), reverse("events:detail", args=[snippet.slug]), priority=5
        ),
        ListingButton(
            _("Participants"), reverse("events:participants", args=[snippet.slug]), priority=6
        ),
        ListingButton(_("Check-in"), reverse("events:checkin", args=[snippet.slug]), priority=7),
        ListingButton(_("Duplicate"), reverse("events:duplicate", args=[snippet.slug]), priority=8),
    ]


@hooks.register("after_delete_snippet")
def audit_event_delete(request: HttpRequest, instances: Any) -> None:
    for instance in instances:
        if isinstance(instance, Event):
            audit_log(actor=request.user, action="event.delete", data={"event": instance.title})

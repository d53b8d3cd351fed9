"""Back-office views of the team: the review queue of organisation applications."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vamos.core.forms import apply_validation_error

from . import selectors, services
from .forms import RejectApplicationForm
from .models import OrganisationApplication
from .permissions import can_review_applications


class TeamAdminRequiredMixin:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_review_applications(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class ApplicationQueueView(TeamAdminRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "organisations/admin/application_queue.html"
    page_title = gettext_lazy("Organisation applications")
    header_icon = "group"
    _breadcrumbs = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": "", "label": gettext_lazy("Organisation applications")},
    ]

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self._breadcrumbs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["applications"] = selectors.application_queue()
        context["decided"] = selectors.applications_recently_decided()
        return context


class ApplicationReviewView(TeamAdminRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "organisations/admin/application_review.html"
    header_icon = "group"

    def get_application(self) -> OrganisationApplication:
        application = selectors.application_queue_all().filter(pk=self.kwargs["pk"]).first()
        if application is None:
            raise Http404
        return application

    def get_page_title(self) -> str:
        return _("Review: %(name)s") % {"name": self.application.organisation.name}

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {
                "url": reverse("organisations_admin:applications"),
                "label": _("Organisation applications"),
            },
            {"url": "", "label": self.application.organisation.name},
        ]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_review_applications(request.user):
            raise PermissionDenied
        self.application = self.get_application()
        self.reject_form = RejectApplicationForm(
            request.POST if request.POST.get("decision") == "reject" else None
        )
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        decision = request.POST.get("decision")
        try:
            if decision == "approve":
                services.application_approve(application=self.application, actor=request.user)
                messages.success(
                    request,
                    _("%(name)s has been approved; the applicant is informed by email.")
                    % {"name": self.application.organisation.name},
                )
                return redirect("organisations_admin:applications")
            if decision == "reject" and self.reject_form.is_valid():
                services.application_reject(
                    application=self.application,
                    actor=request.user,
                    reason=self.reject_form.cleaned_data["reason"],
                )
                messages.success(
                    request,
                    _("%(name)s has been rejected; the applicant is informed by email.")
                    % {"name": self.application.organisation.name},
                )
                return redirect("organisations_admin:applications")
        except ValidationError as error:
            apply_validation_error(self.reject_form, error)
        return self.get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["application"] = self.application
        context["organisation"] = self.application.organisation
        context["reject_form"] = self.reject_form
        context["is_pending"] = (
            self.application.decision == OrganisationApplication.Decision.PENDING
        )
        return context

"""Exchange around entries: "useful", comments and reports, contact requests."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vamos.core.forms import apply_validation_error

from .. import selectors, services
from ..forms import CommentForm, CommentReportForm, ContactAnswerForm, ContactRequestForm, ReplyForm
from ..models import Comment
from ..permissions import (
    get_best_practice_for_user,
    get_comment_for_user,
    get_contact_request_for_user,
    get_peer_offer_for_user,
    is_asked_side,
    writable_organisations,
)
from .best_practices import detail_context
from .common import is_htmx, paginate


@require_POST
def react(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="react")
    marked = services.reaction_toggle(practice=practice, user=request.user)
    if is_htmx(request):
        return render(
            request,
            "community/detail.html#useful_response",
            {
                "practice": practice,
                "can_react": True,
                "has_reacted": marked,
                "useful_count": selectors.reaction_count(practice=practice),
            },
        )
    if marked:
        messages.success(request, _("You marked this best practice as useful."))
    else:
        messages.info(request, _("You took back your “useful” mark."))
    return redirect(reverse("community:detail", kwargs={"pk": practice.pk}) + "#hilfreich")


@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="comment")
    parent_id = request.POST.get("parent", "")
    is_reply = parent_id.isdigit()
    form = (
        ReplyForm(request.POST, auto_id=f"id_reply_{parent_id}_%s")
        if is_reply
        else CommentForm(request.POST)
    )
    if form.is_valid():
        parent = None
        if form.cleaned_data.get("parent"):
            parent = Comment.objects.filter(
                best_practice=practice, pk=form.cleaned_data["parent"]
            ).first()
            if parent is None:
                raise Http404
        try:
            new = services.comment_create(
                practice=practice,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=parent,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Your answer has been published.")
                if parent
                else _("Your comment has been published."),
            )
            return redirect(
                reverse("community:detail", kwargs={"pk": practice.pk}) + f"#kommentar-{new.pk}"
            )
    context = detail_context(
        request,
        practice,
        comment_form=None if is_reply else form,
        reply_form=form if is_reply else None,
    )
    return render(request, "community/detail.html", context)


def comment_report(request: HttpRequest, pk: int) -> HttpResponse:
    comment_ = get_comment_for_user(request, pk, action="report")
    form = CommentReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_report(
                comment=comment_,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Thank you. The VAMOs team will look at the comment."))
            return redirect(
                reverse("community:detail", kwargs={"pk": comment_.best_practice_id})
                + f"#kommentar-{comment_.pk}"
            )
    return render(request, "community/comment_report.html", {"comment": comment_, "form": form})


@require_POST
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment_ = get_comment_for_user(request, pk, action="delete")
    services.comment_delete(comment=comment_, actor=request.user)
    messages.success(request, _("Your comment has been deleted."))
    return redirect(
        reverse("community:detail", kwargs={"pk": comment_.best_practice_id}) + "#kommentare"
    )


def _contact(request: HttpRequest, *, organisation, practice=None, offer=None) -> HttpResponse:  # type: ignore[no-untyped-def]
    organisations = writable_organisations(request.user)
    about = practice.title if practice is not None else offer.title
    form = ContactRequestForm(
        request.POST or None,
        organisations=organisations,
        initial={"subject": (_("Question about “%(title)s”") % {"title": about})[:200]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_request_create(
                sender=request.user,
                organisation=organisation,
                sender_organisation=form.cleaned_data.get("sender_organisation"),
                subject=form.cleaned_data["subject"],
                message=form.cleaned_data["message"],
                best_practice=practice,
                peer_offer=offer,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your request has been sent to %(organisation)s. You will receive their "
                    "answer by email."
                )
                % {"organisation": organisation.name},
            )
            if practice is not None:
                return redirect("community:detail", pk=practice.pk)
            return redirect("community:offer-detail", pk=offer.pk)
    return render(
        request,
        "community/contact_form.html",
        {"form": form, "organisation": organisation, "practice": practice, "offer": offer},
    )


def contact(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="contact")
    return _contact(request, organisation=practice.organisation, practice=practice)


def offer_contact(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_peer_offer_for_user(request, pk, action="contact")
    return _contact(request, organisation=offer.organisation, offer=offer)


def requests(request: HttpRequest) -> HttpResponse:
    """Requests to the person and their organisations, or (``?ansicht=gesendet``) their own."""
    sent = request.GET.get("ansicht") == "gesendet"
    items = (
        selectors.contact_requests_sent(user=request.user)
        if sent
        else selectors.contact_requests_received(user=request.user)
    )
    page, query_string = paginate(request, items)
    return render(
        request,
        "community/requests.html",
        {"page_obj": page, "query_string": query_string, "sent": sent},
    )


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact_request = get_contact_request_for_user(request, pk, action="view")
    asked = is_asked_side(request.user, contact_request)
    form = None
    if asked:
        decision = request.POST.get("decision", "answer")
        form = ContactAnswerForm(request.POST or None, decision=decision)
    if request.method == "POST":
        contact_request = get_contact_request_for_user(request, pk, action="answer")
        assert form is not None  # the asked side always gets the form
        if form.is_valid():
            try:
                if form.decision == "decline":
                    services.contact_request_decline(
                        contact_request=contact_request,
                        actor=request.user,
                        message=form.cleaned_data["answer"],
                    )
                    messages.success(request, _("You declined the request."))
                else:
                    services.contact_request_answer(
                        contact_request=contact_request,
                        actor=request.user,
                        answer=form.cleaned_data["answer"],
                    )
                    messages.success(
                        request,
                        _("Your answer has been sent. You can now write to each other by email."),
                    )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                return redirect("community:request-detail", pk=contact_request.pk)
    return render(
        request,
        "community/request_detail.html",
        {"contact_request": contact_request, "asked": asked, "form": form},
    )

"""The team's side: reviewing best practices, moderating comments, finding peer presenters."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vamos.core.forms import apply_validation_error

from .. import selectors, services
from ..forms import HideCommentForm, ReviewForm
from ..permissions import (
    can_moderate,
    can_view_peer_presenters,
    get_best_practice_for_user,
    get_comment_for_moderation,
    is_reviewer,
)
from .best_practices import detail_context
from .common import paginate


def review_queue(request: HttpRequest) -> HttpResponse:
    if not is_reviewer(request.user):
        raise Http404
    page, query_string = paginate(request, selectors.review_queue())
    return render(
        request,
        "community/review_queue.html",
        {
            "page_obj": page,
            "query_string": query_string,
            "recent": selectors.recently_reviewed(),
        },
    )


def review(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="review")
    form = ReviewForm(request.POST or None, practice=practice)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "publish":
                services.best_practice_publish(
                    practice=practice,
                    actor=request.user,
                    visibility=data["visibility"],
                    message=data["message"],
                )
                messages.success(
                    request,
                    _("“%(title)s” is published; the organisation is informed by email.")
                    % {"title": practice.title},
                )
            else:
                services.best_practice_return(
                    practice=practice, actor=request.user, message=data["message"]
                )
                messages.success(
                    request,
                    _("“%(title)s” went back to the organisation with your comments.")
                    % {"title": practice.title},
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("community:review-queue")
    context = detail_context(request, practice)
    context["form"] = form
    return render(request, "community/review.html", context)


def moderation(request: HttpRequest) -> HttpResponse:
    if not can_moderate(request.user):
        raise Http404
    page, query_string = paginate(request, selectors.moderation_queue())
    return render(
        request,
        "community/moderation.html",
        {
            "page_obj": page,
            "query_string": query_string,
            "hidden": selectors.hidden_comments()[:20],
            "hide_form": HideCommentForm(),
        },
    )


@require_POST
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_comment_for_moderation(request, pk)
    action = request.POST.get("action")
    if action == "hide":
        form = HideCommentForm(request.POST)
        if form.is_valid():
            try:
                services.comment_hide(
                    comment=comment, actor=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The comment is hidden; its author is informed."))
                return redirect("community:moderation")
        page, query_string = paginate(request, selectors.moderation_queue())
        return render(
            request,
            "community/moderation.html",
            {
                "page_obj": page,
                "query_string": query_string,
                "hidden": selectors.hidden_comments()[:20],
                "hide_form": HideCommentForm(),
                "failed_form": form,
                "failed_comment": comment.pk,
            },
        )
    if action == "restore":
        services.comment_restore(comment=comment, actor=request.user)
        messages.success(request, _("The comment is visible again."))
    elif action == "dismiss":
        services.comment_reports_dismiss(comment=comment, actor=request.user)
        messages.success(request, _("The reports have been dismissed; the comment stays."))
    else:
        raise Http404
    return redirect("community:moderation")


def presenters(request: HttpRequest) -> HttpResponse:
    if not can_view_peer_presenters(request.user):
        raise Http404
    return render(
        request, "community/presenters.html", {"topic_fields": selectors.peer_presenters()}
    )

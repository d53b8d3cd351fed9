"""Best practices: the library, an entry, writing and revising, materials."""

import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vamos.accounts.models import User
from vamos.core.downloads import protect_user_file
from vamos.core.forms import apply_validation_error
from vamos.core.models import TopicField
from vamos.core.services import form_submit_once
from vamos.organisations.models import Membership, Organisation
from vamos.organisations.permissions import is_member, visible_organisations

from .. import selectors, services
from ..forms import (
    BestPracticeForm,
    CommentForm,
    LibraryFilterForm,
    ReplyForm,
    ResourceFileForm,
    ResourceImageForm,
    ResourceLinkForm,
)
from ..linked_events import linked_event
from ..models import BestPractice, Comment, Reaction, Resource
from ..permissions import (
    can_comment_on_best_practice,
    can_contact_organisation,
    can_create_best_practice,
    can_delete_best_practice,
    can_edit_best_practice,
    can_moderate,
    can_react_to_best_practice,
    can_review_best_practice,
    can_submit_best_practice,
    can_view_comments,
    can_withdraw_best_practice,
    get_best_practice_for_user,
    get_resource_for_user,
    is_reviewer,
    writable_organisations,
)
from .common import cached_html, filter_form_html, paginate, request_key

# What the library's results read: the entries, their reactions and comments, topic fields,
# and the person's organisations and roles (which entries they may see).
LIBRARY_READS: list[type[Model]] = [
    BestPractice,
    Reaction,
    Comment,
    TopicField,
    Organisation,
    Membership,
    User,
]


@login_not_required
def library(request: HttpRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    user = request.user

    def results() -> str:
        practices = selectors.best_practice_library(
            user=user,
            query=filters.get("q", ""),
            topic_field=filters.get("thema"),
            kind=filters.get("art", ""),
            federal_state=filters.get("land", ""),
            sort=filters.get("sortierung") or "newest",
        )
        page, query_string = paginate(request, practices, per_page=12)
        context = {"page_obj": page, "query_string": query_string, "user": user}
        return render_to_string("community/includes/library_results.html", context)

    key = f"library:{user.pk or 'anonymous'}:{request_key(request)}"
    return render(
        request,
        "community/library.html",
        {
            "form": form,
            "form_html": filter_form_html(form, depends_on=[TopicField]),
            "results": cached_html(key, depends_on=LIBRARY_READS, build=results),
            "can_create": can_create_best_practice(user),
        },
    )


def detail_context(
    request: HttpRequest,
    practice: BestPractice,
    *,
    comment_form: CommentForm | None = None,
    reply_form: ReplyForm | None = None,
) -> dict[str, Any]:
    user = request.user
    practice = selectors.best_practice_detail(practice=practice)
    own = is_member(user, practice.organisation)
    context: dict[str, Any] = {
        "practice": practice,
        "is_own": own,
        "can_edit": can_edit_best_practice(user, practice),
        "can_submit": can_submit_best_practice(user, practice),
        "can_withdraw": can_withdraw_best_practice(user, practice),
        "can_delete": can_delete_best_practice(user, practice),
        "can_review": can_review_best_practice(user, practice),
        "can_react": can_react_to_best_practice(user, practice),
        "can_comment": can_comment_on_best_practice(user, practice),
        "can_view_comments": can_view_comments(user, practice),
        "can_contact": can_contact_organisation(user, practice),
        "has_reacted": selectors.has_reacted(practice=practice, user=user),
        "organisation_visible": visible_organisations(user)
        .filter(pk=practice.organisation_id)
        .exists(),
        "images": [r for r in practice.resources.all() if r.kind == Resource.Kind.IMAGE],
        "files": [r for r in practice.resources.all() if r.kind == Resource.Kind.FILE],
        "links": [r for r in practice.resources.all() if r.kind == Resource.Kind.LINK],
        "more": selectors.other_best_practices_of_organisation(practice=practice, user=user),
        "event": linked_event(practice.event_id, signed_in=user.is_authenticated),
    }
    context["useful_count"] = practice.useful_count
    if context["can_view_comments"]:
        context["comments"] = _comments_with_flags(
            request, practice, can_reply=context["can_comment"], reply_form=reply_form
        )
    if own or is_reviewer(user):
        context["history"] = selectors.best_practice_history(practice=practice)
    if context["can_submit"]:
        context["missing"] = services.best_practice_missing(practice)
    if context["can_comment"]:
        context["comment_form"] = comment_form or CommentForm()
        context["reply_form"] = reply_form
    return context


def _comments_with_flags(
    request: HttpRequest, practice: BestPractice, *, can_reply: bool, reply_form: Any
) -> list[Any]:
    """Comments with what the viewer may do with each (the template only shows it)."""
    user = request.user
    moderator = can_moderate(user)
    comments = list(selectors.best_practice_comments(practice=practice, user=user))
    for comment in comments:
        for item in [comment, *comment.replies.all()]:
            own = user.is_authenticated and item.author_id == user.pk
            item.can_report = (
                user.is_authenticated
                and not own
                and not item.is_removed
                and not getattr(item, "reported_by_me", False)
            )
            item.can_delete = own and item.deleted_at is None
            item.show_hidden = item.is_hidden and (moderator or own)
        comment.reply_form = None
        if can_reply and not comment.is_removed:
            failed = reply_form is not None and reply_form.data.get("parent") == str(comment.pk)
            comment.reply_form = (
                reply_form
                if failed
                else ReplyForm(initial={"parent": comment.pk}, auto_id=f"id_reply_{comment.pk}_%s")
            )
    return comments


@login_not_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="view")
    return render(request, "community/detail.html", detail_context(request, practice))


def create(request: HttpRequest) -> HttpResponse:
    organisations = writable_organisations(request.user)
    if not organisations.exists():
        raise Http404
    form = BestPracticeForm(request.POST or None, organisations=organisations)
    if request.method == "POST":
        form.submitting = request.POST.get("intent") == "submit"
        if form.is_valid():
            organisation = form.organisation or form.cleaned_data["organisation"]

            def create_practice() -> str:
                practice = services.best_practice_create(
                    organisation=organisation,
                    author=request.user,
                    data=form.content(),
                    topic_fields=form.cleaned_data["topic_fields"],
                    public_consent=form.cleaned_data.get("public_consent", False),
                )
                if form.submitting:
                    services.best_practice_submit(practice=practice, actor=request.user)
                return reverse("community:detail", kwargs={"pk": practice.pk})

            try:
                # The same form sent twice (double click, back button) creates one entry.
                url, created = form_submit_once(
                    key=form.cleaned_data["submission_key"],
                    user=request.user,
                    create=create_practice,
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                if not created:
                    return redirect(url)
                if form.submitting:
                    messages.success(
                        request,
                        _("Thank you! The editorial team will review your best practice."),
                    )
                else:
                    messages.success(
                        request,
                        _("The draft has been saved. Add materials or submit it for review."),
                    )
                return redirect(url)
    return render(request, "community/practice_form.html", {"form": form, "practice": None})


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="edit")
    own = is_member(request.user, practice.organisation)
    form = BestPracticeForm(request.POST or None, instance=practice, team_edit=not own)
    if request.method == "POST":
        form.submitting = own and request.POST.get("intent") == "submit"
        if form.is_valid():
            try:
                with transaction.atomic():
                    practice = services.best_practice_update(
                        practice=BestPractice.objects.get(pk=practice.pk),
                        actor=request.user,
                        data=form.content(),
                        topic_fields=form.cleaned_data["topic_fields"],
                        public_consent=form.cleaned_data.get("public_consent") if own else None,
                    )
                    if form.submitting:
                        services.best_practice_submit(practice=practice, actor=request.user)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                if form.submitting:
                    messages.success(
                        request,
                        _("Thank you! The editorial team will review your best practice."),
                    )
                else:
                    messages.success(request, _("Your changes have been saved."))
                return redirect("community:detail", pk=practice.pk)
    return render(
        request,
        "community/practice_form.html",
        {"form": form, "practice": practice, "own": own},
    )


@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="submit")
    try:
        services.best_practice_submit(practice=practice, actor=request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The best practice cannot be submitted yet: %(missing)s")
            % {"missing": " ".join(error.messages)},
        )
    else:
        messages.success(
            request, _("Thank you! The editorial team will review your best practice.")
        )
    return redirect("community:detail", pk=practice.pk)


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="withdraw")
    was_published = practice.is_published
    services.best_practice_withdraw(practice=practice, actor=request.user)
    if was_published:
        messages.success(request, _("The best practice is offline again and back in your drafts."))
    else:
        messages.success(request, _("The best practice is back in your drafts."))
    return redirect("community:detail", pk=practice.pk)


def delete(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="delete")
    if request.method == "POST":
        services.best_practice_delete(practice=practice, actor=request.user)
        messages.success(request, _("“%(title)s” has been deleted.") % {"title": practice.title})
        return redirect("community:mine")
    return render(request, "community/practice_delete.html", {"practice": practice})


def resources(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="edit")
    kind = request.POST.get("kind") if request.method == "POST" else None
    file_form = ResourceFileForm(
        request.POST if kind == "file" else None, request.FILES if kind == "file" else None
    )
    image_form = ResourceImageForm(
        request.POST if kind == "image" else None, request.FILES if kind == "image" else None
    )
    link_form = ResourceLinkForm(request.POST if kind == "link" else None)
    forms = {"file": file_form, "image": image_form, "link": link_form}
    if request.method == "POST":
        form = forms.get(kind or "")
        if form is None:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            try:
                if kind == "file":
                    services.resource_add_file(
                        practice=practice,
                        actor=request.user,
                        title=data["title"],
                        upload=data["file"],
                    )
                elif kind == "image":
                    services.resource_add_image(
                        practice=practice,
                        actor=request.user,
                        upload=data["image"],
                        alt_text=data["alt_text"],
                        caption=data["caption"],
                    )
                else:
                    services.resource_add_link(
                        practice=practice,
                        actor=request.user,
                        title=data["link_title"],
                        url=data["url"],
                    )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The material has been added."))
                return redirect("community:resources", pk=practice.pk)
    return render(
        request,
        "community/resources.html",
        {
            "practice": practice,
            "resources": practice.resources.all(),
            "file_form": file_form,
            "image_form": image_form,
            "link_form": link_form,
            "active_form": kind,
        },
    )


@require_POST
def resource_remove(request: HttpRequest, pk: int, resource_pk: int) -> HttpResponse:
    practice = get_best_practice_for_user(request, pk, action="edit")
    resource = get_resource_for_user(request, practice, resource_pk)
    services.resource_remove(resource=resource, actor=request.user)
    messages.success(request, _("“%(title)s” has been removed.") % {"title": resource.title})
    return redirect("community:resources", pk=practice.pk)


@login_not_required
def resource_download(request: HttpRequest, pk: int, resource_pk: int) -> HttpResponse:
    """Files are served only through this permission check, never from a public folder."""
    practice = get_best_practice_for_user(request, pk, action="view")
    resource = get_resource_for_user(request, practice, resource_pk)
    if not resource.file:
        raise Http404
    try:
        # Uploads are size-capped; reading them whole leaves no file handle open.
        with resource.file.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(
        io.BytesIO(data),
        as_attachment=resource.kind == Resource.Kind.FILE,
        filename=resource.original_name or None,
        content_type=resource.content_type or "application/octet-stream",
    )
    response["Cache-Control"] = (
        "public, max-age=3600" if practice.is_public else "private, no-store"
    )
    return protect_user_file(response)


def mine(request: HttpRequest) -> HttpResponse:
    practices = selectors.organisation_best_practices(user=request.user)
    page, query_string = paginate(request, practices)
    return render(
        request,
        "community/mine.html",
        {
            "page_obj": page,
            "query_string": query_string,
            "can_create": can_create_best_practice(request.user),
            "offers": selectors.own_peer_offers(user=request.user),
        },
    )

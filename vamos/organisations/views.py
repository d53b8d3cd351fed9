from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from vamos.accounts.selectors import account_exists
from vamos.core import spam
from vamos.core.forms import apply_validation_error

from . import selectors, services
from .forms import (
    DirectoryFilterForm,
    InvitationAcceptForm,
    InvitationForm,
    MemberClubListedForm,
    MemberClubRequestForm,
    MemberRoleForm,
    OrganisationApplicationForm,
    OrganisationProfileForm,
)
from .models import Membership, Organisation
from .permissions import (
    can_accept_invitation,
    can_edit_organisation,
    can_manage_member_clubs,
    can_manage_members,
    can_view_full_profile,
    can_view_members,
    get_invitation_for_user,
    get_membership_for_user,
    get_organisation_for_user,
    get_own_membership,
)


@login_not_required
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = selectors.organisation_directory(
        user=request.user,
        kind=filters.get("kind", ""),
        federal_state=filters.get("federal_state", ""),
        query=filters.get("q", ""),
    )
    page = Paginator(organisations, 20).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "organisations/directory.html",
        {"form": form, "page_obj": page, "query_string": query.urlencode()},
    )


@login_not_required
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_user(request, slug, action="view")
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "full_profile": can_view_full_profile(request.user, organisation),
            "can_edit": can_edit_organisation(request.user, organisation),
            "can_view_members": can_view_members(request.user, organisation),
            "can_manage_member_clubs": can_manage_member_clubs(request.user, organisation),
            "member_clubs": selectors.organisation_member_clubs(organisation=organisation),
        },
    )


def edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_user(request, slug, action="edit")
    form = OrganisationProfileForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            # The form's instance holds the new values; the service saves them.
            services.organisation_update(
                organisation=Organisation.objects.get(pk=organisation.pk),
                actor=request.user,
                data=form.cleaned_data,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The profile has been saved."))
            return redirect("organisations:detail", slug=organisation.slug)
    return render(request, "organisations/edit.html", {"form": form, "organisation": organisation})


def members(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_user(request, slug, action="members")
    can_manage = can_manage_members(request.user, organisation)
    invite_form = InvitationForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if invite_form is None:
            raise Http404
        if invite_form.is_valid():
            try:
                services.invitation_create(
                    organisation=organisation,
                    email=invite_form.cleaned_data["email"],
                    role=invite_form.cleaned_data["role"],
                    invited_by=request.user,
                )
            except ValidationError as error:
                apply_validation_error(invite_form, error)
            else:
                messages.success(
                    request,
                    _("The invitation to %(email)s is on its way.")
                    % {"email": invite_form.cleaned_data["email"]},
                )
                return redirect("organisations:members", slug=organisation.slug)
    context = {
        "organisation": organisation,
        "members": selectors.organisation_members(organisation=organisation),
        "can_manage": can_manage,
        "invite_form": invite_form,
        "invitations": (
            selectors.organisation_open_invitations(organisation=organisation) if can_manage else []
        ),
        "role_choices": Membership.Role.choices,
    }
    return render(request, "organisations/members.html", context)


@require_POST
def member_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request, slug, action="manage_members")
    membership = get_membership_for_user(request, organisation, pk)
    form = MemberRoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_role_set(
                membership=membership, role=form.cleaned_data["role"], actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {
                    "name": membership.user.display_name,
                    "role": Membership.Role(form.cleaned_data["role"]).label,
                },
            )
    return redirect("organisations:members", slug=organisation.slug)


@require_POST
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request, slug, action="manage_members")
    membership = get_membership_for_user(request, organisation, pk)
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s no longer belongs to the organisation.")
            % {"name": membership.user.display_name},
        )
    if membership.user_id == request.user.pk:
        return redirect("dashboard:index")
    return redirect("organisations:members", slug=organisation.slug)


@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_user(request, slug, action="members")
    membership = get_own_membership(request, organisation)
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("organisations:members", slug=organisation.slug)
    messages.success(
        request, _("You have left %(organisation)s.") % {"organisation": organisation.name}
    )
    return redirect("dashboard:index")


@require_POST
def invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request, slug, action="manage_members")
    invitation = get_invitation_for_user(request, organisation, pk)
    services.invitation_revoke(invitation=invitation, actor=request.user)
    messages.success(
        request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email}
    )
    return redirect("organisations:members", slug=organisation.slug)


def member_clubs(request: HttpRequest, slug: str) -> HttpResponse:
    federation = get_organisation_for_user(request, slug, action="member_clubs")
    listed_form = MemberClubListedForm(
        request.POST if request.POST.get("form") == "listed" else None
    )
    request_form = MemberClubRequestForm(
        request.POST if request.POST.get("form") == "request" else None, federation=federation
    )
    if request.method == "POST":
        form = listed_form if request.POST.get("form") == "listed" else request_form
        if form.is_valid():
            try:
                if form is listed_form:
                    services.member_club_add_listed(
                        federation=federation, actor=request.user, **form.cleaned_data
                    )
                    messages.success(request, _("The member club has been added."))
                else:
                    club = services.member_club_request(
                        federation=federation, club=form.cleaned_data["club"], actor=request.user
                    )
                    messages.success(
                        request,
                        _("%(club)s has been asked to confirm.") % {"club": club.name},
                    )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                return redirect("organisations:member-clubs", slug=federation.slug)
    return render(
        request,
        "organisations/member_clubs.html",
        {
            "organisation": federation,
            "member_clubs": selectors.organisation_member_clubs(organisation=federation),
            "pending": selectors.organisation_pending_member_club_requests(organisation=federation),
            "listed_form": listed_form,
            "request_form": request_form,
        },
    )


@require_POST
def member_club_remove(request: HttpRequest, slug: str, club_slug: str) -> HttpResponse:
    federation = get_organisation_for_user(request, slug, action="member_clubs")
    club = (
        selectors.organisation_member_clubs(organisation=federation).filter(slug=club_slug).first()
    )
    if club is None:
        raise Http404
    services.member_club_remove(federation=federation, club=club, actor=request.user)
    messages.success(request, _("%(club)s is no longer listed.") % {"club": club.name})
    return redirect("organisations:member-clubs", slug=federation.slug)


@require_POST
def parent_request_answer(request: HttpRequest, slug: str) -> HttpResponse:
    club = get_organisation_for_user(request, slug, action="parent_request")
    accept = request.POST.get("answer") == "accept"
    federation = club.parent_request
    services.member_club_request_answer(club=club, accept=accept, actor=request.user)
    if accept:
        messages.success(
            request,
            _("%(club)s is now listed as member club of %(federation)s.")
            % {"club": club.name, "federation": federation},
        )
    else:
        messages.info(request, _("The request has been declined."))
    return redirect("dashboard:index")


@login_not_required
@sensitive_post_parameters("password1", "password2")
def apply(request: HttpRequest) -> HttpResponse:
    """The public form "Register an organisation"."""
    form = OrganisationApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if spam.is_rate_limited(request, key="organisation-apply", limit=10, seconds=3600):
            form.add_error(None, _("Too many applications from your connection. Please try later."))
        elif form.is_valid():
            if spam.is_spam(form):
                return redirect("organisations:apply-done")
            try:
                services.organisation_apply(
                    organisation_data=form.organisation_data(),
                    applicant=request.user if request.user.is_authenticated else None,
                    applicant_data={
                        **form.applicant_data(),
                        "language": translation.get_language(),
                    },
                    applicant_role=form.cleaned_data["applicant_role"],
                    message=form.cleaned_data["message"],
                    parent=form.cleaned_data.get("parent"),
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                return redirect("organisations:apply-done")
    return render(request, "organisations/apply.html", {"form": form})


@login_not_required
def apply_done(request: HttpRequest) -> HttpResponse:
    return render(request, "organisations/apply_done.html")


@login_not_required
@never_cache
@sensitive_post_parameters("password1", "password2")
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link from an invitation email: accept, sign in first, or create an account."""
    invitation = services.invitation_by_token(token)
    if invitation is None:
        raise Http404
    context: dict = {"invitation": invitation, "organisation": invitation.organisation}
    if not invitation.is_open:
        return render(request, "organisations/invitation_invalid.html", context, status=410)
    user = request.user
    if user.is_authenticated:
        if not can_accept_invitation(user, invitation):
            return render(request, "organisations/invitation_other_account.html", context)
        if request.method == "POST":
            services.invitation_accept(invitation=invitation, user=user)
            messages.success(
                request,
                _("Welcome to %(organisation)s!") % {"organisation": invitation.organisation},
            )
            return redirect("dashboard:index")
        return render(request, "organisations/invitation_accept.html", context)
    if account_exists(email=invitation.email):
        return render(request, "organisations/invitation_sign_in.html", context)
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            new_user = services.invitation_accept_with_new_account(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
                language=translation.get_language() or "de",
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            login(request, new_user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome to %(organisation)s!") % {"organisation": invitation.organisation},
            )
            return redirect("dashboard:index")
    context["form"] = form
    return render(request, "organisations/invitation_register.html", context)

import json

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import url_str_to_user_pk
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from .forms import AccountDeleteForm, NewPasswordForm, ProfileForm
from .models import User
from .services import (
    user_data_export,
    user_delete,
    user_delete_blockers,
    user_language_set,
    user_profile_update,
)


def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = user_profile_update(user=request.user, **form.cleaned_data)
        with translation.override(user.language):
            messages.success(request, _("Your profile has been saved."))
            return redirect(reverse("accounts:profile"))
    return render(request, "accounts/profile.html", {"form": form})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/privacy.html",
        {"blockers": user_delete_blockers(user=request.user)},
    )


@require_POST
def data_export(request: HttpRequest) -> HttpResponse:
    data = user_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"vamos-meine-daten-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@sensitive_post_parameters("password")
def account_delete(request: HttpRequest) -> HttpResponse:
    blockers = user_delete_blockers(user=request.user)
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and not blockers and form.is_valid():
        user = request.user
        logout(request)
        user_delete(user=user)
        messages.success(request, _("Your account has been deleted. Goodbye!"))
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form, "blockers": blockers})


@login_not_required
@never_cache
@sensitive_post_parameters("password1", "password2")
def password_set(request: HttpRequest, uidb36: str, key: str) -> HttpResponse:
    """Choose a first password from the link in the approval email."""
    try:
        user = User.objects.get(pk=url_str_to_user_pk(uidb36), is_active=True)
    except (ValueError, TypeError, OverflowError, User.DoesNotExist) as exc:
        raise Http404 from exc
    if not default_token_generator.check_token(user, key):
        return render(request, "accounts/password_set_invalid.html", status=400)
    form = NewPasswordForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        user.set_password(form.cleaned_data["password1"])
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your password has been set. Welcome to VAMOs!"))
        with translation.override(user.language):
            return redirect(reverse("dashboard:index"))
    return render(request, "accounts/password_set.html", {"form": form, "person": user})


@login_not_required
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language: remember it and show the same page in that language."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    if language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url)
    target = request.POST.get(f"alternate_{language}", "")
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = translate_url(next_url, language)
    if request.user.is_authenticated:
        user_language_set(user=request.user, language=language)
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=True,
    )
    return response

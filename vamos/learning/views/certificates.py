"""Certificates: the learner downloads the PDF; anyone verifies a code at a public URL."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from vamos.core.services import audit_log

from ..documents import certificate_pdf, verification_url
from ..forms import VerifyForm, normalise_code
from ..permissions import get_certificate_for_user, get_certificate_for_verification


@require_GET
def certificate(request: HttpRequest, code: str) -> HttpResponse:
    certificate = get_certificate_for_user(request, code)
    if certificate.user_id != request.user.pk:
        # A team admin reading someone's certificate is access to personal data.
        audit_log(actor=request.user, action="certificate.download", obj=certificate)
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="vamos-certificate-{certificate.code}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_not_required
@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        return redirect("learning:verify-code", code=form.cleaned_data["code"])
    return render(request, "learning/verify.html", {"form": form})


@login_not_required
@require_GET
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    normalised = normalise_code(code)
    certificate = get_certificate_for_verification(normalised) if normalised else None
    if normalised and normalised != code:
        return redirect("learning:verify-code", code=normalised)
    context = {
        "certificate": certificate,
        "code": normalised or code,
        "form": VerifyForm(initial={"code": normalised or code}),
        "verification_url": verification_url(certificate) if certificate else "",
    }
    response = render(request, "learning/verify_result.html", context)
    if certificate is None:
        response.status_code = 404
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response

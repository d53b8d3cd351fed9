"""The certificate as a PDF (WeasyPrint, tagged PDF/UA), with a QR code to its verification.

Fonts come from the vendored KERN files; the fetcher reads local files and data URLs only,
so rendering never makes a network request.
"""

import base64
import io
from pathlib import Path

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Certificate


def _font_url(name: str) -> str:
    found = finders.find(f"vendor/kern/fonts/fira-sans/{name}")
    return Path(found).as_uri() if found else ""


def verification_url(certificate: Certificate) -> str:
    with translation.override(certificate.language):
        path = reverse("learning:verify-code", kwargs={"code": certificate.code})
    return settings.VAMOS_BASE_URL + path


def _qr_data_url(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=0)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def certificate_pdf(certificate: Certificate) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    url = verification_url(certificate)
    with translation.override(certificate.language):
        html = render_to_string(
            "learning/certificate_pdf.html",
            {
                "certificate": certificate,
                "verification_url": url,
                "qr_code": _qr_data_url(url),
                "font_regular": _font_url("FiraSans-Regular.woff2"),
                "font_bold": _font_url("FiraSans-Bold.woff2"),
                "font_light": _font_url("FiraSans-Light.woff2"),
            },
        )
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")

"""PDF from HTML (WeasyPrint) with the KERN fonts shipped in the static files; nothing is
fetched from anywhere else. Shared by the journey summary and the reports."""

from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders

FONTS = {
    "regular": "vendor/kern/fonts/fira-sans/FiraSans-Regular.woff2",
    "bold": "vendor/kern/fonts/fira-sans/FiraSans-SemiBold.woff2",
    "italic": "vendor/kern/fonts/fira-sans/FiraSans-Italic.woff2",
}


def font_urls() -> dict[str, str]:
    """``file:`` addresses of the fonts for ``@font-face`` rules (key → address)."""
    urls = {}
    for key, path in FONTS.items():
        found = finders.find(path)
        if found:
            urls[key] = Path(found).as_uri()
    return urls


def _fonts_only_fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    allowed = set(font_urls().values())

    class FontsOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url not in allowed:
                raise ValueError(f"Refusing to fetch {url}")
            return super().fetch(url, headers)

    return FontsOnly(allowed_protocols=["file"])


def html_to_pdf(html: str, *, tagged: bool = False) -> bytes:
    """The PDF of ``html``; ``tagged`` makes it PDF/UA-1 (tagged for screen readers)."""
    from weasyprint import HTML

    options = {"pdf_variant": "pdf/ua-1"} if tagged else {}
    return HTML(string=html, url_fetcher=_fonts_only_fetcher()).write_pdf(**options)

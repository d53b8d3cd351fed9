from allauth import urls as allauth_urls
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from vamos.accounts.views import set_language
from vamos.core.urls import mark_public
from vamos.core.views import healthcheck

# allauth's pages for signing in, recovering a password and confirming an address are public;
# everything else it offers needs a signed-in person (LoginRequiredMiddleware).
mark_public(
    allauth_urls.urlpatterns,
    {
        "account_login",
        "account_signup",
        "account_inactive",
        "account_confirm_email",
        "account_email_verification_sent",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "account_logout",
        "mfa_authenticate",
    },
)

# Wagtail serves pages and documents; it checks page privacy and collection permissions itself.
mark_public(wagtail_urls.urlpatterns, None)
mark_public(wagtaildocs_urls.urlpatterns, None)

# Every sign-in goes through allauth: its rate limits and the second factor. Wagtail's own
# password forms (back office, private pages) would skip both, so they only send people there.
to_sign_in = login_not_required(
    RedirectView.as_view(pattern_name="account_login", query_string=True)
)

urlpatterns = [
    path("verwaltung/login/", to_sign_in, name="wagtailadmin_login"),
    path("verwaltung/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("sprache/", set_language, name="set-language"),
    path("health/", healthcheck, name="health"),
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url="/static/vamos/favicon.svg", permanent=True)),
        name="favicon",
    ),
]

urlpatterns += i18n_patterns(
    path("konto/", include("vamos.accounts.urls")),
    path("konto/", include(allauth_urls)),
    path("mein-bereich/", include("vamos.dashboard.urls")),
    path("organisationen/", include("vamos.organisations.urls")),
    path("lernen/", include("vamos.learning.urls")),
    path("lernreisen/", include("vamos.journeys.urls")),
    path("veranstaltungen/", include("vamos.events.urls")),
    path("austausch/", include("vamos.community.urls")),
    path("umfragen/", include("vamos.surveys.urls")),
    path("berichte/", include("vamos.reports.urls")),
    path("", include("vamos.website.urls")),
    path("_util/login/", to_sign_in, name="wagtailcore_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    media = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    mark_public(media, None)
    urlpatterns = media + urlpatterns

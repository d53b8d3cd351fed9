from django.urls import path

from . import views

urlpatterns = [
    path("rechtliches/impressum/", views.legal_page, {"role": "imprint"}, name="imprint"),
    path("rechtliches/datenschutz/", views.legal_page, {"role": "privacy"}, name="privacy-notice"),
    path(
        "rechtliches/barrierefreiheit/",
        views.legal_page,
        {"role": "accessibility"},
        name="accessibility",
    ),
]

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bericht.xlsx", views.export_xlsx, name="export-xlsx"),
    path("bericht.pdf", views.export_pdf, name="export-pdf"),
    path("datensaetze/", views.records, name="records"),
    path("indikatoren/", views.indicator_list, name="indicators"),
    path("indikatoren/neu/", views.indicator_create, name="indicator-create"),
    path("indikatoren/<int:pk>/", views.indicator_edit, name="indicator-edit"),
    path("indikatoren/<int:pk>/loeschen/", views.indicator_delete, name="indicator-delete"),
    path("programmjahre/", views.programme_year_list, name="programme-years"),
    path("programmjahre/neu/", views.programme_year_create, name="programme-year-create"),
    path("programmjahre/<int:pk>/", views.programme_year_edit, name="programme-year-edit"),
    path(
        "programmjahre/<int:pk>/loeschen/",
        views.programme_year_delete,
        name="programme-year-delete",
    ),
    path("organisationen/<slug:slug>/", views.organisation, name="organisation"),
    path("organisationen/<slug:slug>/bericht.pdf", views.organisation_pdf, name="organisation-pdf"),
]

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("datenschutz/", views.privacy, name="privacy"),
    path("datenschutz/export/", views.data_export, name="data-export"),
    path("loeschen/", views.account_delete, name="delete"),
    path("passwort-festlegen/<str:uidb36>/<str:key>/", views.password_set, name="password-set"),
]

from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("registrieren/", views.apply, name="apply"),
    path("registrieren/danke/", views.apply_done, name="apply-done"),
    path("einladung/<str:token>/", views.invitation, name="invitation"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/bearbeiten/", views.edit, name="edit"),
    path("<slug:slug>/mitglieder/", views.members, name="members"),
    path("<slug:slug>/mitglieder/<int:pk>/rolle/", views.member_role, name="member-role"),
    path("<slug:slug>/mitglieder/<int:pk>/entfernen/", views.member_remove, name="member-remove"),
    path("<slug:slug>/verlassen/", views.leave, name="leave"),
    path(
        "<slug:slug>/einladungen/<int:pk>/zurueckziehen/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
    path("<slug:slug>/mitgliedsvereine/", views.member_clubs, name="member-clubs"),
    path(
        "<slug:slug>/mitgliedsvereine/<slug:club_slug>/entfernen/",
        views.member_club_remove,
        name="member-club-remove",
    ),
    path("<slug:slug>/dachverband/", views.parent_request_answer, name="parent-request"),
]

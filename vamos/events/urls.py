from django.urls import path

from . import manage_views, views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("monat/<int:year>/<int:month>/", views.event_month, name="month"),
    path("oeffentlich.ics", views.public_feed, name="feed-public"),
    path("kalender/<str:token>.ics", views.personal_feed, name="feed-personal"),
    path("kalender-abo/", views.feed_settings, name="feed-settings"),
    path("meine/", views.my_registrations, name="my-registrations"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/termin.ics", views.event_ics, name="ics"),
    path("<slug:slug>/anmelden/", views.register, name="register"),
    path("<slug:slug>/anmeldung/", views.registration, name="registration"),
    path(
        "<slug:slug>/anmeldung/stornieren/", views.registration_cancel, name="registration-cancel"
    ),
    path("<slug:slug>/bescheinigung.pdf", views.certificate, name="certificate"),
    path("<slug:slug>/feedback/", views.feedback, name="feedback"),
    # Running the event (team admins).
    path("<slug:slug>/teilnehmende/", manage_views.participants, name="participants"),
    path("<slug:slug>/teilnehmende.csv", manage_views.participants_csv, name="participants-csv"),
    path("<slug:slug>/teilnehmende.xlsx", manage_views.participants_xlsx, name="participants-xlsx"),
    path(
        "<slug:slug>/teilnehmende/<int:pk>/stornieren/",
        manage_views.registration_cancel_by_team,
        name="participant-cancel",
    ),
    path("<slug:slug>/check-in/", manage_views.checkin, name="checkin"),
    path("<slug:slug>/check-in/<int:pk>/", manage_views.checkin_mark, name="checkin-mark"),
    path("<slug:slug>/nachricht/", manage_views.message, name="message"),
    path("<slug:slug>/absagen/", manage_views.cancel, name="cancel"),
    path("<slug:slug>/duplizieren/", manage_views.duplicate, name="duplicate"),
]

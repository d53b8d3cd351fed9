from django.urls import path

from .views import best_practices, exchange, notifications, offers, team

app_name = "community"

urlpatterns = [
    path("", best_practices.library, name="library"),
    path("praxisbeispiele/neu/", best_practices.create, name="create"),
    path("praxisbeispiele/<int:pk>/", best_practices.detail, name="detail"),
    path("praxisbeispiele/<int:pk>/bearbeiten/", best_practices.edit, name="edit"),
    path("praxisbeispiele/<int:pk>/einreichen/", best_practices.submit, name="submit"),
    path("praxisbeispiele/<int:pk>/zurueckziehen/", best_practices.withdraw, name="withdraw"),
    path("praxisbeispiele/<int:pk>/loeschen/", best_practices.delete, name="delete"),
    path("praxisbeispiele/<int:pk>/materialien/", best_practices.resources, name="resources"),
    path(
        "praxisbeispiele/<int:pk>/materialien/<int:resource_pk>/entfernen/",
        best_practices.resource_remove,
        name="resource-remove",
    ),
    path(
        "praxisbeispiele/<int:pk>/dateien/<int:resource_pk>/",
        best_practices.resource_download,
        name="resource-download",
    ),
    path("praxisbeispiele/<int:pk>/hilfreich/", exchange.react, name="react"),
    path("praxisbeispiele/<int:pk>/kommentieren/", exchange.comment, name="comment"),
    path("praxisbeispiele/<int:pk>/anfragen/", exchange.contact, name="contact"),
    path("praxisbeispiele/<int:pk>/pruefen/", team.review, name="review"),
    path("kommentare/<int:pk>/melden/", exchange.comment_report, name="comment-report"),
    path("kommentare/<int:pk>/loeschen/", exchange.comment_delete, name="comment-delete"),
    path("unsere-beitraege/", best_practices.mine, name="mine"),
    path("wer-kann-was/", offers.offers, name="offers"),
    path("wer-kann-was/neu/", offers.offer_create, name="offer-create"),
    path("wer-kann-was/<int:pk>/", offers.offer_detail, name="offer-detail"),
    path("wer-kann-was/<int:pk>/bearbeiten/", offers.offer_edit, name="offer-edit"),
    path("wer-kann-was/<int:pk>/loeschen/", offers.offer_delete, name="offer-delete"),
    path("wer-kann-was/<int:pk>/anfragen/", exchange.offer_contact, name="offer-contact"),
    path("passende-angebote/", offers.matches, name="matches"),
    path("bedarfe/<slug:slug>/", offers.needs, name="needs"),
    path("anfragen/", exchange.requests, name="requests"),
    path("anfragen/<int:pk>/", exchange.request_detail, name="request-detail"),
    path("benachrichtigungen/", notifications.notification_settings, name="settings"),
    path("redaktion/", team.review_queue, name="review-queue"),
    path("moderation/", team.moderation, name="moderation"),
    path("moderation/kommentare/<int:pk>/", team.moderate, name="moderate"),
    path("referierende/", team.presenters, name="presenters"),
]

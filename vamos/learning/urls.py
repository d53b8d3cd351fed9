from django.urls import path

from .views import catalogue, certificates, lessons, organisation, personal, videos

app_name = "learning"

LESSON = "module/<slug:module_slug>/<slug:lesson_slug>/"

urlpatterns = [
    path("", catalogue.catalogue, name="catalogue"),
    path("module/<slug:slug>/", catalogue.module_detail, name="module"),
    path(LESSON, lessons.lesson, name="lesson"),
    path(LESSON + "quiz/<str:block_id>/", lessons.quiz, name="quiz"),
    path(LESSON + "checkliste/<str:block_id>/", lessons.checklist, name="checklist"),
    path(LESSON + "transferaufgabe/<str:block_id>/", lessons.transfer, name="transfer"),
    path("lernpfade/<slug:slug>/", catalogue.path_detail, name="path"),
    path("videos/<slug:slug>/", videos.video_detail, name="video"),
    path("videos/<slug:slug>/datei/", videos.video_file, name="video-file"),
    path(
        "videos/<slug:slug>/untertitel/<slug:language>.vtt",
        videos.video_captions,
        name="video-captions",
    ),
    path("videos/<slug:slug>/position/", videos.video_position, name="video-position"),
    path("mein-lernen/", personal.my_learning, name="my-learning"),
    path("mein-lernen/freigabe/", personal.sharing, name="sharing"),
    path("zertifikate/<str:code>/", certificates.certificate, name="certificate"),
    path("zertifikat-pruefen/", certificates.verify, name="verify"),
    path("zertifikat-pruefen/<str:code>/", certificates.verify_code, name="verify-code"),
    path("organisationen/<slug:slug>/", organisation.organisation_learning, name="organisation"),
]

from django.urls import path

from . import team_views, views

app_name = "surveys"

urlpatterns = [
    path("", views.index, name="index"),
    path("runde/<int:pk>/", views.wave, name="wave"),
    path("antworten/<uuid:pk>/", views.response_detail, name="response"),
    path("antworten/<uuid:pk>/seite/<int:page>/", views.page, name="page"),
    path("antworten/<uuid:pk>/pruefen/", views.review, name="review"),
    path("verbands-check/", views.self_assessment_index, name="self-assessment-index"),
    path("verbands-check/<slug:slug>/", views.self_assessment, name="self-assessment"),
    # The team's survey desk.
    path("team/", team_views.team_index, name="team-index"),
    path("team/neu/", team_views.survey_create, name="survey-create"),
    path("team/feedback/", team_views.feedback_overview, name="feedback-overview"),
    path("team/<int:pk>/", team_views.survey_detail, name="survey-detail"),
    path("team/<int:pk>/neue-runde/", team_views.wave_create, name="wave-create"),
    path("team/runde/<int:pk>/", team_views.wave_detail, name="wave-detail"),
    path("team/runde/<int:pk>/vorschau/", team_views.wave_preview, name="wave-preview"),
    path("team/runde/<int:pk>/abschnitt/neu/", team_views.section_form, name="section-create"),
    path(
        "team/runde/<int:pk>/abschnitt/<int:section_pk>/",
        team_views.section_form,
        name="section-edit",
    ),
    path(
        "team/runde/<int:pk>/abschnitt/<int:section_pk>/loeschen/",
        team_views.section_delete,
        name="section-delete",
    ),
    path(
        "team/runde/<int:pk>/abschnitt/<int:section_pk>/verschieben/",
        team_views.section_move,
        name="section-move",
    ),
    path("team/runde/<int:pk>/frage/neu/", team_views.question_form, name="question-create"),
    path(
        "team/runde/<int:pk>/frage/<int:question_pk>/",
        team_views.question_form,
        name="question-edit",
    ),
    path(
        "team/runde/<int:pk>/frage/<int:question_pk>/loeschen/",
        team_views.question_delete,
        name="question-delete",
    ),
    path(
        "team/runde/<int:pk>/frage/<int:question_pk>/verschieben/",
        team_views.question_move,
        name="question-move",
    ),
    path("team/runde/<int:pk>/einladungen/", team_views.wave_invitations, name="wave-invitations"),
    path("team/runde/<int:pk>/erinnern/", team_views.wave_remind, name="wave-remind"),
    path("team/runde/<int:pk>/ergebnisse/", team_views.wave_results_view, name="wave-results"),
    path(
        "team/runde/<int:pk>/ergebnisse/frage/<int:question_pk>/",
        team_views.wave_text_answers,
        name="wave-text-answers",
    ),
    path("team/runde/<int:pk>/bedarfe/", team_views.wave_needs, name="wave-needs"),
    path("team/runde/<int:pk>/export/<str:fmt>/", team_views.wave_export, name="wave-export"),
    path(
        "team/runde/<int:pk>/antworten/<uuid:response_pk>/",
        team_views.team_response,
        name="team-response",
    ),
]

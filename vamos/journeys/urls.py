from django.urls import path

from .views import journey, team, work

app_name = "journeys"

urlpatterns = [
    path("", journey.index, name="index"),
    path("beantragen/", journey.apply, name="apply"),
    path("antraege/", team.queue, name="queue"),
    path("<int:pk>/", journey.detail, name="detail"),
    path("<int:pk>/entscheiden/", team.decide, name="decide"),
    path("<int:pk>/begleitung/", team.support, name="support"),
    path("<int:pk>/status/", journey.status, name="status"),
    path("<int:pk>/freigabe/", journey.sharing, name="sharing"),
    path("<int:pk>/zeitleiste/", journey.timeline, name="timeline"),
    path("<int:pk>/zusammenfassung.pdf", journey.summary_pdf, name="pdf"),
    path("<int:pk>/auftakt/", work.kickoff, name="kickoff"),
    path("<int:pk>/auftakt/bearbeiten/", work.kickoff_edit, name="kickoff-edit"),
    path("<int:pk>/ziele/neu/", work.goal_create, name="goal-create"),
    path("<int:pk>/ziele/<int:goal>/", work.goal_detail, name="goal"),
    path("<int:pk>/ziele/<int:goal>/bearbeiten/", work.goal_edit, name="goal-edit"),
    path("<int:pk>/aktivitaeten/", work.activity_list, name="activities"),
    path("<int:pk>/aktivitaeten/neu/", work.activity_create, name="activity-create"),
    path("<int:pk>/aktivitaeten/<int:activity>/", work.activity_detail, name="activity"),
    path(
        "<int:pk>/aktivitaeten/<int:activity>/bearbeiten/",
        work.activity_edit,
        name="activity-edit",
    ),
    path(
        "<int:pk>/aktivitaeten/<int:activity>/veranstaltung/",
        work.activity_event,
        name="activity-event",
    ),
    path("<int:pk>/notizen/", work.notes, name="notes"),
    path("<int:pk>/notizen/<int:note>/loeschen/", work.note_delete, name="note-delete"),
    path("<int:pk>/zwischenbilanz/neu/", work.review_create, name="review-create"),
    path("<int:pk>/zwischenbilanz/<int:review>/", work.review_detail, name="review"),
    path("<int:pk>/folgeaufgaben/neu/", work.follow_up_create, name="follow-up-create"),
    path(
        "<int:pk>/folgeaufgaben/<int:follow_up>/erledigt/",
        work.follow_up_done,
        name="follow-up-done",
    ),
    path("<int:pk>/empfehlungen/neu/", work.recommendation_create, name="recommendation-create"),
    path(
        "<int:pk>/empfehlungen/<int:recommendation>/zurueckziehen/",
        work.recommendation_withdraw,
        name="recommendation-withdraw",
    ),
    path(
        "<int:pk>/empfehlungen/<int:recommendation>/oeffnen/",
        journey.recommendation_open,
        name="recommendation-open",
    ),
]

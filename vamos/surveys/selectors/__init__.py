"""Reads of the surveys app. Other apps (journeys, community, events, reports) use these."""

from .feedback import (
    feedback_event_summary,
    feedback_form_for,
    feedback_form_url,
    feedback_results_by_event_kind,
    feedback_scores_for_events,
    feedback_wave_for,
)
from .respondent import user_participations, user_survey_tasks
from .results import (
    min_group_size,
    needs_heatmap,
    needs_ranking_by_topic_field,
    organisations_answering_in_period,
    report_waves,
    response_rates_among,
    wave_response_rate,
    wave_response_rates,
    wave_response_rates_by,
    wave_results,
)
from .self_assessment import (
    organisation_needs_by_topic_field,
    organisation_self_assessment_history,
    self_assessment_change_by_topic_field,
    self_assessment_waves,
)

__all__ = [
    "feedback_event_summary",
    "feedback_form_for",
    "feedback_form_url",
    "feedback_results_by_event_kind",
    "feedback_scores_for_events",
    "feedback_wave_for",
    "min_group_size",
    "needs_heatmap",
    "needs_ranking_by_topic_field",
    "organisation_needs_by_topic_field",
    "organisation_self_assessment_history",
    "organisations_answering_in_period",
    "report_waves",
    "response_rates_among",
    "self_assessment_change_by_topic_field",
    "self_assessment_waves",
    "user_participations",
    "user_survey_tasks",
    "wave_response_rate",
    "wave_response_rates",
    "wave_response_rates_by",
    "wave_results",
]

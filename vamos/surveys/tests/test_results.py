"""Results for the team and the aggregates other apps and reports read."""

from typing import Any

import pytest

from vamos.surveys.models import Response, Wave
from vamos.surveys.selectors import (
    needs_heatmap,
    needs_ranking_by_topic_field,
    organisation_needs_by_topic_field,
    organisation_self_assessment_history,
    self_assessment_change_by_topic_field,
    wave_response_rate,
    wave_response_rates_by,
    wave_results,
)
from vamos.surveys.tests.factories import TOPIC_SLUGS
from vamos.surveys.tests.scenario import (
    needs_rounds,
    other_organisations,
    self_assessment_rounds,
    submit_directly,
)

pytestmark = pytest.mark.django_db


def test_distributions_count_every_answer(wave: Wave, org_a: Any, org_b: Any) -> None:
    submit_directly(
        wave=wave,
        organisation=org_a,
        values={"bedarf-strategie": 5, "hat-personal": "ja", "formate": ["webinar", "coaching"]},
    )
    submit_directly(
        wave=wave,
        organisation=org_b,
        values={"bedarf-strategie": 3, "hat-personal": "nein", "formate": ["webinar"]},
    )
    results = {r.question.key: r for r in wave_results(wave=wave).questions}
    scale = results["bedarf-strategie"]
    assert [bar.count for bar in scale.bars] == [0, 0, 1, 0, 1]
    assert scale.mean == 4
    assert [(b.label, b.count, b.percent) for b in results["formate"].bars] == [
        ("Webinar", 2, 100.0),
        ("Praesenz", 0, 0.0),
        ("Coaching", 1, 50.0),
    ]
    assert results["personal-anzahl"].answered == 0
    only_federal = {
        r.question.key: r for r in wave_results(wave=wave, kind="bundesverband").questions
    }
    assert only_federal["bedarf-strategie"].answered == 1


def test_free_texts_of_identified_surveys_name_the_organisation(wave: Wave, org_a: Any) -> None:
    submit_directly(wave=wave, organisation=org_a, values={"wuensche": "Mehr Abendtermine"})
    texts = next(r for r in wave_results(wave=wave).questions if r.question.key == "wuensche")
    assert [(t.text, t.source) for t in texts.texts] == [("Mehr Abendtermine", org_a.name)]


def test_rankings_give_the_first_place_the_highest_score(wave: Wave, org_a: Any) -> None:
    order = ["finanzierung", *[s for s in TOPIC_SLUGS if s != "finanzierung"]]
    submit_directly(wave=wave, organisation=org_a, values={"ranking": order})
    ranking = next(r for r in wave_results(wave=wave).questions if r.question.key == "ranking")
    first = ranking.ranking[0]
    assert first.topic_field.slug == "finanzierung"
    assert (first.mean_place, first.first_places, first.score) == (1, 1, 100)
    assert ranking.ranking[-1].score == 0


def test_the_needs_heatmap_compares_groups_and_the_previous_round(org_a: Any) -> None:
    others = other_organisations(5)
    last, now = needs_rounds(organisation=org_a, others=others)
    heatmap = needs_heatmap(wave=now, by="kind")
    assert heatmap.previous_wave == last
    assert heatmap.has_indicators
    assert [(c.label, c.n) for c in heatmap.columns] == [
        ("Bundesverband", 2),
        ("Landesverband", 2),
        ("Mitgliedsverein", 1),
    ]
    finance = next(r for r in heatmap.rows if r.topic_field.slug == "finanzierung")
    strategy = next(r for r in heatmap.rows if r.topic_field.slug == "strategie")
    # Scale 5 (100) and first place (100) for Finanzierung; scale 3 (50), place 2 (83.3).
    assert finance.overall.score == 100
    assert strategy.overall.score == pytest.approx(66.7, abs=0.1)
    assert finance.overall.n == 5
    assert finance.previous.n == 6
    assert finance.change == 0
    ranking = needs_ranking_by_topic_field(wave=now)
    assert ranking[0].topic_field.slug == "finanzierung"
    assert not ranking[0].suppressed


def test_report_rankings_hide_groups_below_the_threshold(org_a: Any) -> None:
    _last, now = needs_rounds(organisation=org_a, others=other_organisations(5))
    small = needs_ranking_by_topic_field(wave=now, kind="mitgliedsverein")
    assert all(rank.suppressed and rank.score is None for rank in small)


def test_the_response_rate_counts_eligible_organisations(
    wave: Wave, org_a: Any, org_b: Any
) -> None:
    submit_directly(wave=wave, organisation=org_a, values={})
    Response.objects.create(wave=wave, organisation=org_b)
    rate = wave_response_rate(wave)
    assert (rate.eligible, rate.submitted, rate.drafts, rate.rate) == (2, 1, 1, 50)
    by_kind = [(g.label, g.eligible, g.submitted) for g in wave_response_rates_by(wave)]
    assert by_kind == [("Bundesverband", 1, 0), ("Landesverband", 1, 1)]


def test_the_self_assessment_history_compares_rounds_and_the_average(org_a: Any) -> None:
    others = other_organisations(5)
    last, now = self_assessment_rounds(answered_last=[org_a, *others], answered_now=others)
    history = organisation_self_assessment_history(org_a)
    assert [a.wave.label for a in history.waves] == ["2025", "2026"]
    assert [a.submitted for a in history.waves] == [True, False]
    assert history.latest.wave == last
    assert set(history.latest.fields.values()) == {3}
    assert len(history.latest.ratings) == 21
    assert history.latest.average.n == 6
    assert not history.latest.average.suppressed
    assert history.waves[1].average.n == 5
    assert history.open_wave == now
    assert [s.topic_field.slug for s in history.weakest()] == TOPIC_SLUGS[:3]


def test_the_average_is_hidden_below_five_organisations(org_a: Any) -> None:
    others = other_organisations(3)
    self_assessment_rounds(answered_last=[org_a, *others], answered_now=[])
    history = organisation_self_assessment_history(org_a)
    assert history.latest.average.suppressed
    assert history.latest.average.values == {}
    assert history.summary()[0].average is None


def test_change_between_rounds_counts_organisations_that_answered_both(org_a: Any) -> None:
    others = other_organisations(6)
    last, now = self_assessment_rounds(answered_last=[org_a, *others], answered_now=others[:5])
    changes = self_assessment_change_by_topic_field(wave=now)
    assert len(changes) == 7
    assert all((c.before, c.after, c.change, c.n) == (3, 4, 1, 5) for c in changes)
    assert self_assessment_change_by_topic_field(wave=now, previous=last) == changes
    Response.objects.filter(wave=now, organisation=others[0]).delete()
    four_pairs = self_assessment_change_by_topic_field(wave=now)
    assert all(c.suppressed and c.change is None and c.n == 4 for c in four_pairs)


def test_needs_of_an_organisation_come_from_its_needs_assessment(org_a: Any) -> None:
    needs_rounds(organisation=org_a, others=other_organisations(2))
    needs = organisation_needs_by_topic_field(org_a)
    assert needs[0].topic_field.slug == "finanzierung"
    assert (needs[0].score, needs[0].priority, needs[0].source) == (100, 3, "needs_assessment")
    assert all(need.score >= 40 for need in needs)


def test_without_a_needs_assessment_low_self_ratings_are_needs(org_a: Any) -> None:
    self_assessment_rounds(answered_last=[org_a], answered_now=[], rating=2)
    needs = organisation_needs_by_topic_field(org_a)
    assert len(needs) == 7
    assert {(n.score, n.priority, n.source) for n in needs} == {(75, 3, "self_assessment")}


def test_the_figures_survive_the_deletion_of_an_organisation(wave: Wave, org_a: Any) -> None:
    submit_directly(wave=wave, organisation=org_a, values={"bedarf-strategie": 5})
    org_a.delete()
    results = {r.question.key: r for r in wave_results(wave=wave).questions}
    assert results["bedarf-strategie"].answered == 1
    assert wave_response_rate(wave).submitted == 1

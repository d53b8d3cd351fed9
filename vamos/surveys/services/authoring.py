"""Writes of the team: surveys, rounds (also copied from the last one), sections, questions."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vamos.core import versions
from vamos.core.models import TopicField
from vamos.core.services import audit_log

from ..models import SCALE_POINTS, Choice, Competence, Question, Section, Survey, Wave
from .common import ensure_structure_editable, wave_has_responses

SURVEY_FIELDS = ["kind", "title_de", "title_en", "intro_de", "intro_en", "respondent", "anonymous"]
# Fields that change what answers mean; fixed once answers exist.
SURVEY_MODE_FIELDS = {"kind", "respondent", "anonymous"}
WAVE_FIELDS = ["label", "opens_on", "closes_on", "audience", "is_published"]

SELF_ASSESSMENT_SCALE_DE = [
    "trifft gar nicht zu",
    "trifft eher nicht zu",
    "trifft teilweise zu",
    "trifft eher zu",
    "trifft voll zu",
]
SELF_ASSESSMENT_SCALE_EN = [
    "not true at all",
    "mostly not true",
    "partly true",
    "mostly true",
    "completely true",
]


# --- Surveys ------------------------------------------------------------------------------


def _validate_survey(survey: Survey) -> None:
    if survey.kind == Survey.Kind.SELF_ASSESSMENT:
        if survey.respondent != Survey.Respondent.ORGANISATION or survey.anonymous:
            raise ValidationError(
                {
                    "anonymous": _(
                        "The Verbands-Check is answered once per organisation and not "
                        "anonymously, so that each organisation can follow its development."
                    )
                }
            )
        others = Survey.objects.filter(kind=Survey.Kind.SELF_ASSESSMENT).exclude(pk=survey.pk)
        if others.exists():
            raise ValidationError(
                {"kind": _("There is already a Verbands-Check. Add a new round to it instead.")}
            )
    if survey.kind == Survey.Kind.FEEDBACK_TEMPLATE:
        others = Survey.objects.filter(kind=Survey.Kind.FEEDBACK_TEMPLATE).exclude(pk=survey.pk)
        if others.exists():
            raise ValidationError({"kind": _("There is already a default feedback form.")})


@transaction.atomic
def survey_create(*, actor: Any, data: dict[str, Any]) -> Survey:
    survey = Survey(**{f: data[f] for f in SURVEY_FIELDS if f in data}, created_by=actor)
    _validate_survey(survey)
    try:
        with transaction.atomic():
            survey.save()
    except IntegrityError as exc:
        raise ValidationError(
            _("This survey could not be created. Please check the kind.")
        ) from exc
    audit_log(actor=actor, action="survey.create", obj=survey)
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, actor: Any, data: dict[str, Any]) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    changed = [f for f in SURVEY_FIELDS if f in data and getattr(survey, f) != data[f]]
    if SURVEY_MODE_FIELDS & set(changed) and (
        survey.waves.filter(responses__isnull=False).exists()
    ):
        raise ValidationError(
            _(
                "Answers to this survey exist, so its kind, who answers it and whether it is "
                "anonymous can no longer change."
            )
        )
    for field in changed:
        setattr(survey, field, data[field])
    if changed:
        _validate_survey(survey)
        survey.save(update_fields=[*changed, "updated_at"])
        audit_log(actor=actor, action="survey.update", obj=survey, data={"fields": changed})
    return survey


# --- Rounds -------------------------------------------------------------------------------


def _validate_wave(
    *, survey: Survey, label: str, opens_on: date, closes_on: date, exclude: int | None = None
) -> None:
    errors: dict[str, str] = {}
    if closes_on < opens_on:
        errors["closes_on"] = _("The closing date must be on or after the opening date.")
    taken = Wave.objects.filter(survey=survey, label__iexact=label.strip())
    if exclude:
        taken = taken.exclude(pk=exclude)
    if taken.exists():
        errors["label"] = _("This survey already has a round with this name.")
    if errors:
        raise ValidationError(errors)


def _copy_structure(*, source: Wave, target: Wave) -> None:
    sections = {}
    for section in source.sections.order_by("position", "pk"):
        sections[section.pk] = Section.objects.create(
            wave=target,
            position=section.position,
            title_de=section.title_de,
            title_en=section.title_en,
            intro_de=section.intro_de,
            intro_en=section.intro_en,
        )
    questions = list(
        Question.objects.filter(wave=source)
        .prefetch_related("choices", "topic_fields")
        .order_by("section__position", "position", "pk")
    )
    copies: dict[int, Question] = {}
    for question in questions:
        copy = Question.objects.create(
            wave=target,
            section=sections[question.section_id],
            key=question.key,
            position=question.position,
            kind=question.kind,
            text_de=question.text_de,
            text_en=question.text_en,
            help_de=question.help_de,
            help_en=question.help_en,
            required=question.required,
            scale_labels_de=question.scale_labels_de,
            scale_labels_en=question.scale_labels_en,
            number_min=question.number_min,
            number_max=question.number_max,
            is_need_indicator=question.is_need_indicator,
            condition_values=question.condition_values,
            competence_id=question.competence_id,
        )
        copy.topic_fields.set(question.topic_fields.all())
        Choice.objects.bulk_create(
            Choice(
                question=copy,
                value=choice.value,
                label_de=choice.label_de,
                label_en=choice.label_en,
                position=choice.position,
            )
            for choice in question.choices.all()
        )
        versions.bump_on_commit(Choice)
        copies[question.pk] = copy
    for question in questions:
        if question.condition_question_id in copies:
            copy = copies[question.pk]
            copy.condition_question = copies[question.condition_question_id]
            copy.save(update_fields=["condition_question"])


def _build_from_competences(wave: Wave) -> None:
    competences = list(
        Competence.objects.filter(is_active=True)
        .select_related("topic_field")
        .order_by("topic_field__sort_order", "topic_field__slug", "position", "pk")
    )
    if not competences:
        raise ValidationError(_("There are no active competences to ask about."))
    section = None
    for competence in competences:
        field = competence.topic_field
        if section is None or section.title_de != field.name_de:
            section = Section.objects.create(
                wave=wave,
                position=(section.position + 1) if section else 1,
                title_de=field.name_de,
                title_en=field.name_en,
                intro_de="Wie sehr trifft jede Aussage heute auf Ihren Verband zu?",
                intro_en="How far does each statement describe your organisation today?",
            )
            position = 0
        position += 1
        question = Question.objects.create(
            wave=wave,
            section=section,
            key=competence.key,
            position=position,
            kind=Question.Kind.SCALE,
            text_de=competence.statement_de,
            text_en=competence.statement_en,
            help_de=competence.name_de,
            help_en=competence.name_en,
            required=True,
            scale_labels_de=SELF_ASSESSMENT_SCALE_DE,
            scale_labels_en=SELF_ASSESSMENT_SCALE_EN,
            competence=competence,
        )
        question.topic_fields.set([field])


@transaction.atomic
def wave_create(
    *,
    survey: Survey,
    actor: Any,
    label: str,
    opens_on: date,
    closes_on: date,
    audience: str = Wave.Audience.ALL,
    start: str = "copy",
    source: Wave | None = None,
) -> Wave:
    """A new round: a copy of ``source`` (the latest round by default), empty, or – for the
    Verbands-Check – built from the current competence set."""
    _validate_wave(survey=survey, label=label, opens_on=opens_on, closes_on=closes_on)
    latest = survey.waves.order_by("-opens_on", "-pk").first()
    if start == "copy":
        source = source or latest
        if source is None:
            raise ValidationError({"start": _("There is no earlier round to copy.")})
        if source.survey_id != survey.pk:
            raise ValidationError({"source": _("Please choose a round of this survey.")})
    elif start == "competences" and not survey.is_self_assessment:
        raise ValidationError({"start": _("Only the Verbands-Check is built from competences.")})
    wave = Wave.objects.create(
        survey=survey,
        label=label.strip(),
        opens_on=opens_on,
        closes_on=closes_on,
        audience=audience,
        previous=source if start == "copy" else latest,
    )
    if start == "copy" and source is not None:
        _copy_structure(source=source, target=wave)
    elif start == "competences":
        _build_from_competences(wave)
    audit_log(
        actor=actor,
        action="survey.wave_create",
        obj=wave,
        data={"start": start, "source": source.pk if source else None},
    )
    return wave


def wave_copy_into(
    *,
    source: Wave,
    survey: Survey,
    label: str,
    opens_on: date,
    closes_on: date,
    audience: str,
    is_published: bool,
) -> Wave:
    """A round of another survey with the questions of ``source`` (feedback forms)."""
    wave = Wave.objects.create(
        survey=survey,
        label=label,
        opens_on=opens_on,
        closes_on=closes_on,
        audience=audience,
        is_published=is_published,
    )
    _copy_structure(source=source, target=wave)
    return wave


@transaction.atomic
def wave_update(*, wave: Wave, actor: Any, data: dict[str, Any]) -> Wave:
    wave = Wave.objects.select_for_update().select_related("survey").get(pk=wave.pk)
    values = {f: data.get(f, getattr(wave, f)) for f in WAVE_FIELDS}
    _validate_wave(
        survey=wave.survey,
        label=values["label"],
        opens_on=values["opens_on"],
        closes_on=values["closes_on"],
        exclude=wave.pk,
    )
    if values["is_published"] and not wave.questions.exists():
        raise ValidationError(
            {"is_published": _("Add at least one question before publishing the round.")}
        )
    if not values["is_published"] and wave.is_published and wave_has_responses(wave):
        raise ValidationError(
            {"is_published": _("Answers to this round exist, so it stays published.")}
        )
    changed = [f for f in WAVE_FIELDS if getattr(wave, f) != values[f]]
    for field in changed:
        setattr(wave, field, values[field])
    if changed:
        wave.save(update_fields=[*changed, "updated_at"])
        audit_log(actor=actor, action="survey.wave_update", obj=wave, data={"fields": changed})
    return wave


# --- Sections -----------------------------------------------------------------------------

SECTION_FIELDS = ["title_de", "title_en", "intro_de", "intro_en"]


@transaction.atomic
def section_save(
    *, wave: Wave, actor: Any, data: dict[str, Any], section: Section | None = None
) -> Section:
    if section is None:
        ensure_structure_editable(wave)
        last = wave.sections.aggregate(last=Max("position"))["last"] or 0
        section = Section(wave=wave, position=last + 1)
    for field in SECTION_FIELDS:
        if field in data:
            setattr(section, field, (data[field] or "").strip())
    if not section.title_de:
        raise ValidationError({"title_de": _("Please give the section a German title.")})
    section.save()
    audit_log(actor=actor, action="survey.section_save", obj=wave, data={"section": section.pk})
    return section


@transaction.atomic
def section_delete(*, section: Section, actor: Any) -> None:
    wave = section.wave
    ensure_structure_editable(wave)
    title = section.title_de
    section.delete()
    _renumber_sections(wave)
    audit_log(actor=actor, action="survey.section_delete", obj=wave, data={"section": title})


def _renumber_sections(wave: Wave) -> None:
    for position, section in enumerate(wave.sections.order_by("position", "pk"), start=1):
        if section.position != position:
            section.position = position
            section.save(update_fields=["position"])


@transaction.atomic
def section_move(*, section: Section, actor: Any, direction: str) -> Section:
    wave = section.wave
    ensure_structure_editable(wave)
    _renumber_sections(wave)
    sections = list(wave.sections.order_by("position", "pk"))
    index = next(i for i, s in enumerate(sections) if s.pk == section.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(sections):
        return section
    sections[index], sections[other] = sections[other], sections[index]
    _check_condition_order(wave, sections=sections)
    for position, item in enumerate(sections, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    audit_log(actor=actor, action="survey.section_move", obj=wave, data={"section": section.pk})
    return section


# --- Questions ----------------------------------------------------------------------------

QUESTION_TEXT_FIELDS = [
    "text_de",
    "text_en",
    "help_de",
    "help_en",
    "scale_labels_de",
    "scale_labels_en",
    "is_need_indicator",
]
QUESTION_STRUCTURE_FIELDS = [
    "section",
    "key",
    "kind",
    "required",
    "number_min",
    "number_max",
    "condition_question",
    "condition_values",
]


def _order_key(question: Question, section_order: dict[int, int]) -> tuple[int, int, int]:
    return (section_order[question.section_id], question.position, question.pk or 10**9)


def _check_condition_order(
    wave: Wave, *, sections: list[Section] | None = None, questions: list[Question] | None = None
) -> None:
    """Every condition must refer to a question that is asked earlier."""
    sections = sections or list(wave.sections.order_by("position", "pk"))
    section_order = {section.pk: index for index, section in enumerate(sections)}
    questions = questions or list(Question.objects.filter(wave=wave))
    by_pk = {question.pk: question for question in questions}
    for question in questions:
        parent = by_pk.get(question.condition_question_id or 0)
        if parent is None:
            continue
        if _order_key(parent, section_order) >= _order_key(question, section_order):
            raise ValidationError(
                _("“%(question)s” is shown depending on “%(parent)s”, so it must come after it.")
                % {"question": question.text_de, "parent": parent.text_de}
            )


def condition_values_allowed(question: Question) -> list[tuple[str, str]]:
    """The answers of ``question`` another question can depend on: (value, label)."""
    if question.kind == Question.Kind.SCALE:
        labels = question.scale_labels
        return [
            (str(point), f"{point} – {labels[point - 1]}" if labels[point - 1] else str(point))
            for point in SCALE_POINTS
        ]
    return [(choice.value, choice.label) for choice in question.choices.all()]


def _unique_key(wave: Wave, base: str, exclude: int | None = None) -> str:
    base = slugify(base)[:50] or "frage"
    key, number = base, 2
    taken = Question.objects.filter(wave=wave)
    if exclude:
        taken = taken.exclude(pk=exclude)
    keys = set(taken.values_list("key", flat=True))
    while key in keys:
        key = f"{base}-{number}"
        number += 1
    return key


def _sync_choices(question: Question, choices: list[tuple[str, str]], *, locked: bool) -> None:
    existing = list(question.choices.order_by("position", "pk"))
    if locked:
        if len(choices) != len(existing):
            raise ValidationError(
                {
                    "choices": _(
                        "Answers exist, so the number of options cannot change; you can still "
                        "correct their wording."
                    )
                }
            )
        for choice, (label_de, label_en) in zip(existing, choices, strict=True):
            choice.label_de, choice.label_en = label_de, label_en
            choice.save(update_fields=["label_de", "label_en"])
        return
    by_label: dict[str, Choice | None] = {c.label_de.strip().lower(): c for c in existing}
    keep: list[Choice] = []
    used: set[str] = set()
    for position, (label_de, label_en) in enumerate(choices, start=1):
        found = by_label.pop(label_de.strip().lower(), None)
        if found is not None:
            choice = found
        else:
            base = slugify(label_de)[:50] or "option"
            value, number = base, 2
            taken = {c.value for c in existing} | used
            while value in taken:
                value = f"{base}-{number}"
                number += 1
            choice = Choice(question=question, value=value)
        choice.label_de, choice.label_en, choice.position = label_de, label_en, position
        used.add(choice.value)
        keep.append(choice)
    Choice.objects.filter(question=question).exclude(pk__in=[c.pk for c in keep if c.pk]).delete()
    for choice in keep:
        choice.save()


def _validate_question(
    question: Question, choices: list[tuple[str, str]] | None, wave: Wave
) -> None:
    errors: dict[str, str] = {}
    if not question.text_de.strip():
        errors["text_de"] = _("Please enter the question in German.")
    if question.kind in Question.CHOICE_KINDS:
        if choices is None or len(choices) < 2:
            errors["choices"] = _("Please give at least two answer options, one per line.")
        elif len({label.strip().lower() for label, _en in choices}) != len(choices):
            errors["choices"] = _("Each answer option may appear only once.")
    if (
        question.kind == Question.Kind.NUMBER
        and question.number_min is not None
        and question.number_max is not None
        and question.number_max < question.number_min
    ):
        errors["number_max"] = _("The largest number must not be smaller than the smallest.")
    for field in ("scale_labels_de", "scale_labels_en"):
        if len(getattr(question, field) or []) > len(SCALE_POINTS):
            errors[field] = _("A scale has five points; please give at most five labels.")
    parent = question.condition_question
    if parent is not None:
        if parent.wave_id != wave.pk or parent.pk == question.pk:
            errors["condition_question"] = _("Please choose another question of this round.")
        elif parent.kind not in Question.CONDITION_KINDS:
            errors["condition_question"] = _(
                "Only scale and choice questions can decide whether another question is shown."
            )
        else:
            allowed = {value for value, _label in condition_values_allowed(parent)}
            values = [str(v) for v in question.condition_values]
            if not values:
                errors["condition_values"] = _(
                    "Please choose the answers for which this question is shown."
                )
            elif not set(values) <= allowed:
                errors["condition_values"] = _("Please choose among the answers of that question.")
    elif question.condition_values:
        question.condition_values = []
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def question_save(
    *,
    wave: Wave,
    actor: Any,
    data: dict[str, Any],
    question: Question | None = None,
    choices: list[tuple[str, str]] | None = None,
    topic_fields: list[TopicField] | None = None,
) -> Question:
    """Create or change a question. Once answers exist, only its wording, hints, labels,
    topic fields and the needs flag can change."""
    locked = wave_has_responses(wave)
    creating = question is None
    if question is None:
        ensure_structure_editable(wave)
        question = Question(wave=wave)
    else:
        question = Question.objects.select_for_update().get(pk=question.pk)
    original_section = question.section_id
    if locked:
        changed = [
            field
            for field in QUESTION_STRUCTURE_FIELDS
            if field in data and getattr(question, field) != data[field]
        ]
        if changed:
            ensure_structure_editable(wave)
    for field in QUESTION_TEXT_FIELDS + QUESTION_STRUCTURE_FIELDS:
        if field in data:
            setattr(question, field, data[field])
    if question.section.wave_id != wave.pk:
        raise ValidationError({"section": _("Please choose a section of this round.")})
    question.condition_values = [str(v) for v in (question.condition_values or [])]
    if question.kind in Question.CHOICE_KINDS and choices is None and not creating:
        choices = [(c.label_de, c.label_en) for c in question.choices.all()]
    _validate_question(question, choices, wave)
    question.key = _unique_key(wave, question.key or question.text_de, exclude=question.pk)
    if creating or question.section_id != original_section:
        last = Question.objects.filter(section=question.section).exclude(pk=question.pk)
        question.position = (last.aggregate(last=Max("position"))["last"] or 0) + 1
    question.save()
    if topic_fields is not None:
        question.topic_fields.set(topic_fields)
    if question.kind in Question.CHOICE_KINDS:
        _sync_choices(question, choices or [], locked=locked)
    elif not locked:
        question.choices.all().delete()
    _check_condition_order(wave)
    audit_log(
        actor=actor,
        action="survey.question_create" if creating else "survey.question_update",
        obj=wave,
        data={"question": question.pk, "key": question.key},
    )
    return question


@transaction.atomic
def question_delete(*, question: Question, actor: Any) -> None:
    wave = question.wave
    ensure_structure_editable(wave)
    Question.objects.filter(condition_question=question).update(
        condition_question=None, condition_values=[]
    )
    versions.bump_on_commit(Question)
    key = question.key
    question.delete()
    audit_log(actor=actor, action="survey.question_delete", obj=wave, data={"key": key})


@transaction.atomic
def question_move(*, question: Question, actor: Any, direction: str) -> Question:
    wave = question.wave
    ensure_structure_editable(wave)
    siblings = list(Question.objects.filter(section=question.section).order_by("position", "pk"))
    index = next(i for i, q in enumerate(siblings) if q.pk == question.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return question
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, item in enumerate(siblings, start=1):
        item.position = position
    questions = {q.pk: q for q in Question.objects.filter(wave=wave)}
    for item in siblings:
        questions[item.pk] = item
    _check_condition_order(wave, questions=list(questions.values()))
    for item in siblings:
        item.save(update_fields=["position"])
    audit_log(actor=actor, action="survey.question_move", obj=wave, data={"question": question.pk})
    return question

"""Progress, completion rules, roll-up, certificates and the language of content."""

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from freezegun import freeze_time

from vamos.core import versions
from vamos.core.models import AuditEntry
from vamos.learning import selectors, services
from vamos.learning.models import (
    Certificate,
    LessonProgress,
    ModuleProgress,
    QuizAttempt,
    TransferAnswer,
    VideoProgress,
)

from . import factories
from .conftest import correct_answers, resolve, wrong_answers

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _quiz_block(module: Any) -> Any:
    return module.lessons[1].page.blocks_of("quiz")[0]


def test_visiting_a_lesson_without_quiz_completes_it(course: dict, member: Any) -> None:
    module = resolve(member)
    progress = services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    assert progress.completed_at is not None
    record = ModuleProgress.objects.get(user=member, module_key=module.key)
    assert (record.lessons_completed, record.lessons_total, record.percent) == (1, 2, 50)
    assert record.completed_at is None


def test_a_lesson_with_a_quiz_is_completed_only_once_the_quiz_is_passed(
    course: dict, member: Any
) -> None:
    module = resolve(member)
    lesson = module.lessons[1]
    services.lesson_visit(user=member, module=module, lesson=lesson)
    assert LessonProgress.objects.get(user=member, lesson_key=lesson.key).completed_at is None

    attempt = services.quiz_submit(
        user=member,
        module=module,
        lesson=lesson,
        block=_quiz_block(module),
        answers=wrong_answers(course["quiz"]),
    )
    assert (attempt.correct, attempt.questions, attempt.passed) == (0, 2, False)
    assert LessonProgress.objects.get(user=member, lesson_key=lesson.key).completed_at is None

    attempt = services.quiz_submit(
        user=member,
        module=module,
        lesson=lesson,
        block=_quiz_block(module),
        answers=correct_answers(course["quiz"]),
    )
    assert attempt.passed and attempt.percent == 100
    assert LessonProgress.objects.get(user=member, lesson_key=lesson.key).completed_at is not None
    assert QuizAttempt.objects.filter(user=member).count() == 2


def test_multiple_choice_needs_exactly_the_correct_set(course: dict, member: Any) -> None:
    module = resolve(member)
    answers = correct_answers(course["quiz"])
    multiple = course["quiz"]["value"]["questions"][1]
    answers[multiple["id"]] = answers[multiple["id"]][:1]  # one of two correct answers
    attempt = services.quiz_submit(
        user=member,
        module=module,
        lesson=module.lessons[1],
        block=_quiz_block(module),
        answers=answers,
    )
    assert (attempt.correct, attempt.passed) == (1, False)


def test_quiz_answers_are_validated_and_nothing_is_saved_on_error(
    course: dict, member: Any
) -> None:
    module = resolve(member)
    questions = course["quiz"]["value"]["questions"]
    single, multiple = questions[0], questions[1]
    answers = {
        single["id"]: [a["id"] for a in single["value"]["answers"]],  # two for single choice
        multiple["id"]: ["forged-answer-id"],
    }
    with pytest.raises(ValidationError) as error:
        services.quiz_submit(
            user=member,
            module=module,
            lesson=module.lessons[1],
            block=_quiz_block(module),
            answers=answers,
        )
    assert error.value.message_dict == {
        single["id"]: ["Please choose only one answer."],
        multiple["id"]: ["This answer does not belong to the question."],
    }
    with pytest.raises(ValidationError) as error:
        services.quiz_submit(
            user=member,
            module=module,
            lesson=module.lessons[1],
            block=_quiz_block(module),
            answers={},
        )
    assert set(error.value.message_dict) == {single["id"], multiple["id"]}
    assert not QuizAttempt.objects.exists()
    assert not LessonProgress.objects.exists()


def test_completing_every_lesson_completes_the_module_and_issues_one_certificate(
    course: dict, member: Any, org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    member.language = "en"
    member.save()
    module = resolve(member)
    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
        services.lesson_visit(user=member, module=module, lesson=module.lessons[1])
        services.quiz_submit(
            user=member,
            module=module,
            lesson=module.lessons[1],
            block=_quiz_block(module),
            answers=correct_answers(course["quiz"]),
        )
    record = ModuleProgress.objects.get(user=member, module_key=module.key)
    assert record.completed_at is not None and record.percent == 100
    certificate = Certificate.objects.get(user=member)
    assert certificate.organisation_name == org_a.name
    assert certificate.learner_name == member.get_full_name()
    assert certificate.module_title == "Fördermittel beantragen"
    assert certificate.topic_fields == "Funding"  # in the learner's language
    assert certificate.duration_minutes == 45
    assert len(certificate.code) == 14
    assert AuditEntry.objects.filter(action="certificate.issue").count() == 1
    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject.startswith("Your certificate")
    assert certificate.code in message.body
    assert f"/en/lernen/zertifikat-pruefen/{certificate.code}/" in message.body

    # Visiting again or passing the quiz again issues nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        module = resolve(member)
        services.lesson_visit(user=member, module=module, lesson=module.lessons[1])
    assert Certificate.objects.count() == 1
    assert len(mail.outbox) == 1


def test_progress_writes_are_idempotent(course: dict, member: Any) -> None:
    module = resolve(member)
    for _ in range(3):
        services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    assert LessonProgress.objects.count() == 1
    assert ModuleProgress.objects.count() == 1


def test_progress_is_kept_across_languages(course: dict, member: Any) -> None:
    german = course["module"]
    english_quiz = {**course["quiz"]}  # same block ids as the German version
    factories.module(
        slug="funding",
        title="Applying for funding",
        code="en",
        translation_of=german,
        lessons=[[factories.text()], [factories.text(), english_quiz]],
    )
    english = resolve(member, slug="funding", language="en")
    assert english.page.title == "Applying for funding"
    assert english.canonical.pk == german.pk
    assert english.languages == ["de", "en"]
    services.lesson_visit(user=member, module=english, lesson=english.lessons[0])

    german_view = resolve(member, slug="foerdermittel", language="de")
    assert german_view.lessons[0].completed
    assert german_view.page.pk == german.pk
    # The English address with the German slug shows the English version too.
    assert resolve(member, slug="foerdermittel", language="en").page.title == "Applying for funding"


def test_a_learner_sees_german_where_their_language_is_missing(course: dict, member: Any) -> None:
    module = resolve(member, language="en")
    assert module.page.pk == course["module"].pk
    assert module.lessons[0].page.locale.language_code == "de"


def test_checklist_ticks_are_saved_and_foreign_items_rejected(course: dict, member: Any) -> None:
    module = resolve(member)
    block = module.lessons[1].page.blocks_of("checklist")[0]
    first = course["checklist"]["value"]["items"][0]["id"]
    progress = services.checklist_save(
        user=member, module=module, lesson=module.lessons[1], block=block, ticked=[first]
    )
    assert progress.checklists == {block.id: [first]}
    with pytest.raises(ValidationError):
        services.checklist_save(
            user=member, module=module, lesson=module.lessons[1], block=block, ticked=["nope"]
        )


def test_transfer_answer_is_private_until_shared_with_own_organisation(
    course: dict, member: Any, org_a: Any, org_b: Any
) -> None:
    module = resolve(member)
    block = module.lessons[1].page.blocks_of("transfer_task")[0]
    lesson = module.lessons[1]
    answer = services.transfer_answer_save(
        user=member,
        module=module,
        lesson=lesson,
        block=block,
        answer=" Mein Plan ",
        share_with=None,
    )
    assert answer.answer == "Mein Plan" and answer.shared_at is None
    assert not selectors.transfer_answers_shared_with_coach(organisation=org_a).exists()

    services.transfer_answer_save(
        user=member,
        module=module,
        lesson=lesson,
        block=block,
        answer="Mein Plan, genauer",
        share_with=org_a,
    )
    shared = list(selectors.transfer_answers_shared_with_coach(organisation=org_a))
    assert [a.answer for a in shared] == ["Mein Plan, genauer"]
    assert shared[0].module_title == "Fördermittel beantragen"
    assert AuditEntry.objects.filter(action="transfer_answer.share").count() == 1

    with pytest.raises(ValidationError) as error:
        services.transfer_answer_save(
            user=member, module=module, lesson=lesson, block=block, answer="x", share_with=org_b
        )
    assert "share_with" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.transfer_answer_save(
            user=member, module=module, lesson=lesson, block=block, answer="  ", share_with=None
        )
    assert "answer" in error.value.message_dict
    assert TransferAnswer.objects.get().answer == "Mein Plan, genauer"


def test_video_position_is_remembered_and_validated(member: Any) -> None:
    video = factories.video()
    services.video_position_save(user=member, video=video, position="7.5", duration="15")
    services.video_position_save(user=member, video=video, position="9", duration="15")
    record = VideoProgress.objects.get()
    assert record.position_seconds == 9 and record.watched_at is None
    services.video_position_save(user=member, video=video, position="14", duration="15")
    assert VideoProgress.objects.get().watched_at is not None
    for bad in ("abc", "-1", "nan", "inf", "99999999"):
        with pytest.raises(ValidationError):
            services.video_position_save(user=member, video=video, position=bad)
    with pytest.raises(ValidationError):
        services.video_position_save(user=member, video=video, position="30", duration="15")


def test_path_progress_rolls_up_module_completions(course: dict, member: Any) -> None:
    other = factories.module(slug="projekt", title="Projekte planen", topic="projektmanagement")
    path = factories.path(modules=[course["module"], other])
    module = resolve(member, slug="projekt")
    services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    view = selectors.path_resolve(user=member, path=path)
    assert [m.title for m, _note, _record in view.modules] == [
        "Fördermittel beantragen",
        "Projekte planen",
    ]
    assert (view.completed_count, view.percent) == (1, 50)


def test_continue_lesson_points_to_the_first_open_lesson(course: dict, member: Any) -> None:
    module = resolve(member)
    services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    with translation.override("de"):
        module_page, lesson_page, record = selectors.continue_lesson(user=member)
    assert module_page.pk == course["module"].pk
    assert lesson_page.slug == "lektion-2"
    assert record.lessons_completed == 1


def test_sharing_consent_only_for_own_organisation(member: Any, org_a: Any, org_b: Any) -> None:
    assert services.sharing_consent_set(user=member, organisation=org_a, share=True)
    assert not services.sharing_consent_set(user=member, organisation=org_a, share=True)
    assert selectors.sharing_choices(user=member) == [(org_a, True)]
    with pytest.raises(ValidationError):
        services.sharing_consent_set(user=member, organisation=org_b, share=True)
    assert services.sharing_consent_set(user=member, organisation=org_a, share=False)
    actions = list(AuditEntry.objects.values_list("action", flat=True).order_by("id"))
    assert actions == ["learning.sharing_on", "learning.sharing_off"]


def test_organisation_counts_and_consenting_details(
    course: dict, member: Any, org_admin: Any, org_a: Any, other_member: Any
) -> None:
    for user in (member, org_admin, other_member):
        module = resolve(user)
        services.lesson_visit(user=user, module=module, lesson=module.lessons[0])
    [row] = selectors.organisation_module_counts(organisation=org_a)
    assert (row.started, row.completed) == (2, 0)  # other_member belongs to B
    summary = selectors.organisation_learning_summary(organisation=org_a)
    assert summary == {
        "members": 2,
        "learners": 2,
        "completions": 0,
        "certificates": 0,
        "sharing": 0,
    }
    assert not selectors.organisation_sharing_members(organisation=org_a).exists()
    services.sharing_consent_set(user=member, organisation=org_a, share=True)
    sharing = list(selectors.organisation_sharing_members(organisation=org_a))
    assert [m.user for m in sharing] == [member]
    [detail] = selectors.member_learning(memberships=sharing)
    assert (detail.started, detail.completed) == (1, 0)


def test_module_list_for_other_apps_has_one_entry_per_module(course: dict) -> None:
    factories.module(
        slug="funding",
        title="Applying for funding",
        code="en",
        translation_of=course["module"],
    )
    modules = list(selectors.module_list())
    assert [m.pk for m in modules] == [course["module"].pk]
    assert selectors.module_get(pk=course["module"].pk) == course["module"]
    with translation.override("de"):
        assert selectors.module_url(course["module"]) == "/lernen/module/foerdermittel/"


def test_a_repeated_visit_keeps_the_data_versions_of_progress(
    course: dict, member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        module = resolve(member)
        services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    before = versions.tokens(ModuleProgress, LessonProgress)
    visited = ModuleProgress.objects.get(user=member).last_activity_at
    with (
        freeze_time(timezone.now() + services.VISIT_STAMP_EVERY),
        django_capture_on_commit_callbacks(execute=True),
    ):
        module = resolve(member)
        services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    # Only the time stamps changed: figures cached from progress stay valid.
    assert versions.tokens(ModuleProgress, LessonProgress) == before
    record = ModuleProgress.objects.get(user=member)
    assert record.last_activity_at > visited and record.lessons_completed == 1
    # Completing a lesson changes the counts, and with them the version.
    with django_capture_on_commit_callbacks(execute=True):
        module = resolve(member)
        services.lesson_visit(user=member, module=module, lesson=module.lessons[1])
        services.quiz_submit(
            user=member,
            module=module,
            lesson=module.lessons[1],
            block=_quiz_block(module),
            answers=correct_answers(course["quiz"]),
        )
    assert versions.tokens(ModuleProgress) != before.split(".")[0]
    assert ModuleProgress.objects.get(user=member).lessons_completed == 2


def test_a_reload_within_a_minute_writes_nothing(
    course: dict, member: Any, django_assert_num_queries: Any
) -> None:
    module = resolve(member)
    services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    stamps = LessonProgress.objects.get(user=member).last_visited_at
    module = resolve(member)
    with django_assert_num_queries(0):
        services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    assert LessonProgress.objects.get(user=member).last_visited_at == stamps
    with freeze_time(timezone.now() + services.VISIT_STAMP_EVERY):
        module = resolve(member)
        services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    assert LessonProgress.objects.get(user=member).last_visited_at > stamps


def test_cached_lesson_videos_show_a_new_chapter_at_once(
    django_capture_on_commit_callbacks: Any,
) -> None:
    from vamos.learning.models import VideoChapter

    clip = factories.video()
    assert list(selectors.videos_by_id([clip.pk])[clip.pk].chapters.all()) == []
    with django_capture_on_commit_callbacks(execute=True):
        VideoChapter.objects.create(video=clip, start="00:05", title_de="Stiftungen")
    [chapter] = selectors.videos_by_id([clip.pk])[clip.pk].chapters.all()
    assert chapter.title_de == "Stiftungen"
    with django_capture_on_commit_callbacks(execute=True):
        clip.live = False
        clip.save()
    assert selectors.videos_by_id([clip.pk]) == {}

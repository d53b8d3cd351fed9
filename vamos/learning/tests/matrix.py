from vamos.core.tests.matrix import DENIED, LOGIN, NOT_ALLOWED, OK, Row, World, expect


def extend_world(world: World) -> None:
    from django.utils import timezone

    from vamos.learning.models import Certificate

    from . import factories

    world.learning_video = factories.video(slug="matrix-video")
    world.learning_quiz = factories.single_quiz()
    world.learning_checklist = factories.checklist("Erster Punkt", "Zweiter Punkt")
    world.learning_transfer = factories.transfer()
    world.learning_module = factories.module(
        slug="matrix-modul",
        lessons=[
            [
                factories.text(),
                factories.video_block(world.learning_video),
                world.learning_quiz,
                world.learning_checklist,
                world.learning_transfer,
            ]
        ],
    )
    world.learning_path = factories.path(slug="matrix-pfad", modules=[world.learning_module])
    world.learning_certificate = Certificate.objects.create(
        user=world.member,
        module_key=world.learning_module.translation_key,
        issued_at=timezone.now(),
        language="de",
        learner_name="Mehmet Beispiel",
        organisation_name=world.org_a.name,
        module_title=world.learning_module.title,
        topic_fields="Finanzierung",
        duration_minutes=45,
    )


def _lesson(w: World) -> dict[str, str]:
    return {"module_slug": "matrix-modul", "lesson_slug": "lektion-1"}


def _quiz_answer(w: World) -> dict[str, str]:
    question = w.learning_quiz["value"]["questions"][0]
    answer = question["value"]["answers"][0]
    return {f"q-{question['id']}": answer["id"]}


LEARNERS = expect(OK, anonymous=LOGIN)
GET_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)
POST_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)
PUBLIC_GET_ONLY = expect(NOT_ALLOWED)

ROWS = [
    Row("learning:catalogue", get=expect(OK), post=PUBLIC_GET_ONLY),
    Row(
        "learning:module",
        lambda w: {"slug": "matrix-modul"},
        get=expect(OK),
        post=PUBLIC_GET_ONLY,
        note="overview of a published module is public; its lessons need a learner",
    ),
    Row("learning:lesson", _lesson, get=LEARNERS, post=GET_ONLY),
    Row(
        "learning:quiz",
        lambda w: {**_lesson(w), "block_id": w.learning_quiz["id"]},
        get=POST_ONLY,
        post=LEARNERS,
        data=_quiz_answer,
    ),
    Row(
        "learning:checklist",
        lambda w: {**_lesson(w), "block_id": w.learning_checklist["id"]},
        get=POST_ONLY,
        post=LEARNERS,
        data=lambda w: {"item": w.learning_checklist["value"]["items"][0]["id"]},
    ),
    Row(
        "learning:transfer",
        lambda w: {**_lesson(w), "block_id": w.learning_transfer["id"]},
        get=POST_ONLY,
        post=LEARNERS,
        data=lambda w: {f"transfer-{w.learning_transfer['id']}-answer": "So wende ich es an."},
    ),
    Row("learning:path", lambda w: {"slug": "matrix-pfad"}, get=expect(OK), post=PUBLIC_GET_ONLY),
    Row("learning:video", lambda w: {"slug": "matrix-video"}, get=expect(OK), post=PUBLIC_GET_ONLY),
    Row(
        "learning:video-file",
        lambda w: {"slug": "matrix-video"},
        get=LEARNERS,
        post=GET_ONLY,
        note="the file itself only for learners (registered organisations and the team)",
    ),
    Row(
        "learning:video-captions",
        lambda w: {"slug": "matrix-video", "language": "de"},
        get=LEARNERS,
        post=GET_ONLY,
    ),
    Row(
        "learning:video-position",
        lambda w: {"slug": "matrix-video"},
        get=POST_ONLY,
        post=LEARNERS,
        data=lambda w: {"position": "5", "duration": "15"},
    ),
    Row("learning:my-learning", get=LEARNERS, post=GET_ONLY),
    Row(
        "learning:sharing",
        get=POST_ONLY,
        post=expect(DENIED, anonymous=LOGIN, member=OK, org_admin=OK),
        data=lambda w: {"organisation": w.org_a.pk, "share": "1"},
        note="only for one's own organisation; any other is answered with 404",
    ),
    Row(
        "learning:certificate",
        lambda w: {"code": w.learning_certificate.code},
        get=expect(DENIED, anonymous=LOGIN, member=OK, team_admin=OK),
        post=expect(NOT_ALLOWED, anonymous=LOGIN),
        note="the learner's own certificate; the team may look it up (audit log)",
    ),
    Row("learning:verify", get=expect(OK), post=PUBLIC_GET_ONLY),
    Row(
        "learning:verify-code",
        lambda w: {"code": w.learning_certificate.code},
        get=expect(OK),
        post=PUBLIC_GET_ONLY,
        note="public: confirms a certificate by its code and shows only what it says",
    ),
    Row(
        "learning:verify-code",
        lambda w: {"code": "ABCD-EFGH-JKMN"},
        get=expect(DENIED),
        note="an unknown code answers 404 with an explanation",
    ),
    Row(
        "learning:organisation",
        lambda w: {"slug": w.org_a.slug},
        get=expect(DENIED, anonymous=LOGIN, org_admin=OK, team_admin=OK),
        post=GET_ONLY,
    ),
    Row(
        "learning:organisation",
        lambda w: {"slug": w.org_b.slug},
        get=expect(DENIED, anonymous=LOGIN, team_admin=OK),
        note="organisation B's learning is B's admins' and the team's only",
    ),
]

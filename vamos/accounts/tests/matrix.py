from vamos.core.tests.matrix import LOGIN, NOT_ALLOWED, OK, Row, World, expect


def extend_world(world: World) -> None:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    world.password_uid = user_pk_to_url_str(world.applicant)
    world.password_key = default_token_generator.make_token(world.applicant)


SIGNED_IN = expect(OK, anonymous=LOGIN)

ROWS = [
    Row("accounts:profile", get=SIGNED_IN),
    Row(
        "accounts:profile",
        post=SIGNED_IN,
        data=lambda w: {"first_name": "Neu", "last_name": "Name", "language": "en"},
    ),
    Row("accounts:privacy", get=SIGNED_IN),
    Row("accounts:data-export", get=expect(NOT_ALLOWED, anonymous=LOGIN), post=SIGNED_IN),
    Row("accounts:delete", get=SIGNED_IN),
    Row(
        "accounts:password-set",
        lambda w: {"uidb36": w.password_uid, "key": w.password_key},
        get=expect(OK),
        note="the emailed link is the credential; an invalid key answers 400",
    ),
    Row(
        "set-language", get=expect(NOT_ALLOWED), post=expect(OK), data=lambda w: {"language": "en"}
    ),
]

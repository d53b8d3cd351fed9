from vamos.core.tests.matrix import DENIED, LOGIN, NOT_ALLOWED, OK, Row, World, expect


def extend_world(world: World) -> None:
    from vamos.organisations import services
    from vamos.organisations.models import Membership, Organisation, OrganisationApplication

    world.org_b.public_profile = False
    world.org_b.save()
    world.invitation, world.invitation_token = services.invitation_create(
        organisation=world.org_a,
        email="new-person@example.org",
        role="member",
        invited_by=world.org_admin,
    )
    world.member_membership = Membership.objects.get(user=world.member, organisation=world.org_a)
    world.listed_club = services.member_club_add_listed(
        federation=world.org_a,
        name="Kulturverein Listed",
        city="Bonn",
        federal_state="NW",
        actor=world.org_admin,
    )
    world.org_a.parent_request = world.org_b
    world.org_a.save()
    world.org_c = Organisation.objects.create(
        name="Antragsteller e. V.",
        slug="antragsteller",
        kind="other",
        status=Organisation.Status.APPLIED,
    )
    world.org_c_application = OrganisationApplication.objects.create(
        organisation=world.org_c, applicant=world.applicant, applicant_role="Vorsitz"
    )


ADMIN_ONLY = expect(DENIED, anonymous=LOGIN, org_admin=OK, team_admin=OK)
POST_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)

ROWS = [
    Row("organisations:directory", get=expect(OK)),
    Row("organisations:apply", get=expect(OK)),
    Row("organisations:apply-done", get=expect(OK)),
    Row(
        "organisations:invitation",
        lambda w: {"token": w.invitation_token},
        get=expect(OK),
        note="anonymous: create an account; signed in: accept or 'other account' page",
    ),
    Row("organisations:detail", lambda w: {"slug": w.org_a.slug}, get=expect(OK)),
    Row(
        "organisations:detail",
        lambda w: {"slug": w.org_b.slug},
        get=expect(OK, anonymous=DENIED),
        note="no public profile: only the platform's members see it",
    ),
    Row(
        "organisations:detail",
        lambda w: {"slug": w.org_c.slug},
        get=expect(DENIED, team_admin=OK),
        note="an application is visible to the team only",
    ),
    Row("organisations:edit", lambda w: {"slug": w.org_a.slug}, get=ADMIN_ONLY),
    Row(
        "organisations:edit",
        lambda w: {"slug": w.org_a.slug},
        post=ADMIN_ONLY,
        data=lambda w: {"name": "Landesverband A", "kind": "landesverband"},
    ),
    Row(
        "organisations:members",
        lambda w: {"slug": w.org_a.slug},
        get=expect(DENIED, anonymous=LOGIN, member=OK, org_admin=OK, team_admin=OK),
        post=ADMIN_ONLY,
        data=lambda w: {"email": "colleague@example.org", "role": "member"},
    ),
    Row(
        "organisations:member-role",
        lambda w: {"slug": w.org_a.slug, "pk": w.member_membership.pk},
        get=POST_ONLY,
        post=ADMIN_ONLY,
        data=lambda w: {"role": "admin"},
    ),
    Row(
        "organisations:member-remove",
        lambda w: {"slug": w.org_a.slug, "pk": w.member_membership.pk},
        get=POST_ONLY,
        post=ADMIN_ONLY,
    ),
    Row(
        "organisations:leave",
        lambda w: {"slug": w.org_a.slug},
        get=POST_ONLY,
        post=expect(DENIED, anonymous=LOGIN, member=OK, org_admin=OK),
        note="the last admin is told to hand over first (redirect with a message)",
    ),
    Row(
        "organisations:invitation-revoke",
        lambda w: {"slug": w.org_a.slug, "pk": w.invitation.pk},
        get=POST_ONLY,
        post=ADMIN_ONLY,
    ),
    Row("organisations:member-clubs", lambda w: {"slug": w.org_a.slug}, get=ADMIN_ONLY),
    Row(
        "organisations:member-club-remove",
        lambda w: {"slug": w.org_a.slug, "club_slug": w.listed_club.slug},
        get=POST_ONLY,
        post=ADMIN_ONLY,
    ),
    Row(
        "organisations:parent-request",
        lambda w: {"slug": w.org_a.slug},
        get=POST_ONLY,
        post=ADMIN_ONLY,
        data=lambda w: {"answer": "accept"},
    ),
    Row("organisations_admin:applications", get=expect(DENIED, anonymous=LOGIN, team_admin=OK)),
    Row(
        "organisations_admin:application",
        lambda w: {"pk": w.org_c_application.pk},
        get=expect(DENIED, anonymous=LOGIN, team_admin=OK),
        post=expect(DENIED, anonymous=LOGIN, team_admin=OK),
        data=lambda w: {"decision": "approve"},
    ),
]

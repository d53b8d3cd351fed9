import hashlib
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vamos.core.models import TimeStampedModel


class FederalState(models.TextChoices):
    BW = "BW", "Baden-Württemberg"
    BY = "BY", "Bayern"
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    HB = "HB", "Bremen"
    HH = "HH", "Hamburg"
    HE = "HE", "Hessen"
    MV = "MV", "Mecklenburg-Vorpommern"
    NI = "NI", "Niedersachsen"
    NW = "NW", "Nordrhein-Westfalen"
    RP = "RP", "Rheinland-Pfalz"
    SL = "SL", "Saarland"
    SN = "SN", "Sachsen"
    ST = "ST", "Sachsen-Anhalt"
    SH = "SH", "Schleswig-Holstein"
    TH = "TH", "Thüringen"


class Organisation(TimeStampedModel):
    """An association: the unit of development on the platform."""

    class Kind(models.TextChoices):
        FEDERAL = "bundesverband", _("Federal association (Bundesverband)")
        STATE = "landesverband", _("State association (Landesverband)")
        CLUB = "mitgliedsverein", _("Member club (Mitgliedsverein)")
        OTHER = "other", _("Other organisation")

    class Status(models.TextChoices):
        APPLIED = "applied", _("applied")
        ACTIVE = "active", _("active")
        PAUSED = "paused", _("paused")
        LEFT = "left", _("left")
        REJECTED = "rejected", _("rejected")
        # A member club a federation listed; it has no account on the platform itself.
        LISTED = "listed", _("listed by its federation")

    class LegalForm(models.TextChoices):
        REGISTERED_ASSOCIATION = "ev", _("registered association (e. V.)")
        UNREGISTERED_ASSOCIATION = "nev", _("unregistered association")
        GGMBH = "ggmbh", _("non-profit limited company (gGmbH)")
        FOUNDATION = "stiftung", _("foundation")
        COOPERATIVE = "eg", _("cooperative (eG)")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(_("address on the platform"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    federal_state = models.CharField(
        _("federal state"), max_length=2, choices=FederalState.choices, blank=True
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    legal_form = models.CharField(
        _("legal form"), max_length=10, choices=LegalForm.choices, blank=True
    )
    founded = models.PositiveSmallIntegerField(_("founded (year)"), null=True, blank=True)
    member_clubs_count = models.PositiveIntegerField(
        _("number of member clubs"), null=True, blank=True
    )
    members_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
    communities = models.TextField(
        _("communities represented"),
        blank=True,
        help_text=_("For example: people from Syria, the Kurdish community, Spanish speakers."),
    )
    description = models.TextField(_("about the organisation"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("public contact email"), blank=True)
    public_profile = models.BooleanField(
        _("show in the public directory"),
        default=False,
        help_text=_("Name, kind, federal state, city, website and description become public."),
    )
    public_profile_consented_at = models.DateTimeField(null=True, blank=True, editable=False)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("federation it belongs to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_clubs",
    )
    # A federation asked to list this organisation as its member club; its admin decides.
    parent_request = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_club_requests",
        editable=False,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="organisation_not_own_parent"
            ),
        ]
        indexes = [models.Index(Lower("name"), name="organisation_name_lower")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_registered(self) -> bool:
        return self.status in {self.Status.ACTIVE, self.Status.PAUSED}

    @property
    def is_federation(self) -> bool:
        return self.kind in {self.Kind.FEDERAL, self.Kind.STATE}


class Membership(TimeStampedModel):
    class Role(models.TextChoices):
        ADMIN = "admin", _("admin (contact person)")
        MEMBER = "member", _("member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        ordering = ["organisation__name", "user__last_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN


class OrganisationApplication(models.Model):
    """The request to register an organisation, and the team's decision on it."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="application"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="organisation_applications",
    )
    applicant_role = models.CharField(_("applicant's role in the organisation"), max_length=120)
    message = models.TextField(_("what the organisation hopes for"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)

    class Meta:
        ordering = ["submitted_at"]
        verbose_name = _("organisation application")
        verbose_name_plural = _("organisation applications")

    def __str__(self) -> str:
        return str(self.organisation)


def invitation_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An emailed link to join an organisation. Only the token's hash is stored."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    def is_expired(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.expires_at

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired()

    @property
    def status_label(self) -> str:
        if self.accepted_at:
            return str(_("accepted"))
        if self.revoked_at:
            return str(_("revoked"))
        if self.is_expired():
            return str(_("expired"))
        return str(_("open"))

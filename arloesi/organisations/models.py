from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import AuditEvent, ImmutableModel, StatusChange
from arloesi.organisations.roles import (
    GRANTS,
    KIND_PREFIX,
    ROLE_UNIT_KIND,
    Kind,
    Profession,
    Role,
    reach_path,
)


def _role_labels():
    """Role labels translated once per language, not once per row (long tables of people)."""
    cache: dict[tuple[str, str], str] = {}

    def label_for(role: str):
        def label() -> str:
            key = (get_language() or "en", role)
            if key not in cache:
                cache[key] = str(Role(role).label)
            return cache[key]

        return label

    return {role.value: label_for(role.value) for role in Role}


ROLE_LABELS = _role_labels()


class OrganisationUnitQuerySet(models.QuerySet):
    def under(self, path: str):
        return self.filter(path__startswith=path)


class OrganisationUnit(models.Model):
    """Wales, a health board, a pan-cluster planning group, a cluster or a collaborative."""

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Stable identifier used by imports, e.g. "CTM-RHONDDA".
    code = models.CharField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name in English"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200)
    local_alias = models.CharField(_("local name"), max_length=40, blank=True)
    profession = models.CharField(
        _("profession"), max_length=20, choices=Profession.choices, blank=True
    )
    # Materialised path of kind-prefixed ids ("/w1/hb3/pg7/cl20/"): scope checks are prefix tests.
    path = models.CharField(
        _("place in Wales"), max_length=255, unique=True, blank=True, editable=False
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    objects = OrganisationUnitQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=Kind.WALES, parent__isnull=True)
                | (~Q(kind=Kind.WALES) & Q(parent__isnull=False)),
                name="unit_parent_only_wales_is_root",
            ),
            models.CheckConstraint(
                condition=Q(kind=Kind.COLLABORATIVE, profession__gt="")
                | (~Q(kind=Kind.COLLABORATIVE) & Q(profession="")),
                name="unit_profession_only_for_collaboratives",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # The path needs the primary key, so a new unit is written twice inside one transaction.
        if not self.path:
            self.path = f"/pending-{timezone.now().timestamp()}-{id(self)}/"
            super().save(*args, **kwargs)
            self.path = self.compute_path()
            type(self)._base_manager.filter(pk=self.pk).update(path=self.path)
            return
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        return self.name_cy if get_language() == "cy" and self.name_cy else self.name_en

    @property
    def scope_path(self) -> str:
        return self.path

    def compute_path(self) -> str:
        parent_path = self.parent.path if self.parent_id else "/"
        return f"{parent_path}{KIND_PREFIX[Kind(self.kind)]}{self.pk}/"


class PersonManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        person = self.model(email=self.normalize_email(email).lower(), **extra)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_superuser", True)
        extra.setdefault("is_staff", True)
        return self.create_user(email, password, **extra)


class Person(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in. What they may do comes only from their memberships."""

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        WELSH = "cy", "Cymraeg"

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    is_active = models.BooleanField(_("can sign in"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]
    audit_exclude = ("last_login",)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def active_memberships(self) -> list["Membership"]:
        """Cached for the life of this object (one request): one query however often it is asked."""
        if not hasattr(self, "_active_memberships"):
            self._active_memberships = list(
                self.memberships.filter(ended_at__isnull=True).select_related("unit")
            )
        return self._active_memberships

    def reach(self, permission: str) -> tuple[str, ...]:
        """Unit-path prefixes where this person holds ``permission`` (see core.permissions)."""
        grants = GRANTS.get(permission, {})
        return tuple(
            sorted(
                {
                    reach_path(m.unit.path, grants[m.role])
                    for m in self.active_memberships()
                    if m.role in grants
                }
            )
        )


class OrganisationAccount(models.Model):
    """A person's account at their organisation's sign-in service (OpenID Connect), named by the
    service (issuer) and the subject it knows them by. Linked on the first sign-in with it, by
    the person's verified e-mail address; later sign-ins find the person by it alone."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="organisation_accounts",
    )
    issuer = models.CharField(_("sign-in service"), max_length=255)
    subject = models.CharField(_("identifier at the sign-in service"), max_length=255)
    linked_at = models.DateTimeField(_("linked"), default=timezone.now)

    class Meta:
        verbose_name = _("organisation's account")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="organisation_account_one_person"
            ),
            models.UniqueConstraint(
                fields=["person", "issuer"], name="organisation_account_one_per_service"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.issuer}"


class Membership(models.Model):
    """A role held by a person in an organisation unit. Ended, never deleted."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships"
    )
    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["unit__name_en", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "unit", "role"],
                condition=Q(ended_at__isnull=True),
                name="membership_one_active_role_per_unit",
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.unit}"

    @property
    def scope_path(self) -> str:
        return self.unit.path

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]()

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.unit_id and self.role and self.unit.kind != ROLE_UNIT_KIND[Role(self.role)]:
            raise ValidationError(
                {"role": _("This role cannot be held at this kind of organisation.")}
            )


class Invitation(models.Model):
    """An e-mailed offer of a role in a unit; accepted once, or revoked, or left to expire."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a reply")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Withdrawn")

    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=150)
    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    language = models.CharField(
        _("language"), max_length=2, choices=Person.Language.choices, default="en"
    )
    invited_by = models.ForeignKey(
        Person, verbose_name=_("invited by"), on_delete=models.PROTECT, related_name="+"
    )
    # The link's token is made by the e-mail task from this salt and the secret key
    # (organisations.tasks), and only its hash is kept, once the e-mail is on its way: the
    # database alone, or a task's stored arguments, open no invitation.
    token_salt = models.CharField(max_length=64, blank=True, editable=False)
    # NULL until the e-mail task has run: many unsent invitations may be NULL, not "" (unique).
    token_hash = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))

    audit_exclude = ("token_hash", "token_salt")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.full_name} <{self.email}> – {self.get_role_display()} – {self.unit}"

    @property
    def scope_path(self) -> str:
        return self.unit.path

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]()

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at


class InvitationStatusChange(StatusChange):
    invitation = models.ForeignKey(
        Invitation,
        verbose_name=_("invitation"),
        on_delete=models.PROTECT,
        related_name="status_changes",
    )


class SignInActivity(ImmutableModel):
    """One thing that happened at the door: a sign-in (with a password or the organisation's
    account), a failed or refused one, a password reset request, a password change, a sign-out.
    Each is also an audit event whose object is this row, so an attempt for an address with no
    account is kept, and readable by an administrator, without creating a person. The throttle
    counts the failed password sign-ins here."""

    Outcome = models.TextChoices(
        "Outcome",
        [
            (action.name, (action.value, action.label))
            for action in (
                AuditEvent.Action.SIGNED_IN,
                AuditEvent.Action.SIGN_IN_FAILED,
                AuditEvent.Action.SIGN_IN_REFUSED,
                AuditEvent.Action.PASSWORD_RESET_REQUESTED,
                AuditEvent.Action.PASSWORD_CHANGED,
                AuditEvent.Action.SIGNED_OUT,
                AuditEvent.Action.TIMED_OUT,
                AuditEvent.Action.ORGANISATION_ACCOUNT_LINKED,
                AuditEvent.Action.SIGNED_IN_WITH_ORGANISATION,
                AuditEvent.Action.ORGANISATION_SIGN_IN_FAILED,
                AuditEvent.Action.ORGANISATION_SIGN_IN_REFUSED,
            )
        ],
    )

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    email = models.CharField(_("email address"), max_length=254)
    # The account the address belongs to, if any (an administrator's reading aid; a failed
    # attempt does not make its author this person).
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ip_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    outcome = models.CharField(_("what happened"), max_length=20, choices=Outcome.choices)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("sign-in activity")
        indexes = [
            models.Index(fields=["email", "outcome", "at"]),
            models.Index(fields=["ip_address", "outcome", "at"]),
        ]

    def __str__(self):
        return self.email

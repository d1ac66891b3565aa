"""Writes to organisations, people and memberships. Every write is audited (core.audit)."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit, permissions
from arloesi.core.services import status_change
from arloesi.core.tasks import send_email
from arloesi.core.workflow import Transition, Workflow
from arloesi.organisations.models import (
    FailedSignIn,
    Invitation,
    InvitationStatusChange,
    Membership,
    OrganisationUnit,
    Person,
)
from arloesi.organisations.roles import GRANTABLE_ROLES, ROLE_UNIT_KIND, Perm, Role

INVITATION_WORKFLOW = Workflow(
    "invitation",
    [
        Transition(Invitation.Status.PENDING, Invitation.Status.ACCEPTED),
        Transition(Invitation.Status.PENDING, Invitation.Status.REVOKED, Perm.INVITE),
    ],
)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- People -----------------------------------------------------------------------------------


def person_set_language(*, actor: Person, person: Person, language: str) -> Person:
    return audit.update(person, actor=actor, preferred_language=language)


def roles_grantable(*, actor: Person, unit: OrganisationUnit) -> list[Role]:
    """The roles ``actor`` may give to someone in ``unit``, in the order of Role."""
    if not permissions.can(actor, Perm.INVITE, unit.path):
        return []
    grantable: set[Role] = set()
    for membership in actor.active_memberships():
        if unit.path.startswith(membership.unit.path):
            grantable |= GRANTABLE_ROLES.get(Role(membership.role), set())
    return [role for role in Role if role in grantable and ROLE_UNIT_KIND[role] == unit.kind]


@transaction.atomic
def membership_grant(*, actor: Person | None, person: Person, unit: OrganisationUnit, role: str):
    existing = Membership.objects.filter(
        person=person, unit=unit, role=role, ended_at__isnull=True
    ).first()
    if existing:
        return existing
    return audit.create(Membership, actor=actor, person=person, unit=unit, role=role)


@transaction.atomic
def membership_end(*, actor: Person, membership: Membership) -> Membership:
    if not permissions.can(actor, Perm.END_MEMBERSHIP, membership.unit.path):
        raise PermissionDenied
    if membership.ended_at:
        return membership
    return audit.update(membership, actor=actor, ended_at=timezone.now())


# --- Invitations ------------------------------------------------------------------------------


@transaction.atomic
def invitation_send(
    *,
    actor: Person,
    unit: OrganisationUnit,
    email: str,
    full_name: str,
    role: str,
    language: str,
) -> Invitation:
    if role not in roles_grantable(actor=actor, unit=unit):
        raise PermissionDenied
    email = email.strip().lower()
    if Membership.objects.filter(
        person__email=email, unit=unit, role=role, ended_at__isnull=True
    ).exists():
        raise ValidationError({"email": _("This person already has this role here.")})
    token = secrets.token_urlsafe(32)
    invitation = audit.create(
        Invitation,
        actor=actor,
        email=email,
        full_name=full_name.strip(),
        unit=unit,
        role=role,
        language=language,
        invited_by=actor,
        token_hash=_token_hash(token),
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    accept_path = _localised_reverse("invitation_accept", language, token=token)
    with translation.override(language):
        role_name = str(Role(role).label)
        unit_name = unit.name
    # The task row is written in this transaction: no invitation without its e-mail, and none
    # sent for an invitation that was rolled back.
    send_email.enqueue(
        to=email,
        template="organisations/email/invitation",
        context={
            "full_name": invitation.full_name,
            "inviter": actor.full_name,
            "role": role_name,
            "unit": unit_name,
            "accept_path": accept_path,
            "days": settings.INVITATION_VALID_DAYS,
        },
        language=language,
    )
    return invitation


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation this token opens, if it is still waiting and has not expired."""
    invitation = (
        Invitation.objects.select_related("unit", "invited_by")
        .filter(token_hash=_token_hash(token), status=Invitation.Status.PENDING)
        .first()
    )
    if invitation is None or invitation.is_expired:
        return None
    return invitation


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, person: Person | None, full_name: str = "", password: str = ""
) -> Person:
    """Accept as the signed-in ``person``, or create the person the invitation names."""
    if person is None:
        person = Person.objects.filter(email=invitation.email).first()
        if person is not None:
            raise ValidationError(_("You already have an account: sign in to accept."))
        candidate = Person(email=invitation.email, full_name=full_name)
        validate_password(password, candidate)
        person = audit.create(
            Person,
            actor=None,
            email=invitation.email,
            full_name=full_name,
            preferred_language=invitation.language,
            password="!",
        )
        person.set_password(password)
        person.save(update_fields=["password"])
    status_change(
        invitation,
        workflow=INVITATION_WORKFLOW,
        change_model=InvitationStatusChange,
        subject_field="invitation",
        to_status=Invitation.Status.ACCEPTED,
        actor=person,
    )
    membership_grant(actor=person, person=person, unit=invitation.unit, role=invitation.role)
    return person


@transaction.atomic
def invitation_revoke(*, actor: Person, invitation: Invitation, reason: str = "") -> Invitation:
    if not permissions.can(actor, Perm.INVITE, invitation.unit.path):
        raise PermissionDenied
    return status_change(
        invitation,
        workflow=INVITATION_WORKFLOW,
        change_model=InvitationStatusChange,
        subject_field="invitation",
        to_status=Invitation.Status.REVOKED,
        actor=actor,
        reason=reason,
    )


# --- Password reset ---------------------------------------------------------------------------


def password_reset_request(*, email: str) -> None:
    """E-mail a reset link if the address belongs to an active person; say nothing either way."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    person = Person.objects.filter(email=email.strip().lower(), is_active=True).first()
    if person is None:
        return
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    language = person.preferred_language
    send_email.enqueue(
        to=person.email,
        template="organisations/email/password_reset",
        context={
            "full_name": person.full_name,
            "reset_path": _localised_reverse(
                "password_reset_confirm", language, uid=uid, token=token
            ),
        },
        language=language,
    )


@transaction.atomic
def password_set(*, person: Person, password: str) -> Person:
    validate_password(password, person)
    person.set_password(password)
    person.save(update_fields=["password"])
    audit.record(actor=person, obj=person, action="updated", note="password changed")
    return person


# --- Sign-in throttling -----------------------------------------------------------------------


def sign_in_blocked(*, email: str) -> bool:
    since = timezone.now() - timedelta(minutes=settings.SIGN_IN_FAILURE_WINDOW_MINUTES)
    recent = FailedSignIn.objects.filter(email=email.strip().lower(), at__gte=since).count()
    return recent >= settings.SIGN_IN_MAX_FAILURES


def sign_in_failed(*, email: str, ip_address: str | None) -> None:
    FailedSignIn.objects.create(email=email.strip().lower()[:254], ip_address=ip_address)


def sign_in_succeeded(*, email: str) -> None:
    FailedSignIn.objects.filter(email=email.strip().lower()).delete()


def _localised_reverse(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


# --- Organisation units -----------------------------------------------------------------------


def unit_create(*, actor: Person | None, **fields) -> OrganisationUnit:
    return audit.create(OrganisationUnit, actor=actor, **fields)


@transaction.atomic
def unit_update(*, actor: Person | None, unit: OrganisationUnit, **fields) -> OrganisationUnit:
    old_path = unit.path
    unit = audit.update(unit, actor=actor, **fields)
    new_path = unit.compute_path()
    if new_path != old_path:
        # Moved to another parent: the unit and everything under it get new paths.
        OrganisationUnit.objects.filter(path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
        )
        unit.path = new_path
    return unit

"""Writes to organisations, people and memberships. Every write is audited (core.audit)."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from arloesi.core import audit, permissions
from arloesi.core.services import status_change
from arloesi.core.workflow import Transition, Workflow
from arloesi.organisations import selectors, tasks, tokens
from arloesi.organisations.models import (
    Invitation,
    InvitationStatusChange,
    Membership,
    OrganisationUnit,
    Person,
    SignInActivity,
)
from arloesi.organisations.roles import Perm

INVITATION_WORKFLOW = Workflow(
    "invitation",
    [
        Transition(Invitation.Status.PENDING, Invitation.Status.ACCEPTED),
        Transition(Invitation.Status.PENDING, Invitation.Status.REVOKED, Perm.INVITE),
    ],
)


class InvitationLapsedError(ValidationError):
    """The person who sent the invitation may no longer give that role there."""

    def __init__(self):
        super().__init__(
            _(
                "This invitation can no longer be accepted, because the person who sent it no "
                "longer has a role that allows them to give it. Ask someone who leads this "
                "organisation to invite you again."
            )
        )


def _normalised(email: str) -> str:
    return email.strip().lower()[:254]


# --- People -----------------------------------------------------------------------------------


def person_set_language(*, actor: Person, person: Person, language: str) -> Person:
    return audit.update(person, actor=actor, preferred_language=language)


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
    """End a role the actor could have given there; the invitations the person sent that no
    role of theirs can give any more are withdrawn with the reason."""
    if not selectors.membership_can_end(actor=actor, membership=membership):
        raise PermissionDenied
    if membership.ended_at:
        return membership
    membership = audit.update(membership, actor=actor, ended_at=timezone.now())
    reason = _("The role that allowed this invitation has ended: %(name)s, %(role)s, %(unit)s.") % {
        "name": membership.person.full_name,
        "role": membership.role_label,
        "unit": membership.unit.name,
    }
    _invitations_withdraw_lapsed(inviter_id=membership.person_id, actor=actor, reason=reason)
    return membership


def _invitations_withdraw_lapsed(*, inviter_id: int, actor: Person | None, reason: str) -> int:
    inviter = Person.objects.get(pk=inviter_id)  # fresh: its memberships as they are now
    withdrawn = 0
    for invitation in Invitation.objects.filter(
        invited_by=inviter, status=Invitation.Status.PENDING
    ).select_related("unit"):
        invitation.invited_by = inviter
        if not selectors.invitation_is_grantable(invitation=invitation):
            _invitation_withdraw(invitation, actor=actor, reason=reason)
            withdrawn += 1
    return withdrawn


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
    if role not in selectors.roles_grantable(actor=actor, unit=unit):
        raise PermissionDenied
    email = _normalised(email)
    # Said only of a role held here, which whoever may invite here can see on the unit's page;
    # whether the address has an account anywhere else is never said.
    if Membership.objects.filter(
        person__email=email, unit=unit, role=role, ended_at__isnull=True
    ).exists():
        raise ValidationError({"email": _("This person already has this role here.")})
    invitation = audit.create(
        Invitation,
        actor=actor,
        email=email,
        full_name=full_name.strip(),
        unit=unit,
        role=role,
        language=language,
        invited_by=actor,
        token_salt=tokens.new_salt(),
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    # The task row is written in this transaction: no invitation without its e-mail, and none
    # sent for an invitation that was rolled back. It holds the id only; the link is made there.
    tasks.invitation_email_send.enqueue(invitation_id=invitation.pk)
    return invitation


def invitation_accept(
    *,
    invitation: Invitation,
    person: Person | None,
    full_name: str = "",
    password: str = "",
    ip_address: str | None = None,
) -> Person:
    """Accept as the signed-in ``person``, or create (and sign in) the person it names.

    The inviter is checked again: if no role of theirs may give this role here any more, the
    invitation is withdrawn with that reason and ``InvitationLapsedError`` is raised."""
    if not selectors.invitation_is_grantable(invitation=invitation):
        with transaction.atomic():
            _invitation_withdraw(
                invitation,
                actor=None,
                reason=_("The person who sent it no longer has a role that may give it."),
            )
        raise InvitationLapsedError
    with transaction.atomic():
        created = person is None
        if created:
            person = _person_create_for(invitation, full_name=full_name, password=password)
        status_change(
            invitation,
            workflow=INVITATION_WORKFLOW,
            change_model=InvitationStatusChange,
            subject_field="invitation",
            to_status=Invitation.Status.ACCEPTED,
            actor=person,
        )
        membership_grant(actor=person, person=person, unit=invitation.unit, role=invitation.role)
        if created:
            _activity_record(
                email=person.email,
                ip_address=ip_address,
                outcome=SignInActivity.Outcome.SIGNED_IN,
                person=person,
                actor=person,
            )
    return person


def _person_create_for(invitation: Invitation, *, full_name: str, password: str) -> Person:
    if Person.objects.filter(email=invitation.email).exists():
        raise ValidationError(_("You already have an account: sign in to accept."))
    _password_acceptable(password, Person(email=invitation.email, full_name=full_name))
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
    return person


@transaction.atomic
def invitation_revoke(*, actor: Person, invitation: Invitation, reason: str = "") -> Invitation:
    if not permissions.can(actor, Perm.INVITE, invitation.unit.path):
        raise PermissionDenied
    return _invitation_withdraw(invitation, actor=actor, reason=reason)


def _invitation_withdraw(invitation: Invitation, *, actor: Person | None, reason: str):
    return status_change(
        invitation,
        workflow=INVITATION_WORKFLOW,
        change_model=InvitationStatusChange,
        subject_field="invitation",
        to_status=Invitation.Status.REVOKED,
        actor=actor,
        reason=reason,
    )


# --- Sign-in, sign-out and passwords ----------------------------------------------------------


def _activity_record(
    *,
    email: str,
    ip_address: str | None,
    outcome: str,
    person: Person | None = None,
    actor: Person | None = None,
) -> SignInActivity:
    """Keep what happened at the door, and put it in the audit trail (its object is the
    activity row, so an address with no account needs no person)."""
    activity = SignInActivity.objects.create(
        email=_normalised(email), person=person, ip_address=ip_address, outcome=outcome
    )
    audit.record(actor=actor, obj=activity, action=outcome)
    return activity


@dataclass(frozen=True)
class SignInResult:
    person: Person | None = None
    # Why sign-in was refused without checking the password: "account" or "client".
    throttled: str | None = None


@transaction.atomic
def person_sign_in(*, email: str, password: str, ip_address: str | None) -> SignInResult:
    """Check the password unless too many attempts have failed; record the outcome.

    An unknown address takes the same path as a known one: the same queries, one password hash
    (Django's ModelBackend hashes the password it is given when no account matches), the same
    records and the same answer as a wrong password."""
    email = _normalised(email)
    owner = Person.objects.filter(email=email).first()
    throttled = selectors.sign_in_throttled(email=email, ip_address=ip_address)
    if throttled:
        _activity_record(
            email=email,
            ip_address=ip_address,
            outcome=SignInActivity.Outcome.SIGN_IN_REFUSED,
            person=owner,
        )
        return SignInResult(throttled=throttled)
    person = authenticate(None, username=email, password=password)
    outcome = SignInActivity.Outcome.SIGNED_IN if person else SignInActivity.Outcome.SIGN_IN_FAILED
    _activity_record(
        email=email, ip_address=ip_address, outcome=outcome, person=owner, actor=person
    )
    return SignInResult(person=person)


def person_sign_out(*, person: Person, ip_address: str | None, timed_out: bool = False) -> None:
    """Record a sign-out (the view or the idle-session middleware ends the session)."""
    _activity_record(
        email=person.email,
        ip_address=ip_address,
        outcome=SignInActivity.Outcome.TIMED_OUT
        if timed_out
        else SignInActivity.Outcome.SIGNED_OUT,
        person=person,
        actor=person,
    )


@transaction.atomic
def password_reset_request(*, email: str, ip_address: str | None) -> None:
    """E-mail a reset link if the address belongs to an active person; say nothing either way.
    The same work is done for an address with no account: one record, one task (which then
    sends nothing). The task is given the person's id; it makes the link itself."""
    email = _normalised(email)
    person = Person.objects.filter(email=email, is_active=True).first()
    _activity_record(
        email=email,
        ip_address=ip_address,
        outcome=SignInActivity.Outcome.PASSWORD_RESET_REQUESTED,
        person=person,
    )
    tasks.password_reset_email_send.enqueue(person_id=person.pk if person else None)


def _password_acceptable(password: str, person: Person) -> None:
    """Django's password rules, their refusal on the form's password field."""
    try:
        validate_password(password, person)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error


@transaction.atomic
def password_set(*, person: Person, password: str, ip_address: str | None = None) -> Person:
    _password_acceptable(password, person)
    person.set_password(password)
    person.save(update_fields=["password"])
    _activity_record(
        email=person.email,
        ip_address=ip_address,
        outcome=SignInActivity.Outcome.PASSWORD_CHANGED,
        person=person,
        actor=person,
    )
    return person


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

"""People, their memberships and invitations. Every write is audited (core.audit)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
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
from arloesi.organisations.services import door

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
    email = door.normalised_email(email)
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
            door.activity_record(
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
    door.password_acceptable(password, Person(email=invitation.email, full_name=full_name))
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

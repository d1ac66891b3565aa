"""Signing in with the organisation's account (OpenID Connect), once its token has been
checked (organisations.oidc).

No one joins by signing in. The first sign-in links the account (issuer and subject) to the
person who already has the verified e-mail address it carries, or to a new person made from a
pending invitation to that address; every later sign-in finds the person by the link alone.
Roles stay Arloesi's own: signing in gives none."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from arloesi.core import audit
from arloesi.organisations import selectors
from arloesi.organisations.models import (
    Invitation,
    Membership,
    OrganisationAccount,
    Person,
    SignInActivity,
)
from arloesi.organisations.services import door


@dataclass(frozen=True)
class OrganisationSignIn:
    person: Person | None = None
    # Why no one was signed in: "unknown" (no person or invitation with a verified address),
    # "inactive" (the person may not sign in) or "linked" (the person is already linked to
    # another account at the same service).
    refused: str | None = None
    email: str = ""


@transaction.atomic
def person_sign_in_with_organisation_account(
    *, issuer: str, subject: str, email: str, ip_address: str | None
) -> OrganisationSignIn:
    """The person the organisation's account belongs to, linked on its first sign-in and
    recorded; or why not. ``email`` is the address the service vouches for (verified), or empty
    when it vouches for none."""
    email = door.normalised_email(email)
    account = (
        OrganisationAccount.objects.select_related("person")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    person = account.person if account else _person_for_address(email)
    refused = _refusal(person, account=account, issuer=issuer)
    if refused:
        door.activity_record(
            email=person.email if person else email,
            ip_address=ip_address,
            outcome=SignInActivity.Outcome.ORGANISATION_SIGN_IN_REFUSED,
            person=person,
        )
        return OrganisationSignIn(refused=refused, email=email)
    if account is None:
        audit.create(
            OrganisationAccount, actor=person, person=person, issuer=issuer, subject=subject
        )
        door.activity_record(
            email=person.email,
            ip_address=ip_address,
            outcome=SignInActivity.Outcome.ORGANISATION_ACCOUNT_LINKED,
            person=person,
            actor=person,
        )
    door.activity_record(
        email=person.email,
        ip_address=ip_address,
        outcome=SignInActivity.Outcome.SIGNED_IN_WITH_ORGANISATION,
        person=person,
        actor=person,
    )
    return OrganisationSignIn(person=person, email=person.email)


def organisation_sign_in_failed(*, ip_address: str | None) -> None:
    """Record a sign-in the organisation's service sent back with a token that did not pass
    its checks (signature, expiry, audience, nonce, tenant). Nothing in such a token is
    trusted, so no address is kept."""
    door.activity_record(
        email="",
        ip_address=ip_address,
        outcome=SignInActivity.Outcome.ORGANISATION_SIGN_IN_FAILED,
    )


def _person_for_address(email: str) -> Person | None:
    """The person with this verified address; or, for someone invited to it and not yet in
    Arloesi, a new person made from the invitation, named as the inviter named them, with no
    password (they sign in through their organisation, and accept the invitation on its
    page)."""
    if not email:
        return None
    person = Person.objects.filter(email=email).first()
    if person is not None:
        return person
    invitation = (
        Invitation.objects.filter(
            email=email, status=Invitation.Status.PENDING, expires_at__gt=timezone.now()
        )
        .order_by("-created_at")
        .first()
    )
    if invitation is None:
        return None
    return audit.create(
        Person,
        actor=None,
        email=email,
        full_name=invitation.full_name,
        preferred_language=invitation.language,
        password="!",  # no usable password (Django's mark)
    )


def _refusal(person: Person | None, *, account, issuer: str) -> str | None:
    if person is None:
        return "unknown"
    if not person.is_active:
        return "inactive"
    if (
        account is None
        and OrganisationAccount.objects.filter(person=person, issuer=issuer).exists()
    ):
        return "linked"
    return None


@transaction.atomic
def organisation_account_unlink(*, actor, membership: Membership) -> int:
    """Remove the link between the person of ``membership`` and their organisation's account
    (after their account there was made again, or the link was made to the wrong person): their
    next sign-in with it links by verified e-mail address again. For whoever may end their role
    there; recorded. Returns how many links were removed."""
    if not selectors.membership_can_end(actor=actor, membership=membership):
        raise PermissionDenied
    accounts = list(OrganisationAccount.objects.filter(person_id=membership.person_id))
    if not accounts:
        raise ValidationError(_("There is no link to remove: it has already been removed."))
    for account in accounts:
        audit.delete(account, actor=actor, note=_("Link to the organisation's account removed"))
    return len(accounts)

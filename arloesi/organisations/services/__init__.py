"""Writes to organisations, people and memberships: the app's front door. Every write is
audited (core.audit); what happens at the door is also kept as sign-in activity."""

from arloesi.organisations.services.directory import unit_create, unit_update
from arloesi.organisations.services.door import (
    SignInResult,
    password_reset_request,
    password_set,
    person_sign_in,
    person_sign_out,
)
from arloesi.organisations.services.memberships import (
    INVITATION_WORKFLOW,
    InvitationLapsedError,
    invitation_accept,
    invitation_revoke,
    invitation_send,
    membership_end,
    membership_grant,
    person_set_language,
)
from arloesi.organisations.services.organisation_accounts import (
    OrganisationSignIn,
    organisation_account_unlink,
    organisation_sign_in_failed,
    person_sign_in_with_organisation_account,
)

__all__ = [
    "INVITATION_WORKFLOW",
    "InvitationLapsedError",
    "OrganisationSignIn",
    "SignInResult",
    "invitation_accept",
    "invitation_revoke",
    "invitation_send",
    "membership_end",
    "membership_grant",
    "organisation_sign_in_failed",
    "password_reset_request",
    "password_set",
    "person_set_language",
    "person_sign_in",
    "organisation_account_unlink",
    "person_sign_in_with_organisation_account",
    "person_sign_out",
    "unit_create",
    "unit_update",
]

"""Roles and invitations: which roles a person may give and end, invitations waiting, and the
home-page items about them."""

from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from arloesi.core import permissions
from arloesi.core.attention import AttentionItem
from arloesi.organisations import tokens
from arloesi.organisations.models import (
    Invitation,
    Membership,
    OrganisationUnit,
)
from arloesi.organisations.roles import GRANTABLE_ROLES, ROLE_UNIT_KIND, Perm, Role

# --- Which roles a person may give, and end ---------------------------------------------------


def _roles_given_by_memberships(actor, unit: OrganisationUnit) -> set[Role]:
    """The roles held at ``unit``'s kind that ``actor``'s memberships at or above ``unit`` may
    give (roles.GRANTABLE_ROLES); no queries beyond the actor's cached memberships."""
    grantable: set[Role] = set()
    for membership in actor.active_memberships():
        if unit.path.startswith(membership.unit.path):
            grantable |= GRANTABLE_ROLES.get(Role(membership.role), set())
    return {role for role in grantable if ROLE_UNIT_KIND[role] == unit.kind}


def roles_grantable(*, actor, unit: OrganisationUnit) -> list[Role]:
    """The roles ``actor`` may give to someone in ``unit``, in the order of Role."""
    if not permissions.can(actor, Perm.INVITE, unit.path):
        return []
    grantable = _roles_given_by_memberships(actor, unit)
    return [role for role in Role if role in grantable]


def membership_can_end(*, actor, membership: Membership) -> bool:
    """Ending a role is limited to the roles the actor could have given at that unit."""
    unit = membership.unit
    return permissions.can(actor, Perm.END_MEMBERSHIP, unit.path) and (
        membership.role in _roles_given_by_memberships(actor, unit)
    )


def units_within(*permission_names: str, user, under: str | None = None):
    """The ids of the units within ``user``'s reach for any of ``permission_names`` (and under
    ``under``), as a subquery.

    Rows are then matched by their unit's id, not by a join on the unit's path: SQLite cannot
    use an index for a path prefix, and joining read every role (or invitation) in Wales to keep
    one cluster's; the units are ten times fewer, and PostgreSQL reads them from its path index.
    """
    reach = Q(pk__in=[])
    for permission in permission_names:
        reach |= permissions.scope_q(user, permission, "path")
    units = OrganisationUnit.objects.filter(reach)
    if under is not None:
        units = units.filter(path__startswith=under)
    return units.values("pk")


def invitations_pending_for(*, user, unit: OrganisationUnit | None = None):
    units = units_within(Perm.INVITE, user=user, under=unit.path if unit is not None else None)
    return Invitation.objects.filter(
        status=Invitation.Status.PENDING, unit__in=units
    ).select_related("unit", "invited_by")


def invitation_get_for_user(*, user, invitation_id: int) -> Invitation:
    return permissions.get_for_user(
        Invitation.objects.select_related("unit"), user, Perm.INVITE, "unit__path", pk=invitation_id
    )


def membership_get_for_user(*, user, membership_id: int) -> Membership:
    """A membership ``user`` may end; 404 for any other."""
    membership = permissions.get_for_user(
        Membership.objects.select_related("unit", "person"),
        user,
        Perm.END_MEMBERSHIP,
        "unit__path",
        pk=membership_id,
    )
    if not membership_can_end(actor=user, membership=membership):
        raise Http404
    return membership


def invitation_get_for_token(*, token: str) -> Invitation | None:
    """The invitation this token opens, if it is still waiting and has not expired."""
    invitation = (
        Invitation.objects.select_related("unit", "invited_by")
        .filter(token_hash=tokens.token_hash(token), status=Invitation.Status.PENDING)
        .first()
    )
    if invitation is None or invitation.is_expired:
        return None
    return invitation


def invitation_is_grantable(*, invitation: Invitation) -> bool:
    """Whether the person who sent ``invitation`` still holds a role that may give it there."""
    return invitation.role in roles_grantable(actor=invitation.invited_by, unit=invitation.unit)


def attention_for(user) -> list[AttentionItem]:
    """Home-page items: invitations this person sent (or can manage) that are still waiting."""
    if not permissions.can_anywhere(user, Perm.INVITE):
        return []
    waiting = list(
        invitations_pending_for(user=user)
        .values("unit_id", "unit__name_en", "unit__name_cy")
        .annotate(count=Count("id"))
        .order_by("unit__name_en")[:10]
    )
    welsh = get_language() == "cy"
    return [
        AttentionItem(
            text=_("Invitations waiting for a reply in %(unit)s")
            % {"unit": (row["unit__name_cy"] if welsh else row["unit__name_en"])},
            href=reverse("organisations:unit", kwargs={"unit_id": row["unit_id"]}),
            count=row["count"],
        )
        for row in waiting
    ]

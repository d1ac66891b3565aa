"""The directory: health boards, planning groups, clusters and collaboratives (public to everyone
signed in), who holds which role in them (only within the reader's reach), and the unit pages."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import Http404

from arloesi.core import audit, permissions
from arloesi.organisations.models import (
    Invitation,
    Membership,
    OrganisationAccount,
    OrganisationUnit,
)
from arloesi.organisations.roles import Kind, Perm
from arloesi.organisations.selectors.memberships import (
    invitations_pending_for,
    membership_can_end,
    roles_grantable,
    units_within,
)


def health_board_list():
    """Every health board with its number of planning groups and clusters (one query)."""
    return (
        OrganisationUnit.objects.filter(kind=Kind.HEALTH_BOARD)
        .annotate(
            planning_group_count=Count("children", distinct=True),
            cluster_count=Count("children__children", distinct=True),
        )
        .order_by("name_en")
    )


def unit_get(*, unit_id: int) -> OrganisationUnit:
    try:
        return OrganisationUnit.objects.select_related("parent__parent__parent__parent").get(
            pk=unit_id
        )
    except OrganisationUnit.DoesNotExist:
        raise Http404 from None


def unit_ancestors(unit: OrganisationUnit) -> list[OrganisationUnit]:
    """Wales first, ``unit``'s parent last (uses the select_related chain of unit_get)."""
    ancestors = []
    current = unit.parent
    while current is not None:
        ancestors.append(current)
        current = current.parent if current.parent_id else None
    return list(reversed(ancestors))


def unit_children(unit: OrganisationUnit):
    """The units directly under ``unit``; clusters come with their collaboratives' count."""
    children = OrganisationUnit.objects.filter(parent=unit).order_by("name_en")
    if unit.kind == Kind.HEALTH_BOARD:
        children = children.prefetch_related(
            Prefetch("children", queryset=OrganisationUnit.objects.order_by("name_en"))
        )
    if unit.kind in (Kind.PLANNING_GROUP, Kind.HEALTH_BOARD):
        children = children.annotate(child_count=Count("children"))
    return children


PEOPLE_PER_PAGE = 50


def unit_people(*, user, unit: OrganisationUnit, page: str | int | None = None):
    """The people ``user`` may see in ``unit``, a page of 50 at a time, or None if none; each
    says whether the person's organisation account is linked (``linked``).

    A cluster or collaborative lists everyone in it; a health board or planning group lists the
    roles held at that unit itself (its clusters list their own people).
    """
    if not permissions.can(user, Perm.VIEW_PEOPLE, unit.path):
        return None
    if unit.kind in (Kind.CLUSTER, Kind.COLLABORATIVE):
        units = units_within(Perm.VIEW_PEOPLE, user=user, under=unit.path)
    else:
        units = [unit.pk]
    memberships = (
        Membership.objects.filter(unit__in=units, ended_at__isnull=True)
        .select_related("person", "unit")
        .annotate(linked=Exists(OrganisationAccount.objects.filter(person=OuterRef("person_id"))))
        .order_by("unit__name_en", "person__full_name", "pk")
    )
    people = Paginator(memberships, PEOPLE_PER_PAGE).get_page(page)
    # Whether the reader may end each role is decided here, so the page offers only that.
    people.object_list = list(people.object_list)
    for membership in people.object_list:
        membership.can_end = membership_can_end(actor=user, membership=membership)
    return people


def unit_search(*, query: str, kinds=(Kind.CLUSTER, Kind.PLANNING_GROUP)):
    query = query.strip()
    if not query:
        return OrganisationUnit.objects.none()
    return OrganisationUnit.objects.filter(
        Q(name_en__icontains=query) | Q(name_cy__icontains=query) | Q(local_alias__icontains=query),
        kind__in=kinds,
    ).order_by("name_en")[:50]


# --- Pages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitPage:
    unit: OrganisationUnit
    ancestors: list[OrganisationUnit]
    children: list[OrganisationUnit]
    people: object  # a page of memberships, or None when the reader may not see them
    invitations: list[Invitation]
    can_invite: bool
    can_view_history: bool


def unit_page(*, user, unit_id: int, page: str | int | None = None) -> UnitPage:
    """A unit of the directory as ``user`` may see it: its place in Wales, what is under it, and
    who holds which role there when they may see people."""
    unit = unit_get(unit_id=unit_id)
    return UnitPage(
        unit=unit,
        ancestors=unit_ancestors(unit),
        children=list(unit_children(unit)) if unit.kind != Kind.COLLABORATIVE else [],
        people=unit_people(user=user, unit=unit, page=page),
        invitations=list(
            invitations_pending_for(user=user, unit=unit).order_by("-created_at")[:50]
        ),
        can_invite=bool(roles_grantable(actor=user, unit=unit)),
        can_view_history=permissions.can(user, Perm.VIEW_HISTORY, unit.path),
    )


@dataclass(frozen=True)
class UnitHistoryPage:
    unit: OrganisationUnit
    events: list
    can_redact: bool


def unit_history_page(*, user, unit_id: int) -> UnitHistoryPage:
    """Every recorded change to a unit, its roles and its invitations (404 for anyone without
    ``organisations.view_history`` there)."""
    unit = unit_get(unit_id=unit_id)
    if not permissions.can(user, Perm.VIEW_HISTORY, unit.path):
        raise Http404
    events = audit.history_for(
        unit,
        including=(Membership.objects.filter(unit=unit), Invitation.objects.filter(unit=unit)),
    )
    return UnitHistoryPage(
        unit=unit, events=events, can_redact=permissions.can_anywhere(user, permissions.REDACT)
    )


def organisation_account_unlinkable(*, actor, membership: Membership) -> bool:
    """Whether ``actor`` may remove the link of the membership's person to their organisation's
    account: there is one, and ``actor`` may end this role of theirs."""
    return (
        membership_can_end(actor=actor, membership=membership)
        and OrganisationAccount.objects.filter(person_id=membership.person_id).exists()
    )

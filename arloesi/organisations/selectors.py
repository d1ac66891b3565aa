"""Reads of organisations, people and memberships, scoped to what the person may see.

The directory's structure (boards, planning groups, clusters, collaboratives) is public
knowledge and visible to every signed-in person; who holds which role is not, and is only
returned within the reader's reach (Perm.VIEW_PEOPLE).
"""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from arloesi.core import permissions
from arloesi.core.attention import AttentionItem
from arloesi.organisations.models import Invitation, Membership, OrganisationUnit
from arloesi.organisations.roles import Kind, Perm


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


def _units_within(user, permission: str, *, under: str | None = None):
    """The ids of the units within ``user``'s reach for ``permission`` (and under ``under``).

    Rows are then matched by their unit's id, not by a join on the unit's path: SQLite cannot
    use an index for a path prefix, and joining read every role (or invitation) in Wales to keep
    one cluster's; the units are ten times fewer, and PostgreSQL reads them from its path index.
    """
    units = OrganisationUnit.objects.filter(permissions.scope_q(user, permission, "path"))
    if under is not None:
        units = units.filter(path__startswith=under)
    return units.values("pk")


def unit_people(*, user, unit: OrganisationUnit, page: str | int | None = None):
    """The people ``user`` may see in ``unit``, a page of 50 at a time, or None if none.

    A cluster or collaborative lists everyone in it; a health board or planning group lists the
    roles held at that unit itself (its clusters list their own people).
    """
    if not permissions.can(user, Perm.VIEW_PEOPLE, unit.path):
        return None
    if unit.kind in (Kind.CLUSTER, Kind.COLLABORATIVE):
        units = _units_within(user, Perm.VIEW_PEOPLE, under=unit.path)
    else:
        units = [unit.pk]
    memberships = (
        Membership.objects.filter(unit__in=units, ended_at__isnull=True)
        .select_related("person", "unit")
        .order_by("unit__name_en", "person__full_name", "pk")
    )
    return Paginator(memberships, PEOPLE_PER_PAGE).get_page(page)


def invitations_pending_for(*, user, unit: OrganisationUnit | None = None):
    units = _units_within(user, Perm.INVITE, under=unit.path if unit is not None else None)
    return Invitation.objects.filter(
        status=Invitation.Status.PENDING, unit__in=units
    ).select_related("unit", "invited_by")


def invitation_get_for_user(*, user, invitation_id: int) -> Invitation:
    return permissions.get_for_user(
        Invitation.objects.select_related("unit"), user, Perm.INVITE, "unit__path", pk=invitation_id
    )


def membership_get_for_user(*, user, membership_id: int) -> Membership:
    return permissions.get_for_user(
        Membership.objects.select_related("unit", "person"),
        user,
        Perm.END_MEMBERSHIP,
        "unit__path",
        pk=membership_id,
    )


def unit_search(*, query: str, kinds=(Kind.CLUSTER, Kind.PLANNING_GROUP)):
    query = query.strip()
    if not query:
        return OrganisationUnit.objects.none()
    return OrganisationUnit.objects.filter(
        Q(name_en__icontains=query) | Q(name_cy__icontains=query) | Q(local_alias__icontains=query),
        kind__in=kinds,
    ).order_by("name_en")[:50]


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

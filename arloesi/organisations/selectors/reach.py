"""The reads other apps need: who holds a permission at a unit, the units where a person holds
one, a unit's planning group, a person by e-mail address. Nothing else reaches into the
organisations' models or re-implements role reach."""

from django.db.models import Q

from arloesi.core import permissions
from arloesi.organisations.models import (
    Membership,
    OrganisationUnit,
    Person,
)
from arloesi.organisations.roles import Kind


def _ancestor_paths(path: str) -> list[str]:
    """``/w1/hb2/pg3/`` → ``["/w1/", "/w1/hb2/", "/w1/hb2/pg3/"]``."""
    segments = [segment for segment in path.strip("/").split("/") if segment]
    return ["/" + "/".join(segments[: i + 1]) + "/" for i in range(len(segments))]


def people_holding(*, permission: str, unit: OrganisationUnit):
    """Active people whose roles give them ``permission`` at ``unit`` (core.permissions' rule,
    in SQL), by name."""
    from arloesi.organisations.roles import GRANTS, Reach

    grants = GRANTS.get(permission, {})
    unit_roles = [role for role, reach in grants.items() if reach == Reach.UNIT]
    cluster_roles = [role for role, reach in grants.items() if reach == Reach.CLUSTER]
    held = Q(role__in=unit_roles, unit__path__in=_ancestor_paths(unit.path))
    cluster = _path_of_kind(unit.path, Kind.CLUSTER)
    if cluster_roles and cluster:
        # A cluster-wide role held anywhere in the cluster reaches every unit in it.
        held |= Q(role__in=cluster_roles, unit__path__startswith=cluster)
    memberships = Membership.objects.filter(held, ended_at__isnull=True)
    return Person.objects.filter(is_active=True, pk__in=memberships.values("person")).order_by(
        "full_name", "id"
    )


def _path_of_kind(path: str, kind: str) -> str | None:
    """The path of the ``kind`` of unit that ``path`` lies in (or is), if any."""
    from arloesi.organisations.roles import KIND_PREFIX

    prefix = KIND_PREFIX[kind]
    for ancestor in _ancestor_paths(path):
        last = ancestor.rstrip("/").rsplit("/", 1)[-1]
        if last.startswith(prefix) and last[len(prefix) :].isdigit():
            return ancestor
    return None


def units_for(*, user, permission: str, kind: str) -> list[OrganisationUnit]:
    """The units of one kind where ``user`` holds ``permission`` (e.g. the collaboratives a
    person may write proposals for), by name."""
    return list(
        permissions.scoped(OrganisationUnit.objects.filter(kind=kind), user, permission, "path")
        .select_related("parent")
        .order_by("name_en", "id")
    )


def units_of_kind(
    *,
    kind: str,
    within: str = "/",
    query: str = "",
    exclude: tuple[int, ...] = (),
    limit: int = 200,
) -> list[OrganisationUnit]:
    """Units of one kind with their parent, by parent and name: those under ``within``, or,
    with a ``query``, those anywhere under it whose name or local name holds it. The directory
    is public knowledge to everyone signed in; at most ``limit`` are returned."""
    units = OrganisationUnit.objects.filter(kind=kind, path__startswith=within)
    query = query.strip()
    if query:
        units = units.filter(
            Q(name_en__icontains=query)
            | Q(name_cy__icontains=query)
            | Q(local_alias__icontains=query)
            | Q(parent__name_en__icontains=query)
            | Q(parent__name_cy__icontains=query)
        )
    return list(
        units.exclude(pk__in=exclude)
        .select_related("parent")
        .order_by("parent__name_en", "name_en", "id")[:limit]
    )


def unit_names(*, kind: str, within: str = "/") -> list[tuple[int, str, str, str]]:
    """(id, English name, Welsh name, path) of every unit of one kind under ``within``, by
    English name: for a filter's options (one query of plain values)."""
    return list(
        OrganisationUnit.objects.filter(kind=kind, path__startswith=within)
        .order_by("name_en", "id")
        .values_list("pk", "name_en", "name_cy", "path")
    )


def unit_of_kind(*, unit_id: int, kinds: tuple[str, ...]) -> OrganisationUnit | None:
    return OrganisationUnit.objects.filter(pk=unit_id, kind__in=kinds).first()


def planning_group_of(*, unit: OrganisationUnit) -> OrganisationUnit | None:
    """The pan-cluster planning group ``unit`` is in (or is), if any."""
    path = _path_of_kind(unit.path, Kind.PLANNING_GROUP)
    return OrganisationUnit.objects.filter(path=path).first() if path else None


def person_by_email(*, email: str):
    """The active person who signs in with ``email``, if any. Only for the services that must
    know (they never tell the person asking whether anyone was found)."""

    return Person.objects.filter(email__iexact=email.strip(), is_active=True).first()

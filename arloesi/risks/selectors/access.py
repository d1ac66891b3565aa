"""Who sees and keeps which register, decided once for every page and service.

A register belongs to a cluster, a pan-cluster planning group or a health board. Those holding
``risks.view`` over the unit read it; those holding ``risks.manage`` keep it. An escalated
entry is an entry of the next level's register, so that level's people see it on theirs.
Anything else is a 404: a guessed id reveals nothing.
"""

from django.db.models import QuerySet
from django.http import Http404

from arloesi.core import permissions
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.risks import matrix
from arloesi.risks.models import RiskEntry, RiskMatrixSettings
from arloesi.risks.permissions import Perm
from arloesi.risks.vocabulary import Status

REGISTER_KINDS = (Kind.CLUSTER, Kind.PLANNING_GROUP, Kind.HEALTH_BOARD)
# Where an entry goes when it escalates.
NEXT_LEVEL = {Kind.CLUSTER: Kind.PLANNING_GROUP, Kind.PLANNING_GROUP: Kind.HEALTH_BOARD}


def may_view(user, unit) -> bool:
    return permissions.can(user, Perm.VIEW, unit.path)


def may_manage(user, unit) -> bool:
    return permissions.can(user, Perm.MANAGE, unit.path)


def may_manage_now(user, entry: RiskEntry) -> bool:
    """Whether ``user`` may change the entry now: they keep its register and it is open."""
    return entry.status == Status.OPEN and may_manage(user, entry.unit)


def register_unit_get(*, user, unit_id: int, permission: str = Perm.VIEW):
    """The cluster, planning group or health board whose register ``user`` may open."""
    unit = organisations.unit_of_kind(unit_id=unit_id, kinds=REGISTER_KINDS)
    if unit is None or not permissions.can(user, permission, unit.path):
        raise Http404
    return unit


def entries_visible_to(*, user) -> QuerySet[RiskEntry]:
    return permissions.scoped(RiskEntry.objects.all(), user, Perm.VIEW, "unit__path")


def entry_get_for_user(*, user, entry_id: int) -> RiskEntry:
    """The entry, if ``user`` may read its register; otherwise 404."""
    entry = (
        entries_visible_to(user=user)
        .select_related("unit", "owner", "escalated_to__unit")
        .filter(pk=entry_id)
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def entry_for_change(*, user, entry_id: int) -> RiskEntry:
    """The entry, if ``user`` keeps its register (open or closed); otherwise 404."""
    entry = entry_get_for_user(user=user, entry_id=entry_id)
    if not may_manage(user, entry.unit):
        raise Http404
    return entry


def health_board_path(path: str) -> str | None:
    """``/w1/hb2/pg3/cl4/`` → ``/w1/hb2/``."""
    segments = [segment for segment in path.strip("/").split("/") if segment]
    for index, segment in enumerate(segments):
        if segment.startswith("hb") and segment[2:].isdigit():
            return "/" + "/".join(segments[: index + 1]) + "/"
    return None


def matrix_for(unit) -> matrix.RiskMatrix:
    """The risk matrix of the health board ``unit`` is in (the defaults without settings)."""
    board = health_board_path(unit.path)
    settings = (
        RiskMatrixSettings.objects.filter(health_board__path=board).first() if board else None
    )
    return settings.as_matrix() if settings else matrix.DEFAULT


def next_level_of(unit):
    """The unit whose register an entry of ``unit`` escalates to, if any."""
    kind = NEXT_LEVEL.get(unit.kind)
    if kind is None:
        return None
    return organisations.unit_of_kind(unit_id=unit.parent_id, kinds=(kind,))

"""Reads for what proposals are judged against: local priorities, intakes and their criteria.

The units come through the organisations app's front door; every function checks the reader's
permission on the unit it is given (404 otherwise) or filters through ``core.permissions``.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from arloesi.core import permissions
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.proposals.models import Criterion, Intake, LocalPriority, Score
from arloesi.proposals.permissions import Perm


def _unit_for(*, user, unit_id: int, permission: str, kinds: tuple[str, ...]):
    """The unit if it is of one of ``kinds`` and ``user`` holds ``permission`` there, else 404."""
    unit = organisations.unit_of_kind(unit_id=unit_id, kinds=kinds)
    if unit is None or not permissions.can(user, permission, unit.path):
        raise Http404
    return unit


def planning_group_for_chair(*, user, unit_id: int):
    return _unit_for(
        user=user, unit_id=unit_id, permission=Perm.DECIDE, kinds=(Kind.PLANNING_GROUP,)
    )


def planning_group_for_intake(*, user, unit_id: int):
    return _unit_for(
        user=user, unit_id=unit_id, permission=Perm.MANAGE_INTAKE, kinds=(Kind.PLANNING_GROUP,)
    )


def unit_for_priorities(*, user, unit_id: int):
    """A planning group or a cluster whose priorities ``user`` maintains."""
    return _unit_for(
        user=user,
        unit_id=unit_id,
        permission=Perm.MANAGE_PRIORITIES,
        kinds=(Kind.PLANNING_GROUP, Kind.CLUSTER),
    )


# --- Local priorities -------------------------------------------------------------------------


def priority_list_for_unit(*, unit) -> list[LocalPriority]:
    """Every priority the unit agreed, current and past, newest period first."""
    return list(LocalPriority.objects.filter(unit=unit).select_related("unit"))


def priority_list_for_planning_group(*, planning_group, on=None) -> list[LocalPriority]:
    """The current priorities of a planning group and of its clusters.

    Agreed priorities come from published plans, so any signed-in person may read them.
    """
    on = on or timezone.localdate()
    return list(
        LocalPriority.objects.filter(
            unit__path__startswith=planning_group.path, period_start__lte=on, period_end__gte=on
        )
        .select_related("unit")
        .order_by("unit__name_en", "title_en")
    )


def priority_get_for_user(*, user, priority_id: int) -> LocalPriority:
    return permissions.get_for_user(
        LocalPriority.objects.select_related("unit"),
        user,
        Perm.MANAGE_PRIORITIES,
        "unit__path",
        pk=priority_id,
    )


# --- Intakes and criteria ---------------------------------------------------------------------


def intake_current(*, planning_group, at=None) -> Intake | None:
    """The planning group's intake that is open now, if any."""
    at = at or timezone.now()
    return (
        Intake.objects.filter(planning_group=planning_group, opens_at__lte=at)
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=at))
        .order_by("-opens_at")
        .first()
    )


@dataclass(frozen=True)
class IntakePage:
    current: Intake | None
    # The intake whose criteria are shown: the open one, else the latest.
    shown: Intake | None
    criteria: list[Criterion]
    scored: bool
    past: list[Intake]


def intake_page_for(*, planning_group) -> IntakePage:
    intakes = list(Intake.objects.filter(planning_group=planning_group).order_by("-opens_at"))
    now = timezone.now()
    current = next((intake for intake in intakes if intake.is_open(now)), None)
    shown = current or (intakes[0] if intakes else None)
    criteria = list(shown.criteria.all()) if shown else []
    scored = bool(shown) and Score.objects.filter(criterion__intake=shown).exists()
    return IntakePage(
        current=current,
        shown=shown,
        criteria=criteria,
        scored=scored,
        past=[intake for intake in intakes if intake != shown],
    )


def intake_get_for_user(*, user, intake_id: int) -> Intake:
    return permissions.get_for_user(
        Intake.objects.select_related("planning_group"),
        user,
        Perm.MANAGE_INTAKE,
        "planning_group__path",
        pk=intake_id,
    )


def criterion_get_for_user(*, user, criterion_id: int) -> Criterion:
    return permissions.get_for_user(
        Criterion.objects.select_related("intake__planning_group"),
        user,
        Perm.MANAGE_INTAKE,
        "intake__planning_group__path",
        pk=criterion_id,
    )


def criteria_scored(*, intake: Intake) -> bool:
    return Score.objects.filter(criterion__intake=intake).exists()

"""Who may nominate, follow, decide and run a scale-up — decided here once, for pages and
services alike — and the scale-ups a person may see.

Who sees what: an approved scale-up (with or without conditions), its roll-out and its spread
table are seen by everyone signed in. One still being assessed, or declined or withdrawn, only
by those who may nominate the pilot (its team; its cluster's lead, planning group's chair and
health board's officers) and those who decide at its footprint.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from arloesi.core import permissions
from arloesi.learning.models import (
    RolloutSite,
    ScaleUp,
)
from arloesi.learning.permissions import Perm
from arloesi.learning.scaling import worth_scaling
from arloesi.learning.vocabulary import Footprint
from arloesi.learning.workflow import APPROVED_STATUSES, OPEN_STATUSES
from arloesi.projects import selectors as projects

PER_PAGE = 50
# Enough for ten times the clusters of Wales (the benchmark's largest scale).
MOST_CLUSTERS = 2000
_RELATED = ("project__lead_collaborative__parent", "target_unit", "nominated_by", "decided_by")


def signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


def decide_perm(footprint: str) -> str:
    if footprint == Footprint.HEALTH_BOARD:
        return Perm.DECIDE_HEALTH_BOARD_SCALE_UP
    return Perm.DECIDE_WALES_SCALE_UP


# --- Who may do what --------------------------------------------------------------------------


def may_nominate(user, project) -> bool:
    """The pilot's team, and its cluster's lead, planning group's chair and health board's
    officers (whether or not the pilot is worth scaling yet)."""
    return signed_in(user) and (
        permissions.can(user, Perm.NOMINATE_SCALE_UP, project.scope_path)
        or projects.on_team(user, project)
    )


def may_decide(user, scale_up: ScaleUp) -> bool:
    """A health-board scale-up: that board's officers; an all-Wales one: the national team."""
    return permissions.can(user, decide_perm(scale_up.footprint), scale_up.target_unit.path)


def may_follow(user, scale_up: ScaleUp) -> bool:
    """May see the scale-up whatever its status, and change its assessment while it is open."""
    return may_decide(user, scale_up) or may_nominate(user, scale_up.project)


def may_run_rollout(user, scale_up: ScaleUp) -> bool:
    """Naming the clusters of an approved scale-up and moving them on: those who decided at its
    footprint, and the pilot's team."""
    return scale_up.status in APPROVED_STATUSES and (
        may_decide(user, scale_up) or projects.on_team(user, scale_up.project)
    )


def scale_ups_visible_to(*, user) -> QuerySet[ScaleUp]:
    if not signed_in(user):
        return ScaleUp.objects.none()
    visible = Q(status__in=APPROVED_STATUSES) | Q(project__in=projects.team_projects_of(user=user))
    if permissions.can_anywhere(user, Perm.NOMINATE_SCALE_UP):
        visible |= permissions.scope_q(
            user, Perm.NOMINATE_SCALE_UP, "project__lead_collaborative__path"
        )
    for footprint in Footprint:
        perm = decide_perm(footprint)
        if permissions.can_anywhere(user, perm):
            visible |= Q(footprint=footprint) & permissions.scope_q(user, perm, "target_unit__path")
    return ScaleUp.objects.filter(visible)


def scale_up_get_for_user(*, user, scale_up_id: int) -> ScaleUp:
    """The scale-up, if ``user`` may see it; otherwise 404 (a guessed id reveals nothing)."""
    scale_up = (
        scale_ups_visible_to(user=user).select_related(*_RELATED).filter(pk=scale_up_id).first()
    )
    if scale_up is None:
        raise Http404
    return scale_up


def scale_up_for_follower(*, user, scale_up_id: int) -> ScaleUp:
    """The scale-up, for someone who may follow it (its assessment, withdrawing it)."""
    scale_up = scale_up_get_for_user(user=user, scale_up_id=scale_up_id)
    if not may_follow(user, scale_up):
        raise Http404
    return scale_up


def scale_up_for_decider(*, user, scale_up_id: int) -> ScaleUp:
    scale_up = scale_up_get_for_user(user=user, scale_up_id=scale_up_id)
    if not may_decide(user, scale_up):
        raise Http404
    return scale_up


def scale_up_for_rollout(*, user, scale_up_id: int) -> ScaleUp:
    scale_up = scale_up_get_for_user(user=user, scale_up_id=scale_up_id)
    if not may_run_rollout(user, scale_up):
        raise Http404
    return scale_up


def site_for_rollout(*, user, scale_up_id: int, site_id: int) -> RolloutSite:
    scale_up = scale_up_for_rollout(user=user, scale_up_id=scale_up_id)
    site = (
        RolloutSite.objects.filter(scale_up=scale_up, pk=site_id).select_related("cluster").first()
    )
    if site is None:
        raise Http404
    site.scale_up = scale_up
    return site


def open_scale_up_of(*, project_id: int, footprint: str) -> ScaleUp | None:
    """The project's scale-up to ``footprint`` still being assessed or decided, if any (a
    health board and the national team decide independently, so a pilot may wait for both)."""
    return ScaleUp.objects.filter(
        project_id=project_id, footprint=footprint, status__in=OPEN_STATUSES
    ).first()


def project_for_nomination(*, user, project_id: int):
    """The pilot, if ``user`` may nominate it and it is worth scaling; otherwise 404."""
    project = projects.project_get_for_user(user=user, project_id=project_id)
    if not (may_nominate(user, project) and worth_scaling(project.status, project.outcome)):
        raise Http404
    return project

"""Reads of projects. The schedule, dashboards and project pages arrive with the projects issue;
for now: which project a proposal started, who may see and change a project (decided here once,
for every page that shows one — its driver diagram first), and the diagram owner for projects.

Who sees a project: its team, wherever they work, and those holding ``projects.view`` over its
lead collaborative (the cluster's practitioners and leads, the planning group, the health
board's officers, the national team). Who changes it: its team, and the lead collaborative's and
its cluster's leads (``projects.manage``).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from arloesi.core import permissions
from arloesi.core.jinja import url
from arloesi.diagrams.owners import OwnerAccess, OwnerSummary
from arloesi.organisations import selectors as organisations
from arloesi.projects.models import PdsaCycle, Project, ProjectTeamMember
from arloesi.projects.permissions import Perm
from arloesi.projects.vocabulary import Stage


def project_for_proposal(*, proposal_id: int) -> Project | None:
    """The project a proposal started, if any (callers have already checked the reader may see
    the proposal)."""
    return Project.objects.filter(proposal_id=proposal_id).select_related("evaluation_plan").first()


def projects_for_proposals(*, proposal_ids) -> dict[int, Project]:
    """The projects some proposals started (ids, or a subquery of them), by proposal id, in one
    query (callers decide what of them the reader may see: a learning record's spread shows
    only their stage)."""
    ids = proposal_ids if isinstance(proposal_ids, QuerySet) else list(proposal_ids)
    return {
        project.proposal_id: project
        for project in Project.objects.filter(proposal_id__in=ids).select_related(
            "lead_collaborative__parent"
        )
    }


def _signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


def team_projects_of(*, user) -> QuerySet:
    """The ids of the projects ``user`` is on the team of, as a subquery (none when signed
    out): for a later app's list of what a project's team may see."""
    if not _signed_in(user):
        return Project.objects.none().values("pk")
    return ProjectTeamMember.objects.filter(person=user).values("project")


def projects_visible_to(*, user) -> QuerySet[Project]:
    if not _signed_in(user):
        return Project.objects.none()
    visible = Q(pk__in=ProjectTeamMember.objects.filter(person=user).values("project"))
    if permissions.can_anywhere(user, Perm.VIEW):
        visible |= Q(lead_collaborative__in=organisations.units_within(Perm.VIEW, user=user))
    return Project.objects.filter(visible)


def project_get_for_user(*, user, project_id: int) -> Project:
    """The project, if ``user`` may see it; otherwise 404 (a guessed id reveals nothing)."""
    project = (
        projects_visible_to(user=user)
        .select_related("lead_collaborative", "planning_group")
        .filter(pk=project_id)
        .first()
    )
    if project is None:
        raise Http404
    return project


def cycle_get_for_user(*, user, cycle_id: int) -> PdsaCycle:
    """The PDSA cycle, if ``user`` may see its project; otherwise 404."""
    cycle = (
        PdsaCycle.objects.filter(project__in=projects_visible_to(user=user))
        .select_related("project", "ramp", "owner")
        .filter(pk=cycle_id)
        .first()
    )
    if cycle is None:
        raise Http404
    return cycle


def on_team(user, project: Project) -> bool:
    return (
        _signed_in(user) and ProjectTeamMember.objects.filter(project=project, person=user).exists()
    )


def may_change(user, project: Project) -> bool:
    """Whether ``user`` works on the project: its team and its leads (closed or not)."""
    return on_team(user, project) or permissions.can(user, Perm.MANAGE, project.scope_path)


def stale_before() -> datetime:
    """A project not closed whose last progress update is older than this is stale
    (``PROJECT_STALE_AFTER_DAYS``)."""
    return timezone.now() - timedelta(days=settings.PROJECT_STALE_AFTER_DAYS)


def may_change_now(user, project: Project) -> bool:
    """Whether ``user`` may change the project now: they work on it and it is not closed (a
    closed project is final). Pages offer a change only when this is true; services refuse it
    otherwise (``services.rules.require_change``)."""
    return project.status != Stage.CLOSED and may_change(user, project)


def project_url(project_id: int) -> str:
    return url("projects:detail", project_id=project_id)


class ProjectDiagrams:
    """A project's driver diagram: seen by whoever sees the project, changed by its team and
    leads (``diagrams.owners``)."""

    kind = "project"

    def access(self, *, user, owner_id: int) -> OwnerAccess | None:
        project = (
            projects_visible_to(user=user)
            .select_related("lead_collaborative")
            .filter(pk=owner_id)
            .first()
        )
        if project is None:
            return None
        return OwnerAccess(
            title=project.title,
            url=project_url(project.pk),
            may_view=True,
            may_edit=may_change(user, project),
        )

    def visible(self, *, user) -> QuerySet:
        return projects_visible_to(user=user).values("pk")

    def summaries(self, *, ids) -> dict[int, OwnerSummary]:
        return {
            project.pk: OwnerSummary(title=project.title, url=project_url(project.pk))
            for project in Project.objects.filter(pk__in=list(ids)).only("title")
        }

"""What the pages of running a project show, each in a fixed number of queries: the project's
page (its record, stage and RAG status with their histories, team, plan, conditions,
milestones, latest updates, driver diagram, evaluation plan and PDSA cycles), its history of
changes, and the projects a person works on ("My projects").

A project is stale when nobody has written a progress update for
``settings.PROJECT_STALE_AFTER_DAYS`` days (a closed project never is); a milestone is overdue
when its due date has passed and it is not done.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.utils import timezone

from arloesi.core import audit, permissions
from arloesi.diagrams import selectors as diagrams
from arloesi.projects import cycles as cycle_states
from arloesi.projects import links
from arloesi.projects.models import (
    Milestone,
    PdsaCycle,
    ProgressUpdate,
    Project,
    ProjectCondition,
    ProjectEvaluationPlan,
    ProjectSponsor,
    ProjectTeamMember,
    RagChange,
    Ramp,
)
from arloesi.projects.selectors.access import (
    may_change,
    may_change_now,
    projects_visible_to,
    stale_before,
)
from arloesi.projects.vocabulary import CycleState, Stage
from arloesi.projects.workflow import PROJECT_WORKFLOW

# How many of the latest progress updates the project's page shows.
LATEST_UPDATES = 5


def is_stale(project: Project) -> bool:
    return project.status != Stage.CLOSED and project.last_update_at < stale_before()


@dataclass(frozen=True)
class MilestoneRow:
    milestone: Milestone
    overdue: bool


@dataclass(frozen=True)
class CycleRow:
    cycle: PdsaCycle
    state: str
    state_label: str


@dataclass(frozen=True)
class RampRow:
    """A ramp (a change idea tested in a series of cycles), or None for cycles in no ramp."""

    ramp: Ramp | None
    cycles: list[CycleRow]


@dataclass(frozen=True)
class ProjectPage:
    project: Project
    may_change: bool
    closed: bool
    stale: bool
    stale_after_days: int
    stage_changes: list
    stage_labels: dict[str, str]
    next_stages: list[tuple[str, str]]
    rag_changes: list[RagChange]
    team: list[ProjectTeamMember]
    lead: Any
    sponsors: list[ProjectSponsor]
    priorities: list
    conditions: list[ProjectCondition]
    open_conditions: int
    milestones: list[MilestoneRow]
    updates: list[ProgressUpdate]
    evaluation_plan: ProjectEvaluationPlan | None
    diagram: Any
    ramps: list[RampRow]
    # What other apps keep about the project (its measures, its tasks): (label, address).
    links: list[tuple[str, str]]


def project_page(*, user, project: Project) -> ProjectPage:
    """Everything the project's page shows (``project`` from ``project_get_for_user``)."""
    today = timezone.localdate()
    team = team_of(project=project)
    changer = any(member.person_id == user.pk for member in team) or may_change(user, project)
    closed = project.status == Stage.CLOSED
    conditions = list(ProjectCondition.objects.filter(project=project).select_related("closed_by"))
    return ProjectPage(
        project=project,
        may_change=changer and not closed,
        closed=closed,
        stale=is_stale(project),
        stale_after_days=settings.PROJECT_STALE_AFTER_DAYS,
        stage_changes=list(project.stage_changes.select_related("actor").order_by("at", "id")),
        stage_labels={value: str(label) for value, label in Stage.choices},
        next_stages=next_stages(project=project),
        rag_changes=list(
            RagChange.objects.filter(project=project).select_related("actor").order_by("-at", "-id")
        ),
        team=team,
        lead=next((member.person for member in team if member.is_lead), None),
        sponsors=list(
            ProjectSponsor.objects.filter(project=project).select_related("collaborative__parent")
        ),
        priorities=list(project.priorities.order_by("title_en")),
        conditions=conditions,
        open_conditions=sum(1 for c in conditions if c.closed_at is None),
        milestones=milestones_of(project=project),
        updates=list(
            ProgressUpdate.objects.filter(project=project).select_related("author")[:LATEST_UPDATES]
        ),
        evaluation_plan=ProjectEvaluationPlan.objects.filter(project=project).first(),
        diagram=diagrams.diagram_of(kind="project", owner_id=project.pk),
        ramps=_ramps(project, today),
        links=links.for_project(project),
    )


def _ramps(project: Project, today: date) -> list[RampRow]:
    """The project's ramps, each with its cycles in order, in two queries."""
    labels = dict(CycleState.choices)
    by_ramp: dict[int | None, list[CycleRow]] = {}
    for cycle in (
        PdsaCycle.objects.filter(project=project)
        .only(
            "pk", "ramp_id", "number", "title", "planned_start_on", "planned_end_on", "completed_at"
        )
        .order_by("number", "planned_start_on", "pk")
    ):
        state = cycle_states.state(
            planned_start_on=cycle.planned_start_on,
            planned_end_on=cycle.planned_end_on,
            completed=cycle.completed_at is not None,
            today=today,
        )
        by_ramp.setdefault(cycle.ramp_id, []).append(CycleRow(cycle, state, labels[state]))
    rows = [
        RampRow(ramp, by_ramp.get(ramp.pk, []))
        for ramp in Ramp.objects.filter(project=project).only("pk", "change_idea")
    ]
    if None in by_ramp:
        rows.append(RampRow(None, by_ramp[None]))
    return rows


@dataclass(frozen=True)
class HistoryPage:
    events: list
    show_values: bool
    can_redact: bool


def history_page(*, user, project: Project) -> HistoryPage:
    """Everyone who may see the project sees who changed what, and when; the values before and
    after only those who may change it, and administrators (who can remove a value written by
    mistake)."""
    administrator = permissions.can_anywhere(user, permissions.REDACT)
    show_values = may_change(user, project) or administrator
    events = audit.history_for(
        project,
        including=(
            ProjectEvaluationPlan.objects.filter(project=project),
            ProjectTeamMember.objects.filter(project=project),
            ProjectSponsor.objects.filter(project=project),
            ProjectCondition.objects.filter(project=project),
            Milestone.objects.filter(project=project),
            ProgressUpdate.objects.filter(project=project),
            RagChange.objects.filter(project=project),
        ),
        show_values=show_values,
    )
    return HistoryPage(
        events=events, show_values=show_values, can_redact=show_values and administrator
    )


@dataclass(frozen=True)
class MyProject:
    project: Project
    leads: bool
    stale: bool
    next_milestone_title: str
    next_milestone_due: date | None
    next_milestone_overdue: bool


def my_projects(*, user) -> list[MyProject]:
    """The projects ``user`` is on the team of (leading or not), open ones first, each with its
    next milestone not yet done; one query."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = timezone.localdate()
    next_open = Milestone.objects.filter(project=OuterRef("pk"), done_on__isnull=True).order_by(
        "due_on", "pk"
    )
    projects = (
        Project.objects.filter(team__person=user)
        .only("pk", "title", "status", "rag", "last_update_at", "planned_end_on")
        .annotate(
            leads=Exists(
                ProjectTeamMember.objects.filter(project=OuterRef("pk"), person=user, is_lead=True)
            ),
            next_title=Subquery(next_open.values("title")[:1]),
            next_due=Subquery(next_open.values("due_on")[:1]),
        )
        .order_by("-started_at", "-pk")
    )
    rows = [
        MyProject(
            project=p,
            leads=p.leads,
            stale=is_stale(p),
            next_milestone_title=p.next_title or "",
            next_milestone_due=p.next_due,
            next_milestone_overdue=p.next_due is not None and p.next_due < today,
        )
        for p in projects
    ]
    return sorted(rows, key=lambda row: row.project.status == Stage.CLOSED)


def milestone_of(*, project: Project, milestone_id: int) -> Milestone:
    """One of the project's milestones (``project`` already checked for ``user``), else 404."""
    milestone = Milestone.objects.filter(project=project, pk=milestone_id).first()
    if milestone is None:
        raise Http404
    milestone.project = project
    return milestone


def milestones_of(*, project: Project) -> list[MilestoneRow]:
    """The project's milestones in their order, each saying whether it is overdue (``project``
    already checked for the reader): the list the project's page shows."""
    today = timezone.localdate()
    return [
        MilestoneRow(m, overdue=m.done_on is None and m.due_on < today)
        for m in Milestone.objects.filter(project=project)
    ]


def condition_of(*, project: Project, condition_id: int) -> ProjectCondition:
    """One of the project's conditions of approval, else 404."""
    condition = ProjectCondition.objects.filter(project=project, pk=condition_id).first()
    if condition is None:
        raise Http404
    condition.project = project
    return condition


def project_visible(*, user, project_id: int) -> bool:
    return projects_visible_to(user=user).filter(pk=project_id).exists()


def project_for_change(*, user, project_id: int) -> Project:
    """The project, if ``user`` may change it (its team and leads): the pages of its forms.
    Anyone else gets 404, as for a project they may not see."""
    project = (
        projects_visible_to(user=user)
        .select_related("lead_collaborative")
        .filter(pk=project_id)
        .first()
    )
    if project is None or not may_change_now(user, project):
        raise Http404
    return project


def team_of(*, project: Project) -> list[ProjectTeamMember]:
    return list(
        ProjectTeamMember.objects.filter(project=project)
        .select_related("person")
        .order_by("-is_lead", "person__full_name", "pk")
    )


def next_stages(*, project: Project) -> list[tuple[str, str]]:
    """The stages the project may move to from where it is (none once closed)."""
    return [(stage, Stage(stage).label) for stage in PROJECT_WORKFLOW.targets(project.status)]


def evaluation_plan_of(*, project_id: int) -> ProjectEvaluationPlan | None:
    """The project's evaluation plan as its team keeps it (callers have checked the reader may
    see the project)."""
    return ProjectEvaluationPlan.objects.filter(project_id=project_id).first()

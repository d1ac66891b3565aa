"""Writes to projects. Every write is audited (core.audit)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from arloesi.core import audit, permissions
from arloesi.projects.models import Project, ProjectEvaluationPlan, ProjectTeamMember
from arloesi.projects.permissions import Perm

EVALUATION_PLAN_FIELDS = frozenset(
    {"objectives", "baseline", "success_measures", "approach", "timescale", "evaluator"}
)


@transaction.atomic
def project_start(
    *,
    actor,
    proposal_id: int,
    title: str,
    lead_collaborative,
    planning_group,
    conditions: str = "",
    evaluation_plan: dict[str, str] | None = None,
    team=(),
    lead=None,
) -> Project:
    """Start the project an approval starts, as a pilot, with a copy of what was agreed.

    Called by the proposals app's decision service, inside its transaction; the actor is the
    planning group's chair who approved it. ``team``: the people who will do it (the proposal's
    authors), ``lead`` among them. Starting it again returns the project already there.
    """
    if not permissions.can(actor, Perm.START, planning_group.path):
        raise PermissionDenied
    existing = Project.objects.filter(proposal_id=proposal_id).first()
    if existing is not None:
        return existing
    project = audit.create(
        Project,
        actor=actor,
        proposal_id=proposal_id,
        title=title,
        lead_collaborative=lead_collaborative,
        planning_group=planning_group,
        conditions=conditions,
        started_by=actor,
    )
    plan = {k: v for k, v in (evaluation_plan or {}).items() if k in EVALUATION_PLAN_FIELDS}
    audit.create(ProjectEvaluationPlan, actor=actor, project=project, **plan)
    for person in team:
        audit.create(
            ProjectTeamMember,
            actor=actor,
            project=project,
            person=person,
            is_lead=person == lead,
        )
    return project

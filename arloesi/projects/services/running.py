"""Writes that run a project: starting it from an approval. Every write is audited
(core.audit)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from arloesi.core import audit, permissions
from arloesi.projects.models import (
    Project,
    ProjectCondition,
    ProjectEvaluationPlan,
    ProjectSponsor,
    ProjectTeamMember,
)
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
    sponsors=(),
    priority_ids=(),
) -> Project:
    """Start the project an approval starts, as a pilot, with a copy of what was agreed.

    Called by the proposals app's decision service, inside its transaction; the actor is the
    planning group's chair who approved it. ``team``: the people who will do it (the proposal's
    authors), ``lead`` among them; ``sponsors``: the collaboratives that sponsored it;
    ``priority_ids``: the local priorities it answers. Each paragraph (or line) of the
    conditions becomes an item the project must close. Starting it again returns the project
    already there.
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
    if priority_ids:
        project.priorities.set(list(priority_ids))
    for person in team:
        audit.create(
            ProjectTeamMember,
            actor=actor,
            project=project,
            person=person,
            is_lead=person == lead,
        )
    for collaborative in sponsors:
        audit.create(ProjectSponsor, actor=actor, project=project, collaborative=collaborative)
    for position, text in enumerate(condition_items(conditions)):
        audit.create(ProjectCondition, actor=actor, project=project, text=text, position=position)
    return project


def condition_items(conditions: str) -> list[str]:
    """The separate conditions in the chair's text: one per line, bullets and numbers left out."""
    items = []
    for line in conditions.splitlines():
        text = line.strip().lstrip("-*•").strip()
        head, dot, rest = text.partition(".")
        if dot and head.isdigit():
            text = rest.strip()
        if text:
            items.append(text)
    return items

"""Writes that run a project: starting it from an approval, then its plan (dates and lead), its
RAG status, its stage, its milestones, its progress updates and the conditions it must close.

Every write is audited (core.audit) and asks ``selectors.may_change`` first (its team and its
leads), the same predicate the project's page asks before it shows a button. A closed project is
final: nothing of it changes any more.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit, permissions
from arloesi.core.services import status_change
from arloesi.projects.models import (
    Milestone,
    ProgressUpdate,
    Project,
    ProjectCondition,
    ProjectEvaluationPlan,
    ProjectSponsor,
    ProjectStageChange,
    ProjectTeamMember,
    RagChange,
)
from arloesi.projects.permissions import Perm
from arloesi.projects.selectors import may_change
from arloesi.projects.services.rules import require_change
from arloesi.projects.vocabulary import Outcome, Rag, Stage
from arloesi.projects.workflow import PROJECT_WORKFLOW

# A progress update is short: a few sentences people read on the project's page.
UPDATE_MAX_LENGTH = 2000

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


def _locked(project: Project) -> Project:
    return Project.objects.select_for_update().get(pk=project.pk)


@transaction.atomic
def project_plan_update(
    *,
    actor,
    project: Project,
    expected_version: int,
    starts_on: date | None,
    planned_end_on: date | None,
    lead_id: int | None = None,
) -> Project:
    """The project's start and planned end dates, and who of its team leads it."""
    require_change(actor, project)
    if starts_on and planned_end_on and planned_end_on < starts_on:
        raise ValidationError(
            {"planned_end_on": _("The planned end date must be on or after the start date")}
        )
    team = {m.person_id: m for m in ProjectTeamMember.objects.filter(project=project)}
    if lead_id is not None and lead_id not in team:
        raise ValidationError({"lead": _("Select someone on the project’s team to lead it")})
    project = audit.update(
        project,
        actor=actor,
        expected_version=expected_version,
        starts_on=starts_on,
        planned_end_on=planned_end_on,
    )
    leads = {pk for pk, member in team.items() if member.is_lead}
    if lead_id is not None and leads != {lead_id}:
        if project.version == expected_version:
            # Only the lead changed: move the version on all the same, so that two people
            # choosing a lead at once do not both succeed unseen.
            moved = Project.objects.filter(pk=project.pk, version=expected_version).update(
                version=F("version") + 1
            )
            if not moved:
                raise audit.ConcurrentEditError(Project.objects.filter(pk=project.pk).first())
            project.version += 1
        for person_id, member in team.items():
            if member.is_lead != (person_id == lead_id):
                audit.update(member, actor=actor, is_lead=person_id == lead_id)
    return project


@transaction.atomic
def project_rag_change(
    *, actor, project: Project, expected_version: int, rag: str, reason: str
) -> Project:
    """Give the project a RAG status, with the reason — every time (kept as a ``RagChange``)."""
    require_change(actor, project)
    if rag not in Rag.values:
        raise ValidationError({"rag": _("Select red, amber or green")})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Enter the reason for the RAG status")})
    before = project.rag
    now = timezone.now()
    project = audit.update(
        project,
        actor=actor,
        expected_version=expected_version,
        rag=rag,
        rag_reason=reason,
        rag_changed_at=now,
    )
    audit.create(
        RagChange, actor=actor, project=project, at=now, from_rag=before, to_rag=rag, reason=reason
    )
    return project


@transaction.atomic
def project_stage_move(
    *,
    actor,
    project: Project,
    to_stage: str,
    from_stage: str,
    reason: str = "",
    outcome: str = "",
    outcome_reasons: str = "",
) -> Project:
    """Move the project to its next stage (``PROJECT_WORKFLOW``). ``from_stage`` is the stage the
    person saw: if someone moved it meanwhile, nothing happens. Closing needs the outcome and
    its reasons; closed is final."""
    if not may_change(actor, project):
        raise PermissionDenied
    project = _locked(project)
    if project.status != from_stage:
        raise audit.ConcurrentEditError(project)
    PROJECT_WORKFLOW.transition(project.status, to_stage)
    outcome_reasons = (outcome_reasons or "").strip()
    if to_stage == Stage.CLOSED:
        errors = {}
        if outcome not in Outcome.values:
            errors["outcome"] = _("Select how the project ended")
        if not outcome_reasons:
            errors["outcome_reasons"] = _("Enter the reasons for the outcome")
        if errors:
            raise ValidationError(errors)
    project = status_change(
        project,
        workflow=PROJECT_WORKFLOW,
        change_model=ProjectStageChange,
        to_status=to_stage,
        actor=actor,
        reason=(reason or "").strip(),
        subject_field="project",
    )
    if to_stage == Stage.CLOSED:
        project = audit.update(
            project, actor=actor, outcome=outcome, outcome_reasons=outcome_reasons
        )
    return project


@transaction.atomic
def progress_update_add(*, actor, project: Project, text: str) -> ProgressUpdate:
    """A short note of how the project is going, kept with the RAG status it had then. The
    project is no longer stale."""
    require_change(actor, project)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write how the project is going")})
    if len(text) > UPDATE_MAX_LENGTH:
        raise ValidationError(
            {"text": _("Keep the update to %(limit)s characters or fewer") % {"limit": "2,000"}}
        )
    now = timezone.now()
    update = audit.create(
        ProgressUpdate, actor=actor, project=project, at=now, author=actor, text=text,
        rag=project.rag,
    )  # fmt: skip
    # The update itself is the record; moving the date does not move the version the plan's
    # and the RAG status's forms are guarded by (no false "someone else changed it").
    Project.objects.filter(pk=project.pk).update(last_update_at=now)
    project.last_update_at = now
    return update


def _require_done_by_today(done_on: date | None) -> None:
    if done_on is not None and done_on > timezone.localdate():
        raise ValidationError({"done_on": _("The date done must be today or in the past")})


@transaction.atomic
def milestone_add(*, actor, project: Project, title: str, due_on: date) -> Milestone:
    require_change(actor, project)
    return audit.create(Milestone, actor=actor, project=project, title=title, due_on=due_on)


@transaction.atomic
def milestone_update(
    *,
    actor,
    milestone: Milestone,
    expected_version: int,
    title: str,
    due_on: date,
    done_on: date | None = None,
) -> Milestone:
    """Change a milestone's title and due date, and the date it was done (empty: not done)."""
    require_change(actor, milestone.project)
    _require_done_by_today(done_on)
    return audit.update(
        milestone,
        actor=actor,
        expected_version=expected_version,
        title=title,
        due_on=due_on,
        done_on=done_on,
    )


@transaction.atomic
def milestone_done(
    *, actor, milestone: Milestone, expected_version: int, done: bool = True
) -> Milestone:
    """Mark a milestone done today (or, ``done=False``, not done after all)."""
    require_change(actor, milestone.project)
    return audit.update(
        milestone,
        actor=actor,
        expected_version=expected_version,
        done_on=timezone.localdate() if done else None,
    )


@transaction.atomic
def milestone_remove(*, actor, milestone: Milestone) -> None:
    require_change(actor, milestone.project)
    audit.delete(milestone, actor=actor)


@transaction.atomic
def condition_close(
    *, actor, condition: ProjectCondition, expected_version: int, how_met: str
) -> ProjectCondition:
    """Close a condition of approval, saying how it was met."""
    require_change(actor, condition.project)
    how_met = (how_met or "").strip()
    if not how_met:
        raise ValidationError({"how_met": _("Enter how the condition was met")})
    return audit.update(
        condition,
        actor=actor,
        expected_version=expected_version,
        how_met=how_met,
        closed_at=timezone.now(),
        closed_by=actor,
    )


@transaction.atomic
def condition_reopen(
    *, actor, condition: ProjectCondition, expected_version: int
) -> ProjectCondition:
    """Open a closed condition again (how it was met stays on its history)."""
    require_change(actor, condition.project)
    return audit.update(
        condition,
        actor=actor,
        expected_version=expected_version,
        how_met="",
        closed_at=None,
        closed_by=None,
    )

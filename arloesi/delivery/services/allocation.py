"""Writes for prioritisation and allocation: a lead's override, proposing a run, deciding on it.

Nothing is allocated when a run is proposed: its lines wait for the cluster lead, who accepts
(keeping or dropping lines, and confirming which tasks are not accommodated) or rejects it.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.core.services import status_change
from arloesi.delivery import capacity
from arloesi.delivery.allocation import Decision, allocate, year_and_month
from arloesi.delivery.allocation.scoring import Weights
from arloesi.delivery.models import AllocationLine, AllocationRun, AllocationRunStatusChange, Task
from arloesi.delivery.runs import RUN_WORKFLOW, RunStatus
from arloesi.delivery.selectors.allocation import allocation_inputs, weights_row
from arloesi.delivery.services import unaccommodated
from arloesi.delivery.services.rules import require_manage
from arloesi.risks import selectors as risks

MAX_MONTHS = 36


def _month_text(month: int) -> str:
    year, number = year_and_month(month)
    return date(year, number, 1).isoformat()


def _line(run: AllocationRun, decision: Decision) -> AllocationLine:
    reasons = []
    for reason in decision.reasons:
        row = {"code": str(reason.code)}
        if reason.skill:
            row["skill"] = reason.skill
        if reason.hours_needed or reason.hours_free:
            row["hours_needed"], row["hours_free"] = reason.hours_needed, reason.hours_free
        if reason.first_month is not None:
            row["first_month"] = _month_text(reason.first_month)
            row["last_month"] = _month_text(reason.last_month)
        if reason.task_ids:
            row["task_ids"] = list(reason.task_ids)
        if reason.holder:
            row["holder"] = list(reason.holder)
        reasons.append(row)
    return AllocationLine(
        run=run,
        task_id=decision.task_id,
        position=decision.position,
        score=decision.placed_by_score,
        allocated=decision.allocated,
        hours=[
            {
                "holder": list(a.holder),
                "skill": a.skill,
                "month": _month_text(a.month),
                "hours": a.hours,
            }
            for a in decision.assignments
        ],
        reasons=reasons,
        gap=decision.gap_by_skill(),
        kept=decision.allocated,
    )


@transaction.atomic
def allocation_propose(
    *, actor, cluster, first_month: date, last_month: date, weights: Weights
) -> AllocationRun:
    """Rank the cluster's open tasks and propose who does what in the months, for the lead."""
    require_manage(actor, cluster)
    first_month, last_month = capacity.month_of(first_month), capacity.month_of(last_month)
    if last_month < first_month:
        raise ValidationError({"last_month": _("The last month must not be before the first")})
    if len(capacity.months_between(first_month, last_month)) > MAX_MONTHS:
        raise ValidationError({"last_month": _("Allocate at most 36 months at a time")})
    inputs = allocation_inputs(
        cluster=cluster, first_month=first_month, last_month=last_month, weights=weights
    )
    result = allocate(inputs.to_place, inputs.holders, inputs.offers)
    run = audit.create(
        AllocationRun,
        actor=actor,
        cluster=cluster,
        first_month=first_month,
        last_month=last_month,
        proposed_by=actor,
        **weights_row(weights),
    )
    AllocationLine.objects.bulk_create([_line(run, d) for d in result.decisions])
    AllocationRunStatusChange.objects.create(
        run=run, actor=actor, to_status=RunStatus.PROPOSED, reason=""
    )
    return run


def _assignee(line: AllocationLine) -> tuple[str, int] | None:
    """The person or group giving the most hours to the line (offers are not assignees)."""
    totals: dict[tuple[str, int], int] = {}
    for row in line.hours:
        holder = tuple(row["holder"])
        if holder[0] in ("person", "group"):
            totals[holder] = totals.get(holder, 0) + row["hours"]
    if not totals:
        return None
    return min(totals, key=lambda h: (-totals[h], h))


@transaction.atomic
def allocation_accept(
    *,
    actor,
    run: AllocationRun,
    kept_line_ids: set[int],
    unaccommodated_line_ids: set[int],
    note: str = "",
) -> AllocationRun:
    """Accept the run: the allocated lines kept give their tasks an assignee (when they have
    none); the rest are dropped; the tasks not allocated and confirmed are marked so."""
    require_manage(actor, run.cluster)
    if unaccommodated_line_ids and not risks.may_manage(actor, run.cluster):
        raise ValidationError(
            {
                "unaccommodated": _(
                    "Only those who keep the cluster’s risk register can put tasks on it"
                )
            }
        )
    status_change(
        run,
        workflow=RUN_WORKFLOW,
        change_model=AllocationRunStatusChange,
        to_status=RunStatus.ACCEPTED,
        actor=actor,
        reason=note,
        subject_field="run",
    )
    lines = list(run.lines.select_related("task", "task__change_idea__diagram"))
    for line in lines:
        line.run = run
        kept = line.allocated and line.pk in kept_line_ids
        confirmed = not line.allocated and line.pk in unaccommodated_line_ids
        if (kept, confirmed) != (line.kept, line.confirmed_unaccommodated):
            audit.update(line, actor=actor, kept=kept, confirmed_unaccommodated=confirmed)
        if not kept:
            continue
        task: Task = line.task
        holder = _assignee(line)
        if holder is None or task.assigned_person_id or task.assigned_group_id:
            continue
        field = "assigned_person_id" if holder[0] == "person" else "assigned_group_id"
        audit.update(task, actor=actor, note=str(_("Allocated")), **{field: holder[1]})
    unaccommodated.record(
        actor=actor,
        cluster=run.cluster,
        lines=[line for line in lines if line.confirmed_unaccommodated],
        all_lines=lines,
    )
    unaccommodated.allocated(actor=actor, lines=[line for line in lines if line.kept])
    return run


@transaction.atomic
def allocation_reject(*, actor, run: AllocationRun, reason: str = "") -> AllocationRun:
    """Reject the run: nothing is allocated and nothing goes onto the risk register."""
    require_manage(actor, run.cluster)
    return status_change(
        run,
        workflow=RUN_WORKFLOW,
        change_model=AllocationRunStatusChange,
        to_status=RunStatus.REJECTED,
        actor=actor,
        reason=reason,
        subject_field="run",
    )


@transaction.atomic
def task_priority_override(*, actor, task: Task, expected_version: int, score, reason: str) -> Task:
    """Give a task the lead's own priority score with the reason (``score`` None: take it away)."""
    require_manage(actor, task.cluster)
    reason = (reason or "").strip()
    if score is not None and not reason:
        raise ValidationError({"reason": _("Enter why the task gets this score")})
    return audit.update(
        task,
        actor=actor,
        expected_version=expected_version,
        priority_override=score,
        priority_override_reason=reason if score is not None else "",
    )


def allocation_decide(
    *,
    actor,
    run: AllocationRun,
    decision: str,
    kept_line_ids: set[int],
    unaccommodated_line_ids: set[int],
    note: str = "",
) -> AllocationRun:
    """The lead's decision from the run's page: ``accept`` or ``reject``."""
    if decision == "accept":
        return allocation_accept(
            actor=actor,
            run=run,
            kept_line_ids=kept_line_ids,
            unaccommodated_line_ids=unaccommodated_line_ids,
            note=note,
        )
    return allocation_reject(actor=actor, run=run, reason=note)

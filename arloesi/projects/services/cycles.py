"""Writes about cycles of change: starting a ramp on a change idea, planning a PDSA cycle (alone,
in a ramp, or as the next of a ramp), and recording each part of its worksheet.

Only those who may change the project (``selectors.may_change``: its team and its leads) write;
anyone else is refused (``PermissionDenied``, a 404 on the page). A cycle is completed when its
study and act are both recorded: the service that records them sets ``completed_at``, and clearing
either takes it away again. Every write is audited (core.audit); edits of a worksheet carry the
version they started from, so two people editing at once cannot overwrite each other.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.projects.cycles import SECTION_FIELDS
from arloesi.projects.models import PdsaCycle, Project, ProjectTeamMember, Ramp
from arloesi.projects.selectors.cycles import change_ideas_of, next_cycle_possible
from arloesi.projects.services.rules import require_change


def _check_owner(project: Project, owner) -> None:
    """Who leads a cycle is one of the project's team."""
    if owner is None:
        return
    if not ProjectTeamMember.objects.filter(project=project, person=owner).exists():
        raise ValidationError({"owner": _("Choose someone from the project’s team")})


def _check_dates(starts: date, ends: date) -> None:
    if ends < starts:
        raise ValidationError(
            {"planned_end_on": _("The planned end must be on or after the planned start")}
        )


@transaction.atomic
def ramp_start(*, actor, project: Project, change_idea: str = "", diagram_node_id=None) -> Ramp:
    """Start a ramp testing one change idea: one of the project's driver diagram (kept linked to
    its box), or one typed in."""
    require_change(actor, project)
    node = None
    if diagram_node_id:
        node = next((n for n in change_ideas_of(project) if n.pk == int(diagram_node_id)), None)
        if node is None:
            raise ValidationError(
                {"diagram_node": _("Choose a change idea on the project’s driver diagram")}
            )
        change_idea = node.text
    change_idea = (change_idea or "").strip()
    if not change_idea:
        raise ValidationError(
            {"change_idea": _("Choose a change idea from the diagram or describe one")}
        )
    return audit.create(
        Ramp,
        actor=actor,
        project=project,
        change_idea=change_idea[:200],
        diagram_node=node,
        created_by=actor,
    )


@transaction.atomic
def cycle_plan(
    *,
    actor,
    project: Project,
    ramp: Ramp | None = None,
    title: str,
    planned_start_on: date,
    planned_end_on: date,
    owner=None,
    objective: str = "",
    questions: str = "",
    predictions: str = "",
) -> PdsaCycle:
    """Plan a new PDSA cycle for the project, alone or as the next of a ramp (numbered after the
    ramp's last cycle)."""
    require_change(actor, project)
    number = 1
    if ramp is not None:
        if ramp.project_id != project.pk:
            raise PermissionDenied
        # Locked, so two people planning the next cycle at once get different numbers.
        Ramp.objects.select_for_update().filter(pk=ramp.pk).first()
        last = PdsaCycle.objects.filter(ramp=ramp).aggregate(last=Max("number"))["last"]
        number = (last or 0) + 1
    _check_owner(project, owner)
    _check_dates(planned_start_on, planned_end_on)
    return audit.create(
        PdsaCycle,
        actor=actor,
        project=project,
        ramp=ramp,
        number=number,
        title=title,
        owner=owner,
        objective=objective,
        questions=questions,
        predictions=predictions,
        planned_start_on=planned_start_on,
        planned_end_on=planned_end_on,
        created_by=actor,
    )


@transaction.atomic
def cycle_next_plan(*, actor, cycle: PdsaCycle, **fields) -> PdsaCycle:
    """Plan the cycle that follows ``cycle`` in its ramp (once it is completed, adopting or
    adapting the change)."""
    require_change(actor, cycle.project)
    if not next_cycle_possible(cycle):
        raise ValidationError(
            _(
                "The next cycle can be planned after the ramp’s last cycle, once it is "
                "completed with a decision to adopt or adapt the change."
            )
        )
    return cycle_plan(actor=actor, project=cycle.project, ramp=cycle.ramp, **fields)


@transaction.atomic
def cycle_section_save(
    *, actor, cycle: PdsaCycle, section: str, expected_version: int, values: dict
) -> PdsaCycle:
    """Save one section of the worksheet (plan, do, study or act). Recording study and act
    completes the cycle; clearing either of them takes the completion away."""
    if section not in SECTION_FIELDS:
        raise TypeError(f"Not a section of the worksheet: {section}")
    unknown = set(values) - set(SECTION_FIELDS[section])
    if unknown:
        raise TypeError(f"Not editable here: {', '.join(sorted(unknown))}")
    require_change(actor, cycle.project)
    if "owner" in values:
        _check_owner(cycle.project, values["owner"])
    starts = values.get("planned_start_on", cycle.planned_start_on)
    ends = values.get("planned_end_on", cycle.planned_end_on)
    _check_dates(starts, ends)
    study = values.get("study_results", cycle.study_results)
    decision = values.get("act_decision", cycle.act_decision)
    complete = bool((study or "").strip()) and bool(decision)
    if complete and cycle.completed_at is None:
        values = {**values, "completed_at": timezone.now()}
    elif not complete and cycle.completed_at is not None:
        values = {**values, "completed_at": None}
    return audit.update(cycle, actor=actor, expected_version=expected_version, **values)

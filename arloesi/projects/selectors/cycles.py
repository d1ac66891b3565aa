"""Reads about cycles of change: a cycle's worksheet, a ramp with its cycles, a project's ramps
and cycles, and what planning a cycle offers (the team, the ramps, the diagram's change ideas).

Each page's reads are one presenter, in a fixed number of queries; the state of each cycle is
worked out from its dates (``projects.cycles.state``), as of today.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.http import Http404
from django.utils import timezone

from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams.vocabulary import Kind
from arloesi.projects import cycles as cycle_states
from arloesi.projects.models import PdsaCycle, Project, ProjectTeamMember, Ramp
from arloesi.projects.selectors.access import (
    cycle_get_for_user,
    may_change_now,
    projects_visible_to,
)
from arloesi.projects.vocabulary import ActDecision, CycleState

# The NHS.UK tag colour of each state (the state's name is always written in it too).
STATE_TAGS = {
    CycleState.PLANNED: "nhsuk-tag--grey",
    CycleState.RUNNING: "nhsuk-tag--blue",
    CycleState.OVERDUE: "nhsuk-tag--red",
    CycleState.COMPLETED: "nhsuk-tag--green",
}


@dataclass(frozen=True)
class CycleRow:
    cycle: PdsaCycle
    state: str

    @property
    def state_label(self) -> str:
        return str(CycleState(self.state).label)

    @property
    def tag(self) -> str:
        return STATE_TAGS[self.state]


def cycle_state(cycle: PdsaCycle, today: date | None = None) -> str:
    return cycle_states.state(
        planned_start_on=cycle.planned_start_on,
        planned_end_on=cycle.planned_end_on,
        completed=cycle.completed_at is not None,
        today=today or timezone.localdate(),
    )


def _rows(cycles, today: date) -> list[CycleRow]:
    return [CycleRow(cycle=c, state=cycle_state(c, today)) for c in cycles]


def change_ideas_of(project: Project) -> list:
    """The change ideas on the project's driver diagram (its boxes in that column), in order."""
    diagram = diagrams.diagram_of(kind="project", owner_id=project.pk)
    if diagram is None:
        return []
    return diagrams.content_of(diagram).of_kind(Kind.CHANGE_IDEA)


def cycle_leaders_of(project: Project) -> list:
    """Who may lead a cycle: the people of the project's team, its lead first."""
    return [
        member.person
        for member in ProjectTeamMember.objects.filter(project=project)
        .select_related("person")
        .order_by("-is_lead", "person__full_name", "pk")
    ]


def ramps_of(project: Project) -> list[Ramp]:
    return list(Ramp.objects.filter(project=project).order_by("created_at", "pk"))


def ramp_get_for_user(*, user, ramp_id: int) -> Ramp:
    """The ramp, if ``user`` may see its project; otherwise 404."""
    ramp = (
        Ramp.objects.filter(project__in=projects_visible_to(user=user))
        .select_related("project")
        .filter(pk=ramp_id)
        .first()
    )
    if ramp is None:
        raise Http404
    return ramp


# --- The cycle's page -------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    slug: str
    # (label, value) pairs, in the worksheet's order.
    rows: list[tuple[str, str]]
    recorded: bool


@dataclass
class CyclePage:
    cycle: PdsaCycle
    state: str
    may_change: bool
    may_plan_next: bool
    sections: list[Section] = field(default_factory=list)

    @property
    def row(self) -> CycleRow:
        return CycleRow(cycle=self.cycle, state=self.state)


def next_cycle_possible(cycle: PdsaCycle) -> bool:
    """The next cycle of a ramp follows its last cycle, once that is completed with a decision to
    adopt or adapt the change."""
    return (
        cycle.ramp_id is not None
        and cycle.completed_at is not None
        and cycle.act_decision in (ActDecision.ADOPT, ActDecision.ADAPT)
        and not PdsaCycle.objects.filter(ramp_id=cycle.ramp_id, number__gt=cycle.number).exists()
    )


def _label(name: str) -> str:
    return str(PdsaCycle._meta.get_field(name).verbose_name)


def _section(slug: str, cycle: PdsaCycle, names: tuple[str, ...], shown=None) -> Section:
    shown = shown or {}
    rows = [(_label(name), shown.get(name, getattr(cycle, name)) or "") for name in names]
    return Section(slug=slug, rows=rows, recorded=any(value for _label, value in rows))


def cycle_page(*, user, cycle: PdsaCycle) -> CyclePage:
    """The worksheet in four parts (plan, do, study, act) with the cycle's state, and what the
    reader may do with it."""
    decision = ActDecision(cycle.act_decision).label if cycle.act_decision else ""
    changes = may_change_now(user, cycle.project)
    return CyclePage(
        cycle=cycle,
        state=cycle_state(cycle),
        may_change=changes,
        may_plan_next=changes and next_cycle_possible(cycle),
        sections=[
            _section(
                "plan",
                cycle,
                (
                    "objective",
                    "questions",
                    "predictions",
                    "plan_who",
                    "plan_what",
                    "plan_where",
                    "plan_when",
                    "data_to_collect",
                ),
            ),
            _section("do", cycle, ("do_what_happened", "do_observations", "do_problems")),
            _section("study", cycle, ("study_results",)),
            _section("act", cycle, ("act_decision", "act_next"), {"act_decision": decision}),
        ],
    )


def cycle_for_change(*, user, cycle_id: int) -> PdsaCycle:
    """The cycle, for a page that changes it: 404 for anyone who may not change its project."""
    cycle = cycle_get_for_user(user=user, cycle_id=cycle_id)
    if not may_change_now(user, cycle.project):
        raise Http404
    return cycle


# --- A ramp, and a project's ramps and cycles ---------------------------------------------------


@dataclass
class RampRows:
    ramp: Ramp
    rows: list[CycleRow]


@dataclass
class RampPage:
    ramp: Ramp
    rows: list[CycleRow]
    may_change: bool


def ramp_page(*, user, ramp: Ramp) -> RampPage:
    cycles = PdsaCycle.objects.filter(ramp=ramp).select_related("owner").order_by("number", "pk")
    return RampPage(
        ramp=ramp,
        rows=_rows(cycles, timezone.localdate()),
        may_change=may_change_now(user, ramp.project),
    )


@dataclass
class CyclesPage:
    project: Project
    ramps: list[RampRows]
    # Cycles in no ramp.
    alone: list[CycleRow]
    # How many cycles are in each state, in the states' order.
    counts: list[tuple[str, int]]
    total: int
    may_change: bool


def cycles_page(*, user, project: Project) -> CyclesPage:
    """Every ramp of the project with its cycles in order, the cycles in no ramp, and how many
    cycles are in each state."""
    today = timezone.localdate()
    rows = _rows(
        PdsaCycle.objects.filter(project=project)
        .select_related("owner")
        .order_by("number", "planned_start_on", "pk"),
        today,
    )
    by_ramp: dict[int, list[CycleRow]] = {}
    for row in rows:
        by_ramp.setdefault(row.cycle.ramp_id, []).append(row)
    counted = Counter(row.state for row in rows)
    return CyclesPage(
        project=project,
        ramps=[RampRows(ramp=r, rows=by_ramp.get(r.pk, [])) for r in ramps_of(project)],
        alone=by_ramp.get(None, []),
        counts=[(str(state.label), counted[state]) for state in CycleState],
        total=len(rows),
        may_change=may_change_now(user, project),
    )


def ramp_for_change(*, project: Project, ramp_id) -> Ramp | None:
    """One of the project's ramps, by an id from a form or a link (None if it is not one)."""
    try:
        ramp_id = int(ramp_id)
    except (TypeError, ValueError):
        return None
    return Ramp.objects.filter(project=project, pk=ramp_id).first()


def next_cycle_initial(cycle: PdsaCycle) -> dict:
    """The next cycle of a ramp, filled in from ``cycle``: its objective is what the act said the
    next cycle would test; it starts after this one ends (or today) and lasts as long."""
    starts = max(timezone.localdate(), cycle.planned_end_on + timedelta(days=1))
    return {
        "title": cycle.title,
        "owner": str(cycle.owner_id or ""),
        "objective": cycle.act_next,
        "planned_start_on": starts,
        "planned_end_on": starts + (cycle.planned_end_on - cycle.planned_start_on),
    }


def cycles_dated(*, project_id: int) -> list[PdsaCycle]:
    """A project's PDSA cycles with their titles and planned dates, first first — what another
    app's chart shows of them (callers have checked the reader may see the project)."""
    return list(
        PdsaCycle.objects.filter(project_id=project_id)
        .only("pk", "project_id", "title", "number", "planned_start_on", "planned_end_on")
        .order_by("planned_start_on", "number", "pk")
    )


def cycles_completed(*, project_id: int, up_to=None) -> list[PdsaCycle]:
    """A project's completed PDSA cycles (by ``up_to``, a date, if given), first completed first,
    with what they found and decided — what an evaluation report draws on (callers have checked
    the reader may see the project)."""
    found = PdsaCycle.objects.filter(project_id=project_id, completed_at__isnull=False)
    if up_to is not None:
        found = found.filter(completed_at__date__lte=up_to)
    return list(
        found.only(
            "pk",
            "project_id",
            "number",
            "title",
            "objective",
            "study_results",
            "act_decision",
            "act_next",
            "completed_at",
        ).order_by("completed_at", "pk")
    )

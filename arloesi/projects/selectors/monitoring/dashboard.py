"""A unit's dashboard — its current projects by stage and RAG status, milestones due and
overdue, PDSA cycles started, completed and overdue, the completion rate of cycles, the median
time from approval to the first cycle, stale projects — and the list of cycles behind its
figures. Each figure is one aggregate query's column (five queries however big the unit is),
and carries the address of the list behind it.
"""

from dataclasses import dataclass
from datetime import timedelta
from statistics import median

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from markupsafe import Markup

from arloesi.projects import charts
from arloesi.projects import cycles as cycle_state
from arloesi.projects.models import Milestone, PdsaCycle
from arloesi.projects.selectors.monitoring.scope import (
    DUE_SOON_DAYS,
    NO_RAG,
    Filters,
    current,
    overdue_cycles,
    overdue_milestones,
    projects_under,
    stale_before,
)
from arloesi.projects.vocabulary import CycleState, Rag, Stage

CYCLES_PAGE_SIZE = 50


@dataclass(frozen=True)
class Figure:
    label: str
    count: int
    href: str


@dataclass(frozen=True)
class Dashboard:
    unit: object
    current: int
    by_stage: list[Figure]
    by_rag: list[Figure]
    stale: Figure
    milestones_due: Figure
    milestones_overdue: Figure
    cycles: list[Figure]
    # Completed cycles as a share of those that should be finished (None when none are due).
    completion_rate: float | None
    cycles_completed: int
    cycles_due: int
    # Days from approval to the first PDSA cycle, over the projects that have one.
    median_days_to_first_cycle: float | None
    projects_with_cycles: int
    cycles_href: str
    stage_chart: Markup


def _schedule(unit, **filters) -> str:
    query = Filters(**filters).query()
    address = reverse("projects:schedule", kwargs={"unit_id": unit.pk})
    return f"{address}?{query}" if query else address


def _cycles(unit, state: str = "") -> str:
    address = reverse("projects:cycle_list", kwargs={"unit_id": unit.pk})
    return f"{address}?state={state}" if state else address


def dashboard_for(*, user, unit) -> Dashboard:
    """The dashboard of ``unit`` (already checked by ``unit_for_monitoring``)."""
    today = timezone.localdate()
    under = projects_under(user=user, unit=unit)
    # One row per stage and RAG status: cheaper to ask for than a dozen filtered counts.
    stages, rags, stale = dict.fromkeys(Stage.values, 0), dict.fromkeys([*Rag.values, ""], 0), 0
    for status, rag, count, stale_count in (
        under.order_by()
        .values_list("status", "rag")
        .annotate(count=Count("id"), stale=Count("id", filter=Q(last_update_at__lt=stale_before())))
    ):
        stages[status] = stages.get(status, 0) + count
        if status != Stage.CLOSED:
            rags[rag] = rags.get(rag, 0) + count
            stale += stale_count
    current_ids = current(under).values("pk")
    milestones = Milestone.objects.filter(project__in=current_ids).aggregate(
        due=Count(
            "id",
            filter=Q(
                done_on__isnull=True,
                due_on__gte=today,
                due_on__lte=today + timedelta(days=DUE_SOON_DAYS),
            ),
        ),
        overdue=Count("id", filter=overdue_milestones(today)),
    )
    counted = PdsaCycle.objects.filter(project__in=current_ids).aggregate(
        started=Count("id", filter=Q(completed_at__isnull=False) | Q(planned_start_on__lte=today)),
        completed=Count("id", filter=Q(completed_at__isnull=False)),
        overdue=Count("id", filter=overdue_cycles(today)),
        running=Count(
            "id",
            filter=Q(
                completed_at__isnull=True, planned_start_on__lte=today, planned_end_on__gte=today
            ),
        ),
        planned=Count("id", filter=Q(completed_at__isnull=True, planned_start_on__gt=today)),
    )
    firsts = (
        PdsaCycle.objects.filter(project__in=current_ids)
        .order_by()
        .values("project_id", "project__started_at")
        .annotate(first=Min("planned_start_on"))
        .values_list("project__started_at", "first")
    )
    here = timezone.get_current_timezone()
    waits = [max((first - started.astimezone(here).date()).days, 0) for started, first in firsts]
    by_stage = [
        Figure(str(label), stages[value], _schedule(unit, stage=value))
        for value, label in Stage.choices
    ]
    return Dashboard(
        unit=unit,
        current=sum(f.count for f in by_stage[:-1]),
        by_stage=by_stage,
        by_rag=[
            *(
                Figure(str(label), rags[value], _schedule(unit, rag=value))
                for value, label in Rag.choices
            ),
            Figure(_("Not given yet"), rags[""], _schedule(unit, rag=NO_RAG)),
        ],
        stale=Figure(_("Stale projects"), stale, _schedule(unit, stale=True)),
        milestones_due=Figure(
            _("Milestones due in the next %(days)s days") % {"days": DUE_SOON_DAYS},
            milestones["due"],
            _schedule(unit, due_soon=True),
        ),
        milestones_overdue=Figure(
            _("Milestones overdue"), milestones["overdue"], _schedule(unit, overdue="milestones")
        ),
        cycles=[
            Figure(_("Started"), counted["started"], _cycles(unit, "started")),
            Figure(_("Completed"), counted["completed"], _cycles(unit, CycleState.COMPLETED)),
            Figure(_("Overdue"), counted["overdue"], _cycles(unit, CycleState.OVERDUE)),
            Figure(_("Running"), counted["running"], _cycles(unit, CycleState.RUNNING)),
            Figure(_("Planned"), counted["planned"], _cycles(unit, CycleState.PLANNED)),
        ],
        completion_rate=cycle_state.completion_rate(
            completed=counted["completed"], due=counted["completed"] + counted["overdue"]
        ),
        cycles_completed=counted["completed"],
        cycles_due=counted["completed"] + counted["overdue"],
        median_days_to_first_cycle=median(waits) if waits else None,
        projects_with_cycles=len(waits),
        cycles_href=_cycles(unit),
        stage_chart=_stage_chart(unit, by_stage),
    )


def _stage_chart(unit, by_stage: list[Figure]) -> Markup:
    markup = charts.bar_chart(
        [(figure.label, figure.count) for figure in by_stage],
        title=_("Projects in %(unit)s by stage") % {"unit": unit.name},
        description=_("A bar for each stage, as long as its number of projects."),
        chart_id="stage-chart",
    )
    return Markup(markup)  # noqa: S704 (core.svg escapes every text and attribute)


# --- The cycles behind the figures ----------------------------------------------------------

CYCLE_STATES = ("started", *CycleState.values)


def _state_q(state: str, today) -> Q:
    if state == "started":
        return Q(completed_at__isnull=False) | Q(planned_start_on__lte=today)
    if state == CycleState.COMPLETED:
        return Q(completed_at__isnull=False)
    if state == CycleState.OVERDUE:
        return overdue_cycles(today)
    if state == CycleState.RUNNING:
        return Q(completed_at__isnull=True, planned_start_on__lte=today, planned_end_on__gte=today)
    if state == CycleState.PLANNED:
        return Q(completed_at__isnull=True, planned_start_on__gt=today)
    return Q()


@dataclass(frozen=True)
class CycleListPage:
    unit: object
    state: str
    states: list[tuple[str, str]]
    rows: list[PdsaCycle]
    number: int
    pages: int
    total: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    @property
    def state_labels(self) -> dict[str, str]:
        return dict(CycleState.choices)


def cycle_list_page(*, user, unit, state: str, number: int) -> CycleListPage:
    """The PDSA cycles of the unit's current projects, in one state or all, by planned end."""
    today = timezone.localdate()
    state = state if state in CYCLE_STATES else ""
    chosen = PdsaCycle.objects.filter(
        _state_q(state, today), project__in=current(projects_under(user=user, unit=unit))
    )
    total = chosen.count()
    pages = max(1, -(-total // CYCLES_PAGE_SIZE))
    number = min(number, pages)
    start = (number - 1) * CYCLES_PAGE_SIZE
    rows = list(
        chosen.select_related("project", "owner")
        .only(
            "title",
            "number",
            "planned_start_on",
            "planned_end_on",
            "completed_at",
            "project__title",
            "owner__full_name",
        )
        .order_by("planned_end_on", "id")[start : start + CYCLES_PAGE_SIZE]
    )
    for cycle in rows:
        cycle.state = cycle_state.state(
            planned_start_on=cycle.planned_start_on,
            planned_end_on=cycle.planned_end_on,
            completed=cycle.completed_at is not None,
            today=today,
        )
    return CycleListPage(
        unit=unit,
        state=state,
        states=[("started", _("Started")), *CycleState.choices],
        rows=rows,
        number=number,
        pages=pages,
        total=total,
    )

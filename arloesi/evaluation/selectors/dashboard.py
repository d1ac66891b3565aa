"""The four outcomes rolled up: for a cluster, planning group, health board or all of Wales, how
many evaluated projects report each result on each outcome of the innovation programme, what
their reports recommend, how many are evaluated in each area directly under the unit, and the
projects behind each figure. An evaluated project counts once, by its current report (its
latest issued report, a summative one before any formative one).

The dashboard is three queries however big the unit is (the unit, its reports counted in one
grouped query, the areas under it); the projects behind a figure, three (the unit, the count,
the page of 50)."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from markupsafe import Markup

from arloesi.evaluation import charts
from arloesi.evaluation.models import EvaluationReport
from arloesi.evaluation.vocabulary import (
    SUMMATIVE_RECOMMENDATIONS,
    ProgrammeOutcome,
    Recommendation,
    Result,
)
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.projects import selectors as projects

# Projects behind a figure, a page at a time.
PER_PAGE = 50
# What a summative report may recommend, then "continue" (a formative report's).
RECOMMENDATIONS = (*SUMMATIVE_RECOMMENDATIONS, Recommendation.CONTINUE)
# The areas a dashboard breaks its evaluated projects down by, and how a report reaches the
# area its project is in (through the project's lead collaborative).
AREAS = {
    Kind.WALES: (Kind.HEALTH_BOARD, "project__lead_collaborative__parent__parent__parent"),
    Kind.HEALTH_BOARD: (Kind.PLANNING_GROUP, "project__lead_collaborative__parent__parent"),
    Kind.PLANNING_GROUP: (Kind.CLUSTER, "project__lead_collaborative__parent"),
}
# Looked up once: an enum's ``values`` is built afresh at each call.
OUTCOMES = tuple(ProgrammeOutcome.values)
RESULT_FIELDS = tuple(f"{outcome}_result" for outcome in OUTCOMES)


@dataclass(frozen=True)
class Cell:
    outcome: str
    result: str
    count: int


@dataclass(frozen=True)
class OutcomeLine:
    outcome: str
    label: str
    cells: list[Cell]


@dataclass(frozen=True)
class Area:
    """A unit directly under the dashboard's, with its number of evaluated projects."""

    unit: object
    evaluated: int


@dataclass(frozen=True)
class OutcomesDashboard:
    unit: object
    evaluated: int
    lines: list[OutcomeLine]
    recommendations: list[tuple[str, str, int]]  # (value, label, count)
    # The areas under the unit (none under a cluster) and what kind of unit they are.
    areas: list[Area]
    area_kind: str
    chart: Markup | None

    @property
    def results(self) -> list[tuple[str, str]]:
        return list(Result.choices)

    @property
    def area_kind_label(self) -> str:
        return str(Kind(self.area_kind).label) if self.area_kind else ""


def current_reports_under(*, user, unit) -> QuerySet[EvaluationReport]:
    """The current reports of the projects under ``unit`` that ``user`` may see."""
    return EvaluationReport.objects.filter(
        is_current=True, project__in=projects.projects_under(user=user, unit=unit).values("pk")
    )


def _counted(unit, reports: QuerySet[EvaluationReport]) -> tuple[Counter, Counter]:
    """Every figure of the dashboard from one grouped query: the reports counted by their
    results, recommendation and area (a group for each combination found, however many
    reports there are)."""
    reached_by = AREAS[unit.kind][1] if unit.kind in AREAS else None
    columns = [*RESULT_FIELDS, "recommendation", *([reached_by] if reached_by else [])]
    figures: Counter = Counter()
    areas: Counter = Counter()
    for *values, count in reports.order_by().values_list(*columns).annotate(n=Count("pk")):
        figures["evaluated"] += count
        for outcome, result in zip(OUTCOMES, values, strict=False):
            figures[outcome, result] += count
        figures["recommendation", values[len(RESULT_FIELDS)]] += count
        if reached_by:
            areas[values[-1]] += count
    return figures, areas


def _chart(unit, lines: list[OutcomeLine]) -> Markup:
    markup = charts.outcome_bars(
        [(line.label, [(cell.result, cell.count) for cell in line.cells]) for line in lines],
        legend=[(value, str(label)) for value, label in Result.choices],
        title=_("Results on the four outcomes in %(unit)s") % {"unit": unit.name},
        description=_(
            "A bar for each outcome, divided by result (improved, no change, worse, not "
            "measured) with the number of projects in each part. The table gives the same "
            "numbers."
        ),
        chart_id="outcome-chart",
    )
    return Markup(markup)  # noqa: S704 (core.svg escapes every text and attribute)


def outcomes_dashboard(*, user, unit_id: int) -> OutcomesDashboard:
    """The dashboard of the unit; 404 unless ``user`` may monitor it."""
    unit = projects.unit_for_monitoring(user=user, unit_id=unit_id)
    figures, by_area = _counted(unit, current_reports_under(user=user, unit=unit))
    lines = [
        OutcomeLine(
            outcome=outcome.value,
            label=str(outcome.label),
            cells=[
                Cell(outcome.value, result, figures[outcome, result]) for result in Result.values
            ],
        )
        for outcome in ProgrammeOutcome
    ]
    area_kind = AREAS[unit.kind][0] if unit.kind in AREAS else ""
    areas = (
        [
            Area(area, by_area[area.pk])
            for area in organisations.units_of_kind(kind=area_kind, within=unit.path)
        ]
        if area_kind
        else []
    )
    return OutcomesDashboard(
        unit=unit,
        evaluated=figures["evaluated"],
        lines=lines,
        recommendations=[
            (value, str(Recommendation(value).label), figures["recommendation", value])
            for value in RECOMMENDATIONS
        ],
        areas=areas,
        area_kind=area_kind,
        chart=_chart(unit, lines) if figures["evaluated"] else None,
    )


@dataclass(frozen=True)
class BehindPage:
    unit: object
    outcome: str
    outcome_label: str
    result: str
    result_label: str
    # One page of current reports, with their projects and the projects' clusters.
    rows: list[EvaluationReport]
    number: int
    pages: int
    total: int

    @property
    def evidence_field(self) -> str:
        return f"{self.outcome}_evidence"

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def projects_behind(
    *, user, unit_id: int, outcome: str, result: str, page_number: int = 1
) -> BehindPage | None:
    """The projects behind one figure, 50 at a time, by title; None when ``outcome`` or
    ``result`` is not one (404 when ``user`` may not monitor the unit)."""
    unit = projects.unit_for_monitoring(user=user, unit_id=unit_id)
    if outcome not in ProgrammeOutcome.values or result not in Result.values:
        return None
    chosen = current_reports_under(user=user, unit=unit).filter(**{f"{outcome}_result": result})
    total = chosen.count()
    pages = max(1, -(-total // PER_PAGE))
    number = min(max(page_number, 1), pages)
    start = (number - 1) * PER_PAGE
    rows = list(
        chosen.select_related("project__lead_collaborative__parent")
        .only(
            "title",
            "kind",
            "issued_at",
            f"{outcome}_evidence",
            "project__title",
            "project__lead_collaborative__parent_id",
            "project__lead_collaborative__parent__name_en",
            "project__lead_collaborative__parent__name_cy",
        )
        .order_by("project__title", "pk")[start : start + PER_PAGE]
    )
    return BehindPage(
        unit=unit,
        outcome=outcome,
        outcome_label=str(ProgrammeOutcome(outcome).label),
        result=result,
        result_label=str(Result(result).label),
        rows=rows,
        number=number,
        pages=pages,
        total=total,
    )


def reports_for_export(*, user, unit_id: int):
    """The unit and every current report under it, with its project, the project's cluster,
    planning group and health board, for the spreadsheet (one query)."""
    unit = projects.unit_for_monitoring(user=user, unit_id=unit_id)
    reports = (
        current_reports_under(user=user, unit=unit)
        .select_related("project__lead_collaborative__parent", "project__planning_group__parent")
        .order_by("project__title", "pk")
    )
    return unit, reports

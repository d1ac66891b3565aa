"""The four outcomes rolled up: for a cluster, planning group, health board or all of Wales, how
many evaluated projects report each result on each outcome of the innovation programme, and the
projects behind each figure. An evaluated project counts once, by its current report (its
latest issued report, a summative one before any formative one). Counted in one query."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Q

from arloesi.evaluation.models import EvaluationReport
from arloesi.evaluation.vocabulary import ProgrammeOutcome, Recommendation, Result
from arloesi.projects import selectors as projects

# Projects behind a figure, a page at a time.
PER_PAGE = 50


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
class OutcomesDashboard:
    unit: object
    evaluated: int
    lines: list[OutcomeLine]
    recommendations: list[tuple[str, str, int]]  # (value, label, count)

    @property
    def results(self) -> list[tuple[str, str]]:
        return list(Result.choices)


def current_reports_under(*, user, unit):
    """The current reports of the projects under ``unit`` that ``user`` may see."""
    return EvaluationReport.objects.filter(
        is_current=True, project__in=projects.projects_under(user=user, unit=unit).values("pk")
    )


def outcomes_dashboard(*, user, unit_id: int) -> OutcomesDashboard:
    unit = projects.unit_for_monitoring(user=user, unit_id=unit_id)
    counts = {"evaluated": Count("pk")}
    for outcome in ProgrammeOutcome.values:
        for result in Result.values:
            counts[f"{outcome}__{result}"] = Count("pk", filter=Q(**{f"{outcome}_result": result}))
    for recommendation in Recommendation.values:
        counts[f"recommendation__{recommendation}"] = Count(
            "pk", filter=Q(recommendation=recommendation)
        )
    totals = current_reports_under(user=user, unit=unit).aggregate(**counts)
    lines = [
        OutcomeLine(
            outcome=outcome.value,
            label=str(outcome.label),
            cells=[
                Cell(outcome.value, result, totals[f"{outcome.value}__{result}"])
                for result in Result.values
            ],
        )
        for outcome in ProgrammeOutcome
    ]
    recommendations = [
        (value, str(label), totals[f"recommendation__{value}"])
        for value, label in Recommendation.choices
    ]
    return OutcomesDashboard(
        unit=unit, evaluated=totals["evaluated"], lines=lines, recommendations=recommendations
    )


@dataclass(frozen=True)
class BehindPage:
    unit: object
    outcome: str
    outcome_label: str
    result: str
    result_label: str
    page: object  # a Paginator page of current reports, with their projects


def projects_behind(
    *, user, unit_id: int, outcome: str, result: str, page_number=1
) -> BehindPage | None:
    """The projects behind one figure; None when ``outcome`` or ``result`` is not one."""
    unit = projects.unit_for_monitoring(user=user, unit_id=unit_id)
    if outcome not in ProgrammeOutcome.values or result not in Result.values:
        return None
    reports = (
        current_reports_under(user=user, unit=unit)
        .filter(**{f"{outcome}_result": result})
        .select_related("project__lead_collaborative")
        .only(
            "pk",
            "title",
            "kind",
            "issued_at",
            "recommendation",
            f"{outcome}_result",
            f"{outcome}_evidence",
            "project__pk",
            "project__title",
            "project__lead_collaborative__name_en",
            "project__lead_collaborative__name_cy",
        )
        .order_by("project__title", "pk")
    )
    paginator = Paginator(reports, PER_PAGE)
    return BehindPage(
        unit=unit,
        outcome=outcome,
        outcome_label=str(ProgrammeOutcome(outcome).label),
        result=result,
        result_label=str(Result(result).label),
        page=paginator.get_page(page_number),
    )


def reports_for_export(*, user, unit_id: int):
    """Every current report under the unit, with its project, for the spreadsheet."""
    unit = projects.unit_for_monitoring(user=user, unit_id=unit_id)
    reports = (
        current_reports_under(user=user, unit=unit)
        .select_related("project__lead_collaborative", "project__planning_group")
        .order_by("project__title", "pk")
    )
    return unit, reports

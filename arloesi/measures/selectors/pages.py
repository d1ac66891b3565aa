"""Each measures page's reads, as one presenter in a fixed number of queries: a project's
measures, a measure with its chart, its data-entry grid, and what its forms offer."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max
from django.utils import timezone

from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams.vocabulary import Kind
from arloesi.measures import periods
from arloesi.measures.models import Annotation, DataPoint, Measure
from arloesi.measures.selectors.access import (
    MeasureAccess,
    measure_get_for_user,
    project_for_measures,
)
from arloesi.measures.selectors.charts import ChartView, chart_view
from arloesi.measures.selectors.series import plain
from arloesi.projects import selectors as projects

# How many periods the grid shows: the latest entered, then the next ones to fill in.
GRID_ENTERED = 12
GRID_AHEAD = 4
GRID_EMPTY = 12


@dataclass(frozen=True)
class MeasureRow:
    measure: Measure
    points: int
    latest: date | None


@dataclass(frozen=True)
class ListPage:
    project: object
    diagram: object | None
    may_change: bool
    rows: list[MeasureRow]


def measure_list_page(*, user, project_id: int) -> ListPage:
    project, diagram, may_change = project_for_measures(user=user, project_id=project_id)
    rows = []
    if diagram is not None:
        measures = (
            Measure.objects.filter(node__diagram=diagram)
            .select_related("node")
            .annotate(point_count=Count("points"), latest=Max("points__period_start"))
            .order_by("kind", "name", "pk")
        )
        rows = [MeasureRow(m, m.point_count, m.latest) for m in measures]
    return ListPage(project=project, diagram=diagram, may_change=may_change, rows=rows)


def boxes_for_measures(diagram) -> list[tuple[int, str]]:
    """The boxes a measure may be attached to: the aim, the drivers and the change ideas of
    ``diagram`` (not deleted), as (id, "column: text")."""
    if diagram is None:
        return []
    labels = dict(Kind.choices)
    content = diagrams.content_of(diagram)
    return [
        (node.pk, f"{labels[kind]}: {node.text}")
        for kind in Kind.values
        for node in content.of_kind(kind)
    ]


def _project_cycles(access: MeasureAccess) -> list:
    if access.project is None:
        return []
    return projects.cycles_dated(project_id=access.project.pk)


def _points(measure: Measure) -> list:
    return list(plain(DataPoint.objects.filter(measure=measure).order_by("period_start")))


def data_points_of(*, measure: Measure) -> list[DataPoint]:
    """Every period of the measure's data, first first (``measure`` from
    ``measure_get_for_user``): what the API returns and takes back whole."""
    return list(DataPoint.objects.filter(measure=measure).order_by("period_start"))


def _annotations(measure: Measure) -> list[Annotation]:
    return list(Annotation.objects.filter(measure=measure).order_by("on", "pk"))


@dataclass(frozen=True)
class MeasurePage:
    measure: Measure
    access: MeasureAccess
    chart: ChartView

    @property
    def may_change(self) -> bool:
        return self.access.may_change

    @property
    def project(self):
        return self.access.project


def measure_page(*, user, measure_id: int) -> MeasurePage:
    measure, access = measure_get_for_user(user=user, measure_id=measure_id)
    view = chart_view(measure, _points(measure), _annotations(measure), _project_cycles(access))
    return MeasurePage(measure=measure, access=access, chart=view)


def chart_for_download(*, user, measure_id: int) -> tuple[Measure, ChartView]:
    page = measure_page(user=user, measure_id=measure_id)
    return page.measure, page.chart


@dataclass(frozen=True)
class GridRow:
    period_start: date
    point: DataPoint | None


def grid_rows(measure: Measure, today: date | None = None) -> list[GridRow]:
    """The periods the quick grid offers: the latest ``GRID_ENTERED`` entered, then up to
    ``GRID_AHEAD`` more to the current period; with no data yet, the ``GRID_EMPTY`` periods up to
    this one."""
    today = today or timezone.localdate()
    frequency = measure.frequency
    latest = list(
        DataPoint.objects.filter(measure=measure).order_by("-period_start")[:GRID_ENTERED]
    )[::-1]
    current = periods.period_start(today, frequency)
    if not latest:
        first = periods.next_start(current, frequency, -(GRID_EMPTY - 1))
        return [GridRow(start, None) for start in periods.starts(first, GRID_EMPTY, frequency)]
    rows = [GridRow(point.period_start, point) for point in latest]
    start = periods.next_start(latest[-1].period_start, frequency)
    for _ in range(GRID_AHEAD):
        if start > current and len(rows) > len(latest):
            break
        rows.append(GridRow(start, None))
        start = periods.next_start(start, frequency)
    return rows

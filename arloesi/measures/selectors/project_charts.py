"""Every chart of a project, as it stood on a day: what an evaluation report shows. Read in a
fixed number of queries (the diagram, its measures, their points up to the day, their notes and
the project's cycles), however many measures there are; the caller has checked that the reader
may see the project."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams.vocabulary import OwnerKind
from arloesi.measures.models import Annotation, DataPoint, Measure
from arloesi.measures.selectors.charts import ChartView, chart_view
from arloesi.measures.selectors.series import plain
from arloesi.projects import selectors as projects


@dataclass(frozen=True)
class ProjectChart:
    measure: Measure
    chart: ChartView

    @property
    def has_data(self) -> bool:
        return self.chart.has_data


def project_charts(*, project, up_to: date, measure_ids=None) -> list[ProjectChart]:
    """The project's measures (outcome, process, balancing, then by name), each charted with
    its data up to ``up_to``; only those of ``measure_ids`` when given."""
    diagram = diagrams.diagram_of(kind=OwnerKind.PROJECT, owner_id=project.pk)
    if diagram is None:
        return []
    chosen = Measure.objects.filter(node__diagram=diagram)
    if measure_ids is not None:
        chosen = chosen.filter(pk__in=list(measure_ids))
    measures = list(chosen.select_related("node").order_by("kind", "name", "pk"))
    if not measures:
        return []
    points = defaultdict(list)
    for point in plain(
        DataPoint.objects.filter(measure__in=measures, period_start__lte=up_to).order_by(
            "period_start"
        )
    ):
        points[point.measure_id].append(point)
    notes = defaultdict(list)
    for note in Annotation.objects.filter(measure__in=measures, on__lte=up_to).order_by("on", "pk"):
        notes[note.measure_id].append(note)
    cycles = [
        cycle
        for cycle in projects.cycles_dated(project_id=project.pk)
        if cycle.planned_start_on <= up_to
    ]
    return [ProjectChart(m, chart_view(m, points[m.pk], notes[m.pk], cycles)) for m in measures]


def measures_of_project(*, project_id: int) -> list[Measure]:
    """The measures on the project's driver diagram, outcome first then by name (callers have
    checked the reader may see the project, or that what they show of it is published)."""
    diagram = diagrams.diagram_of(kind=OwnerKind.PROJECT, owner_id=project_id)
    if diagram is None:
        return []
    return list(
        Measure.objects.filter(node__diagram=diagram)
        .select_related("node")
        .order_by("kind", "name", "pk")
    )


def charts_of(*, project, measure_ids, up_to: date) -> list[ProjectChart]:
    """``project_charts`` for the chosen measures only (a learning record's results)."""
    wanted = set(measure_ids)
    if not wanted:
        return []
    return project_charts(project=project, up_to=up_to, measure_ids=wanted)

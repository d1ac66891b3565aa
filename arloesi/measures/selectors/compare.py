"""Small multiples: the measures of the same name on the projects a person can see, one small
chart each of its latest 52 periods with its figures, so clusters can be compared. Read in a
fixed number of queries (the measures, their projects, their latest points — only those, by a
window function — and their rebases), however many there are."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from arloesi.diagrams.vocabulary import OwnerKind
from arloesi.measures.models import Annotation, DataPoint, Measure
from arloesi.measures.selectors.access import DIAGRAM_NOT_NEEDED, measure_get_for_user
from arloesi.measures.selectors.charts import ChartView, chart_view
from arloesi.measures.selectors.series import plain
from arloesi.measures.vocabulary import AnnotationKind
from arloesi.projects import selectors as projects

# More charts than this on one page would be too many to compare by eye.
MOST_CHARTS = 8
# Each small chart shows its latest year of weekly data (or the latest 52 periods).
RECENT = 52


@dataclass(frozen=True)
class Panel:
    measure: Measure
    project: object
    chart: ChartView

    @property
    def latest(self):
        values = [row for row in self.chart.rows if row.value is not None]
        return values[-1] if values else None


@dataclass(frozen=True)
class ComparePage:
    measure: Measure
    panels: list[Panel]
    more: bool


def compare_page(*, user, measure_id: int) -> ComparePage:
    measure, _access = measure_get_for_user(user=user, measure_id=measure_id)
    visible = projects.projects_visible_to(user=user).values("pk")
    found = list(
        Measure.objects.filter(
            name=measure.name,
            node__diagram__owner_kind=OwnerKind.PROJECT,
            node__diagram__owner_id__in=visible,
        )
        .select_related("node__diagram")
        .defer(*DIAGRAM_NOT_NEEDED)
        .order_by("pk")[: MOST_CHARTS + 1]
    )
    more = len(found) > MOST_CHARTS
    found = found[:MOST_CHARTS]
    owner_ids = {m.node.diagram.owner_id for m in found}
    by_id = {
        project.pk: project
        for project in projects.projects_visible_to(user=user)
        .filter(pk__in=owner_ids)
        .select_related("lead_collaborative__parent")
    }
    panels = _panels(found, by_id)
    panels.sort(key=lambda p: (p.project.title.lower(), p.measure.pk))
    return ComparePage(measure=measure, panels=panels, more=more)


def _panels(found: list[Measure], by_id: dict) -> list[Panel]:
    """A small chart of each of ``found`` whose project is in ``by_id``: its latest points (by a
    window function) and its rebases, in two queries however many there are."""
    points = defaultdict(list)
    latest_first = Window(
        RowNumber(), partition_by=[F("measure_id")], order_by=F("period_start").desc()
    )
    recent = (
        DataPoint.objects.filter(measure__in=found)
        .annotate(recency=latest_first)
        .filter(recency__lte=RECENT)
    )
    for point in plain(recent.order_by("period_start")):
        points[point.measure_id].append(point)
    rebases = defaultdict(list)
    for note in Annotation.objects.filter(measure__in=found, kind=AnnotationKind.REBASE):
        rebases[note.measure_id].append(note)
    return [
        Panel(
            measure=m,
            project=by_id.get(m.node.diagram.owner_id),
            chart=chart_view(m, points[m.pk], rebases[m.pk], small=True),
        )
        for m in found
        if m.node.diagram.owner_id in by_id
    ]


@dataclass(frozen=True)
class SameMeasure:
    """One measure's small multiples across projects: the first project's, then the others'."""

    name: str
    panels: list[Panel]


def across_projects(*, names: list[str], projects_in_order: list) -> list[SameMeasure]:
    """The measures called ``names`` on each of ``projects_in_order`` (their lead collaborative
    and its cluster loaded), one small chart each, in the projects' order — an innovation's
    original project beside the projects that adopted it. In a fixed number of queries; the
    caller has decided the reader may see each project's results."""
    by_id = {project.pk: project for project in projects_in_order}
    if not names or not by_id:
        return []
    found = list(
        Measure.objects.filter(
            name__in=names,
            node__diagram__owner_kind=OwnerKind.PROJECT,
            node__diagram__owner_id__in=list(by_id),
        )
        .select_related("node__diagram")
        .defer(*DIAGRAM_NOT_NEEDED)
        .order_by("pk")
    )
    order = {pk: position for position, pk in enumerate(by_id)}
    panels = sorted(_panels(found, by_id), key=lambda p: (order[p.project.pk], p.measure.pk))
    return [
        SameMeasure(name=name, panels=[p for p in panels if p.measure.name == name])
        for name in names
    ]

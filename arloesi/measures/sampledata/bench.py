"""Measures and their data for the benchmark, and the measures pages to time.

Every project's driver diagram gets three or four measures (on its aim and drivers), named from
a short list so that the same measure appears in many clusters, each with one to two years of
weekly or monthly data — at scale 1 (about 940 projects) some 3,000 measures and 200,000 data
points. The busiest project (the first, with the 60-box diagram) has a measure with five years
of weekly data (260 points), a rebase and a note: its page, its chart and its forms are timed
for the project's lead. The small multiples of that measure are timed for an officer of the
project's health board, who sees more projects with the same measure as Wales fills up.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from arloesi.core import bench
from arloesi.core.bench import BenchContext, insert_rows
from arloesi.diagrams.models import DiagramNode
from arloesi.diagrams.vocabulary import Kind, OwnerKind
from arloesi.measures.models import Annotation, DataPoint, Measure
from arloesi.organisations.models import Person
from arloesi.organisations.roles import Role
from arloesi.organisations.sampledata.bench import holder
from arloesi.projects.models import Project, ProjectTeamMember

BUSIEST_NAME = "Patients seen within two weeks"
# (name, kind, chart, rules, frequency, direction, level, spread)
MEASURES = [
    (BUSIEST_NAME, "outcome", "xmr", "mdc", "weekly", "up", 70.0, 6.0),
    ("Inhaler checks done right", "process", "p", "anhoej", "weekly", "up", 0.6, 0.1),
    ("Falls in care homes", "outcome", "c", "anhoej", "monthly", "down", 12.0, 3.0),
    ("Reviews completed", "process", "run", "anhoej", "weekly", "up", 40.0, 8.0),
    ("Repeat prescriptions late", "balancing", "xmr", "mdc", "weekly", "down", 15.0, 4.0),
    ("Admissions avoided", "outcome", "run", "ihi", "monthly", "up", 8.0, 2.0),
    ("Same-day appointments", "process", "xmr", "anhoej", "weekly", "up", 120.0, 15.0),
    ("Missed appointments", "balancing", "u", "anhoej", "monthly", "down", 0.05, 0.01),
]
BUSIEST_POINTS = 260


def _nodes() -> dict[int, list[int]]:
    """Each project's aim and drivers (the boxes a measure goes on), by project."""
    found: dict[int, list[int]] = {}
    for pk, owner in (
        DiagramNode.objects.filter(
            diagram__owner_kind=OwnerKind.PROJECT,
            deleted_at__isnull=True,
            kind__in=[Kind.AIM, Kind.PRIMARY],
        )
        .order_by("diagram__owner_id", "position", "pk")
        .values_list("pk", "diagram__owner_id")
    ):
        found.setdefault(owner, []).append(pk)
    return found


def _series(rng: random.Random, spec, count: int) -> list[dict]:
    _name, _kind, chart, _rules, _frequency, direction, level, spread = spec
    shift_at = rng.randint(count // 3, max(count // 3, 2 * count // 3))
    lift = spread * 1.5 * (1 if direction == "up" else -1)
    rows = []
    for k in range(count):
        centre = level + (lift if k >= shift_at else 0.0)
        if chart in ("p", "u"):
            denominator = rng.randint(40, 120)
            rate = min(max(rng.gauss(centre, spread / 3), 0.0), 1.0 if chart == "p" else 10.0)
            rows.append({"numerator": Decimal(round(rate * denominator)),
                         "denominator": Decimal(denominator)})  # fmt: skip
        else:
            rows.append({"value": Decimal(str(round(max(rng.gauss(centre, spread), 0.0), 1)))})
    return rows


def _starts(frequency: str, count: int, today: date) -> list[date]:
    monday = today - timedelta(days=today.weekday())
    if frequency == "weekly":
        return [monday - timedelta(weeks=count - k) for k in range(count)]
    first = today.replace(day=1)
    months = [(first.year * 12 + first.month - 1) - (count - k) for k in range(count)]
    return [date(m // 12, m % 12 + 1, 1) for m in months]


@transaction.atomic
def measures_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    nodes = _nodes()
    projects = dict(Project.objects.order_by("pk").values_list("pk", "started_by_id"))
    plan = []  # (project, node, spec, points)
    for number, (project_id, node_ids) in enumerate(sorted(nodes.items())):
        total = rng.choice((3, 3, 3, 4))
        if number == 0:
            specs = [MEASURES[0], *rng.sample(MEASURES[1:], total - 1)]
        else:
            specs = rng.sample(MEASURES, total)
        for k, spec in enumerate(specs):
            if number == 0 and k == 0:
                count = BUSIEST_POINTS
            else:
                count = rng.randint(52, 130) if spec[4] == "weekly" else rng.randint(12, 36)
            plan.append((project_id, node_ids[k % len(node_ids)], spec, count))
    now = timezone.now()
    before = Measure.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    made = insert_rows(
        Measure,
        (
            {"node_id": node, "kind": spec[1], "name": spec[0], "chart_type": spec[2],
             "rule_set": spec[3], "frequency": spec[4], "direction": spec[5],
             "operational_definition": f"{spec[0]}, counted from the practice system",
             "unit": "%" if spec[2] == "p" else "", "created_at": now,
             "created_by_id": projects.get(project)}
            for project, node, spec, _count in plan
        ),
    )  # fmt: skip
    ids = list(Measure.objects.filter(pk__gt=before).order_by("pk").values_list("pk", flat=True))
    today = timezone.localdate()
    points = insert_rows(
        DataPoint,
        (
            {"measure_id": measure_id, "period_start": start, **row}
            for measure_id, (_project, _node, spec, count) in zip(ids, plan, strict=True)
            for start, row in zip(
                _starts(spec[4], count, today), _series(rng, spec, count), strict=True
            )
        ),
    )
    if ids:
        busiest = ids[0]
        starts = _starts("weekly", BUSIEST_POINTS, today)
        Annotation.objects.bulk_create(
            [
                Annotation(measure_id=busiest, kind="rebase", on=starts[130], text="New rota"),
                Annotation(measure_id=busiest, kind="note", on=starts[200], text="Locum cover"),
            ]
        )
    return {"measures": made, "data points": points}


bench.register_generator("measures", measures_generate, order=50)


def _busiest(context: BenchContext) -> Measure:
    return context.pick(
        "measures.busiest",
        lambda: Measure.objects.filter(name=BUSIEST_NAME).order_by("pk").first(),
    )


def _project(context: BenchContext) -> Project:
    return context.pick(
        "measures.busiest_project",
        lambda: Project.objects.select_related("planning_group").get(
            pk=_busiest(context).node.diagram.owner_id
        ),
    )


def _lead(context: BenchContext) -> Person:
    return (
        ProjectTeamMember.objects.filter(project=_project(context))
        .order_by("-is_lead", "pk")
        .first()
        .person
    )


def _officer(context: BenchContext) -> Person:
    board = _project(context).planning_group.parent
    return holder(board, Role.HEALTH_BOARD_OFFICER)


def _measure_url(route: str, **extra):
    return lambda context: reverse(route, kwargs={"measure_id": _busiest(context).pk, **extra})


def _project_url(route: str):
    return lambda context: reverse(route, kwargs={"project_id": _project(context).pk})


for _name, _url, _why in [
    ("measure (260 weekly points)", _measure_url("measures:detail"), "one measure's 260 points"),
    (
        "measure chart SVG (260 weekly points)",
        _measure_url("measures:chart", file_format="svg"),
        "the chart of one measure's 260 points",
    ),
    ("project's measures", _project_url("measures:list"), "one project's measures"),
    ("add a measure", _project_url("measures:add"), "a form with one diagram's boxes"),
    ("change a measure", _measure_url("measures:edit"), "a form about one measure"),
    ("enter a measure's data", _measure_url("measures:data"), "a grid of 16 periods"),
    ("import a measure's data", _measure_url("measures:import"), "a form to upload a file"),
    ("add a note to a measure", _measure_url("measures:note_add"), "a form"),
    ("recalculate a measure's limits", _measure_url("measures:rebase_add"), "a form"),
]:
    bench.register_page(_name, url=_url, user=_lead, does_not_grow=_why)
bench.register_page(
    "compare a measure across projects", url=_measure_url("measures:compare"), user=_officer
)

"""Every project's driver diagram for the benchmark (the proposals generator makes the projects
and their teams), and the diagram pages to time.

Each project gets a realistic diagram (a copy of one of a few dozen shapes); the first project
gets one of 60 boxes, the size the budget names, and its lead times the diagram's pages with
the editor showing. The list of diagrams is timed for a health board officer, who sees every
project of the board.
"""

import random

from django.db import transaction
from django.urls import reverse

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.diagrams.models import Diagram, DiagramNode
from arloesi.diagrams.sampledata.shapes import LARGE, shape, shapes, write
from arloesi.diagrams.vocabulary import Kind, OwnerKind
from arloesi.organisations.models import Person
from arloesi.organisations.roles import Role
from arloesi.organisations.sampledata.bench import largest_health_board
from arloesi.projects.models import Project, ProjectTeamMember
from arloesi.projects.sampledata import (
    bench_cycles,  # noqa: F401  (the cycles pages)
    bench_monitoring,  # noqa: F401  (the monitoring pages)
    bench_running,  # noqa: F401  (running a project's pages)
    bench_schedule,  # noqa: F401  (the schedules generator)
)


@transaction.atomic
def project_diagrams_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    projects = list(
        Project.objects.exclude(
            pk__in=Diagram.objects.filter(owner_kind=OwnerKind.PROJECT).values("owner_id")
        )
        .order_by("pk")
        .values_list("pk", "title", "started_at", "started_by_id")
    )
    made = shapes(rng, 24)
    large = shape(rng, LARGE)
    diagrams = [
        (
            Diagram(
                owner_kind=OwnerKind.PROJECT,
                owner_id=pk,
                title=title,
                created_by_id=started_by,
                created_at=started_at,
            ),
            large if number == 0 else made[number % len(made)],
        )
        for number, (pk, title, started_at, started_by) in enumerate(projects)
    ]
    return write(diagrams)


bench.register_generator("project diagrams", project_diagrams_generate, order=30)


def _large(context: BenchContext) -> Diagram:
    return context.pick(
        "projects.large_diagram",
        lambda: Diagram.objects.filter(owner_kind=OwnerKind.PROJECT).order_by("owner_id").first(),
    )


def _lead(context: BenchContext) -> Person:
    diagram = _large(context)
    return (
        ProjectTeamMember.objects.filter(project_id=diagram.owner_id)
        .order_by("-is_lead", "pk")
        .first()
        .person
    )


def _officer(context: BenchContext) -> Person:
    return (
        Person.objects.filter(
            memberships__unit=largest_health_board(context),
            memberships__role=Role.HEALTH_BOARD_OFFICER,
            memberships__ended_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )


def _diagram_url(route: str, **extra):
    return lambda context: reverse(route, kwargs={"diagram_id": _large(context).pk, **extra})


def _box(context: BenchContext) -> DiagramNode:
    """The secondary driver with the most links, on the 60-box diagram."""
    return context.pick(
        "projects.large_diagram_box",
        lambda: (
            DiagramNode.objects.filter(diagram=_large(context), kind=Kind.SECONDARY)
            .order_by("pk")
            .first()
        ),
    )


def _box_url(route: str):
    return lambda context: reverse(
        route, kwargs={"diagram_id": _large(context).pk, "node_id": _box(context).pk}
    )


bench.register_page("driver diagrams", url=lambda context: reverse("diagrams:list"), user=_officer)
for _name, _url, _why in [
    ("driver diagram (60 boxes)", _diagram_url("diagrams:detail"), "one diagram of 60 boxes"),
    (
        "driver diagram SVG (60 boxes)",
        _diagram_url("diagrams:export", file_format="svg"),
        "the drawing of one diagram of 60 boxes",
    ),
    ("diagram title and aim", _diagram_url("diagrams:aim"), "a form about one diagram"),
    ("diagram history", _diagram_url("diagrams:history"), "one diagram's changes (none in bulk)"),
    ("diagram box", _box_url("diagrams:node_edit"), "a form about one box"),
    ("diagram box links", _box_url("diagrams:node_links"), "the other boxes of one diagram"),
    ("start a diagram", lambda context: reverse("diagrams:start"), "a form and the examples"),
]:
    bench.register_page(_name, url=_url, user=_lead, does_not_grow=_why)

"""Five years of delivery across Wales for the benchmark, and the delivery pages to time.

Every project's change ideas get tasks (about 25,000 at ``--scale 1``) with one to three needs,
some waiting for the task before them, most serving their project's first priority; dates run
from four years ago to a year ahead, so the past is done or cancelled and the present open. The
people of each cluster declare hours a month, year by year, with a few absences; each health
board offers its clusters some hours for a priority. Pages are timed for the busiest cluster
(the most open tasks) by its lead.
"""

import random
from collections import defaultdict
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.delivery.capacity import add_months, month_of
from arloesi.delivery.models import (
    Absence,
    CapacityDeclaration,
    CapacityOffer,
    Skill,
    Task,
    TaskNeed,
)
from arloesi.delivery.vocabulary import OPEN_STATUSES, TaskStatus
from arloesi.diagrams.models import DiagramNode
from arloesi.organisations.models import Membership, OrganisationUnit, Person
from arloesi.organisations.roles import Kind, Role
from arloesi.organisations.sampledata.bench import holder
from arloesi.projects.models import Project

TASKS_AT_SCALE_1 = 25_000
WORDS = ("Agree", "Search for", "Review", "Contact", "Train staff on", "Audit", "Report on")
THINGS = ("the patient list", "repeat prescriptions", "the protocol", "care homes", "the data")


def _ideas() -> list[tuple[int, int, int | None]]:
    """(change idea, cluster, the project's first priority) for every project's change idea."""
    projects = dict(Project.objects.values_list("pk", "lead_collaborative__parent_id"))
    first_priority = {}
    for project, priority in Project.priorities.through.objects.order_by("pk").values_list(
        "project_id", "localpriority_id"
    ):
        first_priority.setdefault(project, priority)
    return [
        (node, projects[owner], first_priority.get(owner))
        for node, owner in DiagramNode.objects.filter(
            diagram__owner_kind="project", kind="change_idea", deleted_at__isnull=True
        )
        .order_by("pk")
        .values_list("pk", "diagram__owner_id")
        if owner in projects
    ]


def _status(rng: random.Random, starts_on: date, due_on: date, today: date) -> str:
    if due_on < today:
        return TaskStatus.DONE if rng.random() < 0.9 else TaskStatus.CANCELLED
    if starts_on <= today:
        return TaskStatus.IN_PROGRESS if rng.random() < 0.6 else TaskStatus.NOT_STARTED
    return TaskStatus.NOT_STARTED


def _tasks(rng, ideas, count, skills, today) -> dict[str, int]:
    first_id = (Task.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    rows, plans = [], []
    for number in range(count):
        node, cluster, priority = ideas[number % len(ideas)]
        starts_on = today - timedelta(days=rng.randint(-365, 4 * 365))
        due_on = starts_on + timedelta(days=rng.randint(14, 120))
        rows.append(
            {
                "cluster_id": cluster,
                "change_idea_id": node,
                "title": f"{rng.choice(WORDS)} {rng.choice(THINGS)} {number + 1}",
                "starts_on": starts_on,
                "due_on": due_on,
                "status": _status(rng, starts_on, due_on, today),
                "expected_benefit": rng.randint(1, 5),
                "created_at": timezone.now(),
            }
        )
        plans.append((node, priority))
    bench.insert_rows(Task, rows)
    ids = list(Task.objects.filter(pk__gte=first_id).order_by("pk").values_list("pk", flat=True))
    needs, links, served, last_of = [], [], [], {}
    for task_id, (node, priority) in zip(ids, plans, strict=True):
        for skill in rng.sample(skills, rng.randint(1, 3)):
            needs.append({"task_id": task_id, "skill_id": skill, "hours": rng.randint(4, 60)})
        if node in last_of and rng.random() < 0.15:
            links.append({"from_task_id": task_id, "to_task_id": last_of[node]})
        last_of[node] = task_id
        if priority and rng.random() < 0.7:
            served.append({"task_id": task_id, "localpriority_id": priority})
    return {
        "tasks": len(ids),
        "needs": bench.insert_rows(TaskNeed, needs),
        "dependencies": bench.insert_rows(Task.dependencies.through, links),
        "task priorities": bench.insert_rows(Task.priorities.through, served),
    }


def _capacity(rng, skills, today) -> dict[str, int]:
    people_of = defaultdict(set)
    for person, path in Membership.objects.filter(
        ended_at__isnull=True,
        role__in=(Role.PRACTITIONER, Role.COLLABORATIVE_LEAD, Role.CLUSTER_LEAD),
    ).values_list("person_id", "unit__path"):
        cluster_path = "/".join(path.split("/")[:5]) + "/"
        people_of[cluster_path].add(person)
    clusters = dict(OrganisationUnit.objects.filter(kind=Kind.CLUSTER).values_list("path", "pk"))
    start = add_months(month_of(today), -48)
    declarations, absences, seen = [], [], set()
    for path, cluster in clusters.items():
        for person in sorted(people_of.get(path, ()))[:12]:
            skill = rng.choice(skills)
            for year in range(6):
                declarations.append(
                    {
                        "cluster_id": cluster,
                        "person_id": person,
                        "skill_id": skill,
                        "hours_per_month": rng.randint(4, 30),
                        "from_month": add_months(start, 12 * year),
                        "to_month": add_months(start, 12 * year + 11),
                    }
                )
            if person not in seen:
                seen.add(person)
                for _ in range(rng.randint(0, 3)):
                    first = today + timedelta(days=rng.randint(-4 * 365, 365))
                    absences.append(
                        {
                            "person_id": person,
                            "first_day": first,
                            "last_day": first + timedelta(days=rng.randint(0, 14)),
                        }
                    )
    return {
        "capacity declarations": bench.insert_rows(CapacityDeclaration, declarations),
        "absences": bench.insert_rows(Absence, absences),
    }


def _offers(rng, skills, today) -> dict[str, int]:
    boards = dict(OrganisationUnit.objects.filter(kind=Kind.HEALTH_BOARD).values_list("path", "pk"))
    priorities = defaultdict(list)
    for pk, path in Project.priorities.through.objects.values_list(
        "localpriority_id", "project__lead_collaborative__parent__path"
    ).distinct():
        priorities[path].append(pk)
    first_id = (CapacityOffer.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    rows, links = [], []
    for path, cluster_priorities in sorted(priorities.items()):
        board = boards.get("/".join(path.split("/")[:3]) + "/")
        if board is None:
            continue
        for year in range(5):
            begins = add_months(month_of(today), -48 + 12 * year + rng.randint(0, 6))
            rows.append(
                {
                    "health_board_id": board,
                    "cluster_id": OrganisationUnit.objects.only("pk").get(path=path).pk,
                    "skill_id": rng.choice(skills),
                    "hours_per_month": rng.randint(10, 40),
                    "from_month": begins,
                    "to_month": add_months(begins, 5),
                    "created_at": timezone.now(),
                }
            )
            links.append(cluster_priorities[0])
    bench.insert_rows(CapacityOffer, rows)
    ids = CapacityOffer.objects.filter(pk__gte=first_id).order_by("pk").values_list("pk", flat=True)
    served = [
        {"capacityoffer_id": offer, "localpriority_id": priority}
        for offer, priority in zip(ids, links, strict=True)
    ]
    return {"offers": len(rows), "offer priorities": bench.insert_rows(
        CapacityOffer.priorities.through, served
    )}  # fmt: skip


@transaction.atomic
def delivery_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    ideas = _ideas()
    skills = list(Skill.objects.order_by("pk").values_list("pk", flat=True))
    today = timezone.localdate()
    counts = {}
    if ideas:
        counts |= _tasks(rng, ideas, max(int(TASKS_AT_SCALE_1 * scale), len(ideas)), skills, today)
    counts |= _capacity(rng, skills, today)
    counts |= _offers(rng, skills, today)
    return counts


bench.register_generator("delivery", delivery_generate, order=60)


def busiest_cluster(context: BenchContext) -> OrganisationUnit:
    """The cluster with the most open tasks."""

    def choose():
        row = (
            Task.objects.filter(status__in=OPEN_STATUSES, removed_at__isnull=True)
            .values("cluster_id")
            .annotate(open=Count("pk"))
            .order_by("-open", "cluster_id")
            .first()
        )
        return OrganisationUnit.objects.get(pk=row["cluster_id"])

    return context.pick("delivery.busiest_cluster", choose)


def _lead(context: BenchContext) -> Person:
    return holder(busiest_cluster(context), Role.CLUSTER_LEAD)


def _officer(context: BenchContext) -> Person:
    board = busiest_cluster(context).path.split("/")[2]
    return (
        Person.objects.filter(
            memberships__unit__path=f"/{busiest_cluster(context).path.split('/')[1]}/{board}/",
            memberships__role=Role.HEALTH_BOARD_OFFICER,
            memberships__ended_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )


def _busiest_idea(context: BenchContext) -> int:
    return context.pick(
        "delivery.busiest_idea",
        lambda: (
            Task.objects.filter(cluster=busiest_cluster(context))
            .values("change_idea_id")
            .annotate(tasks=Count("pk"))
            .order_by("-tasks", "change_idea_id")
            .first()["change_idea_id"]
        ),
    )


def _open_task(context: BenchContext) -> Task:
    """The open task of the busiest cluster with the most needs."""
    return context.pick(
        "delivery.open_task",
        lambda: (
            Task.objects.filter(cluster=busiest_cluster(context), status__in=OPEN_STATUSES)
            .annotate(needs_count=Count("needs"))
            .order_by("-needs_count", "pk")
            .first()
        ),
    )


def _cluster_url(route: str):
    return lambda context: reverse(route, kwargs={"unit_id": busiest_cluster(context).pk})


bench.register_page("task board (busiest cluster)", url=_cluster_url("delivery:board"), user=_lead)
bench.register_page(
    "capacity view (busiest cluster, a year)",
    url=lambda context: (
        _cluster_url("delivery:capacity")(context)
        + f"?from={add_months(month_of(timezone.localdate()), -6):%Y-%m}&months=12"
    ),
    user=_lead,
)
bench.register_page(
    "delivery groups (busiest cluster)", url=_cluster_url("delivery:groups"), user=_lead
)
bench.register_page(
    "change idea's tasks",
    url=lambda context: reverse(
        "delivery:change_idea_tasks", kwargs={"node_id": _busiest_idea(context)}
    ),
    user=_lead,
)
bench.register_page(
    "add a task",
    url=lambda context: reverse("delivery:task_add", kwargs={"node_id": _busiest_idea(context)}),
    user=_lead,
    does_not_grow="a form: its lists are the cluster's people and its project's open tasks, capped",
)
for _name, _route in (
    ("change a task", "delivery:task_edit"),
    ("move a task", "delivery:task_status"),
):
    bench.register_page(
        _name,
        url=lambda context, route=_route: reverse(
            route, kwargs={"task_id": _open_task(context).pk}
        ),
        user=_lead,
        does_not_grow="a form about one task",
    )
bench.register_page(
    "a task's history",
    url=lambda context: reverse(
        "delivery:task_history", kwargs={"task_id": _open_task(context).pk}
    ),
    user=_lead,
    does_not_grow="one task's own changes, however many other tasks there are",
)
bench.register_page(
    "my capacity",
    url=lambda context: reverse("delivery:my_capacity"),
    user=_lead,
    does_not_grow="one person's hours and absences, a handful at any scale",
)


def _declaration(context: BenchContext) -> CapacityDeclaration:
    """A person's hours in the busiest cluster (changed by that person)."""
    return context.pick(
        "delivery.declaration",
        lambda: (
            CapacityDeclaration.objects.filter(
                cluster=busiest_cluster(context), person__isnull=False
            )
            .order_by("pk")
            .first()
        ),
    )


bench.register_page(
    "change my hours",
    url=lambda context: reverse(
        "delivery:declaration_edit", kwargs={"declaration_id": _declaration(context).pk}
    ),
    user=lambda context: _declaration(context).person,
    does_not_grow="a form about one person's hours of one skill",
)
bench.register_page(
    "offer capacity to a cluster",
    url=_cluster_url("delivery:offer_add"),
    user=_officer,
    does_not_grow="a form: skills and the cluster's priorities",
)


# The allocation and the unaddressed-potential report, registered with the rest of delivery.
from arloesi.delivery.sampledata import bench_allocation, bench_report  # noqa: E402, F401

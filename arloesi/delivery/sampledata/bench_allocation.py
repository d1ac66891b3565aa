"""The allocation for ``make bench``: the next twelve months of the busiest cluster (the most
open tasks) proposed by its lead, and the prioritisation and allocation pages timed as the lead.

The tasks and capacity are the delivery generator's; if there are no open tasks at all, this
makes a cluster-year's worth for the largest cluster in proportion to the scale (500 tasks and
40 people's hours at scale 1, one task in three waiting on an earlier one) on a change idea.
The run is proposed through the service, as a lead would.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.delivery import services
from arloesi.delivery.allocation.scoring import Weights
from arloesi.delivery.capacity import add_months, month_of
from arloesi.delivery.models import AllocationRun, CapacityDeclaration, Skill, Task, TaskNeed
from arloesi.delivery.vocabulary import OPEN_STATUSES
from arloesi.diagrams.models import DiagramNode
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.sampledata.bench import holder, largest_cluster

SKILLS = ("gp", "practice_nurse", "pharmacist", "data_analyst", "project_manager", "receptionist")


def _work_for(cluster, scale: float, rng: random.Random) -> None:
    first = month_of(timezone.localdate())
    idea = DiagramNode.objects.filter(kind="change_idea").order_by("pk").first()
    skills = {s.code: s for s in Skill.objects.filter(code__in=SKILLS)}
    people = list(Person.objects.filter(is_active=True).order_by("pk")[: max(4, int(40 * scale))])
    CapacityDeclaration.objects.bulk_create(
        CapacityDeclaration(
            cluster=cluster,
            person=person,
            skill=skills[code],
            hours_per_month=rng.randint(4, 16),
            from_month=first,
        )
        for person in people
        for code in rng.sample(SKILLS, rng.randint(1, 3))
    )
    tasks = Task.objects.bulk_create(
        Task(
            cluster=cluster,
            change_idea=idea,
            title=f"Task {number} of the cluster-year",
            starts_on=(start := add_months(first, rng.randint(0, 8))),
            due_on=add_months(start, rng.randint(0, 11 - (start.month - first.month) % 12))
            + timedelta(days=27),
            expected_benefit=rng.randint(1, 5),
        )
        for number in range(1, max(5, int(500 * scale)) + 1)
    )
    TaskNeed.objects.bulk_create(
        TaskNeed(task=task, skill=skills[code], hours=rng.randint(2, 40))
        for task in tasks
        for code in rng.sample(SKILLS, rng.randint(1, 3))
    )
    through = Task.dependencies.through
    through.objects.bulk_create(
        through(from_task_id=task.pk, to_task_id=tasks[rng.randint(max(0, n - 20), n - 1)].pk)
        for n, task in enumerate(tasks)
        if n and rng.random() < 1 / 3
    )


def busiest_cluster(context: BenchContext):
    """The cluster with the most open tasks (as the task board's bench chooses it), else the
    largest."""

    def choose():
        row = (
            Task.objects.filter(status__in=OPEN_STATUSES, removed_at__isnull=True)
            .values("cluster_id")
            .annotate(open=Count("pk"))
            .order_by("-open", "cluster_id")
            .first()
        )
        if row is None:
            return largest_cluster(context)
        return OrganisationUnit.objects.get(pk=row["cluster_id"])

    return context.pick("delivery.busiest_cluster", choose)


def _lead(context: BenchContext) -> Person:
    return holder(busiest_cluster(context), Role.CLUSTER_LEAD)


@transaction.atomic
def allocation_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    context = BenchContext(scale=scale)
    if not Task.objects.filter(status__in=OPEN_STATUSES).exists():
        _work_for(largest_cluster(context), scale, rng)
    cluster = busiest_cluster(context)
    first = month_of(timezone.localdate())
    run = services.allocation_propose(
        actor=_lead(context),
        cluster=cluster,
        first_month=first,
        last_month=add_months(first, 11),
        weights=Weights(),
    )
    return {"allocation runs": 1, "allocation lines": run.lines.count()}


bench.register_generator("allocation", allocation_generate, order=90)


def _run(context: BenchContext) -> AllocationRun:
    return context.pick(
        "delivery.allocation_run",
        lambda: (
            AllocationRun.objects.filter(cluster=busiest_cluster(context)).order_by("-pk").first()
        ),
    )


def _task(context: BenchContext) -> Task:
    return Task.objects.filter(cluster=busiest_cluster(context)).order_by("pk").first()


bench.register_page(
    "allocation proposal",
    url=lambda context: reverse("delivery:allocation", kwargs={"run_id": _run(context).pk}),
    user=_lead,
)
bench.register_page(
    "priorities",
    url=lambda context: reverse(
        "delivery:priorities", kwargs={"unit_id": busiest_cluster(context).pk}
    ),
    user=_lead,
)
bench.register_page(
    "run an allocation",
    url=lambda context: reverse(
        "delivery:allocation_new", kwargs={"unit_id": busiest_cluster(context).pk}
    ),
    user=_lead,
    does_not_grow="a blank form",
)
bench.register_page(
    "priority score",
    url=lambda context: reverse(
        "delivery:priority_override", kwargs={"task_id": _task(context).pk}
    ),
    user=_lead,
    does_not_grow="a form about one task",
)

"""The allocation for ``make bench``: a cluster-year of work proposed for the largest cluster,
and the prioritisation and allocation pages timed as its lead.

The tasks and capacity the allocation runs on are the largest cluster's; if nothing has made any
for it, this makes a cluster-year's worth in proportion to the scale (500 tasks and 40 people's
hours at scale 1, one task in three waiting on an earlier one), on a change idea of a project's
diagram. The run is proposed through the service, as a lead would.
"""

import random
from datetime import date

from django.db import transaction
from django.urls import reverse

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.delivery import services
from arloesi.delivery.allocation.scoring import Weights
from arloesi.delivery.models import AllocationRun, CapacityDeclaration, Skill, Task, TaskNeed
from arloesi.diagrams.models import DiagramNode
from arloesi.organisations.models import Person
from arloesi.organisations.sampledata.bench import cluster_lead, largest_cluster

YEAR = date(2027, 1, 1)
SKILLS = ("gp", "practice_nurse", "pharmacist", "data_analyst", "project_manager", "receptionist")


def _work_for(cluster, scale: float, rng: random.Random) -> None:
    idea = DiagramNode.objects.filter(kind="change_idea").order_by("pk").first()
    skills = {s.code: s for s in Skill.objects.filter(code__in=SKILLS)}
    people = list(Person.objects.filter(is_active=True).order_by("pk")[: max(4, int(40 * scale))])
    CapacityDeclaration.objects.bulk_create(
        CapacityDeclaration(
            cluster=cluster,
            person=person,
            skill=skills[code],
            hours_per_month=rng.randint(4, 16),
            from_month=YEAR,
        )
        for person in people
        for code in rng.sample(SKILLS, rng.randint(1, 3))
    )
    tasks = Task.objects.bulk_create(
        Task(
            cluster=cluster,
            change_idea=idea,
            title=f"Task {number} of the cluster-year",
            starts_on=date(2027, (start := rng.randint(1, 9)), 1),
            due_on=date(2027, rng.randint(start, 12), 28),
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


@transaction.atomic
def allocation_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    context = BenchContext(scale=scale)
    cluster = largest_cluster(context)
    if not Task.objects.filter(cluster=cluster).exists():
        _work_for(cluster, scale, rng)
    run = services.allocation_propose(
        actor=cluster_lead(context),
        cluster=cluster,
        first_month=YEAR,
        last_month=date(2027, 12, 1),
        weights=Weights(),
    )
    return {"allocation runs": 1, "allocation lines": run.lines.count()}


bench.register_generator("allocation", allocation_generate, order=90)


def _run(context: BenchContext) -> AllocationRun:
    return context.pick(
        "delivery.allocation_run",
        lambda: (
            AllocationRun.objects.filter(cluster=largest_cluster(context)).order_by("-pk").first()
        ),
    )


def _task(context: BenchContext) -> Task:
    return Task.objects.filter(cluster=largest_cluster(context)).order_by("pk").first()


bench.register_page(
    "allocation proposal",
    url=lambda context: reverse("delivery:allocation", kwargs={"run_id": _run(context).pk}),
    user=cluster_lead,
)
bench.register_page(
    "priorities",
    url=lambda context: reverse(
        "delivery:priorities", kwargs={"unit_id": largest_cluster(context).pk}
    ),
    user=cluster_lead,
)
bench.register_page(
    "run an allocation",
    url=lambda context: reverse(
        "delivery:allocation_new", kwargs={"unit_id": largest_cluster(context).pk}
    ),
    user=cluster_lead,
    does_not_grow="a blank form",
)
bench.register_page(
    "priority score",
    url=lambda context: reverse(
        "delivery:priority_override", kwargs={"task_id": _task(context).pk}
    ),
    user=cluster_lead,
    does_not_grow="a form about one task",
)

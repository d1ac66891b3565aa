"""Work confirmed as not accommodated, for ``make bench``, and the unaddressed-potential report
timed for the busiest cluster (by its lead) and its health board (by an officer).

Each cluster with chosen tasks gets an accepted allocation whose lines are those tasks, not
allocated and confirmed by the lead: short of hours of one of the skills each task needs, with
the aim and drivers above its change idea, and the entry its confirmation raised on the
cluster's risk register. About 600 tasks at ``--scale 1``, a share of them always in the busiest
cluster so that its report grows with the scale. Written in bulk.
"""

import random
from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.delivery.capacity import month_of
from arloesi.delivery.models import AllocationLine, AllocationRun, Skill, Task, TaskNeed
from arloesi.delivery.runs import RunStatus
from arloesi.delivery.sampledata.bench_allocation import busiest_cluster
from arloesi.delivery.vocabulary import RISK_SOURCE_KIND as SOURCE_KIND
from arloesi.diagrams.models import DiagramLink, DiagramNode
from arloesi.organisations.roles import Role
from arloesi.organisations.sampledata.bench import holder
from arloesi.risks.models import RiskEntry
from arloesi.risks.vocabulary import Category

TASKS_AT_SCALE_1 = 600


def _lineages(idea_ids: set[int]) -> dict[int, dict]:
    """The aim and drivers above each change idea, as the lead's confirmation keeps them."""
    diagrams = set(DiagramNode.objects.filter(pk__in=idea_ids).values_list("diagram_id", flat=True))
    nodes = {
        pk: (kind, text)
        for pk, kind, text in DiagramNode.objects.filter(
            diagram_id__in=diagrams, deleted_at__isnull=True
        ).values_list("pk", "kind", "text")
    }
    parents: dict[int, list[int]] = defaultdict(list)
    for source, target in DiagramLink.objects.filter(
        diagram_id__in=diagrams, deleted_at__isnull=True
    ).values_list("source_id", "target_id"):
        parents[target].append(source)
    found = {}
    for idea in idea_ids:
        aim, drivers, seen, stack = None, [], set(), list(parents.get(idea, ()))
        while stack:
            pk = stack.pop(0)
            if pk in seen or pk not in nodes:
                continue
            seen.add(pk)
            kind, text = nodes[pk]
            if kind == "aim":
                aim = [pk, text]
            else:
                drivers.append([pk, text])
            stack.extend(parents.get(pk, ()))
        found[idea] = {"aim": aim, "drivers": drivers}
    return found


def _chosen(context: BenchContext, scale: float, rng: random.Random) -> list[tuple]:
    tasks = list(
        Task.objects.filter(removed_at__isnull=True, needs__isnull=False)
        .distinct()
        .order_by("pk")
        .values_list("pk", "cluster_id", "change_idea_id", "starts_on", "due_on")
    )
    busiest = busiest_cluster(context).pk
    own = [t for t in tasks if t[1] == busiest]
    count = min(len(tasks), max(12, int(TASKS_AT_SCALE_1 * scale)))
    chosen = {t[0]: t for t in rng.sample(tasks, count)}
    for t in own[: max(3, int(40 * scale))]:
        chosen[t[0]] = t
    return sorted(chosen.values())


def _lead(context: BenchContext):
    return holder(busiest_cluster(context), Role.CLUSTER_LEAD)


def _board(context: BenchContext):
    return busiest_cluster(context).parent.parent


def _officer(context: BenchContext):
    return holder(_board(context), Role.HEALTH_BOARD_OFFICER)


@transaction.atomic
def unaddressed_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    context = BenchContext(scale=scale)
    chosen = _chosen(context, scale, rng)
    if not chosen:
        return {}
    needs: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for task_id, code, hours in TaskNeed.objects.filter(
        task_id__in=[t[0] for t in chosen]
    ).values_list("task_id", "skill__code", "hours"):
        needs[task_id].append((code, hours))
    lineages = _lineages({t[2] for t in chosen})
    by_cluster: dict[int, list[tuple]] = defaultdict(list)
    for t in chosen:
        by_cluster[t[1]].append(t)
    lead = _lead(context)
    runs = AllocationRun.objects.bulk_create(
        AllocationRun(
            cluster_id=cluster,
            first_month=month_of(min(t[3] for t in tasks)),
            last_month=month_of(max(t[4] for t in tasks)),
            weight_fit=1,
            weight_benefit=1,
            weight_effort=1,
            status=RunStatus.ACCEPTED,
            proposed_by=lead,
        )
        for cluster, tasks in sorted(by_cluster.items())
    )
    lines, entries = [], []
    today = timezone.localdate()
    skills = dict(Skill.objects.values_list("code", "name_en"))
    for run, (cluster, tasks) in zip(runs, sorted(by_cluster.items()), strict=True):
        for position, (task_id, _cluster, idea, _starts, due) in enumerate(tasks, start=1):
            code, hours = rng.choice(needs[task_id])
            free = rng.randint(0, max(hours - 1, 0))
            month = month_of(due).isoformat()
            lines.append(
                AllocationLine(
                    run=run,
                    task_id=task_id,
                    position=position,
                    score=rng.random(),
                    allocated=False,
                    kept=False,
                    confirmed_unaccommodated=True,
                    reasons=[
                        {
                            "code": "short_of_hours",
                            "skill": code,
                            "hours_needed": hours,
                            "hours_free": free,
                            "first_month": run.first_month.isoformat(),
                            "last_month": month,
                        }
                    ],
                    gap={code: hours - free},
                    lineage=lineages.get(idea, {}),
                )
            )
            entries.append(
                RiskEntry(
                    unit_id=cluster,
                    title=f"Not accommodated: task {task_id}",
                    description=f"Needs {hours} h of {skills.get(code, code)}, {free} h free.",
                    category=Category.UNADDRESSED,
                    initial_consequence=3,
                    initial_likelihood=4,
                    current_consequence=3,
                    current_likelihood=4,
                    current_score=12,
                    target_consequence=2,
                    target_likelihood=2,
                    next_review_on=today,
                    source_kind=SOURCE_KIND,
                    source_id=task_id,
                    gap=f"{hours - free} h of {skills.get(code, code)}",
                )
            )
    AllocationLine.objects.bulk_create(lines, batch_size=500)
    RiskEntry.objects.bulk_create(entries, batch_size=500)
    return {"accepted allocations": len(runs), "tasks not accommodated": len(lines)}


bench.register_generator("unaddressed", unaddressed_generate, order=95)


bench.register_page(
    "unaddressed potential (busiest cluster)",
    url=lambda context: reverse(
        "delivery:unaddressed", kwargs={"unit_id": busiest_cluster(context).pk}
    ),
    user=_lead,
)
bench.register_page(
    "unaddressed potential (its health board)",
    url=lambda context: reverse("delivery:unaddressed", kwargs={"unit_id": _board(context).pk}),
    user=_officer,
)

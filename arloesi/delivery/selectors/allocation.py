"""Reads for prioritisation and allocation: what a run is given, the ranking, and a run's page."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q, Sum
from django.http import Http404
from django.utils import timezone

from arloesi.core import permissions
from arloesi.delivery import capacity
from arloesi.delivery.allocation import Holder, Offer, TaskToPlace, month_number
from arloesi.delivery.allocation.scoring import Ranked, ScoreInput, Weights, priority_fit, rank
from arloesi.delivery.models import (
    Absence,
    AllocationLine,
    AllocationRun,
    CapacityDeclaration,
    CapacityOffer,
    Task,
    TaskNeed,
)
from arloesi.delivery.permissions import Perm
from arloesi.delivery.runs import RunStatus
from arloesi.delivery.selectors import access
from arloesi.delivery.vocabulary import OPEN_STATUSES
from arloesi.organisations import selectors as organisations
from arloesi.proposals import selectors as proposals


def month_key(day: date) -> int:
    return month_number(day.year, day.month)


def current_priority_ids(*, cluster, on: date) -> set[int]:
    """The local priorities of the cluster and of its planning group in force on ``on``."""
    group = organisations.planning_group_of(unit=cluster)
    if group is None:
        return set()
    return {
        p.pk
        for p in proposals.priority_list_for_planning_group(planning_group=group, on=on)
        if p.unit_id in (cluster.pk, group.pk)
    }


def open_tasks(*, cluster, first_month: date | None = None, last_month: date | None = None):
    """The cluster's open tasks (overlapping the months, when given), needs and links loaded."""
    tasks = Task.objects.filter(cluster=cluster, removed_at__isnull=True, status__in=OPEN_STATUSES)
    if first_month and last_month:
        tasks = tasks.filter(due_on__gte=first_month, starts_on__lte=capacity.month_end(last_month))
    return list(
        tasks.prefetch_related(
            Prefetch("needs", queryset=TaskNeed.objects.select_related("skill")),
            "priorities",
            Prefetch("dependencies", queryset=Task.objects.only("id", "status")),
        )
        .select_related("change_idea")
        .order_by("id")
    )


def score_inputs(tasks, current: set[int]) -> list[ScoreInput]:
    return [
        ScoreInput(
            task_id=task.pk,
            fit=priority_fit((p.pk for p in task.priorities.all()), current),
            benefit=task.expected_benefit,
            effort_hours=sum(need.hours for need in task.needs.all()),
            override=float(task.priority_override) if task.priority_override is not None else None,
            override_reason=task.priority_override_reason,
        )
        for task in tasks
    ]


@dataclass(frozen=True)
class RankedTask:
    task: Task
    ranked: Ranked


def ranking(*, cluster, weights: Weights, on: date) -> list[RankedTask]:
    """The cluster's open tasks, best score first, each with the parts of its score.

    Read for showing, in three queries whatever the number of tasks: the tasks' own columns, the
    hours they need summed by the database, and the priorities they serve (ids only)."""
    still_open = Task.objects.filter(
        cluster=cluster, removed_at__isnull=True, status__in=OPEN_STATUSES
    )
    tasks = list(
        still_open.only(
            "pk", "title", "expected_benefit", "priority_override", "priority_override_reason"
        ).order_by("id")
    )
    by_id = {task.pk: task for task in tasks}
    effort = dict(
        TaskNeed.objects.filter(task__in=still_open.values("pk"))
        .values("task_id")
        .annotate(hours=Sum("hours"))
        .values_list("task_id", "hours")
        .order_by()
    )
    served: dict[int, list[int]] = defaultdict(list)
    for task_id, priority_id in Task.priorities.through.objects.filter(
        task__in=still_open.values("pk")
    ).values_list("task_id", "localpriority_id"):
        served[task_id].append(priority_id)
    current = current_priority_ids(cluster=cluster, on=on)
    inputs = [
        ScoreInput(
            task_id=task.pk,
            fit=priority_fit(served.get(task.pk, ()), current),
            benefit=task.expected_benefit,
            effort_hours=effort.get(task.pk, 0),
            override=float(task.priority_override) if task.priority_override is not None else None,
            override_reason=task.priority_override_reason,
        )
        for task in tasks
    ]
    return [RankedTask(by_id[r.task_id], r) for r in rank(inputs, weights)]


def weights_of(run: AllocationRun) -> Weights:
    return Weights(float(run.weight_fit), float(run.weight_benefit), float(run.weight_effort))


def weights_row(weights: Weights) -> dict[str, Decimal]:
    return {
        "weight_fit": Decimal(str(weights.fit)),
        "weight_benefit": Decimal(str(weights.benefit)),
        "weight_effort": Decimal(str(weights.effort)),
    }


@dataclass(frozen=True)
class AllocationInputs:
    tasks: list[Task]
    to_place: list[TaskToPlace]
    holders: list[Holder]
    offers: list[Offer]
    ranked: dict[int, Ranked]


def allocation_inputs(
    *, cluster, first_month: date, last_month: date, weights: Weights
) -> AllocationInputs:
    """What the allocator is given for a cluster's months, read in a fixed number of queries."""
    months = capacity.months_between(first_month, last_month)
    first, last = month_key(first_month), month_key(last_month)
    tasks = open_tasks(cluster=cluster, first_month=first_month, last_month=last_month)
    ranked = {
        r.task_id: r
        for r in rank(
            score_inputs(tasks, current_priority_ids(cluster=cluster, on=first_month)), weights
        )
    }
    open_ids = {task.pk for task in tasks}
    to_place = []
    for task in tasks:
        fixed = None
        if task.assigned_person_id:
            fixed = ("person", task.assigned_person_id)
        elif task.assigned_group_id:
            fixed = ("group", task.assigned_group_id)
        to_place.append(
            TaskToPlace(
                id=task.pk,
                needs={need.skill.code: need.hours for need in task.needs.all()},
                earliest=max(month_key(task.starts_on), first),
                due=min(month_key(task.due_on), last),
                score=ranked[task.pk].score,
                depends_on=frozenset(d.pk for d in task.dependencies.all() if d.pk in open_ids),
                priorities=frozenset(p.pk for p in task.priorities.all()),
                fixed_holder=fixed,
            )
        )
    declarations = list(
        CapacityDeclaration.objects.filter(cluster=cluster, from_month__lte=last_month)
        .filter(Q(to_month__isnull=True) | Q(to_month__gte=first_month))
        .select_related("skill")
    )
    people = {d.person_id for d in declarations if d.person_id}
    away: dict[int, list[tuple[date, date]]] = defaultdict(list)
    for absence in Absence.objects.filter(
        person_id__in=people,
        last_day__gte=first_month,
        first_day__lte=capacity.month_end(last_month),
    ):
        away[absence.person_id].append((absence.first_day, absence.last_day))
    free: dict[tuple[str, int], dict[tuple[str, int], int]] = defaultdict(dict)
    skills: dict[tuple[str, int], set[str]] = defaultdict(set)
    for declaration in declarations:
        key = (
            ("person", declaration.person_id)
            if declaration.person_id
            else ("group", declaration.group_id)
        )
        plain = capacity.Declaration(
            declaration.skill.code,
            declaration.hours_per_month,
            declaration.from_month,
            declaration.to_month,
            tuple(away.get(declaration.person_id, ())),
        )
        skills[key].add(declaration.skill.code)
        for month in months:
            hours = int(plain.hours_in(month))
            cell = (declaration.skill.code, month_key(month))
            free[key][cell] = free[key].get(cell, 0) + hours
    holders = [Holder(key, frozenset(skills[key]), free[key]) for key in skills]
    offers = []
    for offer in (
        CapacityOffer.objects.filter(
            cluster=cluster,
            withdrawn_at__isnull=True,
            from_month__lte=last_month,
            to_month__gte=first_month,
        )
        .select_related("skill")
        .prefetch_related("priorities")
    ):
        served = frozenset(p.pk for p in offer.priorities.all())
        for month in capacity.months_between(
            max(offer.from_month, first_month), min(offer.to_month, last_month)
        ):
            offers.append(
                Offer(
                    ("offer", offer.pk),
                    offer.skill.code,
                    month_key(month),
                    offer.hours_per_month,
                    served,
                )
            )
    return AllocationInputs(tasks, to_place, holders, offers, ranked)


# What a run's page reads of a line: its own columns and its task's title.
LINE_FIELDS = (
    "id",
    "run_id",
    "task_id",
    "position",
    "score",
    "allocated",
    "hours",
    "reasons",
    "gap",
    "kept",
    "confirmed_unaccommodated",
    "task__id",
    "task__title",
)


def run_get_for_user(*, user, run_id: int) -> AllocationRun:
    return permissions.get_for_user(
        AllocationRun.objects.select_related("cluster", "proposed_by"),
        user,
        Perm.VIEW,
        "cluster__path",
        pk=run_id,
    )


def run_lines(*, run: AllocationRun) -> list[AllocationLine]:
    """The run's lines in turn, each with its task's title (all a run's page shows of it)."""
    return list(run.lines.select_related("task").only(*LINE_FIELDS).order_by("position", "id"))


def runs_for_cluster(*, cluster, limit: int = 20) -> list[AllocationRun]:
    return list(AllocationRun.objects.filter(cluster=cluster).select_related("proposed_by")[:limit])


def cluster_to_plan(*, user, unit_id: int):
    """The cluster, if ``user`` plans its work; anyone else gets 404."""
    cluster = access.cluster_get_for_user(user=user, unit_id=unit_id)
    if not access.may_manage(user, cluster):
        raise Http404
    return cluster


@dataclass(frozen=True)
class PrioritiesPage:
    cluster: object
    weights: Weights
    rows: list[RankedTask]
    may_plan: bool
    runs: list[AllocationRun]


def priorities_page(*, user, cluster, weights: Weights) -> PrioritiesPage:
    return PrioritiesPage(
        cluster=cluster,
        weights=weights,
        rows=ranking(cluster=cluster, weights=weights, on=timezone.localdate()),
        may_plan=access.may_manage(user, cluster),
        runs=runs_for_cluster(cluster=cluster),
    )


def run_for_decision(*, user, run_id: int) -> tuple[AllocationRun, bool]:
    """The run (404 if out of reach) and whether ``user`` may decide on it now."""
    run = run_get_for_user(user=user, run_id=run_id)
    return run, access.may_manage(user, run.cluster) and run.status == RunStatus.PROPOSED

"""The allocation: the highest-scoring tasks get capacity first (pure: no database).

1. **Order.** Tasks are offered capacity one at a time, highest score first (ties: the lower id
   first). A task is offered capacity only after every task it depends on, and a dependency is
   lifted to the score of the highest task that waits for it — otherwise a low-scoring
   dependency would lose its hours to middling work and take a high-scoring task down with it.
   Tasks in a circle of dependencies are not allocated.
2. **Months.** A task's hours go between its earliest start (or, if later, the month its last
   dependency finishes) and its due month, earliest months first, so that what waits for it can
   start soon.
3. **Hours.** For each skill, the hours come from the holders the task may use: its fixed
   holder only, if it has one; otherwise every person and group with the skill, and the offers
   made for a priority it serves. In each month the holders it already uses come first, then
   offers (capacity that can serve nothing else), then the others in the order of their keys.
   A holder's hours are never given twice, nor past their monthly limit.
4. **All or nothing.** A task is allocated only if every skill it needs fits; otherwise nothing
   is taken and each skill that does not fit is reported with the hours needed and free.
"""

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from arloesi.delivery.allocation.plan import (
    Allocation,
    Assignment,
    Decision,
    Holder,
    HolderKey,
    Month,
    Offer,
    Reason,
    TaskToPlace,
    Why,
)


@dataclass(frozen=True)
class _Source:
    index: int
    key: HolderKey
    is_offer: bool
    serves: frozenset[int] | None  # None: any task


class _Capacity:
    """Free hours per (source, skill, month) and the monthly limits, as they are used up."""

    def __init__(self, holders: Iterable[Holder], offers: Iterable[Offer]) -> None:
        self.sources: list[_Source] = []
        self.free: dict[tuple[int, str, Month], int] = {}
        self.limit: dict[tuple[int, Month], int] = {}
        self.with_skill: dict[str, list[_Source]] = {}
        keys: set[HolderKey] = set()
        for holder in sorted(holders, key=lambda h: h.key):
            source = self._add(holder.key, keys, is_offer=False, serves=None)
            for skill in holder.skills:
                self.with_skill.setdefault(skill, []).append(source)
            for (skill, month), hours in holder.free.items():
                if skill in holder.skills and hours > 0:
                    self.free[(source.index, skill, month)] = hours
            for month, hours in (holder.monthly_limit or {}).items():
                self.limit[(source.index, month)] = max(hours, 0)
        # One offer may come as several (its months, its skills): the same key, one source.
        offered: dict[HolderKey, _Source] = {}
        for offer in sorted(offers, key=lambda o: (o.key, o.skill, o.month)):
            source = offered.get(offer.key)
            serves = frozenset(offer.priorities)
            if source is None:
                source = offered[offer.key] = self._add(
                    offer.key, keys, is_offer=True, serves=serves
                )
            elif source.serves != serves:
                raise ValueError(f"offer {offer.key} is given for different priorities")
            if source not in self.with_skill.setdefault(offer.skill, []):
                self.with_skill[offer.skill].append(source)
            if offer.hours > 0:
                cell = (source.index, offer.skill, offer.month)
                self.free[cell] = self.free.get(cell, 0) + offer.hours

    def _add(self, key: HolderKey, keys: set[HolderKey], *, is_offer: bool, serves) -> _Source:
        if key in keys:
            raise ValueError(f"holder {key} is given twice")
        keys.add(key)
        source = _Source(len(self.sources), key, is_offer, serves)
        self.sources.append(source)
        return source


def _order(tasks: dict[int, TaskToPlace]) -> tuple[list[int], dict[int, float], set[int]]:
    """The turn of each task, the score it is placed by, and the tasks caught in a cycle."""
    waits_on = {
        task_id: {d for d in task.depends_on if d in tasks and d != task_id}
        for task_id, task in tasks.items()
    }
    self_dependent = {task_id for task_id, task in tasks.items() if task_id in task.depends_on}
    waited_by: dict[int, list[int]] = {task_id: [] for task_id in tasks}
    for task_id, deps in waits_on.items():
        for dep in deps:
            waited_by[dep].append(task_id)
    # Kahn's order, to find the cycles and to lift dependencies to their dependents' scores.
    remaining = {task_id: len(deps) for task_id, deps in waits_on.items()}
    ready = [task_id for task_id, count in remaining.items() if count == 0]
    topological: list[int] = []
    while ready:
        task_id = ready.pop()
        topological.append(task_id)
        for dependent in waited_by[task_id]:
            remaining[dependent] -= 1
            if remaining[dependent] == 0:
                ready.append(dependent)
    cyclic = (set(tasks) - set(topological)) | self_dependent
    placed_by = {task_id: float(task.score) for task_id, task in tasks.items()}
    for task_id in reversed(topological):
        for dependent in waited_by[task_id]:
            if dependent not in cyclic:
                placed_by[task_id] = max(placed_by[task_id], placed_by[dependent])
    # The turns: the best-scoring task whose dependencies have all had their turn goes next.
    remaining = {task_id: len(waits_on[task_id]) for task_id in topological}
    heap = [(-placed_by[t], -tasks[t].score, t) for t in topological if remaining[t] == 0]
    heapq.heapify(heap)
    turns: list[int] = []
    while heap:
        _, _, task_id = heapq.heappop(heap)
        turns.append(task_id)
        for dependent in waited_by[task_id]:
            if dependent in remaining:
                remaining[dependent] -= 1
                if remaining[dependent] == 0:
                    heapq.heappush(
                        heap, (-placed_by[dependent], -tasks[dependent].score, dependent)
                    )
    # A task that names itself is in ``turns`` (its own name was not counted as waiting).
    return [t for t in turns if t not in cyclic], placed_by, cyclic


def _fit(
    task: TaskToPlace, start: Month, capacity: _Capacity
) -> tuple[list[Assignment], list[Reason]]:
    """Place every skill of the task on a draft; the draft is kept only if nothing is short."""
    months = range(start, task.due + 1)
    used_free: dict[tuple[int, str, Month], int] = {}
    used_limit: dict[tuple[int, Month], int] = {}
    used_sources: set[int] = set()
    assignments: list[Assignment] = []
    reasons: list[Reason] = []

    def usable(source: _Source, skill: str, month: Month) -> int:
        free = capacity.free.get((source.index, skill, month), 0) - used_free.get(
            (source.index, skill, month), 0
        )
        limit = capacity.limit.get((source.index, month))
        if limit is not None:
            free = min(free, limit - used_limit.get((source.index, month), 0))
        return max(free, 0)

    for skill in sorted(task.needs):
        needed = task.needs[skill]
        if needed <= 0:
            continue
        candidates = [
            s
            for s in capacity.with_skill.get(skill, ())
            if (task.fixed_holder is None or s.key == task.fixed_holder)
            and (s.serves is None or s.serves & task.priorities)
        ]
        if not candidates:
            if task.fixed_holder is not None:
                reasons.append(
                    Reason(Why.HOLDER_LACKS_SKILL, skill=skill, holder=task.fixed_holder)
                )
            else:
                reasons.append(Reason(Why.NO_ONE_WITH_SKILL, skill=skill))
            continue
        free = sum(usable(s, skill, m) for s in candidates for m in months)
        if free < needed:
            reasons.append(
                Reason(
                    Why.SHORT_OF_HOURS,
                    skill=skill,
                    hours_needed=needed,
                    hours_free=free,
                    first_month=start,
                    last_month=task.due,
                )
            )
            continue
        still = needed
        for month in months:
            preferred = sorted(
                candidates, key=lambda s: (s.index not in used_sources, not s.is_offer, s.index)
            )
            for source in preferred:
                take = min(still, usable(source, skill, month))
                if take <= 0:
                    continue
                used_free[(source.index, skill, month)] = (
                    used_free.get((source.index, skill, month), 0) + take
                )
                used_limit[(source.index, month)] = used_limit.get((source.index, month), 0) + take
                used_sources.add(source.index)
                assignments.append(Assignment(source.key, skill, month, take))
                still -= take
                if not still:
                    break
            if not still:
                break
    if not reasons:
        for (index, skill, month), hours in used_free.items():
            capacity.free[(index, skill, month)] -= hours
        for (index, month), hours in used_limit.items():
            if (index, month) in capacity.limit:
                capacity.limit[(index, month)] -= hours
    return assignments, reasons


def allocate(
    tasks: Iterable[TaskToPlace],
    holders: Iterable[Holder] = (),
    offers: Iterable[Offer] = (),
) -> Allocation:
    """Offer the capacity to the tasks, best score first, and say what happened to each."""
    by_id: dict[int, TaskToPlace] = {}
    for task in tasks:
        if task.id in by_id:
            raise ValueError(f"task {task.id} is given twice")
        by_id[task.id] = task
    capacity = _Capacity(holders, offers)
    turns, placed_by, cyclic = _order(by_id)
    finish: dict[int, Month] = {}
    decisions: list[Decision] = []
    for position, task_id in enumerate(turns, start=1):
        task = by_id[task_id]
        deps = sorted(d for d in task.depends_on if d in by_id)
        common = {"task_id": task_id, "position": position, "placed_by_score": placed_by[task_id]}
        missing = tuple(d for d in deps if d not in finish)
        if missing:
            reason = Reason(Why.DEPENDENCY_NOT_ALLOCATED, task_ids=missing)
            decisions.append(Decision(allocated=False, reasons=(reason,), **common))
            continue
        if task.due < task.earliest:
            reason = Reason(Why.NO_MONTHS, first_month=task.earliest, last_month=task.due)
            decisions.append(Decision(allocated=False, reasons=(reason,), **common))
            continue
        start = max([task.earliest, *(finish[d] for d in deps)])
        if start > task.due:
            late = tuple(d for d in deps if finish[d] > task.due)
            reason = Reason(
                Why.DEPENDENCIES_FINISH_LATE, first_month=start, last_month=task.due, task_ids=late
            )
            decisions.append(Decision(allocated=False, reasons=(reason,), **common))
            continue
        assignments, reasons = _fit(task, start, capacity)
        if reasons:
            decisions.append(Decision(allocated=False, reasons=tuple(reasons), **common))
            continue
        last = max((a.month for a in assignments), default=start)
        first = min((a.month for a in assignments), default=start)
        finish[task_id] = last
        decisions.append(
            Decision(
                allocated=True,
                reasons=(Reason(Why.ALLOCATED, first_month=first, last_month=last),),
                assignments=tuple(assignments),
                start=first,
                finish=last,
                **common,
            )
        )
    position = len(decisions)
    for task_id in sorted(cyclic):
        position += 1
        reason = Reason(Why.DEPENDENCY_CYCLE, task_ids=tuple(sorted(by_id[task_id].depends_on)))
        decisions.append(
            Decision(
                task_id=task_id,
                position=position,
                allocated=False,
                reasons=(reason,),
                placed_by_score=float(by_id[task_id].score),
            )
        )
    return Allocation(tuple(decisions))

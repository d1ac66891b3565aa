"""What the allocator is given and what it answers: plain data, no database.

Months are whole numbers counted from year 0 (``month_number(2027, 3)``), so a range of months is
a ``range`` and the page layer turns them back into names (``year_and_month``). Hours are whole
hours. A *holder* is whoever gives the hours — a person, a group, or a health board's offer —
named by a key such as ``("person", 12)``, ``("group", 3)`` or ``("offer", 7)``.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

type HolderKey = tuple[str, int]
type Month = int


def month_number(year: int, month: int) -> Month:
    """The month's number: January 2027 is 12 × 2027, February one more."""
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not 1–12")
    return year * 12 + month - 1


def year_and_month(number: Month) -> tuple[int, int]:
    """The (year, month) of a month number."""
    return number // 12, number % 12 + 1


@dataclass(frozen=True)
class TaskToPlace:
    """One task asking for capacity.

    ``needs`` maps a skill to the hours it takes; the hours may be spread over the months from
    ``earliest`` to ``due`` (both included). ``depends_on`` names tasks of the same run that must
    be allocated and finished first (the month a dependency finishes may also hold this task's
    first hours: months are the unit, not days); dependencies already done are left out by the
    caller. ``priorities`` are the local priorities the task serves (an offer counts only for
    them); ``fixed_holder`` keeps every hour of the task with that one holder.
    """

    id: int
    needs: Mapping[str, int]
    earliest: Month
    due: Month
    score: float
    depends_on: frozenset[int] = frozenset()
    priorities: frozenset[int] = frozenset()
    fixed_holder: HolderKey | None = None


@dataclass(frozen=True)
class Holder:
    """A person or a group: the skills they bring and their free hours.

    ``free`` gives the hours free per (skill, month), after absences and what is already
    allocated. When one pool of hours serves all their skills, ``monthly_limit`` caps what the
    skills take together in a month (a month missing from it is not capped).
    """

    key: HolderKey
    skills: frozenset[str]
    free: Mapping[tuple[str, Month], int]
    monthly_limit: Mapping[Month, int] | None = None


@dataclass(frozen=True)
class Offer:
    """Hours a health board offers a cluster in one skill and month, for named priorities only.

    One offer running over several months comes as one ``Offer`` a month, under the same key
    and for the same priorities."""

    key: HolderKey
    skill: str
    month: Month
    hours: int
    priorities: frozenset[int]


class Why(StrEnum):
    """The reason codes of a decision; the page layer words them."""

    ALLOCATED = "allocated"
    # Nobody this task may use has the skill at all.
    NO_ONE_WITH_SKILL = "no_one_with_skill"
    # The task is kept with one holder, who lacks the skill.
    HOLDER_LACKS_SKILL = "holder_lacks_skill"
    # Fewer hours of the skill are free between the months than the task needs.
    SHORT_OF_HOURS = "short_of_hours"
    # A task it depends on was not allocated.
    DEPENDENCY_NOT_ALLOCATED = "dependency_not_allocated"
    # The tasks it depends on finish after its due month.
    DEPENDENCIES_FINISH_LATE = "dependencies_finish_late"
    # Its due month is before its earliest start.
    NO_MONTHS = "no_months"
    # It depends, directly or through others, on itself.
    DEPENDENCY_CYCLE = "dependency_cycle"


@dataclass(frozen=True)
class Reason:
    """One reason, with its numbers: ``SHORT_OF_HOURS`` for "pharmacist, 40 h needed, 12 h free,
    March–March 2027"; ``DEPENDENCY_*`` name the tasks in ``task_ids``."""

    code: Why
    skill: str = ""
    hours_needed: int = 0
    hours_free: int = 0
    first_month: Month | None = None
    last_month: Month | None = None
    task_ids: tuple[int, ...] = ()
    holder: HolderKey | None = None

    @property
    def gap(self) -> int:
        """Hours short (what the risk register records)."""
        return max(self.hours_needed - self.hours_free, 0)


@dataclass(frozen=True)
class Assignment:
    holder: HolderKey
    skill: str
    month: Month
    hours: int


@dataclass(frozen=True)
class Decision:
    """What happened to one task: ``position`` is its turn (1 is first to get capacity)."""

    task_id: int
    position: int
    allocated: bool
    reasons: tuple[Reason, ...]
    assignments: tuple[Assignment, ...] = ()
    # The score it was placed by: its own, or higher if a task that needs it scores higher.
    placed_by_score: float = 0.0
    start: Month | None = None
    finish: Month | None = None

    @property
    def holders(self) -> tuple[HolderKey, ...]:
        return tuple(sorted({assignment.holder for assignment in self.assignments}))

    def hours_by_skill(self) -> dict[str, int]:
        hours: dict[str, int] = {}
        for assignment in self.assignments:
            hours[assignment.skill] = hours.get(assignment.skill, 0) + assignment.hours
        return hours

    def gap_by_skill(self) -> dict[str, int]:
        """For a task not allocated for want of hours: the hours short, per skill."""
        return {
            reason.skill: reason.gap
            for reason in self.reasons
            if reason.code == Why.SHORT_OF_HOURS and reason.gap
        }


@dataclass(frozen=True)
class Allocation:
    """Every task's decision, in the order the tasks were offered capacity."""

    decisions: tuple[Decision, ...]
    _by_task: dict[int, Decision] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_by_task", {decision.task_id: decision for decision in self.decisions}
        )

    def decision(self, task_id: int) -> Decision:
        return self._by_task[task_id]

    @property
    def allocated(self) -> tuple[Decision, ...]:
        return tuple(decision for decision in self.decisions if decision.allocated)

    @property
    def not_allocated(self) -> tuple[Decision, ...]:
        return tuple(decision for decision in self.decisions if not decision.allocated)

    def hours_used(self) -> dict[tuple[HolderKey, str, Month], int]:
        """Hours given per (holder, skill, month), over every allocated task."""
        used: dict[tuple[HolderKey, str, Month], int] = {}
        for decision in self.allocated:
            for a in decision.assignments:
                used[(a.holder, a.skill, a.month)] = used.get((a.holder, a.skill, a.month), 0) + (
                    a.hours
                )
        return used

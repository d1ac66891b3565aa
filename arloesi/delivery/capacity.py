"""Demand against capacity, per skill and per month: the arithmetic behind a cluster's capacity
view (and the months the allocation counts in). Pure: no Django.

Months are the first day of the month (``date(2027, 3, 1)``).

- **Demand**: a task's need (hours of a skill) is spread over the months from its earliest start
  to its due date, in proportion to the working days (Monday to Friday) of that window falling in
  each month. A window with no working day puts all its hours in the due date's month.
- **Declared capacity**: a declaration gives its hours a month in every month from its first
  month to its last (or for ever); a person's absences take away the share of each month's
  working days they are away.
- **Offered capacity**: a health board's offer counts only against the demand of tasks that serve
  one of its priorities, and never for more than that demand (offers are used in the order given,
  each on the demand the ones before it left).
- **Shortfall**: demand less declared and usable offered capacity, when that is more than nothing.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

Month = date


def month_of(day: date) -> Month:
    return day.replace(day=1)


def add_months(month: Month, count: int) -> Month:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: Month) -> date:
    return add_months(month, 1) - timedelta(days=1)


def months_between(first: Month, last: Month) -> list[Month]:
    """Every month from ``first`` to ``last``, both included (none when last is before first)."""
    months = []
    month = month_of(first)
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


def working_days(first: date, last: date) -> int:
    """Monday-to-Friday days from ``first`` to ``last``, both included."""
    if last < first:
        return 0
    days = (last - first).days + 1
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    weekday = first.weekday()
    for offset in range(rest):
        if (weekday + offset) % 7 < 5:
            count += 1
    return count


def overlap(first: date, last: date, month: Month) -> tuple[date, date]:
    return max(first, month), min(last, month_end(month))


def spread(hours: float, starts_on: date, due_on: date) -> dict[Month, float]:
    """A need's hours over its months, in proportion to the working days in each."""
    months = months_between(month_of(starts_on), month_of(due_on))
    total = working_days(starts_on, due_on)
    if not total:
        return {month_of(due_on): float(hours)}
    shares = {}
    for month in months:
        days = working_days(*overlap(starts_on, due_on, month))
        if days:
            shares[month] = hours * days / total
    return shares


def available(hours_per_month: float, month: Month, absences: Iterable[tuple[date, date]]) -> float:
    """Hours a month left after the absences that fall in it."""
    in_month = working_days(month, month_end(month))
    away = set()
    for first, last in absences:
        start, end = overlap(first, last, month)
        day = start
        while day <= end:
            if day.weekday() < 5:
                away.add(day)
            day += timedelta(days=1)
    return hours_per_month * (in_month - len(away)) / in_month


@dataclass(frozen=True)
class Need:
    """Hours of a skill a task needs between its earliest start and its due date."""

    task: Hashable
    skill: Hashable
    hours: float
    starts_on: date
    due_on: date
    priorities: frozenset = frozenset()


@dataclass(frozen=True)
class Declaration:
    """Hours a month of a skill, from a month to a month (None: open-ended), with the absences of
    the person who declared them (none for a group)."""

    skill: Hashable
    hours_per_month: float
    from_month: Month
    to_month: Month | None = None
    absences: tuple[tuple[date, date], ...] = ()

    def hours_in(self, month: Month) -> float:
        if month < self.from_month or (self.to_month is not None and month > self.to_month):
            return 0.0
        return available(self.hours_per_month, month, self.absences)


@dataclass(frozen=True)
class Offer:
    """A health board's hours a month of a skill, for tasks serving its priorities only."""

    skill: Hashable
    hours_per_month: float
    from_month: Month
    to_month: Month
    priorities: frozenset

    def hours_in(self, month: Month) -> float:
        return self.hours_per_month if self.from_month <= month <= self.to_month else 0.0


@dataclass
class Cell:
    """One skill in one month."""

    skill: Hashable
    month: Month
    demand: float = 0.0
    declared: float = 0.0
    offered: float = 0.0

    @property
    def capacity(self) -> float:
        return self.declared + self.offered

    @property
    def shortfall(self) -> float:
        return max(0.0, self.demand - self.capacity)

    @property
    def spare(self) -> float:
        return max(0.0, self.capacity - self.demand)


@dataclass
class Balance:
    months: list[Month]
    skills: list[Hashable]
    cells: dict[tuple[Hashable, Month], Cell] = field(default_factory=dict)

    def cell(self, skill: Hashable, month: Month) -> Cell:
        return self.cells[skill, month]

    def shortfalls(self) -> list[Cell]:
        """The cells where demand does not fit, skill by skill, month by month."""
        return [
            self.cells[skill, month]
            for skill in self.skills
            for month in self.months
            if self.cells[skill, month].shortfall > 0
        ]


def balance(
    needs: Sequence[Need],
    declarations: Sequence[Declaration],
    offers: Sequence[Offer],
    months: Sequence[Month],
    skills: Sequence[Hashable] | None = None,
) -> Balance:
    """Demand against capacity per skill and month, over ``months``."""
    months = list(months)
    shown = set(months)
    if skills is None:
        seen: dict[Hashable, None] = {}
        for item in (*needs, *declarations, *offers):
            seen.setdefault(item.skill, None)
        skills = list(seen)
    result = Balance(months=months, skills=list(skills))
    for skill in result.skills:
        for month in months:
            result.cells[skill, month] = Cell(skill=skill, month=month)
    # What each (skill, month) asks of tasks serving each priority set, for the offers.
    remaining: dict[tuple[Hashable, Month], list[list]] = defaultdict(list)
    for need in needs:
        for month, hours in spread(need.hours, need.starts_on, need.due_on).items():
            cell = result.cells.get((need.skill, month)) if month in shown else None
            if cell is None:
                continue
            cell.demand += hours
            if need.priorities:
                remaining[need.skill, month].append([need.priorities, hours])
    for declaration in declarations:
        for month in months:
            cell = result.cells.get((declaration.skill, month))
            if cell is not None:
                cell.declared += declaration.hours_in(month)
    for offer in offers:
        for month in months:
            cell = result.cells.get((offer.skill, month))
            hours = offer.hours_in(month)
            if cell is None or not hours:
                continue
            for share in remaining[offer.skill, month]:
                if not hours:
                    break
                if share[0] & offer.priorities and share[1] > 0:
                    used = min(hours, share[1])
                    share[1] -= used
                    hours -= used
                    cell.offered += used
    return result

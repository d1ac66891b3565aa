"""Periods of a measure: a week starts on a Monday, a month on its 1st, a quarter on 1 January,
April, July or October. Pure: no Django."""

from datetime import date, timedelta

WEEKLY, MONTHLY, QUARTERLY = "weekly", "monthly", "quarterly"


def period_start(on: date, frequency: str) -> date:
    """The first day of the period ``on`` falls in."""
    if frequency == WEEKLY:
        return on - timedelta(days=on.weekday())
    if frequency == MONTHLY:
        return on.replace(day=1)
    if frequency == QUARTERLY:
        return date(on.year, 3 * ((on.month - 1) // 3) + 1, 1)
    raise ValueError(f"no such frequency: {frequency}")


def next_start(start: date, frequency: str, steps: int = 1) -> date:
    """The start of the period ``steps`` after the one starting on ``start`` (negative: before)."""
    if frequency == WEEKLY:
        return start + timedelta(weeks=steps)
    months = steps * (3 if frequency == QUARTERLY else 1)
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def starts(first: date, count: int, frequency: str) -> list[date]:
    """``count`` period starts from the one ``first`` falls in."""
    start = period_start(first, frequency)
    return [next_start(start, frequency, k) for k in range(count)]

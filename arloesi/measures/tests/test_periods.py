"""Periods: a week from Monday, a month from the 1st, a quarter from January, April, July or
October."""

from datetime import date

from arloesi.measures.periods import next_start, period_start, starts


def test_a_day_falls_in_its_week_month_and_quarter():
    wednesday = date(2025, 3, 5)
    assert period_start(wednesday, "weekly") == date(2025, 3, 3)
    assert period_start(wednesday, "monthly") == date(2025, 3, 1)
    assert period_start(wednesday, "quarterly") == date(2025, 1, 1)
    assert period_start(date(2025, 12, 31), "quarterly") == date(2025, 10, 1)


def test_periods_follow_one_another_across_a_year_end():
    assert next_start(date(2025, 12, 29), "weekly") == date(2026, 1, 5)
    assert next_start(date(2025, 11, 1), "monthly", 3) == date(2026, 2, 1)
    assert next_start(date(2025, 10, 1), "quarterly") == date(2026, 1, 1)
    assert next_start(date(2026, 1, 1), "quarterly", -1) == date(2025, 10, 1)
    assert starts(date(2025, 3, 5), 3, "weekly") == [
        date(2025, 3, 3),
        date(2025, 3, 10),
        date(2025, 3, 17),
    ]

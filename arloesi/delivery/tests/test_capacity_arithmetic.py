"""The capacity arithmetic, on months worked out by hand.

March 2027 starts on a Monday and has 23 working days; April 2027 starts on a Thursday and has 22.
"""

from datetime import date

import pytest

from arloesi.delivery.capacity import (
    Declaration,
    Need,
    Offer,
    add_months,
    available,
    balance,
    month_of,
    months_between,
    spread,
    working_days,
)

MARCH = date(2027, 3, 1)
APRIL = date(2027, 4, 1)
MAY = date(2027, 5, 1)


def test_months_are_counted_across_the_turn_of_the_year():
    assert add_months(date(2026, 11, 1), 3) == date(2027, 2, 1)
    assert add_months(MARCH, -3) == date(2026, 12, 1)
    assert months_between(date(2026, 12, 1), date(2027, 2, 1)) == [
        date(2026, 12, 1),
        date(2027, 1, 1),
        date(2027, 2, 1),
    ]
    assert months_between(APRIL, MARCH) == []
    assert month_of(date(2027, 3, 17)) == MARCH


def test_working_days_leave_out_weekends():
    assert working_days(MARCH, date(2027, 3, 31)) == 23
    assert working_days(APRIL, date(2027, 4, 30)) == 22
    assert working_days(date(2027, 3, 6), date(2027, 3, 7)) == 0  # a weekend
    assert working_days(date(2027, 3, 5), date(2027, 3, 4)) == 0


def test_a_need_is_spread_over_its_months_by_their_working_days():
    assert spread(45, MARCH, date(2027, 4, 30)) == {MARCH: 23.0, APRIL: 22.0}
    # From Friday 26 March (4 working days in March) to Friday 2 April (2 in April).
    shares = spread(12, date(2027, 3, 26), date(2027, 4, 2))
    assert shares == {MARCH: pytest.approx(8.0), APRIL: pytest.approx(4.0)}


def test_a_need_due_on_a_weekend_it_starts_on_falls_in_that_month():
    assert spread(6, date(2027, 3, 6), date(2027, 3, 7)) == {MARCH: 6.0}


def test_absences_take_away_the_share_of_the_month_missed():
    # Away the first week of March: 5 of 23 working days.
    assert available(23, MARCH, [(MARCH, date(2027, 3, 5))]) == pytest.approx(18.0)
    # Overlapping absences count each day once; the weekend costs nothing.
    absences = [(MARCH, date(2027, 3, 5)), (date(2027, 3, 4), date(2027, 3, 7))]
    assert available(23, MARCH, absences) == pytest.approx(18.0)
    assert available(22, APRIL, absences) == 22.0


def test_a_declaration_counts_from_its_first_month_to_its_last():
    declaration = Declaration("pharmacist", 10, from_month=APRIL, to_month=APRIL)
    assert [declaration.hours_in(month) for month in (MARCH, APRIL, MAY)] == [0.0, 10.0, 0.0]
    assert Declaration("gp", 4, from_month=MARCH).hours_in(date(2030, 1, 1)) == 4.0


def test_demand_set_against_capacity_shows_the_shortfall():
    needs = [Need(1, "pharmacist", 45, MARCH, date(2027, 4, 30))]
    declarations = [Declaration("pharmacist", 20, MARCH, absences=((MARCH, date(2027, 3, 5)),))]
    result = balance(needs, declarations, [], [MARCH, APRIL])
    march, april = result.cell("pharmacist", MARCH), result.cell("pharmacist", APRIL)
    assert march.demand == pytest.approx(23.0)
    assert march.declared == pytest.approx(20 * 18 / 23)
    assert march.shortfall == pytest.approx(23 - 20 * 18 / 23)
    assert april.shortfall == pytest.approx(2.0)
    assert [cell.month for cell in result.shortfalls()] == [MARCH, APRIL]


def test_an_offer_counts_only_for_tasks_serving_its_priorities():
    medicines, frailty = frozenset({"medicines"}), frozenset({"frailty"})
    needs = [
        Need(1, "pharmacist", 23, MARCH, date(2027, 3, 31), priorities=medicines),
        Need(2, "pharmacist", 23, MARCH, date(2027, 3, 31), priorities=frailty),
    ]
    offer = Offer("pharmacist", 40, MARCH, APRIL, priorities=medicines)
    result = balance(needs, [], [offer], [MARCH, APRIL])
    # 40 hours offered, but only the 23 of the medicines task can use them.
    assert result.cell("pharmacist", MARCH).offered == pytest.approx(23.0)
    assert result.cell("pharmacist", MARCH).shortfall == pytest.approx(23.0)
    # No demand in April: the offer counts for nothing there.
    assert result.cell("pharmacist", APRIL).offered == 0.0


def test_two_offers_for_one_priority_share_its_demand_rather_than_count_twice():
    medicines = frozenset({"medicines"})
    needs = [Need(1, "pharmacist", 23, MARCH, date(2027, 3, 31), priorities=medicines)]
    offers = [
        Offer("pharmacist", 15, MARCH, MARCH, priorities=medicines),
        Offer("pharmacist", 15, MARCH, MARCH, priorities=medicines | {"frailty"}),
    ]
    cell = balance(needs, [], offers, [MARCH]).cell("pharmacist", MARCH)
    assert cell.offered == pytest.approx(23.0)
    assert cell.shortfall == 0.0


def test_skills_are_listed_in_the_order_given_or_first_seen():
    needs = [Need(1, "gp", 5, MARCH, MARCH), Need(2, "nurse", 5, MARCH, MARCH)]
    assert balance(needs, [], [], [MARCH]).skills == ["gp", "nurse"]
    ordered = balance(needs, [], [], [MARCH], skills=["nurse", "gp", "analyst"])
    assert ordered.skills == ["nurse", "gp", "analyst"]
    assert ordered.cell("analyst", MARCH).demand == 0.0
    # A need outside the months shown is left out.
    assert balance(needs, [], [], [APRIL], skills=["gp"]).cell("gp", APRIL).demand == 0.0

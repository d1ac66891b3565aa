"""The allocator on cases worked out by hand: each docstring gives the working."""

from arloesi.delivery.allocation import (
    Holder,
    Offer,
    TaskToPlace,
    Why,
    allocate,
    month_number,
    year_and_month,
)

JAN, FEB, MAR, APR = (month_number(2027, m) for m in (1, 2, 3, 4))
PHARMACIST, GP, NURSE, ANALYST = "pharmacist", "gp", "practice_nurse", "data_analyst"


def person(number, free, limit=None):
    skills = frozenset(skill for skill, _ in free)
    return Holder(("person", number), skills, free, limit)


def task(number, needs, earliest=JAN, due=JAN, score=1.0, **extra):
    return TaskToPlace(number, needs, earliest, due, score, **extra)


def test_months_are_numbered_and_named_back():
    """March 2027 is 12 × 2027 + 2 = 24326, and reads back as (2027, 3)."""
    assert MAR == 24326
    assert year_and_month(MAR) == (2027, 3)
    assert year_and_month(month_number(2027, 12) + 1) == (2028, 1)


def test_a_task_short_of_hours_says_how_short():
    """Needs 40 h of pharmacist time in March 2027; the one pharmacist has 12 h free then.

    40 > 12, so it is not allocated: "needs 40 h of pharmacist time in March 2027, 12 h free",
    28 h short, and nothing is taken from the pharmacist.
    """
    result = allocate([task(1, {PHARMACIST: 40}, MAR, MAR)], [person(1, {(PHARMACIST, MAR): 12})])
    decision = result.decision(1)
    assert not decision.allocated
    (reason,) = decision.reasons
    assert reason.code == Why.SHORT_OF_HOURS
    assert (reason.skill, reason.hours_needed, reason.hours_free) == (PHARMACIST, 40, 12)
    assert (reason.first_month, reason.last_month) == (MAR, MAR)
    assert decision.gap_by_skill() == {PHARMACIST: 28}
    assert result.hours_used() == {}


def test_the_higher_score_gets_the_hours_whatever_the_order_given():
    """A (score 3) and B (score 2) each need 10 h of GP time in January; the GP has 15 h.

    A goes first and takes 10 h, leaving 5: B needs 10 h, 5 h free, so B is not allocated —
    the same whether A or B is listed first.
    """
    gp = person(1, {(GP, JAN): 15})
    a, b = task(1, {GP: 10}, score=3), task(2, {GP: 10}, score=2)
    for tasks in ([a, b], [b, a]):
        result = allocate(tasks, [gp])
        assert result.decision(1).allocated
        assert result.decision(1).position == 1
        short = result.decision(2).reasons[0]
        assert (short.code, short.hours_needed, short.hours_free) == (Why.SHORT_OF_HOURS, 10, 5)


def test_hours_spread_over_the_months_earliest_first():
    """30 h of nurse time between January and March, 12 h free a month: 12 + 12 + 6."""
    nurse = person(1, {(NURSE, m): 12 for m in (JAN, FEB, MAR)})
    decision = allocate([task(1, {NURSE: 30}, JAN, MAR)], [nurse]).decision(1)
    assert [(a.month, a.hours) for a in decision.assignments] == [(JAN, 12), (FEB, 12), (MAR, 6)]
    assert (decision.start, decision.finish) == (JAN, MAR)


def test_a_task_starts_no_earlier_than_the_month_its_dependency_finishes():
    """A needs 20 h of GP time from January, 10 h a month free: January and February.

    B depends on A and would start in January, but may start only in February, the month A
    finishes; A used February's 10 h, so B's 5 h go in March.
    """
    gp = person(1, {(GP, m): 10 for m in (JAN, FEB, MAR)})
    a = task(1, {GP: 20}, JAN, MAR, score=2)
    b = task(2, {GP: 5}, JAN, MAR, score=5, depends_on=frozenset({1}))
    result = allocate([b, a], [gp])
    assert [d.task_id for d in result.decisions] == [1, 2]
    assert result.decision(1).finish == FEB
    assert [(x.month, x.hours) for x in result.decision(2).assignments] == [(MAR, 5)]


def test_a_dependency_is_lifted_to_the_score_of_what_waits_for_it():
    """A (score 9) depends on C (score 1); X (score 5) stands alone; each needs 10 h, 20 free.

    Scores alone would give X then A then C, and A could not go without C. C is placed by A's
    score, 9, so the order is C, A, X: C and A get the 20 h; X needs 10 h, 0 free.
    """
    analyst = person(1, {(ANALYST, JAN): 20})
    tasks = [
        task(1, {ANALYST: 10}, score=9, depends_on=frozenset({3})),
        task(2, {ANALYST: 10}, score=5),
        task(3, {ANALYST: 10}, score=1),
    ]
    result = allocate(tasks, [analyst])
    assert [d.task_id for d in result.decisions] == [3, 1, 2]
    assert result.decision(3).placed_by_score == 9
    assert result.decision(1).allocated and result.decision(3).allocated
    assert result.decision(2).reasons[0].hours_free == 0


def test_a_task_waits_on_an_unallocated_dependency_and_says_which():
    """C needs 50 h of pharmacist time, 10 h free: not allocated; A depends on C, so nor is A."""
    tasks = [task(1, {GP: 1}, depends_on=frozenset({3})), task(3, {PHARMACIST: 50})]
    holders = [person(1, {(PHARMACIST, JAN): 10}), person(2, {(GP, JAN): 10})]
    result = allocate(tasks, holders)
    reason = result.decision(1).reasons[0]
    assert (reason.code, reason.task_ids) == (Why.DEPENDENCY_NOT_ALLOCATED, (3,))
    assert result.hours_used() == {}


def test_an_offer_counts_only_for_the_priorities_it_is_made_for():
    """The health board offers 20 h of pharmacist time in March for priority 7.

    Task 1 serves priority 7: it gets the offer's hours, before the cluster's own pharmacist's
    (the offer can serve nothing else). Task 2 serves priority 8 only: the offer is not its to
    use, and the cluster's pharmacist has 5 h of the 10 it needs.
    """
    offer = Offer(("offer", 1), PHARMACIST, MAR, 20, frozenset({7}))
    own = person(1, {(PHARMACIST, MAR): 5})
    tasks = [
        task(1, {PHARMACIST: 10}, MAR, MAR, score=2, priorities=frozenset({7})),
        task(2, {PHARMACIST: 10}, MAR, MAR, score=1, priorities=frozenset({8})),
    ]
    result = allocate(tasks, [own], [offer])
    assert result.decision(1).holders == (("offer", 1),)
    reason = result.decision(2).reasons[0]
    assert (reason.hours_needed, reason.hours_free) == (10, 5)


def test_a_task_kept_with_one_person_uses_only_them():
    """Task 1 is kept with person 1, a GP without data analysis; person 2 is an analyst.

    It needs 4 h of GP time (person 1 has them) and 2 h of analysis, which person 1 lacks: not
    allocated, and person 2's hours are not used for it.
    """
    holders = [person(1, {(GP, JAN): 10}), person(2, {(ANALYST, JAN): 10})]
    result = allocate([task(1, {GP: 4, ANALYST: 2}, fixed_holder=("person", 1))], holders)
    (reason,) = result.decision(1).reasons
    assert (reason.code, reason.skill, reason.holder) == (
        Why.HOLDER_LACKS_SKILL,
        ANALYST,
        ("person", 1),
    )


def test_one_pool_of_hours_serves_a_persons_skills_together():
    """Person 1 is a GP and an analyst, 10 h free in January in each, but 10 h in all.

    The task needs 6 h of analysis and 6 h of GP time in January. Analysis (alphabetically
    first) takes 6 h; GP time then has 10 − 6 = 4 h: needs 6, 4 free — not allocated.
    """
    both = person(1, {(GP, JAN): 10, (ANALYST, JAN): 10}, limit={JAN: 10})
    (reason,) = allocate([task(1, {GP: 6, ANALYST: 6})], [both]).decision(1).reasons
    assert (reason.skill, reason.hours_needed, reason.hours_free) == (GP, 6, 4)


def test_all_or_nothing_leaves_the_hours_for_the_next_task():
    """Task 1 (first) needs 5 h of GP time (fits) and 10 h of pharmacist time (2 h free).

    It is not allocated, so its 5 GP hours are not taken: task 2 needs all 8 GP hours and gets
    them.
    """
    holders = [person(1, {(GP, JAN): 8}), person(2, {(PHARMACIST, JAN): 2})]
    tasks = [task(1, {GP: 5, PHARMACIST: 10}, score=2), task(2, {GP: 8}, score=1)]
    result = allocate(tasks, holders)
    assert [r.skill for r in result.decision(1).reasons] == [PHARMACIST]
    assert result.decision(2).hours_by_skill() == {GP: 8}


def test_a_circle_of_dependencies_is_reported_not_allocated():
    """1 waits on 2 and 2 on 1; 3 waits on 1; 4 waits on itself; 5 waits on 4. None can go
    first, so 1, 2, 3 and 4 are reported in a circle, and 5 waits on an unallocated task."""
    gp = person(1, {(GP, JAN): 100})
    tasks = [
        task(1, {GP: 1}, depends_on=frozenset({2})),
        task(2, {GP: 1}, depends_on=frozenset({1})),
        task(3, {GP: 1}, depends_on=frozenset({1})),
        task(4, {GP: 1}, depends_on=frozenset({4})),
        task(5, {GP: 1}, depends_on=frozenset({4})),
    ]
    result = allocate(tasks, [gp])
    codes = {d.task_id: d.reasons[0].code for d in result.decisions}
    assert codes == {
        1: Why.DEPENDENCY_CYCLE,
        2: Why.DEPENDENCY_CYCLE,
        3: Why.DEPENDENCY_CYCLE,
        4: Why.DEPENDENCY_CYCLE,
        5: Why.DEPENDENCY_NOT_ALLOCATED,
    }
    assert sorted(d.position for d in result.decisions) == [1, 2, 3, 4, 5]


def test_dependencies_that_finish_after_the_due_month_are_reported():
    """A needs 40 h from January at 10 h a month: January to April. B depends on A and is due
    in March, so it cannot start in time."""
    gp = person(1, {(GP, m): 10 for m in (JAN, FEB, MAR, APR)})
    tasks = [
        task(1, {GP: 40}, JAN, APR, score=2),
        task(2, {GP: 1}, JAN, MAR, depends_on=frozenset({1})),
    ]
    reason = allocate(tasks, [gp]).decision(2).reasons[0]
    assert reason.code == Why.DEPENDENCIES_FINISH_LATE
    assert (reason.first_month, reason.last_month, reason.task_ids) == (APR, MAR, (1,))


def test_a_task_due_before_it_can_start_is_reported():
    """Earliest start March, due January: no months to work in."""
    reason = allocate([task(1, {GP: 1}, MAR, JAN)], [person(1, {(GP, JAN): 5})]).decision(1)
    assert reason.reasons[0].code == Why.NO_MONTHS


def test_nobody_with_the_skill_is_said_plainly():
    """No one in the run is a pharmacist."""
    reason = allocate([task(1, {PHARMACIST: 3})], [person(1, {(GP, JAN): 5})]).decision(1)
    assert (reason.reasons[0].code, reason.reasons[0].skill) == (Why.NO_ONE_WITH_SKILL, PHARMACIST)

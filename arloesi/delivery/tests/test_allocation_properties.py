"""What the allocator promises for any input (property-based)."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from arloesi.delivery.allocation import Holder, Offer, TaskToPlace, Why, allocate

SKILLS = ("gp", "pharmacist", "practice_nurse", "data_analyst")
MONTHS = range(6)


@st.composite
def holders(draw):
    count = draw(st.integers(0, 5))
    made = []
    for number in range(1, count + 1):
        skills = frozenset(draw(st.sets(st.sampled_from(SKILLS), max_size=3)))
        free = {
            (skill, month): draw(st.integers(0, 20))
            for skill in sorted(skills)
            for month in MONTHS
            if draw(st.booleans())
        }
        limit = None
        if draw(st.booleans()):
            limit = {month: draw(st.integers(0, 25)) for month in MONTHS if draw(st.booleans())}
        kind = draw(st.sampled_from(("person", "group")))
        made.append(Holder((kind, number), skills, free, limit))
    return made


@st.composite
def offers(draw):
    # An offer's key may repeat (its other months and skills), always for the same priorities.
    return [
        Offer(
            ("offer", number % 2),
            draw(st.sampled_from(SKILLS)),
            draw(st.sampled_from(MONTHS)),
            draw(st.integers(0, 20)),
            frozenset({number % 2 + 1}),
        )
        for number in range(1, draw(st.integers(0, 4)) + 1)
    ]


@st.composite
def tasks(draw, *, dependencies=True, cycles=False, holder_keys=()):
    count = draw(st.integers(0, 12))
    made = []
    for number in range(1, count + 1):
        needs = draw(st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 30), max_size=3))
        earliest = draw(st.sampled_from(MONTHS))
        due = draw(st.integers(earliest - 1, max(MONTHS)))
        depends_on = frozenset()
        if dependencies:
            pool = range(1, count + 1) if cycles else range(1, number)
            if pool:
                depends_on = frozenset(draw(st.sets(st.sampled_from(pool), max_size=2)))
        fixed = None
        if holder_keys and draw(st.integers(0, 4)) == 0:
            fixed = draw(st.sampled_from(holder_keys))
        made.append(
            TaskToPlace(
                id=number,
                needs=needs,
                earliest=earliest,
                due=due,
                score=draw(st.integers(0, 5)),
                depends_on=depends_on,
                priorities=frozenset(draw(st.sets(st.integers(1, 3), max_size=2))),
                fixed_holder=fixed,
            )
        )
    return made


@st.composite
def runs(draw, *, dependencies=True, cycles=False):
    people = draw(holders())
    keys = tuple(h.key for h in people)
    return (
        draw(tasks(dependencies=dependencies, cycles=cycles, holder_keys=keys)),
        people,
        draw(offers()),
    )


@settings(max_examples=60, deadline=None)
@given(runs(cycles=True))
def test_every_task_gets_one_decision(run):
    tasks_, people, offers_ = run
    result = allocate(tasks_, people, offers_)
    assert sorted(d.task_id for d in result.decisions) == sorted(t.id for t in tasks_)
    assert [d.position for d in result.decisions] == list(range(1, len(tasks_) + 1))
    for decision in result.decisions:
        assert decision.reasons
        assert decision.allocated == (decision.reasons[0].code == Why.ALLOCATED)
        assert decision.allocated or not decision.assignments


@settings(max_examples=60, deadline=None)
@given(runs(cycles=True))
def test_never_gives_more_hours_than_are_free(run):
    tasks_, people, offers_ = run
    result = allocate(tasks_, people, offers_)
    free = {}
    for holder in people:
        for (skill, month), hours in holder.free.items():
            if skill in holder.skills:
                free[(holder.key, skill, month)] = hours
    for offer in offers_:
        cell = (offer.key, offer.skill, offer.month)
        free[cell] = free.get(cell, 0) + offer.hours
    used = result.hours_used()
    for key, hours in used.items():
        assert 0 < hours <= free.get(key, 0)
    for holder in people:
        for month, limit in (holder.monthly_limit or {}).items():
            given_then = sum(h for (k, _, m), h in used.items() if k == holder.key and m == month)
            assert given_then <= max(limit, 0)


@settings(max_examples=60, deadline=None)
@given(runs(cycles=True))
def test_never_gives_work_to_someone_without_the_skill_or_outside_an_offer(run):
    tasks_, people, offers_ = run
    by_task = {t.id: t for t in tasks_}
    skills = {h.key: set(h.skills) for h in people}
    for offer in offers_:
        skills.setdefault(offer.key, set()).add(offer.skill)
    for_priorities = {o.key: o.priorities for o in offers_}
    for decision in allocate(tasks_, people, offers_).allocated:
        task = by_task[decision.task_id]
        for a in decision.assignments:
            assert a.skill in skills[a.holder]
            assert a.holder not in for_priorities or for_priorities[a.holder] & task.priorities
            assert task.fixed_holder is None or a.holder == task.fixed_holder
        assert decision.hours_by_skill() == {s: h for s, h in task.needs.items() if h > 0}


@settings(max_examples=60, deadline=None)
@given(runs(cycles=True))
def test_dates_and_dependencies_are_respected(run):
    tasks_, people, offers_ = run
    by_task = {t.id: t for t in tasks_}
    result = allocate(tasks_, people, offers_)
    for decision in result.allocated:
        task = by_task[decision.task_id]
        assert all(task.earliest <= a.month <= task.due for a in decision.assignments)
        for dep in task.depends_on:
            before = result.decision(dep)
            assert before.allocated
            assert before.position < decision.position
            assert before.finish <= min((a.month for a in decision.assignments), default=99)


@settings(max_examples=60, deadline=None)
@given(runs(cycles=True), st.randoms(use_true_random=False))
def test_the_same_input_in_any_order_gives_the_same_allocation(run, shuffler: random.Random):
    tasks_, people, offers_ = run
    first = allocate(tasks_, people, offers_)
    for collection in (tasks_, people, offers_):
        shuffler.shuffle(collection)
    assert allocate(tasks_, people, offers_) == first


@settings(max_examples=60, deadline=None)
@given(runs(dependencies=False))
def test_higher_priority_never_loses_to_lower(run):
    """A task's outcome depends only on the tasks ranked above it: take away every task ranked
    below, and it is allocated the same hours (or refused for the same reason)."""
    tasks_, people, offers_ = run
    result = allocate(tasks_, people, offers_)
    by_task = {t.id: t for t in tasks_}
    for decision in result.decisions:
        above = [by_task[d.task_id] for d in result.decisions[: decision.position]]
        alone = allocate(above, people, offers_).decision(decision.task_id)
        assert alone == decision


@settings(max_examples=60, deadline=None)
@given(runs(dependencies=False))
def test_when_two_tasks_each_fit_the_lower_never_wins(run):
    """Of two tasks that each fit on their own, the lower score is never the one allocated
    while the higher is refused."""
    tasks_, people, offers_ = run
    for higher in tasks_:
        for lower in tasks_:
            if lower.score >= higher.score:
                continue
            fits_alone = [
                allocate([t], people, offers_).decision(t.id).allocated for t in (higher, lower)
            ]
            if not all(fits_alone):
                continue
            both = allocate([lower, higher], people, offers_)
            assert both.decision(higher.id).allocated or not both.decision(lower.id).allocated

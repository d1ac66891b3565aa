"""A whole cluster-year is allocated in well under a second."""

import random
import time

from arloesi.delivery.allocation import Holder, Offer, TaskToPlace, allocate, month_number

SKILLS = ("gp", "practice_nurse", "pharmacist", "data_analyst", "project_manager", "receptionist")
YEAR = [month_number(2027, m) for m in range(1, 13)]


def cluster_year(seed: int = 2027):
    """500 tasks (a third waiting on an earlier one), 40 people, 4 offers, 12 months."""
    rng = random.Random(seed)
    people = []
    for number in range(1, 41):
        skills = frozenset(rng.sample(SKILLS, rng.randint(1, 3)))
        free = {(skill, month): rng.randint(0, 16) for skill in skills for month in YEAR}
        limit = {month: rng.randint(8, 24) for month in YEAR}
        people.append(Holder(("person", number), skills, free, limit))
    offers = [
        Offer(("offer", n), rng.choice(SKILLS), rng.choice(YEAR), 40, frozenset({n}))
        for n in range(1, 5)
    ]
    tasks = []
    for number in range(1, 501):
        earliest = rng.choice(YEAR[:9])
        depends_on = frozenset()
        if number > 1 and rng.random() < 1 / 3:
            depends_on = frozenset({rng.randint(max(1, number - 20), number - 1)})
        tasks.append(
            TaskToPlace(
                id=number,
                needs={s: rng.randint(2, 40) for s in rng.sample(SKILLS, rng.randint(1, 3))},
                earliest=earliest,
                due=rng.choice([m for m in YEAR if m >= earliest]),
                score=round(rng.uniform(0, 5), 2),
                depends_on=depends_on,
                priorities=frozenset({rng.randint(1, 6)}),
            )
        )
    return tasks, people, offers


def test_a_cluster_year_is_allocated_in_under_a_second():
    tasks, people, offers = cluster_year()
    started = time.perf_counter()
    result = allocate(tasks, people, offers)
    elapsed = time.perf_counter() - started
    print(f"cluster-year allocation: {elapsed * 1000:.1f} ms, {len(result.allocated)} allocated")
    assert len(result.decisions) == 500
    assert 0 < len(result.allocated) < 500  # demand and capacity both bite
    assert elapsed < 1.0

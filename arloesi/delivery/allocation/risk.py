"""The score suggested for a task that cannot be accommodated (pure: no database).

On the NHS 5 × 5 matrix:

- *consequence* from the task's priority: its turn among the run's tasks. The top fifth is 5
  (the work the cluster most wanted), the next fifth 4, and so on down to 1;
- *likelihood* that the work stays undone, from how short it is: the share of the hours needed
  that are not free — three quarters or more 5, a half 4, a quarter 3, less 2. A task held up by
  something other than hours (a dependency, its dates) is 3.
"""


def suggested_consequence(position: int, count: int) -> int:
    if count <= 0 or position <= 0:
        return 3
    fifth = (position - 1) * 5 // count  # 0 for the top fifth … 4 for the bottom
    return 5 - min(fifth, 4)


def suggested_likelihood(hours_needed: int, hours_short: int) -> int:
    if hours_needed <= 0 or hours_short <= 0:
        return 3
    share = hours_short / hours_needed
    if share >= 0.75:
        return 5
    if share >= 0.5:
        return 4
    if share >= 0.25:
        return 3
    return 2

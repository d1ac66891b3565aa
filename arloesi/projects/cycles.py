"""Where a PDSA cycle is, from its dates and what has been recorded (pure: no database).

A cycle is completed when its study and act are recorded; a cycle past its planned end without
them is overdue; before its planned start it is planned; otherwise it is running.
"""

from datetime import date

from arloesi.projects.vocabulary import CycleState

# The worksheet's four sections and the fields each one edits, in the order the form shows them.
SECTION_FIELDS: dict[str, tuple[str, ...]] = {
    "plan": (
        "title",
        "owner",
        "objective",
        "questions",
        "predictions",
        "plan_who",
        "plan_what",
        "plan_where",
        "plan_when",
        "data_to_collect",
        "planned_start_on",
        "planned_end_on",
    ),
    "do": ("do_what_happened", "do_observations", "do_problems"),
    "study": ("study_results",),
    "act": ("act_decision", "act_next"),
}
SECTIONS = tuple(SECTION_FIELDS)


def state(*, planned_start_on: date, planned_end_on: date, completed: bool, today: date) -> str:
    if completed:
        return CycleState.COMPLETED
    if planned_end_on < today:
        return CycleState.OVERDUE
    if planned_start_on > today:
        return CycleState.PLANNED
    return CycleState.RUNNING


def completion_rate(*, completed: int, due: int) -> float | None:
    """Completed cycles as a share of the cycles that should be finished by now (completed plus
    overdue); None when none are due yet."""
    return None if due == 0 else completed / due

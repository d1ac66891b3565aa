"""Organisation B's objects and the running pages' probes for the walks (joined by access.py).

B's project is led by its proposal's author (``world.b_project_lead``), who uses every form."""

from django.urls import reverse
from django.utils import timezone

from arloesi.projects.models import ProjectCondition

PUBLIC: set = set()


def _project(w) -> dict:
    return {"project_id": w.b_project.pk}


def _milestone(w) -> dict:
    return {"project_id": w.b_project.pk, "milestone_id": w.b_milestone.pk}


def _condition(w) -> dict:
    return {"project_id": w.b_project.pk, "condition_id": w.b_condition.pk}


PROBES: dict = {
    "projects:detail": _project,
    "projects:history": _project,
    "projects:plan": _project,
    "projects:rag": _project,
    "projects:stage": _project,
    "projects:update_add": _project,
    "projects:milestone_add": _project,
    "projects:milestone_edit": _milestone,
    "projects:milestone_done": _milestone,
    "projects:milestone_remove": _milestone,
    "projects:condition_close": _condition,
    "projects:condition_reopen": _condition,
}


def _lead(w):
    return w.b_project_lead


FORM_USERS: dict = dict.fromkeys(
    (
        "projects:plan",
        "projects:rag",
        "projects:stage",
        "projects:update_add",
        "projects:milestone_add",
        "projects:milestone_edit",
        "projects:milestone_done",
        "projects:milestone_remove",
        "projects:condition_close",
        "projects:condition_reopen",
    ),
    _lead,
)


def _detail(w) -> str:
    return reverse("projects:detail", kwargs=_project(w))


# The milestone's and the condition's buttons are on the project's page; removing a milestone
# is a button on its own page.
FORM_PAGES: dict = {
    "projects:milestone_done": _detail,
    "projects:condition_reopen": _detail,
    "projects:milestone_remove": lambda w: reverse("projects:milestone_edit", kwargs=_milestone(w)),
}


# "Open again" is shown for a closed condition only.
FORM_ARGS: dict = {
    "projects:condition_reopen": {
        "closed": lambda w: {"project_id": w.b_project.pk, "condition_id": w.b_closed_condition.pk}
    },
}


def populate(world) -> None:
    """A condition B's project has closed (B's project is made by access.py)."""
    world.b_closed_condition = ProjectCondition.objects.create(
        project=world.b_project,
        text=f"Share the checklist {world.marker}",
        how_met=f"Sent to every home {world.marker}",
        closed_at=timezone.now(),
        closed_by=world.b_project_lead,
    )

"""Organisation B's objects and the cycles pages' probes for the walks (joined by access.py):
B's project has a ramp with a running cycle (``b_cycle``) and, after it, one completed with a
decision to adapt (``b_cycle_done``), whose next cycle can be planned."""

from datetime import timedelta

from django.utils import timezone

from arloesi.projects.models import PdsaCycle

SECTIONS = ("plan", "do", "study", "act")


def _lead(w):
    return w.b_project_lead


def _project(w):
    return {"project_id": w.b_project.pk}


PROBES: dict = {
    "projects:cycles": _project,
    "projects:cycle_new": _project,
    "projects:ramp_new": _project,
    "projects:ramp": lambda w: {"ramp_id": w.b_ramp.pk},
    "projects:cycle": lambda w: {"cycle_id": w.b_cycle.pk},
    "projects:cycle_next": lambda w: {"cycle_id": w.b_cycle_done.pk},
    "projects:cycle_section": lambda w: {"cycle_id": w.b_cycle.pk, "section": "plan"},
}
FORM_USERS: dict = {
    "projects:cycle_new": _lead,
    "projects:ramp_new": _lead,
    "projects:cycle_next": _lead,
    "projects:cycle_section": _lead,
}
FORM_ARGS: dict = {
    "projects:cycle_section": {
        section: (lambda w, section=section: {"cycle_id": w.b_cycle.pk, "section": section})
        for section in SECTIONS
    }
}


def populate(world) -> None:
    today = timezone.localdate()
    world.b_cycle_done = PdsaCycle.objects.create(
        project=world.b_project,
        ramp=world.b_ramp,
        number=2,
        title=f"Three residents {world.marker}",
        objective=f"See if the checklist works for three {world.marker}",
        planned_start_on=today - timedelta(days=20),
        planned_end_on=today - timedelta(days=10),
        study_results=f"It took four minutes {world.marker}",
        act_decision="adapt",
        act_next=f"Try a whole home {world.marker}",
        completed_at=timezone.now(),
        owner=world.b_project_lead,
    )

"""Organisation B's objects and the monitoring pages' probes for the walks (joined by access.py):
the schedule, its exports, the dashboard and its cycles, pointed at B's cluster."""

PROBES: dict = {
    "projects:schedule": lambda w: {"unit_id": w.b.cluster.pk},
    "projects:schedule_export": lambda w: {"unit_id": w.b.cluster.pk, "file_format": "xlsx"},
    "projects:dashboard": lambda w: {"unit_id": w.b.cluster.pk},
    "projects:cycle_list": lambda w: {"unit_id": w.b.cluster.pk},
}
FORM_USERS: dict = {}


def populate(world) -> None:
    """Anything more the monitoring pages need in B (B's project is made by access.py)."""

"""Organisation B's objects and the running pages' probes for the walks (joined by access.py)."""

PROBES: dict = {"projects:detail": lambda w: {"project_id": w.b_project.pk}}
FORM_USERS: dict = {}


def populate(world) -> None:
    """Anything more the running pages need in B (B's project is made by access.py)."""

"""Organisation B's objects and the cycles pages' probes for the walks (joined by access.py)."""

PROBES: dict = {"projects:cycle": lambda w: {"cycle_id": w.b_cycle.pk}}
FORM_USERS: dict = {}


def populate(world) -> None:
    """Anything more the cycles pages need in B (B's project is made by access.py)."""

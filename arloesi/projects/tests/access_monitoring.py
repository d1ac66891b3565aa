"""Organisation B's objects and the monitoring pages' probes for the walks (joined by access.py)."""

PROBES: dict = {}
FORM_USERS: dict = {}


def populate(world) -> None:
    """Anything more the monitoring pages need in B (B's project is made by access.py)."""

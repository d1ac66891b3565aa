"""Organisation B's evaluation (reports) for the access walk and the form fuzz."""

PUBLIC: set = set()
PROBES: dict = {}
FORM_USERS: dict = {}


def populate(world) -> None:
    """Nothing yet."""

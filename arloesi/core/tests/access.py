"""Core's pages for the access walk: none takes parameters; these need no sign-in."""

PROBES: dict = {}
PUBLIC = {"healthz", "accessibility", "privacy", "cookies"}


def populate(world) -> None:
    """Core has no scoped data of its own."""

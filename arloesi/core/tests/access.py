"""Core's pages for the access walk (tests/walks/): none takes parameters, none has a form of
its own (the sign-out button in the layout posts to organisations' ``sign_out``)."""

PROBES: dict = {}
PUBLIC = {"healthz", "accessibility", "privacy", "cookies", "baseline"}


def populate(world) -> None:
    """Core has no scoped data of its own."""


FORM_USERS: dict = {}

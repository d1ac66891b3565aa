"""Organisation B's delivery for the access walk and the form fuzz (tests/walks/). Each part of
the app names its URLs in its own module; this one joins them."""

from arloesi.delivery.tests import access_allocation

PARTS = (access_allocation,)


def populate(world) -> None:
    for part in PARTS:
        part.populate(world)


PROBES = {name: probe for part in PARTS for name, probe in part.PROBES.items()}
PUBLIC: set[str] = set()
FORM_USERS = {name: user for part in PARTS for name, user in part.FORM_USERS.items()}

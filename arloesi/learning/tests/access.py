"""Organisation B's learning for the access walk and the form fuzz (tests/walks/). Each part of
the app names its URLs in its own module; this one joins them."""

from arloesi.learning.tests import (
    access_adoption,
    access_finding,
    access_records,
    access_resources,
    access_scaling,
)

# --- Learning records, adoption and resources -------------------------------------------------
PARTS = (access_records, access_adoption, access_resources, access_scaling, access_finding)


def populate(world) -> None:
    for part in PARTS:
        part.populate(world)


def _joined(name: str) -> dict:
    joined: dict = {}
    for part in PARTS:
        joined.update(getattr(part, name, {}))
    return joined


PUBLIC: set = set().union(*(getattr(part, "PUBLIC", set()) for part in PARTS))
PROBES = _joined("PROBES")
FORM_USERS = _joined("FORM_USERS")
FORM_ARGS = _joined("FORM_ARGS")
FORM_VALUES = _joined("FORM_VALUES")
FORM_FILES = _joined("FORM_FILES")
FORM_PAGES = _joined("FORM_PAGES")

"""Finding learning for the access walk and the form fuzz (tests/walks/). The search page needs
no objects of its own: what B's apps made through their services is in the index, so a visitor
from A searching Wales must find none of B's marked drafts and projects, and a signed-out
visitor only public learning records. The search form is read from the address (GET), so the
fuzz (which posts) has nothing to send it; ``test_finding`` sends it hostile values itself."""

PUBLIC = {"learning:find"}
PROBES: dict = {}
FORM_USERS: dict = {}


def populate(world) -> None:
    """Nothing to add: B's proposals and projects are indexed as they were made."""

"""Organisation B's proposals for the access walk (tests/test_access_walk.py).

No proposal URLs exist yet; when views arrive, each URL that takes a proposal id gets a probe
here pointing at ``world.b_proposal``.
"""

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role
from arloesi.proposals import services

PROBES: dict = {}
PUBLIC: set = set()


def populate(world) -> None:
    b = world.b
    world.b_author = person_with_role(Role.PRACTITIONER, b.collaborative, full_name="Author B")
    world.b_proposal = services.proposal_create(
        actor=world.b_author,
        collaborative=b.collaborative,
        title=f"Falls clinic {world.marker}",
        problem=f"Problem {world.marker}",
    )

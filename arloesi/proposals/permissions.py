"""Who may do what with proposals, and how far each role reaches (added to organisations.roles).

Imported once, from ``ProposalsConfig.ready``. How these permissions combine into what a person
sees is written down in ``selectors.py``.
"""

from enum import StrEnum

from arloesi.organisations.roles import Reach, Role, grant
from arloesi.proposals import workflow


class Perm(StrEnum):
    # Write proposals for a collaborative, and see the collaborative's proposals (drafts too).
    CREATE = "proposals.create"
    VIEW = "proposals.view"
    # Confirm that one's collaborative sponsors a (cross-boundary) proposal.
    SPONSOR = "proposals.sponsor"
    # Be assigned to review the planning group's proposals.
    REVIEW = "proposals.review"
    # See every proposal submitted to the planning group, assign reviewers, decide.
    DECIDE = workflow.DECIDE
    MANAGE_INTAKE = "proposals.manage_intake"
    MANAGE_PRIORITIES = "proposals.manage_priorities"
    # Follow (read only) the proposals submitted to the planning groups of a health board.
    OVERSEE = "proposals.oversee"
    # Read proposals once a final decision on them is published.
    VIEW_DECIDED = "proposals.view_decided"
    # Read what was written before and after each change on a proposal's history (its authors
    # may too); everyone else who sees the proposal sees only who changed which fields, when.
    VIEW_CHANGE_VALUES = "proposals.view_change_values"


_EVERY_ROLE = dict.fromkeys(Role, Reach.UNIT)

grant(Perm.CREATE, {Role.PRACTITIONER: Reach.UNIT, Role.COLLABORATIVE_LEAD: Reach.UNIT})
grant(
    Perm.VIEW,
    {
        Role.PRACTITIONER: Reach.UNIT,
        Role.COLLABORATIVE_LEAD: Reach.UNIT,
        Role.CLUSTER_LEAD: Reach.UNIT,
    },
)
grant(Perm.SPONSOR, {Role.COLLABORATIVE_LEAD: Reach.UNIT})
grant(
    Perm.REVIEW,
    {Role.PLANNING_GROUP_MEMBER: Reach.UNIT, Role.PLANNING_GROUP_CHAIR: Reach.UNIT},
)
grant(Perm.DECIDE, {Role.PLANNING_GROUP_CHAIR: Reach.UNIT})
grant(Perm.MANAGE_INTAKE, {Role.PLANNING_GROUP_CHAIR: Reach.UNIT})
grant(
    Perm.MANAGE_PRIORITIES,
    {Role.PLANNING_GROUP_CHAIR: Reach.UNIT, Role.CLUSTER_LEAD: Reach.UNIT},
)
grant(
    Perm.OVERSEE,
    {Role.HEALTH_BOARD_OFFICER: Reach.UNIT, Role.ADMINISTRATOR: Reach.UNIT},
)
grant(Perm.VIEW_DECIDED, _EVERY_ROLE)
grant(
    Perm.VIEW_CHANGE_VALUES,
    {Role.PLANNING_GROUP_CHAIR: Reach.UNIT, Role.ADMINISTRATOR: Reach.UNIT},
)

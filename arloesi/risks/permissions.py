"""Who may do what with risk registers (added to organisations.roles).

A register belongs to a cluster, a pan-cluster planning group or a health board; a role reaches
the registers of its unit and of the units under it.
"""

from enum import StrEnum

from arloesi.organisations.roles import Reach, Role, grant


class Perm(StrEnum):
    # Read a register and its entries: the cluster's leads, the planning group, the health
    # board's officers, the national team.
    VIEW = "risks.view"
    # Keep a register: add, score, review, close and escalate entries, import them.
    MANAGE = "risks.manage"
    # Set a health board's bands, review intervals and escalation score.
    CONFIGURE = "risks.configure"


grant(
    Perm.VIEW,
    {
        Role.COLLABORATIVE_LEAD: Reach.CLUSTER,
        Role.CLUSTER_LEAD: Reach.UNIT,
        Role.PLANNING_GROUP_MEMBER: Reach.UNIT,
        Role.PLANNING_GROUP_CHAIR: Reach.UNIT,
        Role.HEALTH_BOARD_OFFICER: Reach.UNIT,
        Role.NATIONAL_TEAM: Reach.UNIT,
        Role.ADMINISTRATOR: Reach.UNIT,
    },
)
grant(
    Perm.MANAGE,
    {
        Role.CLUSTER_LEAD: Reach.UNIT,
        Role.PLANNING_GROUP_CHAIR: Reach.UNIT,
        Role.HEALTH_BOARD_OFFICER: Reach.UNIT,
    },
)
grant(Perm.CONFIGURE, {Role.HEALTH_BOARD_OFFICER: Reach.UNIT, Role.ADMINISTRATOR: Reach.UNIT})

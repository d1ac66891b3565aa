"""Who may do what with delivery (added to organisations.roles).

Besides these, everyone declares their own capacity and absences, a group's lead declares the
group's capacity, and the person a task is assigned to moves its status.
"""

from enum import StrEnum

from arloesi.organisations.roles import Reach, Role, grant


class Perm(StrEnum):
    # See a cluster's tasks and capacity: its people and everyone above it.
    VIEW = "delivery.view"
    # Plan a cluster's tasks, groups and capacity: its cluster leads and collaborative leads.
    MANAGE = "delivery.manage"
    # Offer a health board innovation team's capacity to its clusters.
    OFFER = "delivery.offer"
    # Work in a cluster: be given its tasks and declare capacity for it (its own people).
    WORK = "delivery.work"


grant(
    Perm.VIEW,
    {
        Role.PRACTITIONER: Reach.CLUSTER,
        Role.COLLABORATIVE_LEAD: Reach.CLUSTER,
        Role.CLUSTER_LEAD: Reach.UNIT,
        Role.PLANNING_GROUP_MEMBER: Reach.UNIT,
        Role.PLANNING_GROUP_CHAIR: Reach.UNIT,
        Role.HEALTH_BOARD_OFFICER: Reach.UNIT,
        Role.NATIONAL_TEAM: Reach.UNIT,
        Role.ADMINISTRATOR: Reach.UNIT,
    },
)
grant(Perm.MANAGE, {Role.COLLABORATIVE_LEAD: Reach.CLUSTER, Role.CLUSTER_LEAD: Reach.UNIT})
grant(
    Perm.WORK,
    {
        Role.PRACTITIONER: Reach.CLUSTER,
        Role.COLLABORATIVE_LEAD: Reach.CLUSTER,
        Role.CLUSTER_LEAD: Reach.UNIT,
    },
)
grant(Perm.OFFER, {Role.HEALTH_BOARD_OFFICER: Reach.UNIT})

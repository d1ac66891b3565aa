"""Who may do what with projects (added to organisations.roles).

Besides these, a project's team (``ProjectTeamMember``) sees and changes its project.
"""

from enum import StrEnum

from arloesi.organisations.roles import Reach, Role, grant


class Perm(StrEnum):
    # Start the project a planning group's approval starts (the chair who decides).
    START = "projects.start"
    # See a project: its cluster's practitioners and leads, its planning group, its health
    # board's officers, the national team.
    VIEW = "projects.view"
    # Change a project's plans alongside its team: the lead collaborative's and cluster's leads.
    MANAGE = "projects.manage"


grant(Perm.START, {Role.PLANNING_GROUP_CHAIR: Reach.UNIT})
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
grant(Perm.MANAGE, {Role.COLLABORATIVE_LEAD: Reach.UNIT, Role.CLUSTER_LEAD: Reach.UNIT})

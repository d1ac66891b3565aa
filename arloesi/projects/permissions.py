"""Who may do what with projects (added to organisations.roles)."""

from enum import StrEnum

from arloesi.organisations.roles import Reach, Role, grant


class Perm(StrEnum):
    # Start the project a planning group's approval starts (the chair who decides).
    START = "projects.start"


grant(Perm.START, {Role.PLANNING_GROUP_CHAIR: Reach.UNIT})

"""Who may do what with learning (added to organisations.roles).

Scale-up: a pilot is nominated by its team (``projects.selectors.on_team``) or by those who lead
where it runs — its cluster's lead, its planning group's chair, its health board's officers
(``NOMINATE_SCALE_UP``, over the project's lead collaborative). The decision follows the
footprint: a health-board scale-up is decided by that board's officers
(``DECIDE_HEALTH_BOARD_SCALE_UP``), an all-Wales one by the national team
(``DECIDE_WALES_SCALE_UP``). Approved scale-ups are seen by everyone signed in.
"""

from enum import StrEnum

from arloesi.organisations.roles import Reach, Role, grant


class Perm(StrEnum):
    NOMINATE_SCALE_UP = "learning.nominate_scale_up"
    DECIDE_HEALTH_BOARD_SCALE_UP = "learning.decide_health_board_scale_up"
    DECIDE_WALES_SCALE_UP = "learning.decide_wales_scale_up"


grant(
    Perm.NOMINATE_SCALE_UP,
    {
        Role.CLUSTER_LEAD: Reach.UNIT,
        Role.PLANNING_GROUP_CHAIR: Reach.UNIT,
        Role.HEALTH_BOARD_OFFICER: Reach.UNIT,
    },
)
grant(Perm.DECIDE_HEALTH_BOARD_SCALE_UP, {Role.HEALTH_BOARD_OFFICER: Reach.UNIT})
grant(Perm.DECIDE_WALES_SCALE_UP, {Role.NATIONAL_TEAM: Reach.UNIT})

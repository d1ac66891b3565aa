"""Who may do what with learning (added to organisations.roles).

Records: a project's team and leads (``projects.selectors.may_change``) write its learning
records, its cluster's lead approves them, and every signed-in person reads a published one.

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


# --- Learning records and resources -----------------------------------------------------------
class RecordPerm(StrEnum):
    # Approve (publish), return or withdraw a cluster's learning records: its cluster lead.
    APPROVE = "learning.approve_record"
    # Read a cluster's records before they are published: its lead and the health board above.
    VIEW_DRAFTS = "learning.view_draft_records"
    # Keep the resources library: the national team (and administrators).
    CURATE = "learning.curate_resources"


grant(RecordPerm.APPROVE, {Role.CLUSTER_LEAD: Reach.UNIT})
grant(
    RecordPerm.VIEW_DRAFTS,
    {
        Role.CLUSTER_LEAD: Reach.UNIT,
        Role.PLANNING_GROUP_CHAIR: Reach.UNIT,
        Role.HEALTH_BOARD_OFFICER: Reach.UNIT,
        Role.NATIONAL_TEAM: Reach.UNIT,
        Role.ADMINISTRATOR: Reach.UNIT,
    },
)
grant(RecordPerm.CURATE, {Role.NATIONAL_TEAM: Reach.UNIT, Role.ADMINISTRATOR: Reach.UNIT})

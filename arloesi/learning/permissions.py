"""Who may do what with learning (added to organisations.roles).

Besides these, a project's team and leads (``projects.selectors.may_change``) write its learning
records, and every signed-in person reads a published one.
"""

from enum import StrEnum

from arloesi.organisations.roles import Reach, Role, grant


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

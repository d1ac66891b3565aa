"""Reads of organisations, people and memberships: the app's front door.

The directory's structure (boards, planning groups, clusters, collaboratives) is public
knowledge and visible to every signed-in person; who holds which role is not, and is only
returned within the reader's reach (Perm.VIEW_PEOPLE). Other apps use ``reach``'s reads.
"""

from arloesi.organisations.selectors.directory import (
    PEOPLE_PER_PAGE,
    UnitHistoryPage,
    UnitPage,
    health_board_list,
    organisation_account_unlinkable,
    unit_ancestors,
    unit_children,
    unit_get,
    unit_history_page,
    unit_page,
    unit_people,
    unit_search,
)
from arloesi.organisations.selectors.memberships import (
    attention_for,
    invitation_get_for_token,
    invitation_get_for_user,
    invitation_is_grantable,
    invitations_pending_for,
    membership_can_end,
    membership_get_for_user,
    roles_grantable,
    units_within,
)
from arloesi.organisations.selectors.reach import (
    people_holding,
    person_by_email,
    planning_group_of,
    unit_names,
    unit_of_kind,
    units_for,
    units_of_kind,
)
from arloesi.organisations.selectors.sign_in import (
    SIGN_IN_ACTIVITY_PER_PAGE,
    person_get_for_reset_token,
    sign_in_activity_for,
    sign_in_activity_page,
    sign_in_activity_subject,
    sign_in_throttled,
)

__all__ = [
    "PEOPLE_PER_PAGE",
    "SIGN_IN_ACTIVITY_PER_PAGE",
    "UnitHistoryPage",
    "UnitPage",
    "attention_for",
    "health_board_list",
    "invitation_get_for_token",
    "invitation_get_for_user",
    "invitation_is_grantable",
    "invitations_pending_for",
    "membership_can_end",
    "organisation_account_unlinkable",
    "membership_get_for_user",
    "people_holding",
    "person_by_email",
    "person_get_for_reset_token",
    "planning_group_of",
    "roles_grantable",
    "sign_in_activity_for",
    "sign_in_activity_page",
    "sign_in_activity_subject",
    "sign_in_throttled",
    "unit_ancestors",
    "unit_children",
    "unit_get",
    "unit_history_page",
    "unit_of_kind",
    "unit_page",
    "unit_people",
    "unit_search",
    "units_for",
    "unit_names",
    "units_of_kind",
    "units_within",
]

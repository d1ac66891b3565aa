"""Roles, and what each role may do and how far its reach goes.

This file is the whole access matrix: to learn what a cluster lead may do, read it here.
A membership reaches organisation units *below* the unit it is held at; some permissions reach
from a wider ancestor (``Reach.CLUSTER``: the whole cluster of a collaborative member).
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _

from arloesi.core.permissions import REDACT


class Kind(models.TextChoices):
    WALES = "wales", _("Wales")
    HEALTH_BOARD = "health_board", _("Health board")
    PLANNING_GROUP = "planning_group", _("Pan-cluster planning group")
    CLUSTER = "cluster", _("Cluster")
    COLLABORATIVE = "collaborative", _("Professional collaborative")


# Path segment prefixes: a unit's path is e.g. "/w1/hb3/pg7/cl20/co140/".
KIND_PREFIX = {
    Kind.WALES: "w",
    Kind.HEALTH_BOARD: "hb",
    Kind.PLANNING_GROUP: "pg",
    Kind.CLUSTER: "cl",
    Kind.COLLABORATIVE: "co",
}
PARENT_KIND = {
    Kind.HEALTH_BOARD: Kind.WALES,
    Kind.PLANNING_GROUP: Kind.HEALTH_BOARD,
    Kind.CLUSTER: Kind.PLANNING_GROUP,
    Kind.COLLABORATIVE: Kind.CLUSTER,
}


class Profession(models.TextChoices):
    GENERAL_MEDICAL = "gms", _("General medical services")
    COMMUNITY_PHARMACY = "pharmacy", _("Community pharmacy")
    OPTOMETRY = "optometry", _("Optometry")
    DENTAL = "dental", _("Dental")
    COMMUNITY_NURSING = "nursing", _("Community nursing")
    ALLIED_HEALTH = "ahp", _("Allied health professionals")
    SOCIAL_CARE = "social_care", _("Social care")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", _("Practitioner")
    COLLABORATIVE_LEAD = "collaborative_lead", _("Collaborative lead")
    CLUSTER_LEAD = "cluster_lead", _("Cluster lead")
    PLANNING_GROUP_MEMBER = "planning_group_member", _("Planning group member")
    PLANNING_GROUP_CHAIR = "planning_group_chair", _("Planning group chair")
    HEALTH_BOARD_OFFICER = "health_board_officer", _("Health board officer")
    NATIONAL_TEAM = "national_team", _("National team")
    ADMINISTRATOR = "administrator", _("Administrator")


# The kind of unit each role is held at.
ROLE_UNIT_KIND = {
    Role.PRACTITIONER: Kind.COLLABORATIVE,
    Role.COLLABORATIVE_LEAD: Kind.COLLABORATIVE,
    Role.CLUSTER_LEAD: Kind.CLUSTER,
    Role.PLANNING_GROUP_MEMBER: Kind.PLANNING_GROUP,
    Role.PLANNING_GROUP_CHAIR: Kind.PLANNING_GROUP,
    Role.HEALTH_BOARD_OFFICER: Kind.HEALTH_BOARD,
    Role.NATIONAL_TEAM: Kind.WALES,
    Role.ADMINISTRATOR: Kind.WALES,
}


class Reach(StrEnum):
    UNIT = "unit"  # the membership's unit and everything under it
    CLUSTER = "cluster"  # the whole cluster the membership's unit is in


class Perm(StrEnum):
    VIEW_PEOPLE = "organisations.view_people"
    INVITE = "organisations.invite"
    END_MEMBERSHIP = "organisations.end_membership"
    VIEW_HISTORY = "organisations.view_history"
    IMPORT = "organisations.import"
    VIEW_SIGN_IN_ACTIVITY = "organisations.view_sign_in_activity"


_ALL_LEADS = {
    Role.COLLABORATIVE_LEAD: Reach.UNIT,
    Role.CLUSTER_LEAD: Reach.UNIT,
    Role.PLANNING_GROUP_CHAIR: Reach.UNIT,
    Role.HEALTH_BOARD_OFFICER: Reach.UNIT,
    Role.ADMINISTRATOR: Reach.UNIT,
}

GRANTS: dict[str, dict[Role, Reach]] = {
    Perm.VIEW_PEOPLE: {
        Role.PRACTITIONER: Reach.CLUSTER,
        Role.COLLABORATIVE_LEAD: Reach.CLUSTER,
        Role.CLUSTER_LEAD: Reach.UNIT,
        Role.PLANNING_GROUP_MEMBER: Reach.UNIT,
        Role.PLANNING_GROUP_CHAIR: Reach.UNIT,
        Role.HEALTH_BOARD_OFFICER: Reach.UNIT,
        Role.NATIONAL_TEAM: Reach.UNIT,
        Role.ADMINISTRATOR: Reach.UNIT,
    },
    Perm.INVITE: _ALL_LEADS,
    Perm.END_MEMBERSHIP: _ALL_LEADS,
    Perm.VIEW_HISTORY: {
        Role.CLUSTER_LEAD: Reach.UNIT,
        Role.PLANNING_GROUP_CHAIR: Reach.UNIT,
        Role.HEALTH_BOARD_OFFICER: Reach.UNIT,
        Role.NATIONAL_TEAM: Reach.UNIT,
        Role.ADMINISTRATOR: Reach.UNIT,
    },
    Perm.IMPORT: {Role.ADMINISTRATOR: Reach.UNIT},
    REDACT: {Role.ADMINISTRATOR: Reach.UNIT},
    Perm.VIEW_SIGN_IN_ACTIVITY: {Role.ADMINISTRATOR: Reach.UNIT},
}

# Which roles a person holding a role may give to others (within their reach).
GRANTABLE_ROLES: dict[Role, set[Role]] = {
    Role.COLLABORATIVE_LEAD: {Role.PRACTITIONER},
    Role.CLUSTER_LEAD: {Role.PRACTITIONER, Role.COLLABORATIVE_LEAD},
    Role.PLANNING_GROUP_CHAIR: {Role.PLANNING_GROUP_MEMBER},
    Role.HEALTH_BOARD_OFFICER: {
        Role.PRACTITIONER,
        Role.COLLABORATIVE_LEAD,
        Role.CLUSTER_LEAD,
        Role.PLANNING_GROUP_MEMBER,
        Role.PLANNING_GROUP_CHAIR,
        Role.HEALTH_BOARD_OFFICER,
    },
    Role.ADMINISTRATOR: set(Role),
}


def reach_path(unit_path: str, reach: Reach) -> str:
    """The path prefix a membership at ``unit_path`` reaches."""
    if reach == Reach.CLUSTER:
        segments = [s for s in unit_path.strip("/").split("/") if s]
        for i, segment in enumerate(segments):
            if segment.startswith(KIND_PREFIX[Kind.CLUSTER]):
                return "/" + "/".join(segments[: i + 1]) + "/"
    return unit_path


def grant(permission: str, grants: dict[Role, Reach]) -> None:
    """Later apps add their permissions here, at import time of their ``permissions`` module."""
    if permission in GRANTS:
        raise ValueError(f"{permission} is already granted")
    GRANTS[permission] = grants

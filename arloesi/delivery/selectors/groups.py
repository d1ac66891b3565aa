"""A cluster's delivery groups: collaboratives, practice teams and named groups of its people
that tasks are given to and that declare capacity."""

from dataclasses import dataclass

from django.db.models import Count

from arloesi.delivery.selectors import access, choices


@dataclass(frozen=True)
class GroupsPage:
    cluster: object
    groups: list
    can_manage: bool
    people: list


def groups_page(*, user, cluster) -> GroupsPage:
    """The cluster's groups, each with its lead and number of members; its planners also get
    the cluster's people to make a group of."""
    can_manage = access.may_manage(user, cluster)
    groups = list(
        choices.groups_of(cluster=cluster)
        .select_related("lead")
        .annotate(member_count=Count("members"))
        .order_by("name", "pk")
    )
    people = list(choices.people_of(cluster=cluster).only("pk", "full_name")) if can_manage else []
    return GroupsPage(cluster=cluster, groups=groups, can_manage=can_manage, people=people)

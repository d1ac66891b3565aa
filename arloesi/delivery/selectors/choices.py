"""What a cluster's forms offer to choose from: its people, groups, skills, tasks and the local
priorities its work may serve. Services check a choice against the same lists."""

from django.db.models import QuerySet

from arloesi.delivery.models import DeliveryGroup, Skill, Task
from arloesi.delivery.permissions import Perm
from arloesi.organisations import selectors as organisations
from arloesi.proposals import selectors as proposals


def skills_in_use() -> list[Skill]:
    return list(Skill.objects.filter(active=True))


def people_of(*, cluster) -> QuerySet:
    """The people who work in the cluster (who may be given its tasks)."""
    return organisations.people_holding(permission=Perm.WORK, unit=cluster)


def groups_of(*, cluster) -> QuerySet[DeliveryGroup]:
    return DeliveryGroup.objects.filter(cluster=cluster)


def tasks_of(*, cluster, excluding: int | None = None) -> QuerySet[Task]:
    """The cluster's tasks (not removed), by due date: what a task may depend on."""
    tasks = Task.objects.filter(cluster=cluster, removed_at__isnull=True).only(
        "pk", "title", "due_on", "cluster_id"
    )
    return tasks.exclude(pk=excluding) if excluding else tasks


def priorities_for(*, cluster) -> list:
    """The current local priorities of the cluster and of its planning group."""
    planning_group = organisations.planning_group_of(unit=cluster)
    if planning_group is None:
        return []
    return [
        priority
        for priority in proposals.priority_list_for_planning_group(planning_group=planning_group)
        if priority.unit_id in (planning_group.pk, cluster.pk)
    ]

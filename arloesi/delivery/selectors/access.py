"""Who may see and change delivery's data, decided once for pages and services.

Who sees a cluster's tasks and capacity: those holding ``delivery.view`` over the cluster (its
people and everyone above it). Who plans them: its cluster leads and collaborative leads
(``delivery.manage``). Who works in it (may be given tasks, declares capacity for it): its own
people (``delivery.work``). A task's status is also moved by the person it is assigned to; a
person's own capacity and absences are theirs; a group's capacity is its lead's too; health
boards' officers offer capacity to their clusters (``delivery.offer``).
"""

from django.http import Http404

from arloesi.core import permissions
from arloesi.delivery.models import CapacityDeclaration, CapacityOffer, DeliveryGroup, Task
from arloesi.delivery.permissions import Perm
from arloesi.diagrams import selectors as diagrams
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.projects import selectors as projects


def signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


def may_view(user, cluster) -> bool:
    return signed_in(user) and permissions.can(user, Perm.VIEW, cluster.path)


def may_manage(user, cluster) -> bool:
    return signed_in(user) and permissions.can(user, Perm.MANAGE, cluster.path)


def may_move(user, task: Task) -> bool:
    """Whether ``user`` may move the task's status: its planners and the person given it."""
    return may_manage(user, task.cluster) or (
        signed_in(user) and task.assigned_person_id == user.pk
    )


def may_declare_for_group(user, group: DeliveryGroup) -> bool:
    return may_manage(user, group.cluster) or (signed_in(user) and group.lead_id == user.pk)


def may_change_declaration(user, declaration: CapacityDeclaration) -> bool:
    if declaration.person_id is not None:
        return signed_in(user) and declaration.person_id == user.pk
    return may_declare_for_group(user, declaration.group)


def may_offer(user, unit) -> bool:
    """Whether ``user`` offers a health board's capacity at ``unit`` (the board or a cluster of
    it)."""
    return signed_in(user) and permissions.can(user, Perm.OFFER, unit.path)


def may_change_offer(user, offer: CapacityOffer) -> bool:
    return may_offer(user, offer.health_board)


def cluster_get_for_user(*, user, unit_id: int):
    """The cluster, if ``user`` may see its delivery; otherwise 404."""
    cluster = organisations.unit_of_kind(unit_id=unit_id, kinds=(Kind.CLUSTER,))
    if cluster is None or not may_view(user, cluster):
        raise Http404
    return cluster


def clusters_to_work_in(*, user) -> list:
    """The clusters ``user`` works in (where they declare their own capacity)."""
    if not signed_in(user):
        return []
    return organisations.units_for(user=user, permission=Perm.WORK, kind=Kind.CLUSTER)


def cluster_for_offer(*, user, unit_id: int):
    """The cluster and its health board, if ``user`` may offer it capacity; otherwise 404."""
    cluster = cluster_get_for_user(user=user, unit_id=unit_id)
    planning_group = organisations.planning_group_of(unit=cluster)
    if planning_group is None or not may_offer(user, cluster):
        raise Http404
    return cluster, planning_group.parent


def change_idea_get_for_user(*, user, node_id: int):
    """A change idea on a project's driver diagram, with the project's cluster, if ``user`` may
    see the cluster's delivery; otherwise 404. Tasks are planned for projects' change ideas: a
    proposal's or a person's own diagram has no cluster doing the work yet."""
    node = diagrams.change_idea_get(node_id=node_id)
    if node is None or node.diagram.owner_kind != "project":
        raise Http404
    project = (
        projects.projects_visible_to(user=user)
        .select_related("lead_collaborative__parent")
        .filter(pk=node.diagram.owner_id)
        .first()
    )
    if project is None:
        raise Http404
    cluster = project.lead_collaborative.parent
    if cluster is None or not may_view(user, cluster):
        raise Http404
    return node, project, cluster


def task_get_for_user(*, user, task_id: int) -> Task:
    """The task (not removed), if ``user`` may see its cluster's delivery; otherwise 404."""
    if not signed_in(user):
        raise Http404
    return permissions.get_for_user(
        Task.objects.filter(removed_at__isnull=True).select_related(
            "cluster", "change_idea", "assigned_person", "assigned_group"
        ),
        user,
        Perm.VIEW,
        "cluster__path",
        pk=task_id,
    )


def change_idea_for_planning(*, user, node_id: int):
    """The change idea, as ``change_idea_get_for_user``, if ``user`` plans its cluster's tasks;
    anyone else gets 404."""
    node, project, cluster = change_idea_get_for_user(user=user, node_id=node_id)
    if not may_manage(user, cluster):
        raise Http404
    return node, project, cluster

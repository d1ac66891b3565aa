"""Writes to capacity: a person's own declarations and absences, a group's declarations (its
lead or the cluster's planners), delivery groups, and health boards' offers. Months are kept as
their first day, whatever day of the month was given."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.core.models import AuditEvent
from arloesi.delivery.capacity import month_of
from arloesi.delivery.models import (
    Absence,
    CapacityDeclaration,
    CapacityOffer,
    DeliveryGroup,
)
from arloesi.delivery.selectors import access, choices
from arloesi.delivery.services import rules


def _months(from_month: date, to_month: date | None) -> tuple[date, date | None]:
    from_month = month_of(from_month)
    to_month = month_of(to_month) if to_month else None
    if to_month is not None and to_month < from_month:
        raise ValidationError({"to_month": _("The last month must be on or after the first")})
    return from_month, to_month


def _check_skill(skill) -> None:
    if not skill.active:
        raise ValidationError({"skill": _("Choose a skill that is still in use")})


@transaction.atomic
def declaration_add(
    *,
    actor,
    cluster,
    skill,
    hours_per_month: int,
    from_month: date,
    to_month: date | None = None,
    group: DeliveryGroup | None = None,
) -> CapacityDeclaration:
    """Hours a month of a skill for a cluster's improvement work: the actor's own (they must
    work in the cluster) or a group's (its lead or the cluster's planners)."""
    if group is None:
        if not any(unit.pk == cluster.pk for unit in access.clusters_to_work_in(user=actor)):
            raise PermissionDenied
    elif group.cluster_id != cluster.pk or not access.may_declare_for_group(actor, group):
        raise PermissionDenied
    _check_skill(skill)
    from_month, to_month = _months(from_month, to_month)
    return audit.create(
        CapacityDeclaration,
        actor=actor,
        cluster=cluster,
        person=None if group else actor,
        group=group,
        skill=skill,
        hours_per_month=hours_per_month,
        from_month=from_month,
        to_month=to_month,
    )


@transaction.atomic
def declaration_update(
    *,
    actor,
    declaration: CapacityDeclaration,
    expected_version: int,
    skill,
    hours_per_month: int,
    from_month: date,
    to_month: date | None = None,
) -> CapacityDeclaration:
    if not access.may_change_declaration(actor, declaration):
        raise PermissionDenied
    _check_skill(skill)
    from_month, to_month = _months(from_month, to_month)
    return audit.update(
        declaration,
        actor=actor,
        expected_version=expected_version,
        skill=skill,
        hours_per_month=hours_per_month,
        from_month=from_month,
        to_month=to_month,
    )


@transaction.atomic
def declaration_remove(*, actor, declaration: CapacityDeclaration) -> None:
    if not access.may_change_declaration(actor, declaration):
        raise PermissionDenied
    audit.delete(declaration, actor=actor)


@transaction.atomic
def absence_add(*, actor, first_day: date, last_day: date, note: str = "") -> Absence:
    """Days the actor will be away (their capacity shrinks in those months)."""
    if not access.signed_in(actor):
        raise PermissionDenied
    if last_day < first_day:
        raise ValidationError({"last_day": _("The last day must be on or after the first")})
    return audit.create(
        Absence, actor=actor, person=actor, first_day=first_day, last_day=last_day, note=note
    )


@transaction.atomic
def absence_remove(*, actor, absence: Absence) -> None:
    if not access.signed_in(actor) or absence.person_id != actor.pk:
        raise PermissionDenied
    audit.delete(absence, actor=actor)


@transaction.atomic
def group_create(
    *, actor, cluster, kind: str, name: str, lead=None, members: Iterable = ()
) -> DeliveryGroup:
    """A group of the cluster's people that tasks can be given to."""
    rules.require_manage(actor, cluster)
    members = list(members)
    people = choices.people_of(cluster=cluster)
    allowed = set(
        people.filter(pk__in=[p.pk for p in [*members, lead] if p]).values_list("pk", flat=True)
    )
    if any(person.pk not in allowed for person in [*members, lead] if person):
        raise ValidationError({"members": _("Choose people who work in this cluster")})
    group = audit.create(
        DeliveryGroup, actor=actor, kind=kind, cluster=cluster, name=name, lead=lead
    )
    group.members.set(members)
    if members:
        audit.record(
            actor=actor,
            obj=group,
            action=AuditEvent.Action.UPDATED,
            changes={"members": ["", ", ".join(sorted(str(p) for p in members))]},
        )
    return group


def _check_offer(actor, health_board, cluster, skill, priorities) -> list:
    if not access.may_offer(actor, health_board):
        raise PermissionDenied
    if not cluster.path.startswith(health_board.path):
        raise ValidationError({"cluster": _("Choose a cluster of your health board")})
    _check_skill(skill)
    priorities = list(priorities)
    if not priorities:
        raise ValidationError({"priorities": _("Choose the priorities the offer is for")})
    return rules.check_priorities(cluster, priorities)


@transaction.atomic
def offer_add(
    *,
    actor,
    health_board,
    cluster,
    skill,
    hours_per_month: int,
    from_month: date,
    to_month: date,
    priorities: Iterable,
    note: str = "",
) -> CapacityOffer:
    """A health board innovation team's hours offered to a cluster, for named priorities only."""
    priorities = _check_offer(actor, health_board, cluster, skill, priorities)
    from_month, to_month = _months(from_month, to_month)
    offer = audit.create(
        CapacityOffer,
        actor=actor,
        health_board=health_board,
        cluster=cluster,
        skill=skill,
        hours_per_month=hours_per_month,
        from_month=from_month,
        to_month=to_month,
        note=note,
        created_by=actor,
    )
    offer.priorities.set(priorities)
    audit.record(
        actor=actor,
        obj=offer,
        action=AuditEvent.Action.UPDATED,
        changes={"priorities": ["", ", ".join(str(p.pk) for p in priorities)]},
    )
    return offer


@transaction.atomic
def offer_withdraw(*, actor, offer: CapacityOffer) -> CapacityOffer:
    if not access.may_change_offer(actor, offer):
        raise PermissionDenied
    if offer.withdrawn_at is not None:
        return offer
    return audit.update(offer, actor=actor, withdrawn_at=timezone.now())

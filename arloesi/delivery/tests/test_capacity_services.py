"""People declare their own capacity and absences; a health board offers capacity for named
priorities; no one writes someone else's."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from arloesi.core.models import AuditEvent
from arloesi.delivery import services
from arloesi.delivery.models import CapacityDeclaration
from arloesi.delivery.tests.factories import plan, skill
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role

pytestmark = pytest.mark.django_db


def test_a_person_declares_their_own_hours_from_a_month_and_it_is_recorded():
    p = plan()
    declared = services.declaration_add(
        actor=p.pharmacist,
        cluster=p.cluster,
        skill=skill("pharmacist"),
        hours_per_month=12,
        from_month=date(2027, 3, 17),
    )
    assert (declared.person, declared.from_month, declared.to_month) == (
        p.pharmacist,
        date(2027, 3, 1),
        None,
    )
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATED, object_id=str(declared.pk))


def test_nobody_declares_for_a_cluster_they_do_not_work_in_nor_changes_anothers_hours():
    p, other = plan(), plan()
    with pytest.raises(PermissionDenied):
        services.declaration_add(
            actor=other.pharmacist,
            cluster=p.cluster,
            skill=skill("gp"),
            hours_per_month=5,
            from_month=date(2027, 3, 1),
        )
    mine = services.declaration_add(
        actor=p.pharmacist,
        cluster=p.cluster,
        skill=skill("pharmacist"),
        hours_per_month=12,
        from_month=date(2027, 3, 1),
    )
    with pytest.raises(PermissionDenied):
        services.declaration_remove(actor=p.lead, declaration=mine)
    assert CapacityDeclaration.objects.filter(pk=mine.pk).exists()


def test_an_absence_ends_on_or_after_it_starts_and_is_the_persons_own():
    p = plan()
    with pytest.raises(ValidationError):
        services.absence_add(
            actor=p.pharmacist, first_day=date(2027, 3, 5), last_day=date(2027, 3, 1)
        )
    away = services.absence_add(
        actor=p.pharmacist, first_day=date(2027, 3, 1), last_day=date(2027, 3, 5), note="Leave"
    )
    with pytest.raises(PermissionDenied):
        services.absence_remove(actor=p.lead, absence=away)


def test_a_health_board_officer_offers_capacity_for_named_priorities_only():
    p = plan()
    health_board = p.cluster.parent.parent
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, health_board)
    values = {
        "health_board": health_board,
        "cluster": p.cluster,
        "skill": skill("pharmacist"),
        "hours_per_month": 20,
        "from_month": date(2027, 3, 1),
        "to_month": date(2027, 5, 1),
    }
    with pytest.raises(ValidationError, match="priorities the offer is for"):
        services.offer_add(actor=officer, priorities=[], **values)
    offer = services.offer_add(actor=officer, priorities=[p.priority], **values)
    assert list(offer.priorities.all()) == [p.priority]
    with pytest.raises(PermissionDenied):
        services.offer_add(actor=p.lead, priorities=[p.priority], **values)
    services.offer_withdraw(actor=officer, offer=offer)
    assert offer.withdrawn_at is not None

"""The front door the delivery app raises entries through: work that cannot be accommodated is
recorded once per task (updated, not duplicated), rescored only when its scores change, marked
when allocated after all, and found again by its source."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from arloesi.core.models import AuditEvent
from arloesi.risks import selectors, services
from arloesi.risks.models import Rescore, RiskAction, RiskEntry
from arloesi.risks.tests.factories import registers
from arloesi.risks.vocabulary import Category

pytestmark = pytest.mark.django_db

LINKS = {"Aim": "Fewer admissions for COPD", "Driver": "Inhaler technique", "Task": "Reviews"}


@pytest.fixture
def r():
    return registers()


def record(r, *, gap="40 h of pharmacist time in March 2027", score=(3, 3), task=7, actor=None):
    return services.unaddressed_record(
        actor=actor or r.lead, unit=r.cluster, source_kind="delivery.task", source_id=task,
        title="Inhaler reviews cannot be staffed", description="Not enough pharmacist time",
        links=LINKS, gap=gap, consequence=score[0], likelihood=score[1],
    )  # fmt: skip


def test_unaccommodated_work_goes_onto_the_register_with_its_links_and_gap(r, client):
    risk = record(r)
    assert risk.category == Category.UNADDRESSED and risk.unit == r.cluster
    assert risk.links == LINKS and risk.gap.startswith("40 h")
    assert "Driver: Inhaler technique" in risk.source_summary
    client.force_login(r.lead)
    html = client.get(f"/en/risks/{risk.pk}/").content.decode()
    assert "Fewer admissions for COPD" in html and "40 h of pharmacist time" in html
    assert "Unaddressed potential for improvement" in html


def test_recording_the_same_task_again_changes_nothing_and_a_new_gap_rescores_it(r):
    first = record(r)
    events = AuditEvent.objects.count()
    again = record(r)
    assert again.pk == first.pk and AuditEvent.objects.count() == events
    assert Rescore.objects.filter(entry=first).count() == 3
    bigger = record(r, gap="80 h of pharmacist time in March 2027", score=(3, 4))
    assert bigger.pk == first.pk and bigger.current_score == 12
    assert (
        Rescore.objects.filter(entry=first)
        .last()
        .reason.endswith("80 h of pharmacist time in March 2027")
    )
    assert RiskEntry.objects.filter(source_kind="delivery.task", source_id=7).count() == 1


def test_only_someone_who_keeps_the_register_may_record_it(r):
    with pytest.raises(PermissionDenied):
        record(r, actor=r.collaborative_lead)
    assert not RiskEntry.objects.exists()


def test_work_allocated_later_is_noted_and_left_for_a_person_to_close(r):
    risk = record(r)
    noted = services.unaddressed_allocated(
        actor=r.lead, source_kind="delivery.task", source_id=7, note="Allocated to Rhys, 40 h"
    )
    assert noted.pk == risk.pk and noted.status == "open"
    assert noted.source_allocated_on == timezone.localdate()
    action = RiskAction.objects.get(entry=risk)
    assert action.text == "Allocated to Rhys, 40 h" and action.done_on == timezone.localdate()
    assert (
        services.unaddressed_allocated(
            actor=r.lead, source_kind="delivery.task", source_id=99, note="Nothing there"
        )
        is None
    )


def test_other_apps_find_the_entries_of_their_sources(r):
    seven, eight = record(r, task=7), record(r, task=8)
    services.entry_status_move(
        actor=r.lead, entry=seven, from_status="open", to_status="closed", reason="Allocated"
    )
    reopened = record(r, task=7)
    found = selectors.entries_from(source_kind="delivery.task", source_ids=[7, 8, 9])
    assert found == {7: reopened, 8: eight}
    assert reopened.pk != seven.pk

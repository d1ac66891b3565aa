"""The demo shows the Rhondda cluster's tasks for the inhaler checks, its people's hours and an
offer, with pharmacist work that does not fit, and the lead's accepted allocation with that work
on the risk register and in the unaddressed-potential report; loading again adds nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from arloesi.delivery import selectors
from arloesi.delivery.capacity import add_months, month_of
from arloesi.delivery.models import AllocationRun, CapacityOffer, Task
from arloesi.delivery.runs import RunStatus
from arloesi.organisations.models import OrganisationUnit, Person

pytestmark = pytest.mark.django_db


def test_the_demo_cluster_has_tasks_capacity_and_work_that_does_not_fit(settings):
    settings.DEMO_MODE = True
    call_command("load_demo")
    cluster = OrganisationUnit.objects.get(code="CTM-RHONDDA")
    lead = Person.objects.get(email="cluster.lead@arloesi.example")
    assert Task.objects.filter(cluster=cluster).count() == 9
    assert CapacityOffer.objects.filter(cluster=cluster).count() == 1
    period = selectors.Period(first=month_of(timezone.localdate()), count=3)
    page = selectors.capacity_page(user=lead, cluster=cluster, period=period)
    assert any("Pharmacist" in words for words in page.shortfalls)
    pharmacist = next(row for row in page.rows if row.skill.code == "pharmacist")
    next_month = pharmacist.cells[1]
    assert next_month.month == add_months(period.first, 1) and next_month.offered > 0

    run = AllocationRun.objects.get(cluster=cluster)
    assert run.status == RunStatus.ACCEPTED
    report = selectors.unaddressed_report(user=lead, unit=cluster)
    assert report.rows and report.hours_short > 0
    assert all(row.entry is not None and row.entry.unit_id == cluster.pk for row in report.rows)
    assert any(g.label == "Pharmacist" and g.hours_short > 0 for g in report.by_skill)
    assert any(g.label == "Medicines optimisation" for g in report.by_priority)
    assert report.by_aim[0].label != "No aim"

    count = Task.objects.count()
    call_command("load_demo")
    assert Task.objects.count() == count
    assert AllocationRun.objects.filter(cluster=cluster).count() == 1

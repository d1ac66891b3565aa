"""The demo shows the Rhondda cluster's tasks for the inhaler checks, its people's hours and an
offer, with pharmacist work that does not fit; loading again adds nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from arloesi.delivery import selectors
from arloesi.delivery.capacity import add_months, month_of
from arloesi.delivery.models import CapacityOffer, Task
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

    count = Task.objects.count()
    call_command("load_demo")
    assert Task.objects.count() == count

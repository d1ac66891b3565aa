"""The demo shows the Rhondda cluster's register: six risks of its own, one escalated to the
Rhondda Cynon Taf planning group's register, one on unaccommodated work, one rescored, one
overdue for review, one closed — beside those the delivery demo's allocation puts there (raised
by the delivery app, with their source); loading again adds nothing."""

import pytest
from django.core.management import call_command

from arloesi.organisations.models import Person
from arloesi.risks import selectors
from arloesi.risks.models import RiskEntry

pytestmark = pytest.mark.django_db


def test_the_rhondda_register_is_filled_in_and_loading_again_adds_nothing(settings):
    settings.DEMO_MODE = True
    call_command("load_demo")
    everything = RiskEntry.objects.filter(unit__code="CTM-RHONDDA")
    rhondda = everything.filter(source_kind="")
    assert rhondda.count() == 6
    escalated = rhondda.get(escalated_to__isnull=False)
    assert escalated.escalated_to.unit.code == "CTM-RCT"
    chair = Person.objects.get(email="pcpg.chair@arloesi.example")
    page = selectors.register_page(
        user=chair, unit=escalated.escalated_to.unit, filters=selectors.Filters()
    )
    assert escalated.title in [row.entry.title for row in page.rows]
    lead = Person.objects.get(email="cluster.lead@arloesi.example")
    page = selectors.register_page(user=lead, unit=escalated.unit, filters=selectors.Filters())
    raised_elsewhere = everything.exclude(source_kind="").count()
    assert page.overdue_count == 1 and page.open_count == 5 + raised_elsewhere
    assert rhondda.filter(category="unaddressed").get().gap.startswith("40 h")

    count = everything.count()
    call_command("load_demo")
    assert everything.count() == count

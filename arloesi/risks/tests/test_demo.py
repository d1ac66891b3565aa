"""The demo shows the Rhondda cluster's register: six risks, one escalated to the Rhondda Cynon
Taf planning group's register, one on unaccommodated work, one rescored, one overdue for
review, one closed; loading again adds nothing."""

import pytest
from django.core.management import call_command

from arloesi.organisations.models import Person
from arloesi.risks import selectors
from arloesi.risks.models import RiskEntry

pytestmark = pytest.mark.django_db


def test_the_rhondda_register_is_filled_in_and_loading_again_adds_nothing(settings):
    settings.DEMO_MODE = True
    call_command("load_demo")
    rhondda = RiskEntry.objects.filter(unit__code="CTM-RHONDDA")
    assert rhondda.count() == 6
    escalated = rhondda.get(escalated_to__isnull=False)
    assert escalated.escalated_to.unit.code == "CTM-RCT"
    chair = Person.objects.get(email="pcpg.chair@arloesi.example")
    page = selectors.register_page(
        user=chair, unit=escalated.escalated_to.unit, filters=selectors.Filters()
    )
    assert [row.entry.title for row in page.rows] == [escalated.title]
    lead = Person.objects.get(email="cluster.lead@arloesi.example")
    page = selectors.register_page(user=lead, unit=escalated.unit, filters=selectors.Filters())
    assert page.overdue_count == 1 and page.open_count == 5
    assert rhondda.filter(category="unaddressed").get().gap.startswith("40 h")

    call_command("load_demo")
    assert RiskEntry.objects.filter(unit__code="CTM-RHONDDA").count() == 6

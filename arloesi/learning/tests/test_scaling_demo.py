"""The demo shows the Rhondda cluster's inhaler checks approved for all of Wales with
conditions, three clusters in the roll-out, and the spread table with the pilot site; loading
again adds nothing."""

import pytest
from django.core.management import call_command

from arloesi.learning import selectors
from arloesi.learning.models import RolloutSite, ScaleUp
from arloesi.learning.vocabulary import Footprint, ScaleUpStatus
from arloesi.organisations.models import Person

pytestmark = pytest.mark.django_db


def test_the_rhondda_pilot_is_approved_for_wales_and_rolled_out(settings):
    settings.DEMO_MODE = True
    call_command("load_demo")
    scale_up = ScaleUp.objects.get()
    assert scale_up.footprint == Footprint.WALES
    assert scale_up.status == ScaleUpStatus.APPROVED_WITH_CONDITIONS and scale_up.conditions
    assert sorted(RolloutSite.objects.values_list("stage", flat=True)) == [
        "live",
        "planned",
        "preparing",
    ]
    someone = Person.objects.get(email="pcpg.member@arloesi.example")
    page = selectors.spread_page(user=someone, scale_up_id=scale_up.pk)
    assert page.counts["pilot"] == 1 and page.reached >= 4
    call_command("load_demo")
    assert ScaleUp.objects.count() == 1

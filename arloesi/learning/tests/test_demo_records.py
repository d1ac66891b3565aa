"""The demo: the Rhondda inhaler checks' learning record is published in both languages (so
anyone can read it) and adapted in Taff Ely; loading again adds nothing."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from arloesi.learning.models import Adoption, LearningRecord
from arloesi.learning.sampledata import demo_records
from arloesi.learning.vocabulary import RecordStatus

pytestmark = pytest.mark.django_db


def test_the_rhondda_record_is_published_and_adapted_in_taff_ely(settings, client):
    settings.DEMO_MODE = True
    call_command("load_demo")
    record = LearningRecord.objects.get(title_en=demo_records.RECORD["title_en"])
    assert record.status == RecordStatus.PUBLISHED and record.is_public
    adoption = Adoption.objects.get(record=record)
    assert adoption.cluster.code == "CTM-TAFF-ELY" and adoption.changes
    page = client.get(reverse("learning:record", kwargs={"record_id": record.pk}))
    assert demo_records.RECORD["title_en"] in page.content.decode()
    call_command("load_demo")
    assert LearningRecord.objects.count() == 1 and Adoption.objects.count() == 1

"""The timed upload ``make bench`` holds to 2 s (26,000 points): it really sets every series
through the API, and sending it again changes nothing."""

import pytest

from arloesi.api.sampledata.bench import upload
from arloesi.core.bench import BenchContext
from arloesi.core.models import AuditEvent
from arloesi.measures.models import DataPoint, Measure

pytestmark = pytest.mark.django_db


def test_the_timed_upload_sets_each_series_through_the_api_once(mine):
    context = BenchContext(scale=0.01)
    context.picks["api.measure"] = mine.measure
    context.picks["api.project"] = mine.project
    before = set(Measure.objects.values_list("pk", flat=True))

    numbers = upload(context, measures=3, weeks=20)

    assert numbers["requests"] == 1 and numbers["points"] == 60
    assert numbers["seconds"] > 0 and numbers["again_unchanged_seconds"] > 0
    assert numbers["one_request_per_measure_seconds"] > 0
    new = Measure.objects.exclude(pk__in=before)
    assert new.count() == 6  # three in one request, three one request each
    assert DataPoint.objects.filter(measure__in=new).count() == 120
    made = AuditEvent.objects.filter(action="created", note__contains="Information team")
    assert made.count() == 120

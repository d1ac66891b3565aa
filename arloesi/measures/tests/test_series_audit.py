"""A series' new periods are written together (``audit.create_many``) and recorded exactly as
one period at a time would be (``audit.create``), on both databases."""

from datetime import timedelta
from decimal import Decimal

import pytest

from arloesi.core import audit
from arloesi.core.models import AuditEvent
from arloesi.measures.models import DataPoint
from arloesi.measures.tests.factories import MONDAY, measured_project

pytestmark = pytest.mark.django_db


def _recorded(point):
    from django.contrib.contenttypes.models import ContentType

    event = AuditEvent.objects.get(
        content_type=ContentType.objects.get_for_model(DataPoint),
        object_id=str(point.pk),
        action="created",
    )
    return event.actor_id, event.content_type_id, event.object_repr, event.changes, event.note


def test_many_new_points_are_recorded_as_one_at_a_time_would_be():
    measured = measured_project()
    lead, measure = measured.started.lead, measured.measure
    rows = [
        {"measure": measure, "period_start": MONDAY + timedelta(weeks=k), "value": Decimal(k)}
        for k in range(1, 4)
    ]
    with audit.noted("Through the API"):
        many = audit.create_many(DataPoint, actor=lead, rows=rows)
        one = audit.create(
            DataPoint,
            actor=lead,
            measure=measure,
            period_start=MONDAY + timedelta(weeks=10),
            value=Decimal(1),
        )
    assert [p.pk for p in many] == [
        p.pk for p in DataPoint.objects.filter(pk__in=[p.pk for p in many]).order_by("period_start")
    ]
    saved = {p.pk: p for p in DataPoint.objects.filter(measure=measure)}
    assert [saved[p.pk].value for p in many] == [Decimal(1), Decimal(2), Decimal(3)]
    first, single = _recorded(many[0]), _recorded(one)
    assert first[:2] == single[:2] and first[4] == single[4] == "Through the API"
    assert set(first[3]) == set(single[3])
    assert first[3]["measure"] == single[3]["measure"] == [None, str(measure)]
    assert first[3]["value"] == [None, "1"]


def test_a_bad_value_among_many_writes_nothing():
    measured = measured_project()
    before = (DataPoint.objects.count(), AuditEvent.objects.count())
    rows = [
        {"measure": measured.measure, "period_start": MONDAY, "value": Decimal(1)},
        {"measure": measured.measure, "period_start": MONDAY, "value": Decimal("1e20")},
    ]
    with pytest.raises(Exception, match="value"):
        audit.create_many(DataPoint, actor=measured.started.lead, rows=rows)
    assert (DataPoint.objects.count(), AuditEvent.objects.count()) == before

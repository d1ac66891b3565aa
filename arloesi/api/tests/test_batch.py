"""Many measures' series in one request: each set as one request sets it, all or nothing across
them, each problem named by its series and period; a measure out of reach is 404 and nothing is
written."""

import pytest
from django.test import Client
from django.urls import reverse

from arloesi.api.tests.factories import bearer, token_for
from arloesi.core.models import AuditEvent
from arloesi.measures.models import DataPoint
from arloesi.measures.tests.factories import measured_project

pytestmark = pytest.mark.django_db


def _put(body, headers):
    return Client().put(
        reverse("api-v1:data_batch"), body, content_type="application/json", **headers
    )


def _points(values, first="2029-01-01"):
    from datetime import date, timedelta

    start = date.fromisoformat(first)
    return [
        {"period_start": (start + timedelta(weeks=k)).isoformat(), "value": v}
        for k, v in enumerate(values)
    ]


def test_several_series_are_set_at_once_and_again_change_nothing(mine):
    other = measured_project(mine.started, name="Letters sent on time").measure
    headers = bearer(token_for(mine.lead, name="Monthly figures"))
    body = {
        "series": [
            {"measure_id": mine.measure.pk, "points": _points([30, 31, 32])},
            {"measure_id": other.pk, "points": _points([7, 8])},
        ]
    }
    first = _put(body, headers)
    assert first.status_code == 200, first.content
    assert first.json() == {
        "series": [
            {"measure_id": mine.measure.pk, "created": 3, "updated": 0, "unchanged": 0},
            {"measure_id": other.pk, "created": 2, "updated": 0, "unchanged": 0},
        ],
        "created": 5,
        "updated": 0,
        "unchanged": 0,
    }
    assert DataPoint.objects.filter(measure=other).count() == 2
    made = AuditEvent.objects.filter(action="created", note__contains="Monthly figures")
    assert made.count() == 5
    events = AuditEvent.objects.count()
    again = _put(body, headers)
    assert again.json()["unchanged"] == 5
    assert AuditEvent.objects.count() == events


def test_a_problem_in_any_series_writes_nothing_and_names_its_place(mine):
    other = measured_project(mine.started, name="Letters sent on time").measure
    headers = bearer(token_for(mine.lead))
    before = DataPoint.objects.count()
    body = {
        "series": [
            {"measure_id": mine.measure.pk, "points": _points([30, 31])},
            {"measure_id": other.pk, "points": _points([7, "many"])},
        ]
    }
    answer = _put(body, headers)
    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["errors"]] == ["series[1].points[1].value"]
    assert DataPoint.objects.count() == before


def test_a_measure_sent_twice_is_refused(mine):
    headers = bearer(token_for(mine.lead))
    one = {"measure_id": mine.measure.pk, "points": _points([1])}
    answer = _put({"series": [one, one]}, headers)
    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["errors"]] == ["series[1].measure_id"]


def test_another_places_measure_in_the_batch_is_404_and_nothing_is_written(mine, theirs):
    headers = bearer(token_for(mine.lead))
    before = DataPoint.objects.count()
    body = {
        "series": [
            {"measure_id": mine.measure.pk, "points": _points([30])},
            {"measure_id": theirs.measure.pk, "points": _points([1])},
        ]
    }
    assert _put(body, headers).status_code == 404
    assert _put({"series": [{"measure_id": 10**9, "points": []}]}, headers).status_code == 404
    assert DataPoint.objects.count() == before


def test_a_read_only_token_may_not_send_data(mine):
    headers = bearer(token_for(mine.lead, scope="read"))
    body = {"series": [{"measure_id": mine.measure.pk, "points": _points([30])}]}
    assert _put(body, headers).status_code == 403

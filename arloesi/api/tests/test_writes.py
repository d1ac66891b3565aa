"""Writes through the API are the pages' writes: one service call, the same checks, the same
audit trail (noting the token), the same refusal of a stale edit; a whole series of data is set
at once, and sending it again changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from arloesi.api.tests.factories import bearer, token_for
from arloesi.core.models import AuditEvent
from arloesi.measures.models import DataPoint
from arloesi.proposals.models import Proposal

pytestmark = pytest.mark.django_db


def _send(method: str, name: str, body, headers: dict, **kwargs):
    url = reverse(f"api-v1:{name}", kwargs=kwargs)
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


def _series(values, first="2025-01-06") -> dict:
    from datetime import date, timedelta

    start = date.fromisoformat(first)
    return {
        "points": [
            {"period_start": (start + timedelta(weeks=k)).isoformat(), "value": v}
            for k, v in enumerate(values)
        ]
    }


def test_a_whole_series_is_set_at_once_and_sending_it_again_changes_nothing(mine):
    headers = bearer(token_for(mine.lead, name="Practice system"))
    body = _series([10, 11, 12.5] + [20] * 30)
    first = _send("put", "data_upsert", body, headers, measure_id=mine.measure.pk)
    assert first.status_code == 200, first.content
    assert first.json() == {"created": 12, "updated": 19, "unchanged": 2}  # 10, 11 were there
    events = AuditEvent.objects.count()
    points = list(DataPoint.objects.filter(measure=mine.measure).values().order_by("pk"))
    again = _send("put", "data_upsert", body, headers, measure_id=mine.measure.pk)
    assert again.json() == {"created": 0, "updated": 0, "unchanged": 33}
    assert AuditEvent.objects.count() == events
    assert list(DataPoint.objects.filter(measure=mine.measure).values().order_by("pk")) == points
    noted = AuditEvent.objects.filter(note__contains="Practice system")
    assert noted.filter(action="created").count() == 12


def test_a_series_with_a_problem_writes_nothing_and_names_each_period(mine):
    headers = bearer(token_for(mine.lead))
    before = DataPoint.objects.filter(measure=mine.measure).count()
    body = _series([1, "lots", 3])
    body["points"].append({"period_start": "2025-02-31", "value": 4})
    answer = _send("put", "data_upsert", body, headers, measure_id=mine.measure.pk)
    assert answer.status_code == 422
    assert answer["Content-Type"] == "application/problem+json"
    fields = [error["field"] for error in answer.json()["errors"]]
    assert fields == ["points[1].value", "points[3].period_start"]
    assert DataPoint.objects.filter(measure=mine.measure).count() == before


def test_another_places_data_cannot_be_set(mine, theirs):
    headers = bearer(token_for(mine.lead))
    answer = _send("put", "data_upsert", _series([1]), headers, measure_id=theirs.measure.pk)
    assert answer.status_code == 404


def test_a_draft_is_started_and_changed_with_the_version_read(mine):
    headers = bearer(token_for(mine.author, name="Drafting tool"))
    collaborative = mine.proposal.lead_collaborative_id
    made = _send(
        "post",
        "proposal_create",
        {"title": "Hearing checks", "collaborative_id": collaborative},
        headers,
    )
    assert made.status_code == 201, made.content
    proposal = made.json()
    assert made["ETag"] == '"1"'
    changed = _send(
        "patch",
        "proposal_update",
        {"problem": "People wait months for a hearing test."},
        {**headers, "HTTP_IF_MATCH": made["ETag"]},
        proposal_id=proposal["id"],
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["problem"] == "People wait months for a hearing test."
    assert changed.json()["title"] == "Hearing checks"
    assert changed["ETag"] == '"2"'
    stale = _send(
        "patch",
        "proposal_update",
        {"problem": "Overwritten?"},
        {**headers, "HTTP_IF_MATCH": made["ETag"]},
        proposal_id=proposal["id"],
    )
    assert stale.status_code == 412
    stale_body = _send(
        "patch", "proposal_update", {"problem": "Overwritten?", "version": 1}, headers,
        proposal_id=proposal["id"],
    )  # fmt: skip
    assert stale_body.status_code == 409
    no_version = _send(
        "patch", "proposal_update", {"problem": "Overwritten?"}, headers,
        proposal_id=proposal["id"],
    )  # fmt: skip
    assert no_version.status_code == 428
    assert Proposal.objects.get(pk=proposal["id"]).problem.startswith("People wait")
    events = AuditEvent.objects.filter(object_id=str(proposal["id"]), note__contains="Drafting")
    assert set(events.values_list("action", flat=True)) == {"created", "updated"}


def test_the_pages_checks_and_wording_apply(mine):
    mine.author.preferred_language = "cy"
    mine.author.save()
    headers = bearer(token_for(mine.author))
    answer = _send(
        "patch",
        "proposal_update",
        {"title": "", "duration_months": 0, "version": mine.proposal.version},
        headers,
        proposal_id=mine.proposal.pk,
    )
    assert answer.status_code == 422
    errors = {error["field"]: error["reason"] for error in answer.json()["errors"]}
    assert errors["title"] == "Nodwch deitl ar gyfer y cynnig"
    assert set(errors) == {"title", "duration_months"}


def test_only_authors_change_a_proposal(mine, theirs):
    headers = bearer(token_for(mine.lead))
    answer = _send(
        "patch", "proposal_update", {"title": "Mine now", "version": 1}, headers,
        proposal_id=theirs.proposal.pk,
    )  # fmt: skip
    assert answer.status_code == 404


def test_a_milestone_and_a_cycle_are_added_by_the_team(mine, theirs):
    headers = bearer(token_for(mine.lead, name="Planner"))
    milestone = _send(
        "post", "milestone_add", {"title": "Second clinic", "due_on": "2030-01-31"}, headers,
        project_id=mine.project.pk,
    )  # fmt: skip
    assert milestone.status_code == 201, milestone.content
    assert milestone.json()["overdue"] is False
    cycle = _send(
        "post",
        "cycle_plan",
        {
            "title": "Two residents",
            "planned_start_on": "2030-02-01",
            "planned_end_on": "2030-01-01",
        },
        headers,
        project_id=mine.project.pk,
    )
    assert cycle.status_code == 422
    assert cycle.json()["errors"][0]["field"] == "planned_end_on"
    elsewhere = _send(
        "post", "milestone_add", {"title": "Theirs", "due_on": "2030-01-31"}, headers,
        project_id=theirs.project.pk,
    )  # fmt: skip
    assert elsewhere.status_code == 404
    assert AuditEvent.objects.filter(note__contains="Planner").count() == 1

"""Every read answers what the pages show the caller, and a 404 for another place's objects
(the same as for an id that does not exist), in one shape of problem."""

import pytest
from django.test import Client
from django.urls import reverse

from arloesi.api.tests.factories import bearer, token_for

pytestmark = pytest.mark.django_db


def _get(name: str, headers: dict, **kwargs):
    return Client().get(reverse(f"api-v1:{name}", kwargs=kwargs), **headers)


def _by_id(place) -> dict[str, dict]:
    return {
        "proposal_detail": {"proposal_id": place.proposal.pk},
        "project_detail": {"project_id": place.project.pk},
        "milestone_list": {"project_id": place.project.pk},
        "cycle_list": {"project_id": place.project.pk},
        "project_measures": {"project_id": place.project.pk},
        "measure_detail": {"measure_id": place.measure.pk},
        "data_series": {"measure_id": place.measure.pk},
        "risk_detail": {"entry_id": place.risk.pk},
        "record_detail": {"record_id": place.draft.pk},
    }


def test_guessing_another_places_ids_finds_nothing(mine, theirs):
    """As the project's lead (who also writes proposals and keeps a register in the tests'
    other reads), every id of the other health board answers 404, like an id never used."""
    headers = bearer(token_for(mine.lead))
    for name, kwargs in _by_id(theirs).items():
        answer = _get(name, headers, **kwargs)
        assert answer.status_code == 404, (name, answer.status_code)
        assert answer["Content-Type"] == "application/problem+json"
        missing = _get(name, headers, **dict.fromkeys(kwargs, 10**9))
        assert missing.json() == answer.json(), name


def test_the_caller_reads_their_own(mine):
    headers = bearer(token_for(mine.lead))
    project = _get("project_detail", headers, project_id=mine.project.pk).json()
    assert project["title"] == mine.project.title
    milestones = _get("milestone_list", headers, project_id=mine.project.pk).json()
    assert [m["title"] for m in milestones] == ["First clinic"]
    cycles = _get("cycle_list", headers, project_id=mine.project.pk).json()
    assert [c["title"] for c in cycles] == ["Try the checklist"]
    measures = _get("project_measures", headers, project_id=mine.project.pk).json()
    assert [m["id"] for m in measures] == [mine.measure.pk]
    series = _get("data_series", headers, measure_id=mine.measure.pk).json()
    assert len(series["points"]) == 21


def test_lists_hold_only_what_the_caller_may_see(mine, theirs):
    headers = bearer(token_for(mine.lead))
    projects = _get("project_list", headers).json()
    assert mine.project.pk in [p["id"] for p in projects["results"]]
    assert theirs.project.pk not in [p["id"] for p in projects["results"]]
    proposals = _get("proposal_list", bearer(token_for(mine.author))).json()
    ids = [p["id"] for p in proposals["results"]]
    assert mine.proposal.pk in ids
    assert theirs.proposal.pk not in ids  # a draft; decided proposals are for all of Wales
    risks = _get("risk_list", bearer(token_for(mine.registers.lead))).json()
    assert [r["id"] for r in risks["results"]] == [mine.risk.pk]
    assert _get("risk_detail", headers, entry_id=mine.risk.pk).status_code == 404


def test_published_learning_is_for_everyone_signed_in_drafts_are_not(mine, theirs):
    headers = bearer(token_for(mine.lead))
    listed = _get("record_list", headers).json()
    ids = [r["id"] for r in listed["results"]]
    assert {mine.published.pk, theirs.published.pk} <= set(ids)
    assert theirs.draft.pk not in ids
    assert _get("record_detail", headers, record_id=theirs.published.pk).status_code == 200
    assert _get("record_detail", headers, record_id=theirs.draft.pk).status_code == 404


def test_the_schedule_is_the_callers_own_units_and_no_other(mine, theirs):
    officer = theirs.registers.officer
    headers = bearer(token_for(officer))
    schedule = _get("schedule_page", headers).json()
    assert schedule["unit_id"] == theirs.registers.health_board.pk
    answer = Client().get(
        reverse("api-v1:schedule_page") + f"?unit_id={mine.registers.health_board.pk}",
        **headers,
    )
    assert answer.status_code in (200, 404)
    if answer.status_code == 200:  # the same board: the tests' places share CTMUHB only
        assert answer.json()["unit_id"] == mine.registers.health_board.pk


def test_the_directory_is_public_knowledge(mine):
    headers = bearer(token_for(mine.lead))
    boards = _get("unit_list", headers).json()
    assert boards["count"] == 7
    board = _get("unit_detail", headers, unit_id=boards["results"][0]["id"]).json()
    assert board["ancestors"][0]["kind"] == "wales"


def test_answers_are_in_the_callers_language(mine):
    """The person's saved language, unless the request asks for another (the wording is the
    page's own, already in Welsh)."""
    mine.lead.preferred_language = "cy"
    mine.lead.save()
    headers = bearer(token_for(mine.lead))
    url = reverse("api-v1:milestone_add", kwargs={"project_id": mine.project.pk})
    body = {"title": "", "due_on": "2026-04-01"}
    welsh = Client().post(url, body, content_type="application/json", **headers).json()
    assert welsh["errors"] == [{"field": "title", "reason": "Nodwch y garreg filltir"}]
    english = (
        Client()
        .post(url, body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en", **headers)
        .json()
    )
    assert english["errors"] == [{"field": "title", "reason": "Enter the milestone"}]

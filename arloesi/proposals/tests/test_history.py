"""A proposal's history: who changed which fields and when, for everyone who may see it; what
was written before and after, only for its authors, its planning group's chair and
administrators; and an administrator can take a value out for good, with a reason."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from arloesi.core.models import AuditEvent
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role, wales
from arloesi.proposals import services
from arloesi.proposals.tests.factories import complete_draft, draft, setting

pytestmark = pytest.mark.django_db

NHS_NUMBER = "943 476 5919"


def a_draft_that_once_held_an_nhs_number(*, submitted=False):
    s = setting()
    proposal = complete_draft(s) if submitted else draft(s)
    for problem in (f"Patient {NHS_NUMBER}", "Patients wait too long"):
        proposal.refresh_from_db()
        services.proposal_update(
            actor=s.author, proposal=proposal, expected_version=proposal.version, problem=problem
        )
    if submitted:
        services.intake_open(actor=s.chair, planning_group=s.planning_group)
        services.proposal_submit(actor=s.author, proposal=proposal)
    return s, proposal


def history(client, person, proposal, language="en"):
    client.force_login(person)
    with translation.override(language):
        url = reverse("proposals:history", kwargs={"proposal_id": proposal.pk})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_value_removed_from_a_draft_is_not_readable_by_others_who_see_the_proposal(client):
    s, proposal = a_draft_that_once_held_an_nhs_number()
    cluster_lead = person_with_role(Role.CLUSTER_LEAD, s.cluster)
    page = history(client, cluster_lead, proposal)
    assert NHS_NUMBER not in page
    assert "The problem" in page and "changed" in page
    assert "What was written before and after each change is shown only to" in page


def test_the_authors_the_chair_and_administrators_read_the_values(client):
    s, proposal = a_draft_that_once_held_an_nhs_number(submitted=True)
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, s.planning_group.parent)
    assert NHS_NUMBER not in history(client, officer, proposal)
    administrator = person_with_role(Role.ADMINISTRATOR, wales())
    assert NHS_NUMBER in history(client, s.author, proposal)
    assert NHS_NUMBER in history(client, s.chair, proposal)
    page = history(client, administrator, proposal)
    assert NHS_NUMBER in page and "Remove this value" in page
    assert "Remove this value" not in history(client, s.author, proposal)


def test_an_administrator_removes_a_value_for_good_and_the_removal_is_recorded(client):
    s, proposal = a_draft_that_once_held_an_nhs_number()
    administrator = person_with_role(Role.ADMINISTRATOR, wales())
    event = AuditEvent.objects.filter(object_id=str(proposal.pk), changes__has_key="problem")
    event = event.order_by("pk").first()
    remove = reverse("history_redact", kwargs={"event_id": event.pk, "field": "problem"})

    client.force_login(s.chair)
    assert client.post(remove, {"reason": "NHS number"}).status_code == 404
    client.force_login(administrator)
    page = client.post(remove, {"reason": ""}).content.decode()
    assert "Say why the value is being removed" in page
    back = reverse("proposals:history", kwargs={"proposal_id": proposal.pk})
    response = client.post(remove, {"reason": "An NHS number pasted by mistake", "next": back})
    assert response.status_code == 302 and response["Location"] == back

    stored = json.dumps(list(AuditEvent.objects.values_list("changes", "object_repr", "note")))
    assert "943 476 5919" not in stored
    removal = AuditEvent.objects.get(action=AuditEvent.Action.REDACTED)
    assert (removal.actor, removal.note) == (administrator, "An NHS number pasted by mistake")
    page = history(client, s.author, proposal)
    assert "(removed by an administrator)" in page and "Value removed" in page
    assert "Patients wait too long" in page


def test_the_history_is_written_in_the_pages_language(client):
    s, proposal = a_draft_that_once_held_an_nhs_number()
    page = history(client, s.author, proposal, language="cy")
    assert "Created by" not in page and "Crëwyd gan" in page
    assert "Y broblem" in page or "y broblem" in page

"""The cluster lead ranks the work, runs an allocation, reads why a task does not fit and
accepts; someone outside the cluster finds nothing."""

import pytest
from django.urls import reverse

from arloesi.delivery import selectors
from arloesi.delivery.tests.factories_allocation import cluster_with_capacity, task
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import ClusterFactory, person_with_role

pytestmark = pytest.mark.django_db


def test_the_lead_ranks_runs_reads_and_accepts(client):
    c = cluster_with_capacity(pharmacist_hours=12)
    review = task(c, "Review medicines", {"pharmacist": 10}, expected_benefit=5)
    task(c, "Audit prescribing", {"pharmacist": 40}, expected_benefit=2)
    client.force_login(c.lead)

    ranked = client.get(
        reverse("delivery:priorities", kwargs={"unit_id": c.cluster.pk}), {"effort": "0"}
    ).content.decode()
    assert ranked.index("Review medicines") < ranked.index("Audit prescribing")
    assert "Run an allocation" in ranked

    response = client.post(
        reverse("delivery:allocation_new", kwargs={"unit_id": c.cluster.pk}),
        {"first_month": "2027-03-01", "last_month": "2027-05-01", "fit": "1", "benefit": "1"},
    )
    assert response.status_code == 302
    proposal = client.get(response["Location"]).content.decode()
    assert "Pat Pharmacist: 10 h of Pharmacist in Mar 2027" in proposal
    assert "Not allocated: needs 40 h of Pharmacist time in Mar 2027, 2 h free" in proposal

    decided = client.post(response["Location"], {"decision": "accept", "kept": [], "note": ""})
    assert decided.status_code == 302
    review.refresh_from_db()
    assert review.assigned_person is None  # the lead dropped it
    assert "Status: Accepted" in client.get(response["Location"]).content.decode()


def test_a_lead_gives_a_score_with_a_reason(client):
    c = cluster_with_capacity()
    audit = task(c, "Audit prescribing", {"pharmacist": 40})
    client.force_login(c.lead)
    url = reverse("delivery:priority_override", kwargs={"task_id": audit.pk})
    refused = client.post(url, {"expected_version": "1", "priority_override": "9"})
    assert "Enter why the task gets this score" in refused.content.decode()
    client.post(
        url,
        {"expected_version": "1", "priority_override": "9", "priority_override_reason": "Board"},
    )
    audit.refresh_from_db()
    assert (audit.priority_override, audit.priority_override_reason) == (9, "Board")


def test_nobody_outside_the_cluster_finds_its_allocation(client):
    c = cluster_with_capacity()
    task(c, "Review medicines", {"pharmacist": 10})
    client.force_login(c.lead)
    client.post(
        reverse("delivery:allocation_new", kwargs={"unit_id": c.cluster.pk}),
        {"first_month": "2027-03-01", "last_month": "2027-03-01"},
    )
    other = person_with_role(Role.CLUSTER_LEAD, ClusterFactory())
    client.force_login(other)
    (run,) = selectors.runs_for_cluster(cluster=c.cluster)
    for name, kwargs in (
        ("priorities", {"unit_id": c.cluster.pk}),
        ("allocation_new", {"unit_id": c.cluster.pk}),
        ("allocation", {"run_id": run.pk}),
    ):
        assert client.get(reverse(f"delivery:{name}", kwargs=kwargs)).status_code == 404

"""A task's history: the cluster's people see who changed it and when; its planners see what
was written before and after; nobody outside the cluster finds it."""

from datetime import date

import pytest
from django.urls import reverse

from arloesi.delivery import services
from arloesi.delivery.tests.factories import plan, skill, task

pytestmark = pytest.mark.django_db


def _history(client, person, made):
    client.force_login(person)
    return client.get(reverse("delivery:task_history", kwargs={"task_id": made.pk}))


def test_the_lead_reads_a_tasks_changes_its_needs_and_its_moves(client):
    p = plan()
    made = task(p, title="Review repeat prescriptions", needs=[(skill("pharmacist"), 45)])
    services.task_status_move(actor=p.lead, task=made, to_status="in_progress", reason="")
    page = _history(client, p.lead, made)
    assert page.status_code == 200
    text = page.content.decode()
    assert "History of Review repeat prescriptions" in text
    assert "Pharmacist: 45" in text  # the need, recorded when it was added
    assert text.count('<tr class="nhsuk-table__row">') >= 4  # task, need, move, heading
    edit = client.get(reverse("delivery:task_edit", kwargs={"task_id": made.pk})).content
    assert reverse("delivery:task_history", kwargs={"task_id": made.pk}) in edit.decode()
    board = client.get(reverse("delivery:board", kwargs={"unit_id": p.cluster.pk})).content
    assert reverse("delivery:task_history", kwargs={"task_id": made.pk}) in board.decode()


def test_the_clusters_people_see_who_changed_it_but_not_the_values(client):
    p = plan()
    made = task(p, title="Audit the care-home reviews")
    text = _history(client, p.pharmacist, made).content.decode()
    assert "shown only to the cluster’s planners" in text


def test_nobody_outside_the_cluster_finds_a_tasks_history(client):
    p, other = plan(), plan()
    made = task(p)
    assert _history(client, other.lead, made).status_code == 404


def test_a_practitioner_changes_their_hours_from_my_capacity(client):
    p = plan()
    given = services.declaration_add(
        actor=p.pharmacist,
        cluster=p.cluster,
        skill=skill("pharmacist"),
        hours_per_month=10,
        from_month=date(2027, 3, 1),
    )
    client.force_login(p.pharmacist)
    url = reverse("delivery:declaration_edit", kwargs={"declaration_id": given.pk})
    assert url in client.get(reverse("delivery:my_capacity")).content.decode()
    form = client.get(url)
    assert form.status_code == 200 and 'value="10"' in form.content.decode()
    response = client.post(
        url,
        {
            "expected_version": str(given.version),
            "skill": str(skill("pharmacist").pk),
            "hours_per_month": "16",
            "from_month": "2027-04-09",
            "to_month": "",
        },
    )
    assert response.status_code == 302
    given.refresh_from_db()
    assert (given.hours_per_month, given.from_month) == (16, date(2027, 4, 1))


def test_someone_elses_hours_are_not_found(client):
    p = plan()
    given = services.declaration_add(
        actor=p.pharmacist,
        cluster=p.cluster,
        skill=skill("pharmacist"),
        hours_per_month=10,
        from_month=date(2027, 3, 1),
    )
    client.force_login(p.lead)
    url = reverse("delivery:declaration_edit", kwargs={"declaration_id": given.pk})
    assert client.get(url).status_code == 404


def test_the_lead_adds_a_group_of_the_clusters_people(client):
    p = plan()
    client.force_login(p.lead)
    url = reverse("delivery:groups", kwargs={"unit_id": p.cluster.pk})
    response = client.post(
        url,
        {
            "name": "Care-home pharmacy team",
            "kind": "named_group",
            "lead": str(p.pharmacist.pk),
            "members": [str(p.pharmacist.pk)],
        },
    )
    assert response.status_code == 302
    text = client.get(url).content.decode()
    assert "Care-home pharmacy team" in text and p.pharmacist.full_name in text


def test_the_clusters_people_see_its_groups_but_only_its_planners_add_them(client):
    p, other = plan(), plan()
    services.group_create(actor=p.lead, cluster=p.cluster, kind="practice_team", name="Surgery A")
    client.force_login(p.pharmacist)
    url = reverse("delivery:groups", kwargs={"unit_id": p.cluster.pk})
    text = client.get(url).content.decode()
    assert "Surgery A" in text and "Add the group" not in text
    client.post(url, {"name": "Sneaky", "kind": "named_group"})
    assert "Sneaky" not in client.get(url).content.decode()
    client.force_login(other.lead)
    assert client.get(url).status_code == 404

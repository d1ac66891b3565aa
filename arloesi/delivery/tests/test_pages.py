"""The delivery pages as each person sees them: the cluster lead breaks a change idea into tasks
and sees where the work does not fit; a practitioner reads the board and gives their own hours;
nobody outside the cluster finds anything."""

from datetime import date

import pytest
from django.urls import reverse

from arloesi.delivery import services
from arloesi.delivery.models import Absence, CapacityDeclaration, Task
from arloesi.delivery.tests.factories import plan, skill, task

pytestmark = pytest.mark.django_db


def get(client, person, name, **kwargs):
    client.force_login(person)
    return client.get(reverse(f"delivery:{name}", kwargs=kwargs))


def test_the_cluster_lead_adds_a_task_to_a_change_idea(client):
    p = plan()
    idea = p.change_ideas[0]
    page = get(client, p.lead, "change_idea_tasks", node_id=idea.pk)
    assert page.status_code == 200
    assert "Add a task" in page.content.decode()
    response = client.post(
        reverse("delivery:task_add", kwargs={"node_id": idea.pk}),
        {
            "expected_version": "1",
            "title": "Search for people on ten or more medicines",
            "assigned_person": str(p.pharmacist.pk),
            "skill_1": str(skill("pharmacist").pk),
            "hours_1": "30",
            "skill_2": str(skill("data_analyst").pk),
            "hours_2": "6",
            "starts_on": "2027-03-01",
            "due_on": "2027-04-30",
            "priorities": [str(p.priority.pk)],
            "expected_benefit": "4",
        },
    )
    assert response.status_code == 302
    made = Task.objects.get(title="Search for people on ten or more medicines")
    assert (made.assigned_person, made.expected_benefit) == (p.pharmacist, 4)
    assert sorted(need.hours for need in made.needs.all()) == [6, 30]
    board = get(client, p.lead, "board", unit_id=p.cluster.pk).content.decode()
    assert "Search for people on ten or more medicines" in board
    assert "Pharmacist: 30 hours" in board


def test_a_task_without_its_hours_is_refused_with_the_reason(client):
    p = plan()
    client.force_login(p.lead)
    response = client.post(
        reverse("delivery:task_add", kwargs={"node_id": p.change_ideas[0].pk}),
        {
            "expected_version": "1",
            "title": "Audit",
            "skill_1": str(skill("gp").pk),
            "starts_on": "2027-03-01",
            "due_on": "2027-02-01",
            "expected_benefit": "3",
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Enter the hours of this skill the task needs" in text
    assert "The due date must be on or after the earliest start" in text
    assert not Task.objects.filter(title="Audit").exists()


def test_a_practitioner_reads_the_board_but_cannot_add_tasks(client):
    p = plan()
    task(p, assigned_person=p.pharmacist)
    board = get(client, p.pharmacist, "board", unit_id=p.cluster.pk)
    assert "Review repeat prescriptions" in board.content.decode()
    assert get(client, p.pharmacist, "task_add", node_id=p.change_ideas[0].pk).status_code == 404


def test_the_board_filters_by_skill(client):
    p = plan()
    task(p, title="Pharmacy work")
    task(p, title="Analysis", needs=[(skill("data_analyst"), 5)])
    client.force_login(p.lead)
    url = reverse("delivery:board", kwargs={"unit_id": p.cluster.pk})
    text = client.get(url, {"skill": skill("data_analyst").pk}).content.decode()
    assert "Analysis" in text and "Pharmacy work" not in text


def test_nobody_outside_the_cluster_finds_its_tasks_or_capacity(client):
    p, other = plan(), plan()
    made = task(p)
    assert get(client, other.lead, "board", unit_id=p.cluster.pk).status_code == 404
    assert get(client, other.lead, "capacity", unit_id=p.cluster.pk).status_code == 404
    assert get(client, other.lead, "task_edit", task_id=made.pk).status_code == 404


def test_the_assignee_moves_their_task(client):
    p = plan()
    made = task(p, assigned_person=p.pharmacist)
    client.force_login(p.pharmacist)
    url = reverse("delivery:task_status", kwargs={"task_id": made.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"from_status": "not_started", "to_status": "in_progress"})
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.status == "in_progress"


def test_a_practitioner_gives_their_hours_and_an_absence(client):
    p = plan()
    client.force_login(p.pharmacist)
    url = reverse("delivery:my_capacity")
    assert client.get(url).status_code == 200
    client.post(
        url,
        {
            "form": "declaration",
            "cluster": str(p.cluster.pk),
            "skill": str(skill("pharmacist").pk),
            "hours_per_month": "12",
            "from_month": "2027-03-01",
        },
    )
    client.post(
        url, {"form": "absence", "first_day": "2027-03-01", "last_day": "2027-03-05", "note": ""}
    )
    assert CapacityDeclaration.objects.get(person=p.pharmacist).hours_per_month == 12
    assert Absence.objects.filter(person=p.pharmacist).count() == 1
    assert "Pharmacist" in client.get(url).content.decode()


def test_the_capacity_view_says_where_the_work_does_not_fit_and_draws_it(client):
    p = plan()
    task(p, needs=[(skill("pharmacist"), 45)])
    services.declaration_add(
        actor=p.pharmacist,
        cluster=p.cluster,
        skill=skill("pharmacist"),
        hours_per_month=10,
        from_month=date(2027, 3, 1),
    )
    client.force_login(p.lead)
    url = reverse("delivery:capacity", kwargs={"unit_id": p.cluster.pk})
    text = client.get(url, {"from": "2027-03", "months": "2"}).content.decode()
    assert "Pharmacist in Mar 2027: 23 hours needed, 10 available — 13 hours short" in text
    assert "<svg" in text and "Hours needed and available, by skill and month" in text


def test_a_task_may_depend_on_the_open_tasks_of_its_project_and_keeps_what_it_waits_for(client):
    """The form offers what a planner chooses from: the project's open tasks (of any of its
    change ideas), not the finished ones, and never drops a task already depended on."""
    p = plan()
    search = task(p, title="Search the practice lists")
    visits = task(p, title="Plan the care-home visits", change_idea=p.change_ideas[1])
    audit = task(p, title="Audit last year's reviews")
    review = task(p, title="Review the results", dependencies=[audit])
    services.task_status_move(actor=p.lead, task=audit, to_status="cancelled", reason="")
    form = get(client, p.lead, "task_add", node_id=p.change_ideas[0].pk).content.decode()
    assert "Search the practice lists" in form
    assert "Plan the care-home visits" in form
    assert "Audit last year's reviews" not in form.replace("&#39;", "'")
    edit = get(client, p.lead, "task_edit", task_id=review.pk).content.decode()
    assert "Audit last year's reviews" in edit.replace("&#39;", "'")
    assert f'value="{search.pk}"' in edit and f'value="{visits.pk}"' in edit

"""The project's page as each person sees it: its team and leads get the buttons to keep it up
to date, those who follow it read it, nobody else finds it; its forms; "My projects"; and the
way from the proposal and the driver diagram to the project."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from arloesi.diagrams import selectors as diagrams
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import CollaborativeFactory, person_with_role
from arloesi.projects import selectors, services
from arloesi.projects.models import Milestone, ProgressUpdate, Project, ProjectCondition
from arloesi.projects.tests.factories import cycle, started_project
from arloesi.projects.vocabulary import Rag, Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def started():
    return started_project()


def page_of(client, person, project) -> str:
    client.force_login(person)
    response = client.get(reverse("projects:detail", kwargs={"project_id": project.pk}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_lead_sees_the_project_with_the_buttons_to_keep_it_up_to_date(client, started):
    project = started.project
    services.milestone_add(
        actor=started.lead,
        project=project,
        title="Train the staff",
        due_on=timezone.localdate() - timedelta(days=2),
    )
    services.project_rag_change(
        actor=started.lead, project=project, expected_version=1, rag=Rag.AMBER, reason="Late"
    )
    html = page_of(client, started.lead, project)

    assert project.title in html
    assert "Train the staff" in html and "Overdue" in html
    assert "RAG: Amber" in html and "Late" in html
    assert "Write a progress update" in html
    assert reverse("projects:rag", kwargs={"project_id": project.pk}) in html
    assert reverse("proposals:detail", kwargs={"proposal_id": project.proposal_id}) in html
    assert reverse("projects:history", kwargs={"project_id": project.pk}) in html


def test_a_practitioner_of_the_cluster_reads_it_without_the_buttons(client, started):
    follower = person_with_role(Role.PRACTITIONER, started.collaborative.parent)
    html = page_of(client, follower, started.project)

    assert started.project.title in html
    assert "Write a progress update" not in html
    assert reverse("projects:rag", kwargs={"project_id": started.project.pk}) not in html
    response = client.get(reverse("projects:rag", kwargs={"project_id": started.project.pk}))
    assert response.status_code == 404


def test_someone_elsewhere_does_not_find_the_project(client, started):
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, CollaborativeFactory()))
    for name in ("projects:detail", "projects:history", "projects:plan"):
        response = client.get(reverse(name, kwargs={"project_id": started.project.pk}))
        assert response.status_code == 404


def test_a_closed_project_shows_its_outcome_and_offers_no_changes(client, started):
    project, lead = started.project, started.lead
    services.project_stage_move(
        actor=lead,
        project=project,
        from_stage=Stage.PILOT,
        to_stage=Stage.CLOSED,
        outcome="stopped",
        outcome_reasons="The practices could not release staff",
    )
    html = page_of(client, lead, project)
    assert "Stopped" in html and "could not release staff" in html
    assert "Write a progress update" not in html
    assert reverse("projects:stage", kwargs={"project_id": project.pk}) not in html


def test_a_stale_project_is_flagged(client, started, settings):
    settings.PROJECT_STALE_AFTER_DAYS = 14
    Project.objects.filter(pk=started.project.pk).update(
        last_update_at=timezone.now() - timedelta(days=20)
    )
    assert "No recent progress update" in page_of(client, started.lead, started.project)


def test_the_rag_form_needs_a_reason_and_says_when_someone_else_changed_it(client, started):
    project = started.project
    client.force_login(started.lead)
    url = reverse("projects:rag", kwargs={"project_id": project.pk})

    response = client.post(url, {"expected_version": 1, "rag": Rag.RED, "reason": ""})
    assert "Enter the reason for the RAG status" in response.content.decode()

    response = client.post(url, {"expected_version": 1, "rag": Rag.RED, "reason": "No staff"})
    assert response.status_code == 302
    response = client.post(url, {"expected_version": 1, "rag": Rag.GREEN, "reason": "Fine"})
    assert "Someone else changed this" in response.content.decode()
    assert Project.objects.get(pk=project.pk).rag == Rag.RED


def test_closing_through_the_stage_page_asks_how_it_ended(client, started):
    client.force_login(started.lead)
    url = reverse("projects:stage", kwargs={"project_id": started.project.pk})
    response = client.post(url, {"from_stage": Stage.PILOT, "to_stage": Stage.CLOSED})
    html = response.content.decode()
    assert "Select how the project ended" in html
    assert "Enter the reasons for the outcome" in html
    assert Project.objects.get(pk=started.project.pk).status == Stage.PILOT


def test_the_team_adds_a_milestone_marks_it_done_and_writes_an_update(client, started):
    project = started.project
    client.force_login(started.lead)
    due = timezone.localdate() + timedelta(days=30)
    client.post(
        reverse("projects:milestone_add", kwargs={"project_id": project.pk}),
        {"title": "First patients seen", "due_on": due.isoformat()},
    )
    milestone = Milestone.objects.get(project=project)
    client.post(
        reverse(
            "projects:milestone_done",
            kwargs={"project_id": project.pk, "milestone_id": milestone.pk},
        ),
        {"expected_version": milestone.version, "done": "yes"},
    )
    client.post(
        reverse("projects:update_add", kwargs={"project_id": project.pk}),
        {"text": "The first clinic ran well"},
    )
    assert Milestone.objects.get(pk=milestone.pk).done_on == timezone.localdate()
    assert ProgressUpdate.objects.get(project=project).text == "The first clinic ran well"
    html = page_of(client, started.lead, project)
    assert "The first clinic ran well" in html and "Mark as not done" in html


def test_a_condition_is_closed_from_its_page(client, started):
    condition = ProjectCondition.objects.create(project=started.project, text="Report quarterly")
    client.force_login(started.lead)
    url = reverse(
        "projects:condition_close",
        kwargs={"project_id": started.project.pk, "condition_id": condition.pk},
    )
    assert "Report quarterly" in client.get(url).content.decode()
    client.post(url, {"expected_version": 1, "how_met": "Sent in June"})
    assert ProjectCondition.objects.get(pk=condition.pk).how_met == "Sent in June"
    assert "How it was met: Sent in June" in page_of(client, started.lead, started.project)


def test_my_projects_lists_the_projects_i_am_on_with_the_next_milestone(client, started):
    services.milestone_add(
        actor=started.lead,
        project=started.project,
        title="Agree the approach",
        due_on=timezone.localdate() + timedelta(days=3),
    )
    other = started_project()
    client.force_login(started.lead)
    html = client.get(reverse("projects:mine")).content.decode()
    assert started.project.title in html and "Agree the approach" in html
    assert "You lead it" in html
    assert reverse("projects:detail", kwargs={"project_id": other.project.pk}) not in html


def test_the_proposal_and_the_driver_diagram_lead_to_the_project(client, started):
    project = started.project
    client.force_login(started.lead)
    html = client.get(
        reverse("proposals:detail", kwargs={"proposal_id": project.proposal_id})
    ).content.decode()
    project_url = reverse("projects:detail", kwargs={"project_id": project.pk})
    assert "Go to the project" in html and project_url in html

    diagram = diagrams.diagram_of(kind="project", owner_id=project.pk)
    access = selectors.ProjectDiagrams().access(user=started.lead, owner_id=project.pk)
    assert access.url == project_url
    assert selectors.ProjectDiagrams().summaries(ids=[project.pk])[project.pk].url == project_url
    assert diagram is not None


def test_the_project_page_reads_in_the_same_number_of_queries_however_busy(started):
    project, lead = started.project, started.lead

    def queries() -> int:
        fetched = selectors.project_get_for_user(user=lead, project_id=project.pk)
        with CaptureQueriesContext(connection) as captured:
            selectors.project_page(user=lead, project=fetched)
        return len(captured)

    before = queries()
    today = timezone.localdate()
    for number in range(3):
        services.milestone_add(actor=lead, project=project, title=f"Step {number}", due_on=today)
        services.progress_update_add(actor=lead, project=project, text=f"Update {number}")
        ProjectCondition.objects.create(project=project, text=f"Condition {number}")
        cycle(project, number=number + 1, title=f"Cycle {number}")
    page = selectors.project_page(user=lead, project=project)
    assert len(page.milestones) == 3 and len(page.ramps[0].cycles) == 3
    assert queries() == before


def test_the_project_page_leads_to_its_measures_and_its_clusters_tasks(client):
    from arloesi.projects.tests.factories import started_project

    started = started_project()
    client.force_login(started.lead)
    page = client.get(reverse("projects:detail", kwargs={"project_id": started.project.pk}))
    html = page.content.decode()
    assert reverse("measures:list", kwargs={"project_id": started.project.pk}) in html
    cluster = started.project.lead_collaborative.parent_id
    assert reverse("delivery:board", kwargs={"unit_id": cluster}) in html

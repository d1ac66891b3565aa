"""The demo shows a project under way — its plan, milestones (one done, one overdue), RAG status
with its reasons, progress updates and a closed condition — and another still mobilising, red,
with an overdue milestone; loading again adds nothing."""

import pytest
from django.core.management import call_command

from arloesi.projects import selectors
from arloesi.projects.models import Milestone, ProgressUpdate, Project, RagChange
from arloesi.projects.vocabulary import Rag, Stage

pytestmark = pytest.mark.django_db


def test_the_demo_project_is_under_way_and_loading_again_adds_nothing(settings):
    settings.DEMO_MODE = True
    call_command("load_demo")
    project = Project.objects.get(title="Inhaler technique checks in community pharmacies")
    lead = selectors.team_of(project=project)[0].person
    page = selectors.project_page(user=lead, project=project)

    assert project.status == Stage.DELIVERING and project.rag == Rag.AMBER
    assert project.starts_on and project.planned_end_on
    assert [row.overdue for row in page.milestones].count(True) == 1
    assert any(row.milestone.done_on for row in page.milestones)
    assert len(page.updates) == 2
    assert page.conditions and page.open_conditions == 0
    assert RagChange.objects.filter(project=project).count() == 2

    falls = Project.objects.get(title="Falls-prevention classes in GP practices")
    assert falls.status == Stage.PILOT and falls.rag == Rag.RED and falls.rag_reason
    assert Milestone.objects.filter(project=falls, done_on__isnull=True).count() == 3

    counts = [Milestone.objects.count(), ProgressUpdate.objects.count()]
    call_command("load_demo")
    assert [Milestone.objects.count(), ProgressUpdate.objects.count()] == counts

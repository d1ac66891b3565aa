"""The home page tells each person what their projects need from them: overdue PDSA cycles
(they lead, or of the projects they lead), progress updates due, and milestones of the projects
they lead that are overdue or due soon. Closed projects need nothing."""

import pytest
from django.urls import reverse

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role
from arloesi.projects import selectors
from arloesi.projects.models import PdsaCycle
from arloesi.projects.tests.factories_monitoring import monitored

pytestmark = pytest.mark.django_db


@pytest.fixture
def m():
    return monitored()


def _texts(user) -> list[str]:
    return [item.text for item in selectors.monitoring_attention_for(user)]


def test_a_project_lead_sees_what_their_project_needs(m):
    items = selectors.monitoring_attention_for(m.falls.lead)
    overdue = PdsaCycle.objects.get(title="One home")
    assert [(item.text, item.href) for item in items] == [
        (
            "PDSA cycle “One home” is overdue: record its study and act",
            reverse("projects:cycle", kwargs={"cycle_id": overdue.pk}),
        ),
        (
            "A progress update is due for “Falls in care homes”",
            reverse("projects:detail", kwargs={"project_id": m.falls.project.pk}),
        ),
        (
            "Milestone “Checklist agreed” of “Falls in care homes” is overdue",
            reverse("projects:detail", kwargs={"project_id": m.falls.project.pk}),
        ),
        (
            items[3].text,
            reverse("projects:detail", kwargs={"project_id": m.falls.project.pk}),
        ),
    ]
    due_soon = "Milestone “Homes signed up” of “Falls in care homes” is due on"
    assert items[3].text.startswith(due_soon)


def test_whoever_leads_an_overdue_cycle_sees_it(m):
    owner = person_with_role(Role.PRACTITIONER, m.collaborative_a)
    PdsaCycle.objects.filter(title="One home").update(owner=owner)
    PdsaCycle.objects.filter(title="Old cycle").update(owner=owner)  # its project is closed
    assert _texts(owner) == ["PDSA cycle “One home” is overdue: record its study and act"]


def test_nothing_for_a_project_on_time_nor_a_closed_one(m):
    assert _texts(m.ulcers.lead) == []
    assert _texts(m.closed.lead) == []


def test_the_items_show_on_the_home_page(m, client):
    client.force_login(m.falls.lead)
    html = client.get(reverse("home")).content.decode()
    assert "A progress update is due for “Falls in care homes”" in html

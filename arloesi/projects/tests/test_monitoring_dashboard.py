"""A cluster lead opens the cluster's dashboard: every figure counts the cluster's current
projects (worked out by hand in factories_monitoring) and links to the list behind it."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import health_board, person_with_role
from arloesi.projects import selectors
from arloesi.projects.tests.factories_monitoring import monitored

pytestmark = pytest.mark.django_db


@pytest.fixture
def m():
    return monitored()


def _query(href: str) -> dict:
    return {name: values[0] for name, values in parse_qs(urlsplit(href).query).items()}


def test_the_figures_count_the_clusters_current_projects(m):
    d = selectors.dashboard_for(user=m.cluster_lead, unit=m.cluster)

    assert d.current == 2
    assert [(f.label, f.count) for f in d.by_stage] == [
        ("Pilot or mobilising", 1),
        ("Delivering", 1),
        ("Evaluating", 0),
        ("Closed", 1),
    ]
    assert [(f.label, f.count) for f in d.by_rag] == [
        ("Red", 1),
        ("Amber", 0),
        ("Green", 1),
        ("Not given yet", 0),
    ]
    assert d.stale.count == 1
    assert d.milestones_due.count == 1
    assert d.milestones_overdue.count == 1
    assert {f.label: f.count for f in d.cycles} == {
        "Started": 3,
        "Completed": 1,
        "Overdue": 1,
        "Running": 1,
        "Planned": 1,
    }
    assert d.completion_rate == 0.5
    assert (d.cycles_completed, d.cycles_due) == (1, 2)
    # 10 days (falls) and 28 days (leg ulcers) from approval to the first cycle.
    assert d.median_days_to_first_cycle == 19
    assert d.projects_with_cycles == 2


def test_each_figure_links_to_the_list_behind_it_and_the_list_agrees(m, client):
    d = selectors.dashboard_for(user=m.cluster_lead, unit=m.cluster)
    schedule = reverse("projects:schedule", kwargs={"unit_id": m.cluster.pk})
    assert d.by_stage[1].href == f"{schedule}?stage=delivering"
    assert _query(d.by_rag[0].href) == {"rag": "red"}
    assert _query(d.stale.href) == {"stale": "1"}
    assert _query(d.milestones_due.href) == {"due_soon": "1"}
    assert _query(d.milestones_overdue.href) == {"overdue": "milestones"}
    overdue_cycles = next(f for f in d.cycles if f.label == "Overdue")
    assert overdue_cycles.href == (
        reverse("projects:cycle_list", kwargs={"unit_id": m.cluster.pk}) + "?state=overdue"
    )

    client.force_login(m.cluster_lead)
    titles = {"Falls in care homes", "Leg ulcer clinic", "Closed pilot"}
    for figure, expected in [
        (d.stale, {"Falls in care homes"}),
        (d.milestones_due, {"Falls in care homes"}),
        (d.by_stage[1], {"Leg ulcer clinic"}),
        (d.by_stage[3], {"Closed pilot"}),
    ]:
        html = client.get(figure.href).content.decode()
        assert {title for title in titles if title in html} == expected, figure.label
    html = client.get(overdue_cycles.href).content.decode()
    cycles = {"One resident", "One home", "Three homes", "Monday clinic", "Old cycle"}
    assert {title for title in cycles if f">{title}</a>" in html} == {"One home"}


def test_the_dashboard_page_shows_the_figures_and_the_chart(m, client):
    client.force_login(m.cluster_lead)
    response = client.get(reverse("projects:dashboard", kwargs={"unit_id": m.cluster.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "50%" in html
    assert "19 days" in html
    assert 'role="img"' in html and "Projects in" in html
    assert "style=" not in html.split('class="app-bar-chart"')[1].split("</svg>")[0]


def test_someone_without_projects_view_over_the_unit_gets_404(m, client):
    client.force_login(person_with_role(Role.HEALTH_BOARD_OFFICER, health_board("PTHB")))
    for name in ("projects:dashboard", "projects:schedule", "projects:cycle_list"):
        response = client.get(reverse(name, kwargs={"unit_id": m.cluster.pk}))
        assert response.status_code == 404, name
    response = client.get(
        reverse("projects:schedule_export", kwargs={"unit_id": m.cluster.pk, "file_format": "xlsx"})
    )
    assert response.status_code == 404


def test_a_collaborative_is_not_a_unit_with_a_dashboard(m, client):
    client.force_login(m.cluster_lead)
    response = client.get(reverse("projects:dashboard", kwargs={"unit_id": m.collaborative_a.pk}))
    assert response.status_code == 404


def test_the_health_board_sees_its_clusters_and_not_powys(m):
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, health_board())
    d = selectors.dashboard_for(user=officer, unit=health_board())
    assert d.current == 2
    assert d.milestones_overdue.count == 1


def test_the_cycle_list_filters_by_state(m):
    page = selectors.cycle_list_page(user=m.cluster_lead, unit=m.cluster, state="started", number=1)
    assert sorted(c.title for c in page.rows) == ["Monday clinic", "One home", "One resident"]
    everything = selectors.cycle_list_page(user=m.cluster_lead, unit=m.cluster, state="x", number=9)
    assert everything.state == "" and everything.total == 4 and everything.number == 1

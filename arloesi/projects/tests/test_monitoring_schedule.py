"""A cluster lead opens the cluster's schedule: its current projects on a timeline and in a
table, narrowed by the filters, and downloads it as a spreadsheet, a PDF and a calendar."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from arloesi.core.models import AuditEvent
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import health_board, person_with_role
from arloesi.projects import selectors
from arloesi.projects.tests.factories_monitoring import monitored

pytestmark = pytest.mark.django_db


@pytest.fixture
def m():
    return monitored()


def _titles(m, **query) -> list[str]:
    page = selectors.schedule_page(
        user=m.cluster_lead, unit=m.cluster, filters=selectors.Filters.from_query(query), number=1
    )
    return [row.project.title for row in page.rows]


def test_the_schedule_shows_the_units_current_projects_only(m, client):
    client.force_login(m.cluster_lead)
    response = client.get(reverse("projects:schedule", kwargs={"unit_id": m.cluster.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Falls in care homes" in html and "Leg ulcer clinic" in html
    assert "Closed pilot" not in html and "Powys project" not in html
    # The timeline: a drawing with its title, bars, milestones and today; its table beside it.
    drawing = html.split('class="app-timeline"')[1].split("</svg>")[0]
    assert "Timeline of the projects in" in drawing
    bars = drawing.split('class="app-timeline__bars"')[1].split("</g>")[0]
    assert bars.count("<rect") == 2
    assert drawing.count("<polygon") == 4 + 3  # four milestones, and the key's three shapes
    assert "Today" in drawing and "style=" not in drawing
    assert "<caption" in html


def test_each_row_counts_milestones_and_cycles(m):
    page = selectors.schedule_page(
        user=m.cluster_lead, unit=m.cluster, filters=selectors.Filters(), number=1
    )
    # Earliest start first: the leg ulcer clinic started ten days before the falls project.
    ulcers, falls = page.rows
    assert falls.project.title == "Falls in care homes"
    assert falls.next_milestone.title == "Checklist agreed"
    assert (falls.overdue_milestones, falls.open_cycles, falls.overdue_cycles) == (1, 2, 1)
    assert falls.stale and not ulcers.stale
    assert (ulcers.overdue_milestones, ulcers.open_cycles, ulcers.overdue_cycles) == (0, 1, 0)
    assert [name for _pk, name in page.options.collaboratives] == sorted(
        [m.collaborative_a.name, m.collaborative_b.name]
    )


def test_the_filters_narrow_the_schedule(m):
    assert _titles(m) == ["Leg ulcer clinic", "Falls in care homes"]
    assert _titles(m, stage="delivering") == ["Leg ulcer clinic"]
    assert _titles(m, stage="closed") == ["Closed pilot"]
    assert _titles(m, rag="red") == ["Falls in care homes"]
    assert _titles(m, rag="none") == []
    assert _titles(m, stale="1") == ["Falls in care homes"]
    assert _titles(m, overdue="milestones") == ["Falls in care homes"]
    assert _titles(m, overdue="cycles") == ["Falls in care homes"]
    assert _titles(m, overdue="either") == ["Falls in care homes"]
    assert _titles(m, due_soon="1") == ["Falls in care homes"]
    assert _titles(m, collaborative=str(m.collaborative_b.pk)) == ["Leg ulcer clinic"]
    priority = m.falls.s.priority.pk
    assert _titles(m, priority=str(priority)) == ["Falls in care homes"]
    # Nonsense is left out rather than refused.
    assert _titles(m, stage="nope", rag="<b>", priority="1e309", overdue="x") == _titles(m)


def test_the_spreadsheet_has_a_row_a_project_and_the_download_is_recorded(m, client):
    client.force_login(m.cluster_lead)
    address = reverse(
        "projects:schedule_export", kwargs={"unit_id": m.cluster.pk, "file_format": "xlsx"}
    )
    response = client.get(address + "?rag=red")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Project", "Lead collaborative", "Stage", "RAG status")
    assert len(rows) == 2
    falls = dict(zip(rows[0], rows[1], strict=True))
    assert falls["Project"] == "Falls in care homes"
    assert falls["RAG status"] == "Red"
    assert falls["Milestones overdue"] == 1
    assert falls["PDSA cycles overdue"] == 1
    assert falls["Stale"] == "Yes"
    assert falls["Planned end date"].date() == timezone.localdate() + timedelta(days=200)
    event = AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOADED).latest("id")
    assert event.object_id == str(m.cluster.pk) and event.actor_id == m.cluster_lead.pk


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_the_calendar_has_an_event_a_milestone(m, client):
    client.force_login(m.cluster_lead)
    address = reverse(
        "projects:schedule_export", kwargs={"unit_id": m.cluster.pk, "file_format": "ics"}
    )
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    summaries = [line.removeprefix("SUMMARY:") for line in lines if line.startswith("SUMMARY:")]
    assert sorted(summaries) == sorted(
        [
            "Homes signed up – Falls in care homes",
            "Checklist agreed – Falls in care homes",
            "Team formed – Falls in care homes",
            "Clinic audit – Leg ulcer clinic",
        ]
    )
    due = (timezone.localdate() - timedelta(days=5)).strftime("%Y%m%d")
    assert f"DTSTART;VALUE=DATE:{due}" in lines
    assert AuditEvent.objects.filter(note__endswith=".ics").exists()


def test_the_pdf_is_a_recorded_download(m, client):
    client.force_login(m.cluster_lead)
    address = reverse(
        "projects:schedule_export", kwargs={"unit_id": m.cluster.pk, "file_format": "pdf"}
    )
    response = client.get(address + "?stage=delivering")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(note__endswith=".pdf", actor=m.cluster_lead).exists()


def test_an_unknown_format_is_not_found(m, client):
    client.force_login(m.cluster_lead)
    address = reverse(
        "projects:schedule_export", kwargs={"unit_id": m.cluster.pk, "file_format": "csv"}
    )
    assert client.get(address).status_code == 404


def test_the_way_in_leads_to_the_widest_unit(m, client):
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, health_board())
    client.force_login(officer)
    response = client.get(reverse("projects:schedule_home"))
    assert response.url == reverse("projects:schedule", kwargs={"unit_id": health_board().pk})
    response = client.get(reverse("projects:dashboard_home"))
    assert response.url == reverse("projects:dashboard", kwargs={"unit_id": health_board().pk})
    # The header's "Projects" leads to the board's schedule and dashboard.
    assert reverse("projects:mine") in client.get(reverse("home")).content.decode()
    projects = client.get(reverse("projects:mine")).content.decode()
    assert reverse("projects:schedule", kwargs={"unit_id": health_board().pk}) in projects
    assert reverse("projects:dashboard", kwargs={"unit_id": health_board().pk}) in projects
    client.force_login(m.falls.s.chair)
    response = client.get(reverse("projects:schedule_home"))
    assert response.url == reverse("projects:schedule", kwargs={"unit_id": m.cluster.parent.pk})


def test_the_schedule_and_dashboard_are_in_welsh(m, client):
    from django.utils import translation

    client.force_login(m.cluster_lead)
    with translation.override("cy"):
        schedule = client.get(reverse("projects:schedule", kwargs={"unit_id": m.cluster.pk}))
        dashboard = client.get(reverse("projects:dashboard", kwargs={"unit_id": m.cluster.pk}))
    assert "Amserlen y prosiectau" in schedule.content.decode()
    assert "Llinell amser y prosiectau" in schedule.content.decode()
    assert "Dangosfwrdd prosiectau" in dashboard.content.decode()

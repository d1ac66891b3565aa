"""The schedule searched by words (the search index), and filtered by kind of innovation and
start date, alongside its own filters; the exports honour them."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from arloesi.core import search
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import health_board, person_with_role
from arloesi.projects import selectors
from arloesi.projects.models import Project
from arloesi.projects.tests.factories_monitoring import monitored
from arloesi.proposals.models import Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def m():
    found = monitored()
    # The monitored projects' titles are written without the services: index them again.
    search.reindex("project", list(Project.objects.values_list("pk", flat=True)))
    return found


def _titles(m, user=None, unit=None, **query) -> list[str]:
    page = selectors.schedule_page(
        user=user or m.cluster_lead,
        unit=unit or m.cluster,
        filters=selectors.Filters.from_query(query),
        number=1,
    )
    return [row.project.title for row in page.rows]


def test_words_narrow_the_schedule(m):
    # Every project's evaluation is about falls; only one is in care homes.
    assert _titles(m, q="homes") == ["Falls in care homes"]
    assert _titles(m, q="falls") == ["Leg ulcer clinic", "Falls in care homes"]
    assert _titles(m, q="ulcer clinic") == ["Leg ulcer clinic"]
    assert _titles(m, q="ulcer homes") == []  # every word is needed
    assert _titles(m, q="the") == _titles(m)  # no words to search for
    # With the other filters.
    assert _titles(m, q="homes", rag="green") == []
    assert _titles(m, q="pilot", stage="closed") == ["Closed pilot"]


def test_words_never_reach_past_the_unit_or_the_readers_scope(m):
    assert _titles(m, q="powys") == []
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, health_board())
    board = health_board()
    assert _titles(m, user=officer, unit=board, q="powys") == []
    assert _titles(m, user=officer, unit=board, q="homes") == ["Falls in care homes"]


def test_kind_of_innovation_and_start_date(m):
    Proposal.objects.filter(pk=m.ulcers.project.proposal_id).update(innovation_type="technology")
    Proposal.objects.filter(pk=m.falls.project.proposal_id).update(innovation_type="service")
    assert _titles(m, innovation="technology") == ["Leg ulcer clinic"]
    assert _titles(m, innovation="service") == ["Falls in care homes"]
    today = timezone.localdate()
    # The falls project starts 20 days ago, the leg ulcer clinic 30.
    assert _titles(m, starts_from=(today - timedelta(days=25)).isoformat()) == [
        "Falls in care homes"
    ]
    assert _titles(m, starts_to=(today - timedelta(days=25)).strftime("%d/%m/%Y")) == [
        "Leg ulcer clinic"
    ]
    assert _titles(m, starts_from=today.isoformat()) == []


def test_the_filters_are_kept_in_the_page_and_its_links(m, client):
    client.force_login(m.cluster_lead)
    address = reverse("projects:schedule", kwargs={"unit_id": m.cluster.pk})
    html = client.get(address, {"q": "falls", "innovation": "service"}).content.decode()
    assert 'value="falls"' in html
    assert "?q=falls&amp;innovation=service" in html  # the exports' links
    assert "Clear the filters" in html


def test_the_exports_honour_the_words(m, client):
    client.force_login(m.cluster_lead)
    xlsx = reverse(
        "projects:schedule_export", kwargs={"unit_id": m.cluster.pk, "file_format": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(client.get(xlsx + "?q=ulcer").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["Leg ulcer clinic"]
    ics = reverse(
        "projects:schedule_export", kwargs={"unit_id": m.cluster.pk, "file_format": "ics"}
    )
    text = client.get(ics + "?q=ulcer").content.decode()
    assert "Clinic audit" in text and "Falls in care homes" not in text
    pdf = reverse(
        "projects:schedule_export", kwargs={"unit_id": m.cluster.pk, "file_format": "pdf"}
    )
    assert client.get(pdf + "?q=falls").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        {"q": "falls " * 20_000},
        {"q": '"falls" OR NEAR(* AND -'},
        {"q": "\x00"},
        {"innovation": "<b>", "starts_from": "2026-02-31", "starts_to": "99999-01-01"},
        {"starts_from": "0001-01-01", "page": "999999999999"},
    ],
)
def test_bad_input_gives_a_normal_page(m, client, query):
    client.force_login(m.cluster_lead)
    address = reverse("projects:schedule", kwargs={"unit_id": m.cluster.pk})
    assert client.get(address, query).status_code == 200
    xlsx = reverse(
        "projects:schedule_export", kwargs={"unit_id": m.cluster.pk, "file_format": "xlsx"}
    )
    assert client.get(xlsx, query).status_code == 200

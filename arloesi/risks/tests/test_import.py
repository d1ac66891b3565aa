"""Importing a register from a spreadsheet: every row checked first, one wrong cell imports
nothing and is reported with its row and column; the same file twice changes nothing."""

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from arloesi.core.models import AuditEvent
from arloesi.risks import services
from arloesi.risks.models import Rescore, RiskEntry
from arloesi.risks.tests.factories import registers

pytestmark = pytest.mark.django_db

HEADER = "title,category,owner_email,initial_consequence,initial_likelihood,current_consequence,current_likelihood,next_review_on\n"  # noqa: E501
GOOD = HEADER + (
    "Nurse vacancies,workforce,{email},4,3,,,\nOld IT,Information governance,,2,2,2,1,2030-01-31\n"
)


@pytest.fixture
def r():
    return registers()


def run(r, text: str, filename: str = "risks.csv"):
    return services.entries_import(
        actor=r.lead, unit=r.cluster, filename=filename, content=text.encode("utf-8")
    )


def test_a_good_file_adds_its_risks_and_the_same_file_again_changes_nothing(r):
    text = GOOD.format(email=r.lead.email)
    result = run(r, text)
    assert (result.ok, result.created) == (True, 2)
    vacancies = RiskEntry.objects.get(title="Nurse vacancies")
    assert vacancies.owner == r.lead and vacancies.current_score == 12
    it = RiskEntry.objects.get(title="Old IT")
    assert (it.initial_score, it.current_score, str(it.next_review_on)) == (4, 2, "2030-01-31")
    events, rescores = AuditEvent.objects.count(), Rescore.objects.count()

    again = run(r, text)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert (AuditEvent.objects.count(), Rescore.objects.count()) == (events, rescores)


def test_a_changed_score_in_the_file_rescores_the_risk(r):
    run(r, GOOD.format(email=""))
    result = run(r, GOOD.format(email="").replace("workforce,,4,3,,,", "workforce,,4,3,4,4,"))
    assert result.updated == 1
    risk = RiskEntry.objects.get(title="Nurse vacancies", unit=r.cluster)
    assert risk.current_score == 16
    assert Rescore.objects.filter(entry=risk).last().reason == "Imported from risks.csv"


def test_one_bad_cell_imports_nothing_and_names_its_row_and_column(r):
    text = GOOD.format(email="nobody@example.org") + "Flooding,weather,,7,2,,,31/02/2030\n"
    result = run(r, text)
    assert not result.ok and not RiskEntry.objects.exists()
    found = [(p.row, p.column) for p in result.problems]
    assert found == [
        (2, "owner_email"),
        (4, "category"),
        (4, "initial_consequence"),
        (4, "next_review_on"),
    ]


def test_an_unreadable_file_is_one_problem(r):
    result = run(r, "not a spreadsheet", filename="risks.txt")
    assert [(p.row, p.column) for p in result.problems] == [(1, "")]
    result = run(r, "title,category\nX,other\n")
    assert "initial_consequence" in result.problems[0].message


def test_an_xlsx_file_is_read_the_same_and_the_page_reports_problems(client, r):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["title", "category", "initial_consequence", "initial_likelihood"])
    sheet.append(["Nurse vacancies", "workforce", 4, 3])
    sheet.append(["", "workforce", 9, 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(r.lead)
    url = reverse("risks:import", kwargs={"unit_id": r.cluster.pk})
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "risks.xlsx"
    html = client.post(url, {"file": upload}).content.decode()
    assert "Nothing was imported" in html and "Enter a title." in html
    assert not RiskEntry.objects.exists()
    assert client.get(url).status_code == 200
    client.force_login(r.collaborative_lead)
    assert client.get(url).status_code == 404

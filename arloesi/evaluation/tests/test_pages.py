"""A project's evaluation pages as its team and others see them: the overview, the logic model,
starting, writing, issuing and withdrawing a report, the report with the measures' charts as they
stood on its day (or, without data, saying so in words), the PDF and the history."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from arloesi.core.models import AuditEvent, Snapshot
from arloesi.evaluation import services
from arloesi.evaluation.models import EvaluationReport, LogicModel
from arloesi.evaluation.tests.factories import complete_values, issued_report
from arloesi.evaluation.vocabulary import ReportKind, ReportStatus
from arloesi.measures.tests.factories import measured_project, with_data
from arloesi.organisations.tests.factories import PersonFactory
from arloesi.projects.tests.factories import started_project

pytestmark = pytest.mark.django_db

CHART = 'class="spc-chart"'


def _draft(started, kind=ReportKind.FORMATIVE, covers_to=date(2025, 6, 30)):
    return services.report_create(
        actor=started.lead, project=started.project, kind=kind, covers_to=covers_to
    )


def _report_page(client, report) -> str:
    response = client.get(reverse("evaluation:report", kwargs={"report_id": report.pk}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_lead_writes_the_logic_model_and_the_overview_shows_it(client):
    started = started_project()
    client.force_login(started.lead)
    project_id = started.project.pk
    overview = client.get(reverse("evaluation:project", kwargs={"project_id": project_id}))
    assert "The logic model has not been written yet." in overview.content.decode()
    edit = reverse("evaluation:logic_model_edit", kwargs={"project_id": project_id})
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"inputs": "A pharmacist", "impact": "Fewer admissions"})
    assert response.status_code == 302
    model = LogicModel.objects.get(project=started.project)
    assert model.inputs == "A pharmacist"
    page = client.get(reverse("evaluation:logic_model", kwargs={"project_id": project_id}))
    assert "Fewer admissions" in page.content.decode()
    # Changed again from the version the form showed.
    client.post(edit, {"inputs": "Two pharmacists", "expected_version": model.version})
    model.refresh_from_db()
    assert model.inputs == "Two pharmacists" and model.version == 2


def test_the_lead_starts_writes_and_issues_a_summative_report(client):
    started = started_project()
    client.force_login(started.lead)
    response = client.post(
        reverse("evaluation:report_add", kwargs={"project_id": started.project.pk}),
        {"kind": ReportKind.SUMMATIVE, "title": "Final report", "covers_to": "2025-06-30"},
    )
    report = EvaluationReport.objects.get(project=started.project)
    assert response.status_code == 302 and response["Location"].endswith(
        reverse("evaluation:report_edit", kwargs={"report_id": report.pk})
    )
    values = {
        "title": "Final report",
        "covers_to": "2025-06-30",
        "costs_to_date": "1200.50",
        "patient_experience_result": "not_measured",
        "resource_efficiency_result": "not_measured",
        "expected_version": report.version,
        **complete_values(),
    }
    edit = reverse("evaluation:report_edit", kwargs={"report_id": report.pk})
    assert client.post(edit, values).status_code == 302
    issue = reverse("evaluation:report_issue", kwargs={"report_id": report.pk})
    assert client.post(issue).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.ISSUED and report.is_current
    html = _report_page(client, report)
    assert "Withdraw the report" in html and "Issue the report" not in html
    # The costs against the £4,500 the proposal asked for.
    assert "£1,200.50" in html and "£3,299.50 less than the funding requested" in html
    # An issued report is never changed: its edit page leads back to it.
    assert client.get(edit).status_code == 302


def test_issuing_an_incomplete_report_is_refused_with_what_to_write(client):
    started = started_project()
    report = _draft(started, kind=ReportKind.SUMMATIVE)
    client.force_login(started.lead)
    html = _report_page(client, report)
    assert "Before you can issue this report" in html and "Draft" in html
    response = client.post(reverse("evaluation:report_issue", kwargs={"report_id": report.pk}))
    html = response.content.decode()
    edit = reverse("evaluation:report_edit", kwargs={"report_id": report.pk})
    assert response.status_code == 200
    assert "There is a problem" in html and "The report was not issued" in html
    assert f'href="{edit}#id_summary"' in html and "Enter a summary of the findings" in html
    assert f'href="{edit}#id_recommendation"' in html
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_a_summative_report_cannot_recommend_carrying_on(client):
    started = started_project()
    report = _draft(started, kind=ReportKind.SUMMATIVE)
    client.force_login(started.lead)
    edit = reverse("evaluation:report_edit", kwargs={"report_id": report.pk})
    html = client.get(edit).content.decode()
    assert 'value="scale_up"' in html and 'value="continue"' not in html
    formative = _draft(started)
    html = client.get(reverse("evaluation:report_edit", kwargs={"report_id": formative.pk}))
    assert 'value="continue"' in html.content.decode()


def test_a_draft_without_data_says_so_in_words_and_draws_no_chart(client):
    measured = measured_project()
    report = _draft(measured.started)
    client.force_login(measured.lead)
    html = _report_page(client, report)
    assert (
        "No data had been entered for this project’s measures by 30 June 2025: there are no "
        "charts to show." in html
    )
    assert CHART not in html and "<figure" not in html
    assert "No PDSA cycle had been completed by 30 June 2025." in html


def test_a_project_without_measures_says_so(client):
    started = started_project()
    report = _draft(started)
    client.force_login(started.lead)
    assert "The project had no measures: there are no charts to show." in _report_page(
        client, report
    )


def test_the_report_shows_each_chart_as_it_stood_on_its_day_with_its_words(client):
    measured = with_data(measured_project())
    report = _draft(measured.started)
    client.force_login(measured.lead)
    html = _report_page(client, report)
    assert html.count(CHART) == 1
    assert "points in a row above the mean from 31 March 2025" in html
    assert f'id="measure-{measured.measure.pk}-data"' in html
    # A report of a day before the first data point shows no chart.
    early = _draft(measured.started, covers_to=date(2024, 12, 31))
    html = _report_page(client, early)
    assert CHART not in html and "No data had been entered" in html


def test_a_rule_that_could_not_be_applied_is_said_beside_the_chart(client):
    measured = with_data(measured_project(), values=[10, 11, 9, 10])
    report = _draft(measured.started)
    client.force_login(measured.lead)
    html = _report_page(client, report)
    assert CHART in html
    assert "Fewer than 12 points in a phase: the limits are provisional." in html


def test_the_pdf_is_a_pdf_and_its_download_is_recorded(client):
    measured = with_data(measured_project())
    report = issued_report(measured.started)
    client.force_login(measured.lead)
    response = client.get(reverse("evaluation:report_pdf", kwargs={"report_id": report.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DOWNLOADED, object_id=str(report.pk)
    ).exists()


def test_the_lead_withdraws_an_issued_report_with_the_reason(client):
    started = started_project()
    report = issued_report(started)
    client.force_login(started.lead)
    url = reverse("evaluation:report_withdraw", kwargs={"report_id": report.pk})
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "The data were wrong"}).status_code == 302
    html = _report_page(client, report)
    assert "The data were wrong" in html and "Withdraw the report" not in html
    history = client.get(reverse("evaluation:report_history", kwargs={"report_id": report.pk}))
    assert history.status_code == 200 and report.title in history.content.decode()


def test_someone_outside_the_project_finds_nothing(client):
    started = started_project()
    report = issued_report(started)
    elsewhere = started_project()
    for person in (elsewhere.lead, PersonFactory()):
        client.force_login(person)
        for name, kwargs in (
            ("evaluation:project", {"project_id": started.project.pk}),
            ("evaluation:logic_model", {"project_id": started.project.pk}),
            ("evaluation:logic_model_edit", {"project_id": started.project.pk}),
            ("evaluation:report_add", {"project_id": started.project.pk}),
            ("evaluation:report", {"report_id": report.pk}),
            ("evaluation:report_edit", {"report_id": report.pk}),
            ("evaluation:report_withdraw", {"report_id": report.pk}),
            ("evaluation:report_pdf", {"report_id": report.pk}),
            ("evaluation:report_history", {"report_id": report.pk}),
        ):
            assert client.get(reverse(name, kwargs=kwargs)).status_code == 404, (person, name)
        issue = reverse("evaluation:report_issue", kwargs={"report_id": report.pk})
        assert client.post(issue).status_code == 404


def test_the_welsh_report_page_works(client):
    measured = with_data(measured_project())
    report = _draft(measured.started)
    client.force_login(measured.lead)
    with translation.override("cy"):
        url = reverse("evaluation:report", kwargs={"report_id": report.pk})
    html = client.get(url).content.decode()
    assert url.startswith("/cy/") and '<html lang="cy"' in html
    assert CHART in html and "pwynt yn olynol uwchben y cymedr" in html


def test_an_issued_report_keeps_its_charts_as_they_were_drawn_on_issue(client):
    """Data corrected after a report is issued changes the project's charts, not the report:
    its measures were kept on issue, in both languages, on the page and in print."""
    measured = with_data(measured_project())
    report = issued_report(measured.started)
    assert Snapshot.objects.filter(object_id=report.pk).count() == 4
    with_data(measured, values=[10] * 21)  # every point corrected to 10: no signal now
    client.force_login(measured.lead)
    html = _report_page(client, report)
    assert html.count(CHART) == 1
    assert "points in a row above the mean from 31 March 2025" in html
    with translation.override("cy"):
        url = reverse("evaluation:report", kwargs={"report_id": report.pk})
    assert "pwynt yn olynol uwchben y cymedr" in client.get(url).content.decode()
    # A draft of the same day is drawn from the data as it is now.
    assert "points in a row above the mean" not in _report_page(client, _draft(measured.started))
    pdf = client.get(reverse("evaluation:report_pdf", kwargs={"report_id": report.pk}))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_kept_report_page_reads_no_data_points(client):
    measured = with_data(measured_project())
    report = issued_report(measured.started)
    client.force_login(measured.lead)
    url = reverse("evaluation:report", kwargs={"report_id": report.pk})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [q for q in queries if "measures_datapoint" in q["sql"]]

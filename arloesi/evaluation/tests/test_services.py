"""Writing a project's evaluation: the logic model, and reports from draft to issued to
withdrawn — who may, what is checked, what is recorded, and which report the dashboards count."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from arloesi.core import audit
from arloesi.core.audit import ConcurrentEditError
from arloesi.core.models import AuditEvent
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.evaluation import services
from arloesi.evaluation.models import EvaluationReport, ReportStatusChange
from arloesi.evaluation.tests.factories import complete_values, issued_report
from arloesi.evaluation.vocabulary import ReportKind, ReportStatus
from arloesi.organisations.tests.factories import PersonFactory
from arloesi.projects.tests.factories import started_project

pytestmark = pytest.mark.django_db


def test_the_team_writes_the_logic_model_and_each_change_is_recorded():
    started = started_project()
    model = services.logic_model_save(
        actor=started.lead, project=started.project, inputs=" A pharmacist, 2 sessions a week "
    )
    assert model.inputs == "A pharmacist, 2 sessions a week"
    model = services.logic_model_save(
        actor=started.lead,
        project=started.project,
        expected_version=model.version,
        impact="Fewer admissions",
    )
    assert model.impact == "Fewer admissions" and model.version == 2
    actions = [event.action for event in audit.history_for(model)]
    assert actions == [AuditEvent.Action.CREATED, AuditEvent.Action.UPDATED]


def test_a_logic_model_edited_by_two_people_at_once_is_not_overwritten():
    started = started_project()
    model = services.logic_model_save(actor=started.lead, project=started.project, inputs="A")
    services.logic_model_save(
        actor=started.lead, project=started.project, expected_version=1, inputs="B"
    )
    with pytest.raises(ConcurrentEditError):
        services.logic_model_save(
            actor=started.lead, project=started.project, expected_version=model.version, inputs="C"
        )


def test_someone_outside_the_team_cannot_write_the_evaluation():
    started = started_project()
    stranger = PersonFactory()
    with pytest.raises(PermissionDenied):
        services.logic_model_save(actor=stranger, project=started.project, inputs="A")
    with pytest.raises(PermissionDenied):
        services.report_create(actor=stranger, project=started.project, kind=ReportKind.FORMATIVE)


def test_a_summative_report_is_issued_only_when_it_recommends_what_happens_next():
    started = started_project()
    report = services.report_create(
        actor=started.lead, project=started.project, kind=ReportKind.SUMMATIVE
    )
    with pytest.raises(ValidationError) as refused:
        services.report_issue(actor=started.lead, report=report)
    assert {"summary", "recommendation", "recommendation_reasons"} <= set(
        refused.value.message_dict
    )
    with pytest.raises(ValidationError):
        services.report_update(
            actor=started.lead,
            report=report,
            expected_version=report.version,
            recommendation="continue",
        )


def test_a_result_other_than_not_measured_needs_its_evidence():
    started = started_project()
    with pytest.raises(ValidationError) as refused:
        issued_report(started, resource_efficiency_result="worse")
    assert "resource_efficiency_evidence" in refused.value.message_dict


def test_an_issued_report_is_the_record_and_is_never_changed():
    started = started_project()
    report = issued_report(started)
    assert report.status == ReportStatus.ISSUED and report.issued_at is not None
    with pytest.raises(TransitionNotAllowedError):
        services.report_update(
            actor=started.lead, report=report, expected_version=report.version, summary="Other"
        )
    steps = ReportStatusChange.objects.filter(report=report).values_list("to_status", flat=True)
    assert list(steps) == [ReportStatus.ISSUED]


def test_the_dashboards_count_the_latest_summative_report_before_any_formative_one():
    started = started_project()
    formative = issued_report(started, kind=ReportKind.FORMATIVE, recommendation="continue")
    assert formative.is_current
    summative = issued_report(started, covers_to=date(2025, 12, 31))
    later_formative = issued_report(
        started, kind=ReportKind.FORMATIVE, recommendation="continue", covers_to=date(2026, 1, 31)
    )
    current = EvaluationReport.objects.filter(project=started.project, is_current=True)
    assert list(current) == [summative]
    assert not later_formative.is_current


def test_withdrawing_a_report_needs_a_reason_and_the_one_before_it_counts_again():
    started = started_project()
    formative = issued_report(started, kind=ReportKind.FORMATIVE, recommendation="continue")
    summative = issued_report(started)
    with pytest.raises(ValidationError):
        services.report_withdraw(actor=started.lead, report=summative, reason=" ")
    services.report_withdraw(actor=started.lead, report=summative, reason="Wrong figures")
    formative.refresh_from_db()
    summative.refresh_from_db()
    assert formative.is_current and not summative.is_current
    change = ReportStatusChange.objects.filter(report=summative).last()
    assert (change.to_status, change.reason) == (ReportStatus.WITHDRAWN, "Wrong figures")


def test_a_draft_cannot_be_withdrawn():
    started = started_project()
    report = services.report_create(
        actor=started.lead, project=started.project, kind=ReportKind.FORMATIVE
    )
    with pytest.raises(TransitionNotAllowedError):
        services.report_withdraw(actor=started.lead, report=report, reason="No")


def test_a_report_title_defaults_to_its_kind_and_day():
    started = started_project()
    report = services.report_create(
        actor=started.lead, project=started.project, kind=ReportKind.FORMATIVE, title=""
    )
    assert report.title.startswith("Formative") and report.status == ReportStatus.DRAFT


def test_complete_values_are_enough_to_issue():
    assert set(complete_values()) >= {"summary", "recommendation", "recommendation_reasons"}

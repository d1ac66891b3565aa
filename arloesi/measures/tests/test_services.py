"""Defining a measure and entering its data, as the services enforce it: only the project's
team and leads, only while the project is open, every change audited; an import is all or
nothing, reports each problem by row and column, and the same file twice changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from arloesi.core.models import AuditEvent
from arloesi.measures import services
from arloesi.measures.models import Annotation, DataPoint
from arloesi.measures.tests.factories import measured_project, weekly, with_data
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role

pytestmark = pytest.mark.django_db

CSV = b"period_start,value\n2025-01-06,10\n2025-01-13,12\n2025-01-20,11\n"


def test_a_measure_is_made_and_audited_with_the_usual_rules_for_its_chart():
    measured = measured_project(chart_type="p", rule_set="")
    assert measured.measure.rule_set == "anhoej"
    assert AuditEvent.objects.filter(
        object_id=str(measured.measure.pk), action=AuditEvent.Action.CREATED
    ).exists()


def test_rules_that_do_not_fit_the_chart_are_refused():
    with pytest.raises(ValidationError):
        measured_project(chart_type="p", rule_set="mdc")


def test_someone_outside_the_project_cannot_add_data():
    measured = measured_project()
    outsider = person_with_role(Role.PRACTITIONER, measured.started.collaborative)
    with pytest.raises(PermissionDenied):
        services.data_points_save(actor=outsider, measure=measured.measure, entries=weekly([1]))
    assert not DataPoint.objects.exists()


def test_an_import_with_one_bad_row_imports_nothing_and_names_its_row_and_column():
    measured = measured_project()
    content = b"period_start,value\n2025-01-06,10\n2025-01-13,ten\n31/02/2025,11\n"
    result = services.data_import(
        actor=measured.lead, measure=measured.measure, filename="data.csv", content=content
    )
    assert not result.ok
    assert [(p.row, p.column) for p in result.problems] == [(3, "value"), (4, "period_start")]
    assert not DataPoint.objects.exists()


def test_importing_the_same_file_again_changes_nothing():
    measured = measured_project()
    first = services.data_import(
        actor=measured.lead, measure=measured.measure, filename="data.csv", content=CSV
    )
    events = AuditEvent.objects.count()
    again = services.data_import(
        actor=measured.lead, measure=measured.measure, filename="data.csv", content=CSV
    )
    assert (first.created, again.created, again.updated, again.unchanged) == (3, 0, 0, 3)
    assert AuditEvent.objects.count() == events
    assert DataPoint.objects.filter(measure=measured.measure).count() == 3


def test_a_date_inside_a_week_is_filed_under_the_weeks_monday_and_duplicates_are_refused():
    measured = measured_project()
    content = b"period_start,value\n2025-01-08,10\n2025-01-06,12\n"
    result = services.data_import(
        actor=measured.lead, measure=measured.measure, filename="data.csv", content=content
    )
    assert [(p.row, p.column) for p in result.problems] == [(3, "period_start")]


def test_a_p_chart_needs_a_numerator_no_larger_than_its_denominator():
    measured = measured_project(chart_type="p")
    content = b"period_start,numerator,denominator\n2025-01-06,50,40\n2025-01-13,3,0\n"
    result = services.data_import(
        actor=measured.lead, measure=measured.measure, filename="d.csv", content=content
    )
    assert [(p.row, p.column) for p in result.problems] == [(2, "numerator"), (3, "denominator")]


def test_the_grid_adds_changes_and_clears_periods():
    measured = with_data(measured_project(), [10, 11, 12])
    result = services.data_points_save(
        actor=measured.lead,
        measure=measured.measure,
        entries=weekly([10, 15]),
        cleared=[date(2025, 1, 20)],
    )
    assert (result.created, result.updated, result.unchanged) == (0, 2, 1)
    values = list(DataPoint.objects.order_by("period_start").values_list("value", flat=True))
    assert values == [Decimal("10"), Decimal("15")]


def test_a_rebase_needs_a_reason_and_starts_at_its_periods_monday():
    measured = measured_project()
    with pytest.raises(ValidationError):
        services.annotation_add(
            actor=measured.lead, measure=measured.measure, kind="rebase", on=date(2025, 3, 5),
            text=" ",
        )  # fmt: skip
    rebase = services.annotation_add(
        actor=measured.lead,
        measure=measured.measure,
        kind="rebase",
        on=date(2025, 3, 5),
        text="Script adopted",
    )
    assert rebase.on == date(2025, 3, 3)
    services.annotation_remove(
        actor=measured.lead, measure=measured.measure, annotation_id=rebase.pk
    )
    assert not Annotation.objects.exists()


def test_nothing_changes_once_the_project_is_closed():
    measured = measured_project()
    type(measured.project).objects.filter(pk=measured.project.pk).update(status="closed")
    with pytest.raises(PermissionDenied):
        services.annotation_add(
            actor=measured.lead, measure=measured.measure, kind="note", on=date(2025, 3, 5),
            text="Too late",
        )  # fmt: skip

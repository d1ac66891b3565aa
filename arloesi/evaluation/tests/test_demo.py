"""The demo: the Rhondda inhaler checks have a logic model, an issued formative report and a
draft summative one, the falls classes a logic model only, and the Cwm Taf Morgannwg health
board's outcomes dashboard counts the inhaler checks; loading again adds nothing."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from arloesi.evaluation import selectors
from arloesi.evaluation.models import EvaluationReport, LogicModel
from arloesi.evaluation.sampledata import demo
from arloesi.organisations.models import Person
from arloesi.organisations.tests.factories import health_board
from arloesi.projects.models import Project

pytestmark = pytest.mark.django_db


def test_the_rhondda_projects_are_evaluated_and_the_health_board_sees_the_counts(settings, client):
    settings.DEMO_MODE = True
    call_command("load_demo")
    inhalers = Project.objects.get(title=demo.INHALERS)
    falls = Project.objects.get(title=demo.FALLS)
    assert LogicModel.objects.filter(project__in=[inhalers, falls]).count() == 2
    reports = EvaluationReport.objects.filter(project=inhalers).order_by("pk")
    assert [(r.kind, r.status, r.is_current) for r in reports] == [
        ("formative", "issued", True),
        ("summative", "draft", False),
    ]
    assert not EvaluationReport.objects.filter(project=falls).exists()

    officer = Person.objects.get(email="hb.officer@arloesi.example")
    d = selectors.outcomes_dashboard(user=officer, unit_id=health_board().pk)
    assert d.evaluated == 1
    figures = {line.outcome: {c.result: c.count for c in line.cells} for line in d.lines}
    assert figures["adoption"]["improved"] == 1
    assert figures["patient_experience"]["no_change"] == 1
    client.force_login(officer)
    page = client.get(reverse("evaluation:dashboard", kwargs={"unit_id": health_board().pk}))
    assert "1 evaluated project led by collaboratives in this area." in page.content.decode()

    counts = [LogicModel.objects.count(), EvaluationReport.objects.count()]
    call_command("load_demo")
    assert [LogicModel.objects.count(), EvaluationReport.objects.count()] == counts
    assert demo.load_demo().notes == ["Demo evaluation: 0 logic models and 0 reports."]

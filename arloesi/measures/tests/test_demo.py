"""The demo: the Rhondda project's outcome measure shows its shift in words, its process measure
is a p chart; loading again adds nothing."""

import pytest
from django.core.management import call_command

from arloesi.measures import selectors
from arloesi.measures.models import Measure
from arloesi.measures.sampledata import demo
from arloesi.projects.models import ProjectTeamMember

pytestmark = pytest.mark.django_db


def test_the_rhondda_project_shows_a_shift_after_its_pdsa_cycles(settings):
    settings.DEMO_MODE = True
    call_command("load_demo")
    # The project's own (the learning demo's adoption copies its measures onto a proposal).
    outcome = Measure.objects.get(name=demo.OUTCOME, node__diagram__owner_kind="project")
    lead = next(
        m.person
        for m in ProjectTeamMember.objects.filter(is_lead=True).select_related("person")
        if selectors.access_to_diagram(user=m.person, diagram=outcome.node.diagram).may_change
    )
    page = selectors.measure_page(user=lead, measure_id=outcome.pk)
    words = " ".join(page.chart.sentences)
    assert "points in a row above the mean" in words and "improvement" in words
    assert any(note.kind == "pdsa" for note in page.chart.notes)
    process = Measure.objects.get(name=demo.PROCESS, node__diagram__owner_kind="project")
    assert process.chart_type == "p" and process.rule_set == "anhoej"
    assert demo.load_demo().notes[0].startswith("Demo measures: already there")
    assert (
        Measure.objects.filter(name=demo.OUTCOME, node__diagram__owner_kind="project").count() == 1
    )

"""The measures pages as the project's lead and team see them: the list, adding a measure, the
measure with its chart and summary in words, the quick grid, notes and rebases, downloads and
the small multiples."""

import pytest
from django.urls import reverse

from arloesi.measures.models import Measure
from arloesi.measures.tests.factories import aim_of, measure_values, measured_project, with_data

pytestmark = pytest.mark.django_db


def test_the_lead_adds_a_measure_to_the_projects_aim(client):
    measured = measured_project()
    client.force_login(measured.lead)
    project = measured.project
    page = client.get(reverse("measures:add", kwargs={"project_id": project.pk}))
    assert page.status_code == 200
    values = {k: v for k, v in measure_values(name="Checks per week").items() if v is not None}
    response = client.post(
        reverse("measures:add", kwargs={"project_id": project.pk}),
        {**values, "node": aim_of(project).pk},
    )
    measure = Measure.objects.get(name="Checks per week")
    assert response.status_code == 302
    assert measure.rule_set == "mdc"  # the usual rules for an XmR chart
    listing = client.get(reverse("measures:list", kwargs={"project_id": project.pk}))
    assert "Checks per week" in listing.content.decode()


def test_the_measure_page_explains_a_shift_in_words_and_draws_it(client):
    measured = with_data(measured_project())
    client.force_login(measured.lead)
    page = client.get(reverse("measures:detail", kwargs={"measure_id": measured.measure.pk}))
    html = page.content.decode()
    assert page.status_code == 200
    assert "points in a row above the mean from 31 March 2025" in html
    assert "special cause, improvement" in html
    assert 'role="img"' in html and "spc-improvement" in html
    assert html.count('<tr class="nhsuk-table__row">') >= 21


def test_the_chart_downloads_as_svg_and_png_and_is_recorded(client):
    measured = with_data(measured_project())
    client.force_login(measured.lead)
    for file_format, start in (("svg", b"<?xml"), ("png", b"\x89PNG")):
        response = client.get(
            reverse(
                "measures:chart",
                kwargs={"measure_id": measured.measure.pk, "file_format": file_format},
            )
        )
        assert response.status_code == 200
        assert response.content.startswith(start)
        assert "attachment" in response["Content-Disposition"]

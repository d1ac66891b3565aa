"""The measures pages as the project's lead and team see them: the list, adding a measure, the
measure with its chart and summary in words, the quick grid, notes and rebases, downloads and
the small multiples."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from arloesi.measures import selectors
from arloesi.measures.models import Annotation, DataPoint, Measure
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


def test_an_import_with_a_bad_row_shows_the_report_and_imports_nothing(client):
    measured = measured_project()
    client.force_login(measured.lead)
    url = reverse("measures:import", kwargs={"measure_id": measured.measure.pk})
    bad = SimpleUploadedFile("d.csv", b"period_start,value\n2025-01-06,10\n2025-01-13,x\n")
    html = client.post(url, {"file": bad}).content.decode()
    assert "Nothing was imported" in html and '<td class="nhsuk-table__cell">3</td>' in html
    assert not DataPoint.objects.exists()
    good = SimpleUploadedFile("d.csv", b"period_start,value\n2025-01-06,10\n2025-01-13,9\n")
    assert client.post(url, {"file": good}).status_code == 302
    assert DataPoint.objects.count() == 2


def test_the_grid_saves_a_week_and_a_rebase_splits_the_chart(client):
    measured = with_data(measured_project())
    client.force_login(measured.lead)
    measure_id = measured.measure.pk
    grid = client.get(reverse("measures:data", kwargs={"measure_id": measure_id}))
    assert grid.status_code == 200 and "value_0" in grid.content.decode()
    response = client.post(
        reverse("measures:rebase_add", kwargs={"measure_id": measure_id}),
        {"on": "2025-03-31", "text": "Script adopted in every pharmacy"},
    )
    assert response.status_code == 302
    assert Annotation.objects.get().on == date(2025, 3, 31)
    html = client.get(reverse("measures:detail", kwargs={"measure_id": measure_id})).content
    assert b"New limits" in html and b"Script adopted in every pharmacy" in html


def test_someone_outside_the_project_sees_nothing_of_its_measures(client):
    measured = with_data(measured_project())
    other = measured_project()
    client.force_login(other.lead)
    for name in ("measures:detail", "measures:compare", "measures:data"):
        response = client.get(reverse(name, kwargs={"measure_id": measured.measure.pk}))
        assert response.status_code == 404


def test_small_multiples_show_the_same_measure_in_each_project_the_reader_sees(client):
    measured = with_data(measured_project())
    client.force_login(measured.lead)
    response = client.get(reverse("measures:compare", kwargs={"measure_id": measured.measure.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    assert measured.project.title in html and html.count('class="spc-chart"') == 1


def test_the_summary_is_in_welsh_on_the_welsh_page(client):
    measured = with_data(measured_project())
    client.force_login(measured.lead)
    with translation.override("cy"):
        url = reverse("measures:detail", kwargs={"measure_id": measured.measure.pk})
    html = client.get(url).content.decode()
    assert url.startswith("/cy/")
    assert "pwynt yn olynol uwchben y cymedr" in html and "achos arbennig, gwelliant" in html


def test_each_small_chart_shows_only_the_latest_52_periods():
    values = list(range(1, 61))  # 60 weeks: the first 8 are left out
    measured = with_data(measured_project(), values=values)
    page = selectors.compare_page(user=measured.lead, measure_id=measured.measure.pk)
    chart = page.panels[0].chart
    assert len(chart.series.dates) == 52
    assert chart.series.dates[0] == measured.measure.points.order_by("period_start")[8].period_start
    assert page.panels[0].latest.value == 60

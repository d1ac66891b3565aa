"""Journey: a project's lead sets up a quality bar and reads it, in two stages, each in English
and in Welsh, every page checked with axe and every page offering the other language:

1. they define a weekly measure of the project's aim on an XmR chart, import its data from a
   spreadsheet with one wrong cell (the report names the row and the column, and nothing is
   imported), fix the file and import it again: the data are there;
2. on the measure's page the shift after the change is explained in words, beside the chart and
   its table; they recalculate the limits from the change, with the reason, and download the
   chart as SVG and PNG.

Each stage starts from a state the services make (the fixtures ``project`` and ``measured``), so
a failure names the stage it is in. The words looked for come from the service's translations.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, heading, main, signed_in_page, success_banner

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "cy"]
OTHER = {"en": "cy", "cy": "en"}

COLLABORATIVE = "CTM-RHONDDA-GMS"
MEASURE = "Residents seen at the ward round"
REBASE_REASON = "The weekly ward round started at every care home."


def t(language, text, **values):
    """The service's words in the journey's language."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


def shift_in_words(language, count, first, last):
    """How the measure's page says ``count`` points in a row above the mean."""
    from arloesi.measures.wording import day

    with translation.override(language):
        when = translation.gettext("from %(first)s to %(last)s") % {
            "first": day(first),
            "last": day(last),
        }
        return translation.ngettext(
            "%(count)s point in a row above the mean %(when)s",
            "%(count)s points in a row above the mean %(when)s",
            count,
        ) % {"count": count, "when": when}


def unit(code):
    from arloesi.organisations.models import OrganisationUnit

    return OrganisationUnit.objects.get(code=code)


def check_page(page, language):
    """The page is in the journey's language, links to itself in the other one, and passes axe."""
    other = OTHER[language]
    expect(page.locator("html")).to_have_attribute("lang", language)
    switch = page.locator(".app-language-switch")
    expect(switch).to_have_attribute("hreflang", other)
    expect(switch).to_have_attribute("href", re.compile(rf"^/{other}/"))
    assert_accessible(page)


def lead_in_own_browser(new_page, live_server, started, language, path):
    page = signed_in_page(new_page, live_server, started.lead.email)
    page.goto(f"/{language}/{path}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    return page


def csv_file(tmp_path, name, values, bad_row=None):
    """A spreadsheet of weekly values from the factories' first Monday; ``bad_row`` (counted
    as the spreadsheet counts, the header being row 1) has a word for its value."""
    from arloesi.measures.tests.factories import MONDAY

    lines = ["period_start,value"]
    for k, value in enumerate(values):
        cell = "about ten" if k + 2 == bad_row else str(value)
        lines.append(f"{MONDAY + timedelta(weeks=k):%d/%m/%Y},{cell}")
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def download(page, link):
    with page.expect_download() as started:
        link.click()
    return started.value


# --- The state each stage starts from, made by the services -----------------------------------


@pytest.fixture
def project(demo):
    """Stage 1's start: the Rhondda general medical collaborative's project, started by the
    approval of a proposal with the care-homes driver diagram."""
    from arloesi.projects.tests.factories import started_project

    return started_project(unit(COLLABORATIVE))


@pytest.fixture
def measured(project):
    """Stage 2's start (stage 1's end): a weekly XmR measure of the project's aim with 12 weeks
    around 10, then 9 weeks around 15 after the change."""
    from arloesi.measures.tests.factories import measured_project, with_data

    return with_data(measured_project(project, name=MEASURE))


def test_the_words_the_journey_looks_for_are_really_in_welsh():
    for text in ["Add a measure", "Import data from a spreadsheet", "Recalculate the limits"]:
        assert t("cy", text) != text, text


# --- Stage 1: define the measure, import its data (a bad file first) --------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_1_a_project_lead_defines_a_measure_and_imports_its_data(
    new_page, live_server, project, language, tmp_path
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    from arloesi.measures.models import DataPoint
    from arloesi.measures.tests.factories import AFTER, BEFORE, aim_of

    # Given the project's lead, on the project's measures
    lead = lead_in_own_browser(
        new_page, live_server, project, language, f"measures/projects/{project.project.pk}/"
    )
    expect(heading(lead)).to_have_text(_("Measures"))
    expect(main(lead)).to_contain_text(_("No measures yet."))
    check_page(lead, language)

    # When they add a weekly measure of the project's aim, on an XmR chart
    main(lead).get_by_role("button", name=_("Add a measure")).click()
    expect(heading(lead)).to_have_text(_("Add a measure"))
    check_page(lead, language)
    lead.get_by_label(_("What does it measure on the driver diagram?"), exact=True).select_option(
        value=str(aim_of(project.project).pk)
    )
    lead.get_by_role("radio", name=_("Outcome measure"), exact=True).check()
    lead.get_by_label(_("Name"), exact=True).fill(MEASURE)
    lead.get_by_role("radio", name=_("Weekly"), exact=True).check()
    lead.get_by_role("radio", name=_("Higher is better"), exact=True).check()
    lead.get_by_role(
        "radio", name=_("XmR chart (individuals and moving range)"), exact=True
    ).check()
    lead.get_by_role("button", name=_("Add the measure")).click()

    # Then the measure's page has no data yet
    expect(success_banner(lead)).to_contain_text(_("The measure was added."))
    expect(heading(lead)).to_have_text(MEASURE)
    expect(main(lead)).to_contain_text(_("No data yet."))
    measure_url = lead.url

    # When they import a spreadsheet with a word where the third row's value should be
    main(lead).get_by_role("link", name=_("Import data from a spreadsheet")).click()
    expect(heading(lead)).to_have_text(_("Import data from a spreadsheet"))
    check_page(lead, language)
    values = BEFORE + AFTER
    main(lead).locator("input[type=file]").set_input_files(
        csv_file(tmp_path, "bad.csv", values, bad_row=3)
    )
    lead.get_by_role("button", name=_("Import the data")).click()

    # Then the report names the row and the column, and nothing was imported
    expect(lead.locator(".nhsuk-error-summary")).to_contain_text(
        _("Nothing was imported: fix these problems and upload the file again")
    )
    problems = main(lead).get_by_role("table", name=_("Problems in the file"))
    rows = problems.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.locator("td")).to_have_text(
        ["3", "value", _("Enter a number, like 15 or 0.25 (up to 4 decimal places).")]
    )
    assert not DataPoint.objects.exists()
    check_page(lead, language)

    # When they fix the file and import it again
    main(lead).locator("input[type=file]").set_input_files(csv_file(tmp_path, "fixed.csv", values))
    lead.get_by_role("button", name=_("Import the data")).click()

    # Then every week is on the measure's page
    expect(success_banner(lead)).to_contain_text(
        _(
            "Import finished: %(created)s added, %(updated)s changed, %(unchanged)s unchanged.",
            created=len(values),
            updated=0,
            unchanged=0,
        )
    )
    assert lead.url == measure_url
    table = main(lead).get_by_role("table", name=_("Every period’s figures"))
    expect(table.locator("tbody tr")).to_have_count(len(values))
    assert DataPoint.objects.count() == len(values)
    check_page(lead, language)


# --- Stage 2: the shift in words, a rebase at the change, the chart downloaded ---------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_2_a_project_lead_reads_the_shift_rebases_and_downloads_the_chart(
    new_page, live_server, measured, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    from arloesi.measures.tests.factories import AFTER, BEFORE, MONDAY

    change = MONDAY + timedelta(weeks=len(BEFORE))
    last = MONDAY + timedelta(weeks=len(BEFORE) + len(AFTER) - 1)

    # Given the project's lead, on the project's measures
    lead = lead_in_own_browser(
        new_page,
        live_server,
        measured.started,
        language,
        f"measures/projects/{measured.project.pk}/",
    )

    # When they open the measure
    main(lead).get_by_role("link", name=MEASURE).click()

    # Then the shift after the change is said in words, beside the chart and its table
    expect(heading(lead)).to_have_text(MEASURE)
    summary = main(lead).locator("#chart-summary")
    expect(summary).to_contain_text(shift_in_words(language, len(AFTER), change, last))
    expect(summary).to_contain_text(_("special cause, improvement"))
    expect(main(lead).locator("figure.app-spc-chart svg[role='img']")).to_be_visible()
    table = main(lead).get_by_role("table", name=_("Every period’s figures"))
    expect(table.locator("tbody tr")).to_have_count(len(BEFORE) + len(AFTER))
    check_page(lead, language)
    measure_url = lead.url

    # When they recalculate the limits from the change, saying why
    main(lead).get_by_role("link", name=_("Recalculate the limits from a period")).click()
    expect(heading(lead)).to_have_text(_("Recalculate the limits"))
    check_page(lead, language)
    lead.get_by_label(_("Recalculate the limits from"), exact=True).fill(change.isoformat())
    lead.get_by_label(_("Why are the limits recalculated?"), exact=True).fill(REBASE_REASON)
    lead.get_by_role("button", name=_("Recalculate the limits")).click()

    # Then the measure's annotations have the rebase with its reason
    expect(success_banner(lead)).to_contain_text(_("The limits are recalculated from that period."))
    assert lead.url.split("#")[0] == measure_url
    annotations = main(lead).locator("ul.nhsuk-list--border li")
    expect(annotations.filter(has_text=REBASE_REASON)).to_contain_text(_("Limits recalculated"))
    check_page(lead, language)

    # When they download the chart as a drawing (SVG) and as a picture (PNG)
    svg = download(lead, main(lead).get_by_role("link", name=_("Download the chart (SVG)")))
    png = download(lead, main(lead).get_by_role("link", name=_("Download the chart (PNG)")))

    # Then each is what its name says
    assert svg.suggested_filename.endswith(".svg")
    assert Path(svg.path()).read_bytes().lstrip().startswith((b"<svg", b"<?xml"))
    assert png.suggested_filename.endswith(".png")
    assert Path(png.path()).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

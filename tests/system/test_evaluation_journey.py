"""Journey: a project's lead evaluates the project and the health board sees it counted, in four
stages, each in English and in Welsh, every page checked with axe and every page offering the
other language:

1. from the project's page they open its evaluation and write the logic model;
2. they write a formative report that pulls in the measure's chart (its shift explained in
   words) and the PDSA cycle completed, and issue it;
3. they write the summative report, first issuing it without a recommendation (the report says
   what is missing), then recommending scale-up, issue it and download the PDF;
4. the health board's officer opens the four-outcomes dashboard: the project is counted as
   improved on the adoption of innovation, and the figure leads to it.

Each stage starts from a state the services make, so a failure names the stage it is in.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, heading, main, signed_in_page, success_banner

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "cy"]
OTHER = {"en": "cy", "cy": "en"}
COLLABORATIVE = "CTM-RHONDDA-GMS"
HEALTH_BOARD = "CTMUHB"
MEASURE = "Inhaler checks done right"
CYCLE = "Check technique at one pharmacy for a week"


def t(language, text, **values):
    """The service's words in the journey's language."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


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


def in_own_browser(new_page, live_server, email, language, path):
    page = signed_in_page(new_page, live_server, email)
    page.goto(f"/{language}/{path}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    return page


def choose_result(page, _, outcome, result):
    page.get_by_role("group", name=_(f"{outcome}: result")).get_by_role(
        "radio", name=_(result), exact=True
    ).check()


# --- The state each stage starts from, made by the services -----------------------------------


@pytest.fixture
def measured(demo):
    """Stage 1's start: the Rhondda general medical collaborative's project with a weekly
    measure that shifts upwards after the change, and one PDSA cycle completed."""
    from arloesi.measures.tests.factories import measured_project, with_data
    from arloesi.projects.tests.factories import cycle, started_project

    started = started_project(unit(COLLABORATIVE))
    cycle(
        started.project,
        title=CYCLE,
        starts=timezone.localdate() - timedelta(days=30),
        study_results="Nine in ten checks were done right.",
        act_decision="adopt",
        act_next="Every pharmacy in the cluster.",
        completed_at=timezone.now() - timedelta(days=20),
    )
    return with_data(measured_project(started, name=MEASURE))


@pytest.fixture
def with_formative(measured):
    """Stage 3's start: a logic model and an issued formative report."""
    from arloesi.evaluation import services
    from arloesi.evaluation.tests.factories import issued_report

    services.logic_model_save(
        actor=measured.lead, project=measured.project, inputs="A pharmacist, two sessions a week"
    )
    issued_report(
        measured.started,
        kind="formative",
        covers_to=timezone.localdate(),
        recommendation="continue",
    )
    return measured


@pytest.fixture
def evaluated(with_formative):
    """Stage 4's start: an issued summative report recommending scale-up."""
    from arloesi.evaluation.tests.factories import issued_report

    issued_report(with_formative.started, covers_to=timezone.localdate())
    return with_formative


def test_the_words_the_journey_looks_for_are_really_in_welsh():
    for text in ["Write the logic model", "Start a report", "Issue the report", "Improved"]:
        assert t("cy", text) != text, text


# --- Stage 1: the logic model -------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_1_a_project_lead_writes_the_logic_model(new_page, live_server, measured, language):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    project = measured.project

    # Given the project's lead, on the project's page
    lead = in_own_browser(
        new_page, live_server, measured.lead.email, language, f"projects/{project.pk}/"
    )

    # When they follow the link to its evaluation
    main(lead).get_by_role("link", name=_("Evaluation: logic model and reports")).click()
    expect(heading(lead)).to_have_text(_("Evaluation"))
    expect(main(lead)).to_contain_text(_("The logic model has not been written yet."))
    check_page(lead, language)

    # And write the logic model
    main(lead).get_by_role("button", name=_("Write the logic model")).click()
    check_page(lead, language)
    lead.get_by_label(_("Inputs")).fill("A pharmacist, two sessions a week")
    lead.get_by_label(_("Activities")).fill("Inhaler technique checks")
    lead.get_by_label(_("Impact")).fill("Fewer admissions for asthma")
    main(lead).get_by_role("button").last.click()

    # Then it is saved and shown
    expect(success_banner(lead)).to_contain_text(_("The logic model was saved."))
    expect(main(lead)).to_contain_text("Fewer admissions for asthma")
    check_page(lead, language)


# --- Stage 2: a formative report with the chart and the cycle --------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_2_a_project_lead_writes_and_issues_a_formative_report(
    new_page, live_server, measured, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    project = measured.project

    # Given the project's lead, on its evaluation
    lead = in_own_browser(
        new_page, live_server, measured.lead.email, language, f"evaluation/projects/{project.pk}/"
    )

    # When they start a formative report with the data up to today
    main(lead).get_by_role("button", name=_("Start a report")).click()
    check_page(lead, language)
    lead.get_by_role("radio", name=_("Formative (interim)"), exact=True).check()
    main(lead).get_by_role("button").last.click()

    # Then they write it
    expect(success_banner(lead)).to_contain_text(_("Your draft report was started."))
    check_page(lead, language)
    lead.get_by_label(_("Summary of findings"), exact=True).fill("Checks are better done.")
    choose_result(lead, _, "Adoption of innovation", "Improved")
    lead.get_by_label(_("Adoption of innovation: evidence"), exact=True).fill("Two pharmacies")
    main(lead).get_by_role("button", name=_("Save the report")).click()
    expect(success_banner(lead)).to_contain_text(_("The report was saved."))

    # And the report shows the measure's chart with its shift in words, and the cycle
    expect(main(lead).locator("svg.spc-chart")).to_have_count(1)
    expect(main(lead)).to_contain_text(MEASURE)
    expect(main(lead)).to_contain_text(_("special cause, improvement"))
    expect(main(lead)).to_contain_text(CYCLE)
    check_page(lead, language)

    # When they issue it
    main(lead).get_by_role("button", name=_("Issue the report")).click()

    # Then it is the record
    expect(success_banner(lead)).to_contain_text(
        _("The report was issued. It is now the record, and the dashboards count it.")
    )
    expect(main(lead).get_by_role("button", name=_("Withdraw the report"))).to_be_visible()
    check_page(lead, language)


# --- Stage 3: the summative report, refused once, then issued; the PDF ------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_3_a_project_lead_recommends_scale_up_in_the_summative_report_and_downloads_it(
    new_page, live_server, with_formative, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    project = with_formative.project

    # Given the project's lead, on its evaluation
    lead = in_own_browser(
        new_page,
        live_server,
        with_formative.lead.email,
        language,
        f"evaluation/projects/{project.pk}/",
    )

    # When they start a summative report and try to issue it as it is
    main(lead).get_by_role("button", name=_("Start a report")).click()
    lead.get_by_role("radio", name=_("Summative (final)"), exact=True).check()
    main(lead).get_by_role("button").last.click()
    expect(success_banner(lead)).to_contain_text(_("Your draft report was started."))
    lead.get_by_label(_("Summary of findings"), exact=True).fill("It works; spread it.")
    main(lead).get_by_role("button", name=_("Save the report")).click()
    main(lead).get_by_role("button", name=_("Issue the report")).click()

    # Then the report says what is missing
    summary = lead.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text(_("Recommend mainstreaming, scaling up or stopping"))
    expect(summary).to_contain_text(_("Enter the reasons for the recommendation"))
    check_page(lead, language)

    # When they recommend scaling up, with reasons, and issue it
    main(lead).get_by_role("button", name=_("Write the report")).click()
    lead.get_by_role("radio", name=_("Scale up"), exact=True).check()
    lead.get_by_label(_("Reasons for the recommendation")).fill("Four sites")
    choose_result(lead, _, "Adoption of innovation", "Improved")
    lead.get_by_label(_("Adoption of innovation: evidence"), exact=True).fill("Four pharmacies")
    main(lead).get_by_role("button", name=_("Save the report")).click()
    main(lead).get_by_role("button", name=_("Issue the report")).click()
    expect(success_banner(lead)).to_contain_text(
        _("The report was issued. It is now the record, and the dashboards count it.")
    )
    check_page(lead, language)

    # Then they download it as a PDF
    with lead.expect_download() as started:
        main(lead).get_by_role("link", name=_("Download the report (PDF)")).click()
    pdf = started.value
    assert pdf.suggested_filename.endswith(".pdf")
    with open(pdf.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


# --- Stage 4: the health board sees the project counted ----------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_4_the_health_board_officer_sees_the_project_counted_on_the_dashboard(
    new_page, live_server, evaluated, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    officer_email = "hb.officer@arloesi.example"

    # Given the health board's officer, on the home page
    officer = in_own_browser(new_page, live_server, officer_email, language, "")

    # When they open the evaluation outcomes from the header
    officer.locator(".nhsuk-header").get_by_role("link", name=_("Evaluation")).click()
    expect(heading(officer)).to_have_text(_("Evaluation outcomes"))
    check_page(officer, language)

    # Then the project is counted as improved on the adoption of innovation
    table = main(officer).get_by_role(
        "table", name=_("Evaluated projects by their result on each outcome")
    )
    adoption = table.get_by_role("row").filter(has_text=_("Adoption of innovation"))
    improved = adoption.get_by_role("link")
    expect(improved).to_have_count(1)
    expect(improved).to_contain_text("1")

    # And the figure leads to the project and its report
    improved.click()
    expect(heading(officer)).to_contain_text(_("Adoption of innovation"))
    expect(main(officer)).to_contain_text(evaluated.project.title)
    expect(main(officer)).to_contain_text("Four practices run the checks.")
    check_page(officer, language)

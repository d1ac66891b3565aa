"""Journey: a pilot in the Rhondda is nominated for all-Wales scale-up, assessed and approved,
in two stages, each in English and in Welsh, every page checked with axe and every page offering
the other language:

1. from the project's page its lead nominates it for all of Wales and assesses it against the
   six enablers, with what Arloesi already knows beside the form, and sends it for a decision;
2. the national team approves it, names a cluster of Powys for the roll-out, and the spread
   table shows both clusters: the original pilot site and the one in the roll-out.

(The cross-part journey — a cluster adopting the learning record, shown on the spread table —
is the main engineer's, once learning records are merged.)
"""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, heading, main, signed_in_page, success_banner

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "cy"]
OTHER = {"en": "cy", "cy": "en"}
COLLABORATIVE = "CTM-RHONDDA-GMS"
NATIONAL_TEAM = "national@arloesi.example"
ENABLERS = ["Facilitating", "Leading", "Learning", "Engaging", "Funding", "Evaluating"]


def t(language, text, **values):
    """The service's words in the journey's language."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


def unit(code):
    from arloesi.organisations.models import OrganisationUnit

    return OrganisationUnit.objects.get(code=code)


def check_page(page, language):
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


@pytest.fixture
def pilot(demo):
    """Stage 1's start: the Rhondda general medical collaborative's project, delivering."""
    from arloesi.projects import services as project_services
    from arloesi.projects.tests.factories import started_project

    started = started_project(unit(COLLABORATIVE))
    started.project = project_services.project_stage_move(
        actor=started.lead, project=started.project, from_stage="pilot", to_stage="delivering"
    )
    return started


@pytest.fixture
def assessed(pilot):
    """Stage 2's start: nominated for all of Wales and assessed."""
    from arloesi.learning import services

    scale_up = services.scale_up_nominate(
        actor=pilot.lead, project=pilot.project, footprint="wales", case="It worked in Rhondda"
    )
    return services.scale_up_assess(
        actor=pilot.lead,
        scale_up=scale_up,
        expected_version=scale_up.version,
        enablers={e.lower(): ("partly", f"{e} evidence") for e in ENABLERS},
        complete=True,
    )


# --- Stage 1: nominated and assessed ----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_1_the_pilots_lead_nominates_it_for_wales_and_assesses_it(
    new_page, live_server, pilot, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731

    # Given the pilot's lead, on the project's page
    lead = in_own_browser(
        new_page, live_server, pilot.lead.email, language, f"projects/{pilot.project.pk}/"
    )

    # When they follow its scale-up link and nominate it for all of Wales
    main(lead).get_by_role("link", name=_("Scale-up"), exact=True).click()
    check_page(lead, language)
    main(lead).get_by_role("button", name=_("Nominate for scale-up")).click()
    check_page(lead, language)
    lead.get_by_role("radio", name=_("All of Wales"), exact=True).check()
    lead.get_by_label(_("Why should this pilot be scaled up?")).fill("Two in three now right")
    main(lead).get_by_role("button", name=_("Nominate the pilot")).click()

    # Then they assess it, with what Arloesi already knows beside the form
    expect(success_banner(lead)).to_contain_text(
        _("The pilot was nominated for scale-up. Now assess it against the enablers.")
    )
    expect(heading(lead)).to_have_text(_("Assess the scale-up"))
    expect(main(lead)).to_contain_text(_("What Arloesi already knows about the pilot"))
    check_page(lead, language)
    for enabler in ENABLERS:
        label = _(enabler)
        lead.get_by_role("group", name=_("%(enabler)s: rating", enabler=label)).get_by_role(
            "radio", name=_("Partly in place"), exact=True
        ).check()
        lead.get_by_label(_("%(enabler)s: evidence", enabler=label)).fill(f"{enabler} seen")
    lead.get_by_label(_("The assessment is complete: send it for a decision")).check()
    main(lead).get_by_role("button", name=_("Save the assessment")).click()

    # And it waits for the national team's decision
    expect(success_banner(lead)).to_contain_text(_("The assessment was sent for a decision."))
    expect(main(lead)).to_contain_text(_("Assessed, waiting for a decision"))
    expect(main(lead)).to_contain_text(_("The national team"))
    check_page(lead, language)


# --- Stage 2: approved, rolled out, the spread table ------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_2_the_national_team_approves_it_and_the_spread_table_shows_both_clusters(
    new_page, live_server, assessed, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    powys = unit("PTHB")
    from arloesi.organisations.models import OrganisationUnit

    elsewhere = (
        OrganisationUnit.objects.filter(kind="cluster", path__startswith=powys.path)
        .order_by("pk")
        .first()
    )

    # Given the national team, on the scale-up's page
    national = in_own_browser(
        new_page, live_server, NATIONAL_TEAM, language, f"learning/scale-ups/{assessed.pk}/"
    )
    check_page(national, language)

    # When they approve it with their reasons
    main(national).get_by_role("button", name=_("Decide on the scale-up")).click()
    check_page(national, language)
    national.get_by_role("radio", name=_("Approve"), exact=True).check()
    national.get_by_label(_("Reasons for the decision")).fill("The materials are ready")
    main(national).get_by_role("button", name=_("Record the decision")).click()
    expect(success_banner(national)).to_contain_text(_("The decision was recorded."))

    # And name a cluster of Powys for the roll-out
    main(national).get_by_role("button", name=_("Add a cluster to the roll-out")).click()
    check_page(national, language)
    national.get_by_label(_("Cluster")).select_option(str(elsewhere.pk))
    main(national).get_by_role("button", name=_("Add the cluster")).click()
    expect(success_banner(national)).to_contain_text(_("The cluster was added to the roll-out."))

    # Then the spread table shows the original pilot site and the cluster in the roll-out
    main(national).get_by_role(
        "link", name=_("The spread table: every cluster of the footprint")
    ).click()
    expect(heading(national)).to_have_text(_("Spread across the clusters"))
    pilot_row = main(national).get_by_role("row").filter(has_text=_("Original pilot site"))
    expect(pilot_row).to_have_count(1)
    with translation.override(language):
        name = elsewhere.name
    rolled_out = main(national).get_by_role("row").filter(has_text=name)
    expect(rolled_out).to_contain_text(_("Planned"))
    expect(main(national).locator("svg.app-spread-grid")).to_have_count(1)
    check_page(national, language)

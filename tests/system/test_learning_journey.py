"""Journey: what a Rhondda project learnt is published, found in Welsh, taken up by another
cluster and scaled up across Wales, in five stages, each in English and in Welsh, every page
checked with axe and every page offering the other language:

1. the closed project's lead writes a learning record — title and summary in English and Welsh,
   what was learnt, tags and the measure's chart — and sends it for approval; the cluster lead
   approves and publishes it, and it is readable without signing in;
2. someone not signed in finds it by searching in Welsh (other forms of the words in its Welsh
   summary) and reads its Welsh title and summary;
3. a pharmacist in Taff Ely adapts it: a draft proposal for their collaborative, with the
   original's driver diagram and measures, links back to the record, which shows where it has
   spread;
4. the project's lead nominates it for all of Wales and assesses it against the six enablers;
5. the national team approves it, names a cluster of Powys for the roll-out, and the spread
   table shows the original pilot site, the adapting cluster and the one in the roll-out.

Each stage starts from a state the services make, so a failure names the stage it is in.
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
CLUSTER_LEAD = "cluster.lead@arloesi.example"
NATIONAL_TEAM = "national@arloesi.example"
MEASURE = "Inhaler checks done right"  # the measures factory's
ENABLERS = ["Facilitating", "Leading", "Learning", "Engaging", "Funding", "Evaluating"]
WELSH = {
    "title_en": "Medicines checks after falls in care homes",
    "title_cy": "Gwirio meddyginiaethau ar ôl cwympiadau mewn cartrefi gofal",
    "summary_en": "Pharmacists checked residents’ medicines after every fall.",
    "summary_cy": "Roedd fferyllwyr yn gwirio meddyginiaethau preswylwyr ar ôl pob cwymp.",
}
# Other forms of the Welsh summary's words: "fferyllydd" (one pharmacist, not "fferyllwyr") and
# the soft-mutated "feddyginiaeth" (as in "ei feddyginiaeth", not "meddyginiaethau").
WELSH_SEARCH = "fferyllydd feddyginiaeth"
CHANGES = "Checks offered in Welsh and English, at the flu clinics too."


def t(language, text, **values):
    """The service's words in the journey's language."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


def unit(code):
    from arloesi.organisations.models import OrganisationUnit

    return OrganisationUnit.objects.get(code=code)


def name_in(language, organisation_unit):
    with translation.override(language):
        return organisation_unit.name


def check_page(page, language):
    """The page is in the journey's language, links to itself in the other one, and passes axe."""
    other = OTHER[language]
    expect(page.locator("html")).to_have_attribute("lang", language)
    switch = page.locator(".app-language-switch")
    expect(switch).to_have_attribute("hreflang", other)
    expect(switch).to_have_attribute("href", re.compile(rf"^/{other}/"))
    assert_accessible(page)


def field(page, language, label):
    """The form field labelled ``label``, perhaps marked optional."""
    optional = f"{label} {t(language, '(optional)')}"
    return page.get_by_label(label, exact=True).or_(page.get_by_label(optional, exact=True))


def in_own_browser(new_page, live_server, email, language, path):
    page = signed_in_page(new_page, live_server, email)
    page.goto(f"/{language}/{path}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    return page


# --- The state each stage starts from, made by the services -----------------------------------


@pytest.fixture
def closed(demo):
    """Stage 1's start: the Rhondda general medical collaborative's project, with a weekly
    measure that shifted upwards, closed as a candidate for scale-up."""
    from arloesi.measures.tests.factories import measured_project, with_data
    from arloesi.projects import services as project_services
    from arloesi.projects.tests.factories import started_project

    measured = with_data(measured_project(started_project(unit(COLLABORATIVE))))
    measured.started.project = project_services.project_stage_move(
        actor=measured.lead,
        project=measured.project,
        from_stage="pilot",
        to_stage="closed",
        outcome="scale_up",
        outcome_reasons="Two in three checks now right",
    )
    return measured


@pytest.fixture
def published(closed):
    """Stage 2's start: its learning record, in English with the title and summary in Welsh
    too, published by the Rhondda cluster lead."""
    from arloesi.learning import services
    from arloesi.learning.tests.factories import complete_values
    from arloesi.organisations.models import Person

    lead = closed.lead
    record = services.record_create(actor=lead, project=closed.project)
    record = services.record_update(
        actor=lead,
        record=record,
        expected_version=record.version,
        measure_ids=[closed.measure.pk],
        tags={"priority": ["medicines"], "population": ["care_homes"]},
        **complete_values(**WELSH),
    )
    record = services.record_submit(actor=lead, record=record)
    cluster_lead = Person.objects.get(email=CLUSTER_LEAD)
    return services.record_approve(actor=cluster_lead, record=record)


@pytest.fixture
def adopter(published):
    """The demo's pharmacist in Taff Ely, who may write proposals for its pharmacy
    collaborative."""
    from arloesi.learning.sampledata.demo_records import ADOPTER
    from arloesi.organisations.models import Person
    from arloesi.organisations.sampledata.demo import demo_people_load

    demo_people_load([ADOPTER], {ADOPTER[3]: unit(ADOPTER[3])})
    return Person.objects.get(email=ADOPTER[0])


@pytest.fixture
def adapted(published, adopter):
    """Stage 4's start: the record adapted in Taff Ely."""
    from arloesi.learning import services

    collaborative = unit("CTM-TAFF-ELY-PHARM")
    services.adoption_start(
        actor=adopter,
        record=published,
        kind="adapt",
        collaborative=collaborative,
        title="Medicines checks after falls in Taff Ely",
        changes=CHANGES,
    )
    return published


@pytest.fixture
def assessed(closed, adapted):
    """Stage 5's start: the project nominated for all of Wales and assessed."""
    from arloesi.learning import services

    lead = closed.lead
    scale_up = services.scale_up_nominate(
        actor=lead, project=adapted.project, footprint="wales", case="It worked in Rhondda"
    )
    return services.scale_up_assess(
        actor=lead,
        scale_up=scale_up,
        expected_version=scale_up.version,
        enablers={e.lower(): ("partly", f"{e} evidence") for e in ENABLERS},
        complete=True,
    )


def test_the_words_the_journey_looks_for_are_really_in_welsh():
    for text in [
        "Learning records",
        "Approve and publish",
        "Find learning",
        "Adopt or adapt this innovation",
        "Adapted from the learning record “%(title)s”",
        "Original pilot site",
    ]:
        assert t("cy", text) != text, text


# --- Stage 1: written, sent for approval, published -------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_1_the_team_writes_a_bilingual_record_and_the_cluster_lead_publishes_it(
    new_page, live_server, closed, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731

    # Given the closed project's lead, on the project's page
    lead = in_own_browser(
        new_page, live_server, closed.lead.email, language, f"projects/{closed.project.pk}/"
    )

    # When they follow its learning records link and start a record of the whole project
    main(lead).get_by_role("link", name=_("Learning records"), exact=True).click()
    expect(heading(lead)).to_have_text(_("Learning records"))
    check_page(lead, language)
    lead.get_by_role("radio", name=_("The whole project, now it has closed")).check()
    lead.get_by_role("radio", name=_("English"), exact=True).check()
    main(lead).get_by_role("button", name=_("Start the record")).click()

    # And write it: title and summary in both languages, what was learnt, tags and the chart
    expect(success_banner(lead)).to_contain_text(_("Your draft learning record was started."))
    check_page(lead, language)
    field(lead, language, _("Title in English")).fill(WELSH["title_en"])
    field(lead, language, _("Title in Welsh")).fill(WELSH["title_cy"])
    field(lead, language, _("Summary in English")).fill(WELSH["summary_en"])
    field(lead, language, _("Summary in Welsh")).fill(WELSH["summary_cy"])
    field(lead, language, _("What was tried")).fill("A review after every fall.")
    field(lead, language, _("What worked")).fill("Reviews within a week.")
    field(lead, language, _("What did not work")).fill("Weekend falls were missed.")
    field(lead, language, _("Why")).fill("Homes rang on weekdays only.")
    field(lead, language, _("Results")).fill("Falls went down.")
    lead.get_by_role("group", name=_("Charts to show with the results")).get_by_label(
        MEASURE
    ).check()
    field(lead, language, _("Recommendations for others")).fill("Agree a weekend route.")
    lead.get_by_role("group", name=_("Priority areas")).get_by_label(
        _("Medicines and prescribing")
    ).check()
    lead.get_by_role("group", name=_("Population groups")).get_by_label(
        _("Care home residents")
    ).check()
    main(lead).get_by_role("button", name=_("Save"), exact=True).click()

    # Then the record shows what they wrote, with the measure's chart
    expect(success_banner(lead)).to_contain_text(_("The learning record was saved."))
    title_in_language = WELSH[f"title_{language}"]
    expect(heading(lead)).to_have_text(title_in_language)
    expect(main(lead)).to_contain_text(_("Medicines and prescribing"))
    expect(main(lead).locator("figure.app-spc-chart svg")).to_have_count(1)
    check_page(lead, language)

    # When they send it for approval
    main(lead).get_by_role("button", name=_("Send for approval")).click()
    expect(success_banner(lead)).to_contain_text(
        _("The learning record was sent to the cluster lead for approval.")
    )
    check_page(lead, language)

    # Then the cluster lead approves and publishes it
    record_path = re.sub(rf"^.*?/{language}/", "", lead.url)
    approver = in_own_browser(new_page, live_server, CLUSTER_LEAD, language, record_path)
    check_page(approver, language)
    main(approver).get_by_role("button", name=_("Approve and publish")).click()
    expect(success_banner(approver)).to_contain_text(
        _("The learning record was published to all of Wales.")
    )

    # And it is published, readable by everyone without signing in
    expect(main(approver)).to_contain_text(_("Published"))
    expect(main(approver)).to_contain_text(
        _(
            "Everyone can read this record without signing in: its title and summary are in "
            "Welsh and in English."
        )
    )
    check_page(approver, language)


# --- Stage 2: found in Welsh by someone not signed in -----------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_2_someone_not_signed_in_finds_it_in_welsh_and_reads_it(
    page, live_server, published, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731

    # Given someone not signed in, on the finding-learning page
    page.goto(f"/{language}/learning/find/")
    expect(heading(page)).to_have_text(_("Find learning"))
    check_page(page, language)

    # When they search for other forms of the words of its Welsh summary
    field(page, language, _("Search for")).fill(WELSH_SEARCH)
    main(page).get_by_role("button", name=_("Search"), exact=True).click()

    # Then the record is found, in the page's language
    found = main(page).get_by_role("link", name=WELSH[f"title_{language}"], exact=True)
    expect(found).to_have_count(1)
    check_page(page, language)

    # And they open it and read its title and summary in Welsh
    found.click()
    if language == "en":
        expect(heading(page)).to_have_text(WELSH["title_en"])
        check_page(page, language)
        page.locator(".app-language-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(heading(page)).to_have_text(WELSH["title_cy"])
    expect(main(page)).to_contain_text(WELSH["summary_cy"])
    check_page(page, "cy")


# --- Stage 3: adapted in Taff Ely ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_3_a_pharmacist_in_another_cluster_adapts_it(
    new_page, live_server, published, adopter, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    from arloesi.diagrams import selectors as diagrams
    from arloesi.learning.models import Adoption
    from arloesi.measures.models import Measure

    taff_ely = unit("CTM-TAFF-ELY")
    title = WELSH[f"title_{language}"]

    # Given a pharmacist in Taff Ely, on the published record
    pharmacist = in_own_browser(
        new_page, live_server, adopter.email, language, f"learning/records/{published.pk}/"
    )
    expect(main(pharmacist)).to_contain_text(_("No other cluster has adopted or adapted it yet."))
    check_page(pharmacist, language)

    # When they adapt it for their collaborative, saying what they change
    main(pharmacist).get_by_role("button", name=_("Adopt or adapt this innovation")).click()
    check_page(pharmacist, language)
    pharmacist.get_by_role("radio", name=_("Adapted"), exact=True).check()
    field(pharmacist, language, _("What will you change?")).fill(CHANGES)
    main(pharmacist).get_by_role("button", name=_("Start the draft proposal")).click()

    # Then a draft proposal is started in their cluster, with the original's driver diagram and
    # measures, linking back to the record
    expect(success_banner(pharmacist)).to_contain_text(
        _(
            "Your draft proposal was started with the driver diagram, measures and change ideas "
            "of the original."
        )
    )
    expect(heading(pharmacist)).to_have_text(title)
    expect(main(pharmacist)).to_contain_text(name_in(language, unit("CTM-TAFF-ELY-PHARM")))
    adoption = Adoption.objects.get(record=published)
    assert adoption.cluster == taff_ely
    diagram = diagrams.diagram_of(kind="proposal", owner_id=adoption.proposal_id)
    assert Measure.objects.filter(node__diagram=diagram, name=MEASURE).exists()
    expect(
        main(pharmacist).get_by_role(
            "link", name=_("Open the driver diagram: %(title)s", title=diagram.title)
        )
    ).to_have_count(1)
    back = main(pharmacist).get_by_role(
        "link", name=_("Adapted from the learning record “%(title)s”", title=title)
    )
    check_page(pharmacist, language)

    # And the record shows where it has spread: adapted in Taff Ely, and what they change
    back.click()
    spread = main(pharmacist).get_by_role(
        "table", name=_("Clusters that adopted or adapted this innovation")
    )
    row = spread.get_by_role("row").filter(has_text=name_in(language, taff_ely))
    expect(row).to_contain_text(_("Adapted"))
    expect(row).to_contain_text(CHANGES)
    check_page(pharmacist, language)


# --- Stage 4: nominated for all of Wales and assessed -----------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_4_the_projects_lead_nominates_it_for_wales_and_assesses_it(
    new_page, live_server, closed, adapted, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731

    # Given the project's lead, on the project's page
    lead = in_own_browser(
        new_page, live_server, closed.lead.email, language, f"projects/{closed.project.pk}/"
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


# --- Stage 5: approved, rolled out, the spread table ------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_5_the_national_team_approves_it_and_the_spread_table_shows_the_clusters(
    new_page, live_server, assessed, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    from arloesi.organisations.models import OrganisationUnit

    powys = unit("PTHB")
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

    # Then the spread table shows the original pilot site, the cluster that adapted it and
    # the one in the roll-out
    main(national).get_by_role(
        "link", name=_("The spread table: every cluster of the footprint")
    ).click()
    expect(heading(national)).to_have_text(_("Spread across the clusters"))
    rows = main(national).get_by_role("row")
    pilot = rows.filter(has_text=_("Original pilot site"))
    expect(pilot).to_have_count(1)
    expect(pilot).to_contain_text(name_in(language, unit("CTM-RHONDDA")))
    adapting = rows.filter(has_text=name_in(language, unit("CTM-TAFF-ELY")))
    expect(adapting).to_contain_text(_("Adapted"))
    expect(rows.filter(has_text=name_in(language, elsewhere))).to_contain_text(_("Planned"))
    expect(main(national).locator("svg.app-spread-grid")).to_have_count(1)
    check_page(national, language)

"""Journey: a cross-boundary proposal from draft to decision, in four stages, each in English
and in Welsh, each person in their own browser, every page checked with axe:

1. a practitioner drafts the proposal, fails screening for a missing evaluation plan, fixes it;
   both sponsoring collaboratives' leads confirm; the practitioner submits;
2. the chair assigns two reviewers; one declares a conflict of interest, the other scores;
3. the chair reads the ranked queue and the scores and approves with conditions;
4. the authors read the decision, and none of the reviewers' words.

Each stage starts from the state the one before ends in, made by the services (the fixtures
``submitted``, ``reviewed`` and ``decided``), so a failure names the stage it is in.

The words looked for on the pages come from the service's own translations (``t``), so the Welsh
run checks the Welsh pages with the same steps; a few are also checked to really be in Welsh.
"""

import re
from decimal import Decimal

import pytest
from django.utils import translation
from playwright.sync_api import expect

from arloesi.organisations.roles import Profession
from tests.system.conftest import assert_accessible, heading, main, signed_in_page, success_banner

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "cy"]

PRACTITIONER = "practitioner@arloesi.example"
PHARMACY_LEAD = "pharmacy.lead@arloesi.example"
GMS_LEAD = "collaborative.lead@arloesi.example"
CHAIR = "pcpg.chair@arloesi.example"
REVIEWER_WITH_CONFLICT = "pcpg.member@arloesi.example"
REVIEWER = "pcpg.member2@arloesi.example"
PHARMACY = "CTM-RHONDDA-PHARM"
GMS = "CTM-RHONDDA-GMS"
PLANNING_GROUP = "CTM-RCT"
PRIORITY = "Frailty and falls prevention"

# What the practitioner writes (stage 1 types it; the later stages' fixtures save the same).
TITLE = "Falls clinics run by pharmacists and practice nurses together"
PROBLEM = {
    "The problem": "Older people who fall are seen by the practice nurse and the pharmacist "
    "separately.",
    "Evidence for the problem": "Falls admissions of people over 75 in the cluster rose by a "
    "fifth in two years.",
}
POPULATION = "People over 75 who have fallen in the last year."
PITCH = {
    "Hook": "One fall in three could be prevented with a medicines check.",
    "Problem": "Falls clinics and medication reviews happen apart, months after a fall.",
    "Solution": "A joint clinic where a pharmacist and a practice nurse see each person together.",
    "Ask": "Fund two sessions a week for a year in four practices.",
}
VALUE = {
    "For whom": "Older people at risk of falling, and their carers",
    "The need": "One plan for their medicines and their strength and balance",
    "The offer": "A joint pharmacist and nurse clinic",
    "The benefit": "Fewer falls and fewer admissions after a fall",
    "Unlike what exists today": "Two appointments months apart that never meet",
}
EVALUATION = {
    "Objectives": "Find out whether joint clinics reduce falls and admissions after a fall.",
    "Baseline": "Falls and falls admissions in the four practices over the last year.",
    "Measures that will show success": "Falls per 1,000 people aged over 75, monthly.",
    "Timescale": "Over 12 months, reporting at 6 and 12",
    "Who will evaluate": "The cluster's evaluation lead",
}
STAFF_HOURS = 96

SCORES = [4, 5, 3, 4, 5, 4, 2]
CONFLICT = "My sister is the practice nurse who would run the clinics."
PRIVATE_NOTE = "Ask the chair whether the nurse sessions are already funded elsewhere."
RATIONALE = "A clear plan with a strong evaluation; it joins up two professions."
CONDITIONS = "Report the falls counted against the baseline every quarter."
FEEDBACK = "Share the clinic template with the Taff Ely cluster."


def t(language, text, **values):
    """The service's words in the journey's language."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


def tn(language, singular, plural, number):
    with translation.override(language):
        return translation.ngettext(singular, plural, number) % {"num": number}


def unit(code):
    from arloesi.organisations.models import OrganisationUnit

    return OrganisationUnit.objects.get(code=code)


def unit_name(language, code):
    with translation.override(language):
        return unit(code).name


def person(email):
    from arloesi.organisations.models import Person

    return Person.objects.get(email=email)


def priority_title(language, title_en):
    from arloesi.proposals.models import LocalPriority

    with translation.override(language):
        return LocalPriority.objects.get(title_en=title_en).title


def criteria(language):
    """The review criteria of the planning group's open intake, as (name, weight)."""
    from arloesi.proposals.models import Criterion

    with translation.override(language):
        return [
            (c.name, float(c.weight))
            for c in Criterion.objects.filter(intake__planning_group__code=PLANNING_GROUP)
        ]


def weighted_score() -> str:
    weighted = criteria("en")
    return "%.2f" % (
        sum(w * v for (_n, w), v in zip(weighted, SCORES, strict=True))
        / sum(w for _n, w in weighted)
    )


def person_in_own_browser(new_page, live_server, email, language, path=""):
    """A person signed in in a browser of their own, on a page in the journey's language."""
    page = signed_in_page(new_page, live_server, email)
    page.goto(f"/{language}/{path}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    return page


def open_task(page, language, section):
    main(page).get_by_role("link", name=t(language, section), exact=True).click()
    expect(heading(page)).to_have_text(t(language, section))


def save_section(page, language):
    page.get_by_role("button", name=t(language, "Save and continue")).click()
    expect(heading(page)).to_have_text(t(language, "Write your proposal"))


# --- The state each stage starts from, made by the services -----------------------------------


@pytest.fixture
def proposals_demo(demo):
    """What the proposals demo adds that the journey needs: the planning group's local
    priorities and open intake, a second planning-group member and the pharmacy collaborative's
    lead, made by the demo module (its six demo proposals are left out, to keep the journey
    quick)."""
    from arloesi.proposals.sampledata import demo as demo_data

    demo_data.load_setting()


@pytest.fixture
def submitted(proposals_demo):
    """Stage 1's end: the proposal written, sponsored by both collaboratives (each lead has
    confirmed) and submitted, so it is under review."""
    from arloesi.proposals import services
    from arloesi.proposals.models import LocalPriority

    author = person(PRACTITIONER)
    proposal = services.proposal_create(
        actor=author,
        collaborative=unit(PHARMACY),
        title=TITLE,
        problem=PROBLEM["The problem"],
        evidence=PROBLEM["Evidence for the problem"],
        population=POPULATION,
        innovation_type="service",
        novelty="new",
        pitch_hook=PITCH["Hook"],
        pitch_problem=PITCH["Problem"],
        pitch_solution=PITCH["Solution"],
        pitch_ask=PITCH["Ask"],
        value_for_whom=VALUE["For whom"],
        value_need=VALUE["The need"],
        value_offer=VALUE["The offer"],
        value_benefit=VALUE["The benefit"],
        value_unlike=VALUE["Unlike what exists today"],
        funding_amount=Decimal("12000"),
        funding_source="cluster_budget",
        duration_months=12,
    )
    services.proposal_priorities_set(
        actor=author,
        proposal=proposal,
        priorities=[LocalPriority.objects.get(title_en=PRIORITY)],
    )
    services.need_add(
        actor=author, proposal=proposal, profession=Profession.COMMUNITY_PHARMACY, hours=STAFF_HOURS
    )
    services.evaluation_plan_update(
        actor=author,
        proposal=proposal,
        expected_version=1,
        objectives=EVALUATION["Objectives"],
        baseline=EVALUATION["Baseline"],
        success_measures=EVALUATION["Measures that will show success"],
        approach="both",
        timescale=EVALUATION["Timescale"],
        evaluator=EVALUATION["Who will evaluate"],
    )
    services.sponsor_add(actor=author, proposal=proposal, collaborative=unit(GMS))
    leads = {PHARMACY: PHARMACY_LEAD, GMS: GMS_LEAD}
    for sponsor in proposal.sponsors.select_related("collaborative"):
        services.sponsor_confirm(actor=person(leads[sponsor.collaborative.code]), sponsor=sponsor)
    return services.proposal_submit(actor=author, proposal=proposal)


@pytest.fixture
def reviewed(submitted):
    """Stage 2's end: two reviewers assigned; one declared a conflict, the other scored every
    criterion with a comment and kept a private note."""
    from arloesi.proposals import services
    from arloesi.proposals.models import Criterion

    chair = person(CHAIR)
    conflicted, reviewer = person(REVIEWER_WITH_CONFLICT), person(REVIEWER)
    for member in (conflicted, reviewer):
        services.reviewer_assign(actor=chair, proposal=submitted, reviewer=member)
    assignment = submitted.assignments.get(reviewer=conflicted)
    services.conflict_declare(
        actor=conflicted, assignment=assignment, has_conflict=True, details=CONFLICT
    )
    assignment = submitted.assignments.get(reviewer=reviewer)
    services.conflict_declare(actor=reviewer, assignment=assignment, has_conflict=False)
    scored = Criterion.objects.filter(intake__planning_group__code=PLANNING_GROUP)
    for criterion, value in zip(scored, SCORES, strict=True):
        services.score_record(
            actor=reviewer,
            assignment=assignment,
            criterion=criterion,
            value=value,
            comment=f"Scored {value}: reviewer's comment on {criterion.name_en}.",
        )
    services.review_note_add(actor=reviewer, assignment=assignment, text=PRIVATE_NOTE)
    return submitted


@pytest.fixture
def decided(reviewed):
    """Stage 3's end: the chair approved it with conditions."""
    from arloesi.proposals import services

    services.decision_record(
        actor=person(CHAIR),
        proposal=reviewed,
        outcome="approved_with_conditions",
        rationale=RATIONALE,
        conditions=CONDITIONS,
        feedback=FEEDBACK,
        meeting_reference="PCPG meeting",
    )
    return reviewed


def test_the_words_the_journey_looks_for_are_really_in_welsh():
    for text in ["Write your proposal", "The proposal cannot be submitted yet", "Ranked queue"]:
        assert t("cy", text) != text, text


# --- Stage 1: the practitioner drafts, fails screening, fixes it; the leads confirm; submitted --


@pytest.mark.parametrize("language", LANGUAGES)
def test_1_a_practitioner_drafts_fixes_what_screening_finds_and_submits(
    new_page, live_server, proposals_demo, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    pharmacy = unit_name(language, PHARMACY)
    priority = priority_title(language, PRIORITY)
    gms = unit_name(language, GMS)

    # Given a practitioner in the Rhondda pharmacy collaborative, signed in
    author = person_in_own_browser(new_page, live_server, PRACTITIONER, language, "proposals/")

    # When they start a proposal from the proposals page
    expect(heading(author)).to_have_text(_("Proposals"))
    assert_accessible(author)
    main(author).get_by_role("button", name=_("Start a proposal")).click()
    expect(heading(author)).to_have_text(_("Start a proposal"))
    expect(author.get_by_role("radio", name=pharmacy)).to_be_checked()
    assert_accessible(author)
    author.get_by_label(_("Title"), exact=True).fill(TITLE)
    author.get_by_role("button", name=_("Start proposal")).click()

    # Then they are on the task list of their new draft
    expect(heading(author)).to_have_text(_("Write your proposal"))
    expect(success_banner(author)).to_contain_text(_("Your draft proposal has been started."))
    proposal_url = re.sub(r"edit/$", "", author.url)
    assert_accessible(author)

    # When they write each section through the task list
    open_task(author, language, "The problem and the evidence")
    expect(author.get_by_label(_("Title"), exact=True)).to_have_value(TITLE)
    for label, text in PROBLEM.items():
        author.get_by_label(_(label), exact=True).fill(text)
    assert_accessible(author)
    save_section(author, language)
    expect(success_banner(author)).to_contain_text(
        _("“%(section)s” has been saved.", section=_("The problem and the evidence"))
    )

    open_task(author, language, "Who it is for")
    author.get_by_label(_("Who it is for"), exact=True).fill(POPULATION)
    assert_accessible(author)
    save_section(author, language)

    # (with the keyboard: Tab from one question's answer to the next question, Space to choose)
    open_task(author, language, "Kind of innovation")
    author.get_by_role("radio", name=_("Service"), exact=True).check()
    author.keyboard.press("Tab")
    new = author.get_by_role("radio", name=_("New"), exact=True)
    expect(new).to_be_focused()
    author.keyboard.press("Space")
    expect(new).to_be_checked()
    assert_accessible(author)
    author.keyboard.press("Tab")
    expect(author.get_by_role("button", name=_("Save and continue"))).to_be_focused()
    author.keyboard.press("Enter")
    expect(heading(author)).to_have_text(_("Write your proposal"))

    # (the pitch shows its word count and read-aloud time as it is typed)
    open_task(author, language, "Elevator pitch")
    count = author.locator("#pitch-count")
    expect(count).to_contain_text(tn(language, "%(num)d word", "%(num)d words", 0))
    words = 0
    for label, text in PITCH.items():
        author.get_by_label(_(label), exact=True).fill(text)
        words += len(text.split())
    expect(count).to_contain_text(tn(language, "%(num)d word", "%(num)d words", words))
    expect(count).to_contain_text(
        tn(
            language,
            "about %(num)d second to read aloud",
            "about %(num)d seconds to read aloud",
            -(-words * 60 // 130),
        )
    )
    assert_accessible(author)
    save_section(author, language)
    expect(main(author)).to_contain_text(tn(language, "%(num)d word", "%(num)d words", words))

    open_task(author, language, "Value proposition")
    for label, text in VALUE.items():
        author.get_by_label(_(label), exact=True).fill(text)
    assert_accessible(author)
    save_section(author, language)

    open_task(author, language, "Local priorities")
    # (several may be chosen, and one is needed, so it is not marked optional)
    expect(
        author.get_by_role("group", name=_("Which local priorities does it serve?"), exact=True)
    ).to_be_visible()
    author.get_by_role("checkbox", name=re.compile(re.escape(priority))).check()
    assert_accessible(author)
    author.get_by_role("button", name=_("Save and continue")).click()
    expect(success_banner(author)).to_contain_text(_("The local priorities have been saved."))

    # (a second sponsor, from the general medical collaborative, makes it cross-boundary)
    open_task(author, language, "Sponsoring collaboratives")
    assert_accessible(author)
    author.get_by_label(_("Professional collaborative"), exact=True).select_option(label=gms)
    author.get_by_role("button", name=_("Add sponsor")).click()
    expect(success_banner(author)).to_contain_text(
        _(
            "%(collaborative)s has been added. Its lead will be asked to confirm.",
            collaborative=gms,
        )
    )
    sponsors = author.get_by_role("table", name=_("Sponsoring collaboratives"))
    expect(sponsors).to_contain_text(gms)
    expect(sponsors).to_contain_text(_("Waiting for its lead"))
    expect(main(author)).to_contain_text(_("Cross-boundary"))
    assert_accessible(author)
    main(author).get_by_role("link", name=_("Continue"), exact=True).click()

    open_task(author, language, "Money and time needed")
    author.get_by_label(_("Money needed, in pounds"), exact=True).fill("12000")
    author.get_by_role("radio", name=_("Cluster budget")).check()
    author.get_by_label(_("How many months will the work take?"), exact=True).fill("12")
    assert_accessible(author)
    save_section(author, language)

    open_task(author, language, "Staff time needed")
    author.get_by_label(_("Profession"), exact=True).select_option(label=_("Community pharmacy"))
    author.get_by_label(_("Hours"), exact=True).fill(str(STAFF_HOURS))
    author.get_by_role("button", name=_("Add staff time")).click()
    expect(success_banner(author)).to_contain_text(_("The staff time has been added."))
    expect(author.get_by_role("table", name=_("Staff time needed"))).to_contain_text(
        str(STAFF_HOURS)
    )
    assert_accessible(author)
    main(author).get_by_role("link", name=_("Continue"), exact=True).click()

    # When they try to submit it without an evaluation plan
    main(author).get_by_role("button", name=_("Check and submit")).click()
    expect(heading(author)).to_have_text(_("Submit your proposal"))
    assert_accessible(author)
    author.get_by_role("button", name=_("Submit proposal")).click()

    # Then it is not submitted: the error summary says the evaluation plan is missing, and
    # which sponsors have still to confirm
    summary = author.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(_("The proposal cannot be submitted yet"))
    missing_plan = summary.get_by_role(
        "link",
        name=_(
            "Add an evaluation plan: a proposal cannot be submitted without one, because "
            "evaluation is part of every innovation"
        ),
    )
    expect(missing_plan).to_be_visible()
    for collaborative in (pharmacy, gms):
        expect(summary).to_contain_text(
            _(
                "The lead of %(collaborative)s has not yet confirmed that their collaborative "
                "sponsors this proposal",
                collaborative=collaborative,
            )
        )
    expect(author).to_have_title(re.compile(rf"^{re.escape(_('Error'))}: "))
    assert_accessible(author)

    # And the error's link opens the evaluation plan
    missing_plan.click()
    expect(heading(author)).to_have_text(_("Evaluation plan"))
    expect(author).to_have_url(re.compile(r"/edit/evaluation/$"))

    # When they write the evaluation plan
    for label, text in EVALUATION.items():
        author.get_by_label(_(label), exact=True).fill(text)
    author.get_by_role("radio", name=_("Formative and summative")).check()
    assert_accessible(author)
    save_section(author, language)

    # Then only the sponsors' confirmations are missing from the task list
    tasks = main(author).get_by_role("list").filter(has_text=_("Evaluation plan")).first
    evaluation_task = tasks.get_by_role("listitem").filter(has_text=_("Evaluation plan"))
    expect(evaluation_task).to_contain_text(_("Completed"))
    sponsors_task = tasks.get_by_role("listitem").filter(has_text=_("Sponsoring collaboratives"))
    expect(sponsors_task).to_contain_text(_("Incomplete"))

    for email, collaborative in [(PHARMACY_LEAD, pharmacy), (GMS_LEAD, gms)]:
        # Given each sponsoring collaborative's lead, signed in, asked on their home page
        lead = person_in_own_browser(new_page, live_server, email, language)
        main(lead).get_by_role(
            "link",
            name=re.compile(
                re.escape(_("Confirm that your collaborative sponsors “%(title)s”", title=TITLE))
            ),
        ).click()
        expect(heading(lead)).to_have_text(_("Confirm sponsorship"))
        expect(main(lead)).to_contain_text(collaborative)
        assert_accessible(lead)

        # When they confirm
        lead.get_by_role("button", name=_("Confirm sponsorship")).click()

        # Then they see the proposal, with their confirmation recorded
        expect(heading(lead)).to_have_text(TITLE)
        expect(success_banner(lead)).to_contain_text(
            _(
                "You have confirmed that %(collaborative)s sponsors this proposal.",
                collaborative=collaborative,
            )
        )
        assert_accessible(lead)

    # When the practitioner submits again
    author.goto(f"{proposal_url}submit/")
    expect(main(author)).not_to_contain_text(_("These parts still need to be completed"))
    assert_accessible(author)
    author.get_by_role("button", name=_("Submit proposal")).click()

    # Then it is submitted and with the planning group
    expect(heading(author)).to_have_text(TITLE)
    expect(success_banner(author)).to_contain_text(
        _(
            "Your proposal has been submitted. It passed the completeness checks and is now "
            "with the planning group for review."
        )
    )
    expect(main(author)).to_contain_text(_("Under review"))
    expect(main(author)).to_contain_text(_("Automatic completeness checks"))
    assert_accessible(author)


# --- Stage 2: the chair assigns two reviewers; one has a conflict, the other scores -----------


@pytest.mark.parametrize("language", LANGUAGES)
def test_2_two_reviewers_are_assigned_one_declares_a_conflict_the_other_scores(
    new_page, live_server, submitted, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731

    # Given the planning group's chair, on the ranked queue
    chair = person_in_own_browser(new_page, live_server, CHAIR, language, "review/")
    expect(heading(chair)).to_have_text(_("Reviews"))
    assert_accessible(chair)
    main(chair).get_by_role(
        "link", name=re.compile(re.escape(_("Ranked queue of proposals under review")))
    ).click()
    expect(heading(chair)).to_have_text(_("Ranked queue"))
    assert_accessible(chair)

    # When they open the new proposal's review summary and assign two planning-group members
    main(chair).get_by_role("link", name=TITLE).click()
    expect(heading(chair)).to_have_text(_("Review summary"))
    assert_accessible(chair)
    main(chair).get_by_role("link", name=_("Assign reviewers")).click()
    expect(heading(chair)).to_have_text(_("Reviewers"))
    assert_accessible(chair)
    for name in ["Siân Morgan", "Huw Parry"]:
        chair.get_by_role("radio", name=name).check()
        chair.get_by_role("button", name=_("Assign reviewer")).click()
        expect(success_banner(chair)).to_contain_text(
            _("%(name)s is now a reviewer of this proposal.", name=name)
        )
    assert_accessible(chair)

    # Given the first reviewer, on their review of the proposal
    conflicted = person_in_own_browser(
        new_page, live_server, REVIEWER_WITH_CONFLICT, language, "review/assignments/"
    )
    expect(heading(conflicted)).to_have_text(_("Proposals you are asked to review"))
    assert_accessible(conflicted)
    main(conflicted).get_by_role("link", name=TITLE).click()
    expect(heading(conflicted)).to_have_text(_("Your review"))
    assert_accessible(conflicted)

    # When they declare a conflict of interest
    conflicted.get_by_role("radio", name=_("Yes, I have a conflict of interest")).check()
    conflicted.get_by_label(_("Describe the conflict of interest")).fill(CONFLICT)
    conflicted.get_by_role("button", name=_("Save declaration")).click()

    # Then they are not asked to score it
    expect(success_banner(conflicted)).to_contain_text(
        _("Your conflict of interest was recorded. You will not score this proposal.")
    )
    expect(main(conflicted)).to_contain_text(
        _(
            "You declared a conflict of interest, so you do not score this proposal. Any scores "
            "you gave before do not count."
        )
    )
    expect(conflicted.get_by_role("heading", name=_("Score every criterion"))).to_have_count(0)
    expect(conflicted.get_by_role("radio")).to_have_count(0)
    assert_accessible(conflicted)

    # Given the second reviewer, who declares no conflict
    reviewer = person_in_own_browser(
        new_page, live_server, REVIEWER, language, "review/assignments/"
    )
    main(reviewer).get_by_role("link", name=TITLE).click()
    reviewer.get_by_role("radio", name=_("No, I do not have a conflict of interest")).check()
    reviewer.get_by_role("button", name=_("Save declaration")).click()
    expect(success_banner(reviewer)).to_contain_text(
        _("Your declaration was recorded. You can now score the proposal.")
    )
    expect(reviewer.get_by_role("heading", name=_("Score every criterion"))).to_be_visible()
    assert_accessible(reviewer)

    # When they score every criterion, with a comment on each, and keep a private note
    weighted = criteria(language)
    assert len(weighted) == len(SCORES)
    for (name, _weight), value in zip(weighted, SCORES, strict=True):
        reviewer.get_by_role(
            "group", name=_("Score for “%(criterion)s”", criterion=name)
        ).get_by_role("radio", name=str(value), exact=True).check()
        reviewer.get_by_label(_("Comment on “%(criterion)s”", criterion=name)).fill(
            f"Scored {value}: reviewer's comment on {name}."
        )
    reviewer.get_by_role("button", name=_("Save scores")).click()
    expect(success_banner(reviewer)).to_contain_text(_("Your scores were saved."))
    reviewer.get_by_label(_("Add a private note"), exact=True).fill(PRIVATE_NOTE)
    reviewer.get_by_role("button", name=_("Save note")).click()

    # Then the scores and the note are kept, the note for the reviewer alone
    expect(success_banner(reviewer)).to_contain_text(_("Your private note was saved."))
    expect(main(reviewer)).to_contain_text(PRIVATE_NOTE)
    assert_accessible(reviewer)


# --- Stage 3: the chair reads the scores and approves with conditions ------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_3_the_chair_reads_the_scores_and_approves_with_conditions(
    new_page, live_server, reviewed, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    score = weighted_score()

    # When the chair looks at the ranked queue
    chair = person_in_own_browser(new_page, live_server, CHAIR, language, "review/")
    main(chair).get_by_role(
        "link", name=re.compile(re.escape(_("Ranked queue of proposals under review")))
    ).click()

    # Then the proposal has the weighted score of the one reviewer without a conflict
    row = main(chair).get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text(score)
    expect(row).to_contain_text(_("%(scored)s of %(assigned)s", scored=1, assigned=1))
    expect(row).to_contain_text(_("Cross-boundary"))
    assert_accessible(chair)

    # And the review summary shows the scores, the comments and the declared conflict
    row.get_by_role("link", name=TITLE).click()
    expect(heading(chair)).to_have_text(_("Review summary"))
    expect(main(chair)).to_contain_text(score)
    expect(main(chair)).to_contain_text(f"Scored {SCORES[0]}: reviewer's comment on")
    expect(main(chair)).to_contain_text(CONFLICT)
    expect(main(chair)).not_to_contain_text(PRIVATE_NOTE)
    assert_accessible(chair)

    # When they record "approved with conditions", with reasons, conditions and feedback
    main(chair).get_by_role("button", name=_("Record the decision")).click()
    expect(heading(chair)).to_have_text(_("Decision"))
    assert_accessible(chair)
    chair.get_by_role("radio", name=_("Approved with conditions")).check()
    chair.get_by_label(_("Reasons for the decision"), exact=True).fill(RATIONALE)
    chair.get_by_role("textbox", name=_("Conditions")).fill(CONDITIONS)
    chair.get_by_label(_("Feedback for the authors")).fill(FEEDBACK)
    chair.get_by_label(_("Meeting at which the decision was taken")).fill("PCPG meeting")
    chair.get_by_role("button", name=_("Record decision")).click()

    # Then it is recorded
    expect(success_banner(chair)).to_contain_text(
        _(
            "The decision “%(decision)s” was recorded. The authors can now see it.",
            decision=_("Approved with conditions"),
        )
    )
    assert_accessible(chair)


# --- Stage 4: the authors read the decision -------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_4_the_authors_read_the_decision_and_none_of_the_reviewers_words(
    new_page, live_server, decided, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731

    # When the practitioner looks at their proposal
    author = person_in_own_browser(
        new_page, live_server, PRACTITIONER, language, f"proposals/{decided.pk}/"
    )

    # Then they see the decision, its reasons and conditions, but none of the reviewers' words
    expect(heading(author)).to_have_text(TITLE)
    decision = (
        main(author)
        .locator(".nhsuk-card")
        .filter(
            has=author.get_by_role(
                "heading", name=_("Decision: %(outcome)s", outcome=_("Approved with conditions"))
            )
        )
    )
    expect(decision).to_contain_text(RATIONALE)
    expect(decision).to_contain_text(CONDITIONS)
    expect(decision).to_contain_text(FEEDBACK)
    for private in [PRIVATE_NOTE, "reviewer's comment", "My sister", weighted_score()]:
        expect(main(author)).not_to_contain_text(private)
    expect(main(author).get_by_role("link", name=_("Review summary"))).to_have_count(0)
    assert_accessible(author)

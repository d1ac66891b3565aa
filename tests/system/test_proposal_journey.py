"""Journey: a practitioner drafts a cross-boundary proposal, fails screening for a missing
evaluation plan, fixes it and submits; two reviewers are assigned (one declares a conflict, the
other scores); the chair approves with conditions; the authors see the decision. Once in English
and once in Welsh, each person in their own browser, every page checked with axe.

The words looked for on the pages come from the service's own translations (``t``), so the Welsh
run checks the Welsh pages with the same steps; a few are also checked to really be in Welsh.
"""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser

PRACTITIONER = "practitioner@arloesi.example"
PHARMACY_LEAD = "pharmacy.lead@arloesi.example"
GMS_LEAD = "collaborative.lead@arloesi.example"
CHAIR = "pcpg.chair@arloesi.example"
REVIEWER_WITH_CONFLICT = "pcpg.member@arloesi.example"
REVIEWER = "pcpg.member2@arloesi.example"

TITLE = "Falls clinics run by pharmacists and practice nurses together"
PITCH = {
    "Hook": "One fall in three could be prevented with a medicines check.",
    "Problem": "Falls clinics and medication reviews happen apart, months after a fall.",
    "Solution": "A joint clinic where a pharmacist and a practice nurse see each person together.",
    "Ask": "Fund two sessions a week for a year in four practices.",
}
SCORES = [4, 5, 3, 4, 5, 4, 2]
PRIVATE_NOTE = "Ask the chair whether the nurse sessions are already funded elsewhere."
RATIONALE = "A clear plan with a strong evaluation; it joins up two professions."
CONDITIONS = "Report the falls counted against the baseline every quarter."
FEEDBACK = "Share the clinic template with the Taff Ely cluster."


@pytest.fixture
def proposals_demo(demo):
    """What the proposals demo adds that the journey needs: the planning group's local
    priorities and open intake, a second planning-group member and the pharmacy collaborative's
    lead, made by the demo module (its six demo proposals are left out, to keep the journey
    quick)."""
    from arloesi.proposals.sampledata import demo as demo_data

    demo_data.load_setting()


def t(language, text, **values):
    """The service's words in the journey's language."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


def tn(language, singular, plural, number):
    with translation.override(language):
        return translation.ngettext(singular, plural, number) % {"num": number}


def unit_name(language, code):
    from arloesi.organisations.models import OrganisationUnit

    with translation.override(language):
        return OrganisationUnit.objects.get(code=code).name


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
            for c in Criterion.objects.filter(intake__planning_group__code="CTM-RCT")
        ]


def person_in_own_browser(new_page, live_server, email, language, path=""):
    """A person signed in in a browser of their own, on a page in the journey's language."""
    page = new_page()
    sign_in(page, live_server, email)
    page.goto(f"/{language}/{path}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    return page


def main(page):
    return page.get_by_role("main")


def heading(page):
    return page.get_by_role("heading", level=1)


def success_banner(page):
    return page.locator(".nhsuk-notification-banner--success")


def open_task(page, language, section):
    main(page).get_by_role("link", name=t(language, section), exact=True).click()
    expect(heading(page)).to_have_text(t(language, section))


def save_section(page, language):
    page.get_by_role("button", name=t(language, "Save and continue")).click()
    expect(heading(page)).to_have_text(t(language, "Write your proposal"))


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_cross_boundary_proposal_from_draft_to_decision(
    new_page, live_server, proposals_demo, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    if language == "cy":
        # The Welsh run must really be in Welsh, not the English fallback.
        for text in ["Write your proposal", "The proposal cannot be submitted yet", "Ranked queue"]:
            assert _(text) != text, text
    pharmacy = unit_name(language, "CTM-RHONDDA-PHARM")
    priority = priority_title(language, "Frailty and falls prevention")
    gms = unit_name(language, "CTM-RHONDDA-GMS")

    # --- The practitioner drafts the proposal ---------------------------------------------------

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
    author.get_by_label(_("The problem"), exact=True).fill(
        "Older people who fall are seen by the practice nurse and the pharmacist separately."
    )
    author.get_by_label(_("Evidence for the problem"), exact=True).fill(
        "Falls admissions of people over 75 in the cluster rose by a fifth in two years."
    )
    assert_accessible(author)
    save_section(author, language)
    expect(success_banner(author)).to_contain_text(
        _("“%(section)s” has been saved.", section=_("The problem and the evidence"))
    )

    open_task(author, language, "Who it is for")
    author.get_by_label(_("Who it is for"), exact=True).fill(
        "People over 75 who have fallen in the last year."
    )
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
    for label, text in {
        "For whom": "Older people at risk of falling, and their carers",
        "The need": "One plan for their medicines and their strength and balance",
        "The offer": "A joint pharmacist and nurse clinic",
        "The benefit": "Fewer falls and fewer admissions after a fall",
        "Unlike what exists today": "Two appointments months apart that never meet",
    }.items():
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
    author.get_by_label(_("Hours"), exact=True).fill("96")
    author.get_by_role("button", name=_("Add staff time")).click()
    expect(success_banner(author)).to_contain_text(_("The staff time has been added."))
    expect(author.get_by_role("table", name=_("Staff time needed"))).to_contain_text("96")
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
    for label, text in {
        "Objectives": "Find out whether joint clinics reduce falls and admissions after a fall.",
        "Baseline": "Falls and falls admissions in the four practices over the last year.",
        "Measures that will show success": "Falls per 1,000 people aged over 75, monthly.",
        "Timescale": "Over 12 months, reporting at 6 and 12",
        "Who will evaluate": "The cluster's evaluation lead",
    }.items():
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

    # --- Each sponsoring collaborative's lead confirms ------------------------------------------

    for email, collaborative in [(PHARMACY_LEAD, pharmacy), (GMS_LEAD, gms)]:
        # Given the lead, signed in, asked on their home page to confirm
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

    # --- The practitioner submits --------------------------------------------------------------

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

    # --- The chair assigns two reviewers ---------------------------------------------------------

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

    # --- Reviewer 1 declares a conflict of interest ------------------------------------------

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
    conflicted.get_by_label(_("Describe the conflict of interest")).fill(
        "My sister is the practice nurse who would run the clinics."
    )
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

    # --- Reviewer 2 scores every criterion ---------------------------------------------------

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
    expect(success_banner(reviewer)).to_contain_text(_("Your private note was saved."))
    expect(main(reviewer)).to_contain_text(PRIVATE_NOTE)
    assert_accessible(reviewer)

    # --- The chair decides ---------------------------------------------------------------------

    # When the chair looks at the ranked queue again
    chair.goto(f"/{language}/review/")
    main(chair).get_by_role(
        "link", name=re.compile(re.escape(_("Ranked queue of proposals under review")))
    ).click()

    # Then the proposal has the weighted score of the one reviewer without a conflict
    expected_score = "%.2f" % (
        sum(w * v for (_n, w), v in zip(weighted, SCORES, strict=True))
        / sum(w for _n, w in weighted)
    )
    row = main(chair).get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text(expected_score)
    expect(row).to_contain_text(_("%(scored)s of %(assigned)s", scored=1, assigned=1))
    expect(row).to_contain_text(_("Cross-boundary"))
    assert_accessible(chair)

    # And the review summary shows the scores, the comments and the declared conflict
    row.get_by_role("link", name=TITLE).click()
    expect(heading(chair)).to_have_text(_("Review summary"))
    expect(main(chair)).to_contain_text(expected_score)
    expect(main(chair)).to_contain_text(f"Scored {SCORES[0]}: reviewer's comment on")
    expect(main(chair)).to_contain_text("My sister is the practice nurse")
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

    # --- The authors see the decision ----------------------------------------------------------

    # When the practitioner looks at their proposal again
    author.goto(proposal_url)

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
    for private in [PRIVATE_NOTE, "reviewer's comment", "My sister", expected_score]:
        expect(main(author)).not_to_contain_text(private)
    expect(main(author).get_by_role("link", name=_("Review summary"))).to_have_count(0)
    assert_accessible(author)

"""The review pages as chairs, reviewers, cluster leads and everyone else meet them."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import MembershipFactory, person_with_role
from arloesi.proposals import services
from arloesi.proposals.models import (
    ConflictDeclaration,
    Criterion,
    Decision,
    Intake,
    LocalPriority,
    ReviewerAssignment,
    ReviewNote,
    Score,
)
from arloesi.proposals.tests.factories import setting, under_review
from arloesi.proposals.workflow import Status

pytestmark = pytest.mark.django_db


def score_all(reviewer, proposal, value=4, comment="Reasoned comment"):
    assignment = proposal.assignments.get(reviewer=reviewer)
    if not ConflictDeclaration.objects.filter(assignment=assignment).exists():
        services.conflict_declare(actor=reviewer, assignment=assignment, has_conflict=False)
    for criterion in proposal.intake.criteria.all():
        services.score_record(
            actor=reviewer, assignment=assignment, criterion=criterion, value=value, comment=comment
        )
    return assignment


def review_url(assignment):
    return reverse("proposals:review", kwargs={"assignment_id": assignment.pk})


def scores_post(proposal, value="4", comment="Clear benefit", **overrides):
    data = {"action": "score"}
    for criterion in proposal.intake.criteria.all():
        data[f"score_{criterion.pk}"] = value
        data[f"comment_{criterion.pk}"] = comment
    data.update(overrides)
    return data


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def s():
    return setting(reviewers=2)


@pytest.fixture
def proposal(s):
    return under_review(s)


# --- Who sees what ----------------------------------------------------------------------------


def test_the_chooser_shows_a_chair_their_planning_group_and_nobody_else_anything(client, s):
    client.force_login(s.chair)
    page = client.get(reverse("proposals:review_home")).content.decode()
    assert s.planning_group.name in page
    assert reverse("proposals:queue", kwargs={"unit_id": s.planning_group.pk}) in page
    client.force_login(s.author)
    assert client.get(reverse("proposals:review_home")).status_code == 404


def test_reviews_appear_in_the_navigation_of_reviewers_and_chairs_only(client, s):
    client.force_login(s.reviewers[0])
    assert ">Reviews<" in client.get(reverse("home")).content.decode()
    client.force_login(s.author)
    assert ">Reviews<" not in client.get(reverse("home")).content.decode()


def test_the_queue_is_the_chairs_only(client, s, proposal):
    url = reverse("proposals:queue", kwargs={"unit_id": s.planning_group.pk})
    for person in (s.reviewers[0], s.author, setting().chair):
        client.force_login(person)
        assert client.get(url).status_code == 404
    # A cluster is not a planning group.
    client.force_login(s.chair)
    assert (
        client.get(reverse("proposals:queue", kwargs={"unit_id": s.cluster.pk})).status_code == 404
    )


def test_a_reviewer_sees_only_their_own_assignments_in_their_planning_group(client, s, proposal):
    mine, theirs = proposal.assignments.order_by("id")
    other = setting()
    other_proposal = under_review(other)
    client.force_login(s.reviewers[0])
    listing = client.get(reverse("proposals:assignments")).content.decode()
    assert proposal.title in listing
    assert client.get(review_url(mine)).status_code == 200
    assert client.get(review_url(theirs)).status_code == 404
    assert client.get(review_url(other_proposal.assignments.first())).status_code == 404
    # The chair and the author cannot open a reviewer's page either.
    for person in (s.chair, s.author, other.reviewers[0]):
        client.force_login(person)
        assert client.get(review_url(mine)).status_code == 404


def test_a_member_of_another_planning_group_sees_nothing_of_this_one(client, s, proposal):
    outsider = setting().reviewers[0]
    client.force_login(outsider)
    for name, kwargs in [
        ("proposals:queue", {"unit_id": s.planning_group.pk}),
        ("proposals:intake", {"unit_id": s.planning_group.pk}),
        ("proposals:priorities", {"unit_id": s.planning_group.pk}),
        ("proposals:review_summary", {"proposal_id": proposal.pk}),
        ("proposals:reviewers", {"proposal_id": proposal.pk}),
        ("proposals:decision", {"proposal_id": proposal.pk}),
        ("proposals:queue_export", {"unit_id": s.planning_group.pk, "file_format": "csv"}),
    ]:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 404, name
    assert proposal.title not in client.get(reverse("proposals:assignments")).content.decode()


def test_private_notes_are_seen_by_their_writer_alone(client, s, proposal):
    mine = proposal.assignments.get(reviewer=s.reviewers[0])
    score_all(s.reviewers[0], proposal)
    client.force_login(s.reviewers[0])
    response = client.post(
        review_url(mine), {"action": "note", "text": "Ask about the optometrist rota"}
    )
    assert response.status_code == 302
    assert ReviewNote.objects.filter(assignment=mine).count() == 1
    assert "Ask about the optometrist rota" in client.get(review_url(mine)).content.decode()

    client.force_login(s.chair)
    summary = reverse("proposals:review_summary", kwargs={"proposal_id": proposal.pk})
    page = client.get(summary).content.decode()
    assert "Reasoned comment" in page
    assert "optometrist rota" not in page
    client.force_login(s.reviewers[1])
    theirs = proposal.assignments.get(reviewer=s.reviewers[1])
    assert "optometrist rota" not in client.get(review_url(theirs)).content.decode()
    client.force_login(s.author)
    assert client.get(summary).status_code == 404
    assert client.get(review_url(mine)).status_code == 404


# --- Declaring interests and scoring ----------------------------------------------------------


def test_a_reviewer_must_say_whether_they_have_a_conflict(client, s, proposal):
    assignment = proposal.assignments.get(reviewer=s.reviewers[0])
    client.force_login(s.reviewers[0])
    page = client.get(review_url(assignment)).content.decode()
    assert "Declare your interests" in page and 'name="score_' not in page

    response = client.post(review_url(assignment), {"action": "declare"})
    assert "Select whether you have a conflict of interest" in response.content.decode()
    response = client.post(review_url(assignment), {"action": "declare", "has_conflict": "maybe"})
    assert "Select one of the options listed" in response.content.decode()
    response = client.post(review_url(assignment), {"action": "declare", "has_conflict": "yes"})
    assert "Describe your conflict of interest" in response.content.decode()
    assert "<title>Error:" in response.content.decode()
    assert not ConflictDeclaration.objects.exists()

    response = client.post(review_url(assignment), {"action": "declare", "has_conflict": "no"})
    assert response.status_code == 302
    page = client.get(review_url(assignment)).content.decode()
    assert 'name="score_' in page


def test_a_declared_conflict_removes_the_reviewer_from_scoring(client, s, proposal):
    score_all(s.reviewers[1], proposal, value=5)
    assignment = proposal.assignments.get(reviewer=s.reviewers[0])
    client.force_login(s.reviewers[0])
    client.post(
        review_url(assignment),
        {"action": "declare", "has_conflict": "yes", "details": "My sister runs the clinic."},
    )
    page = client.get(review_url(assignment)).content.decode()
    assert "You declared a conflict of interest" in page
    assert 'name="score_' not in page
    response = client.post(review_url(assignment), scores_post(proposal, value="1"))
    assert response.status_code == 302
    assert not Score.objects.filter(assignment=assignment).exists()

    client.force_login(s.chair)
    page = client.get(
        reverse("proposals:review_summary", kwargs={"proposal_id": proposal.pk})
    ).content.decode()
    assert "declared a conflict of interest: My sister runs the clinic." in page
    assert "5.00" in page


def test_scores_are_checked_and_the_form_keeps_what_was_typed(client, s, proposal):
    assignment = proposal.assignments.get(reviewer=s.reviewers[0])
    services.conflict_declare(actor=s.reviewers[0], assignment=assignment, has_conflict=False)
    first = proposal.intake.criteria.first()
    client.force_login(s.reviewers[0])
    url = review_url(assignment)

    missing = scores_post(proposal, comment="Typed and kept")
    missing[f"score_{first.pk}"] = ""
    missing[f"comment_{first.pk}"] = ""
    body = client.post(url, missing).content.decode()
    assert f"Select a score for “{first.name}”" in body
    assert f"Write a comment on your score for “{first.name}”" in body
    assert "Typed and kept" in body

    for wrong in ("0", "6", "three", "4.5"):
        body = client.post(url, scores_post(proposal, **{f"score_{first.pk}": wrong})).content
        assert "Select one of the options listed" in body.decode(), wrong

    hostile = "<script>alert('x')</script>"
    body = client.post(
        url, scores_post(proposal, **{f"score_{first.pk}": "9", f"comment_{first.pk}": hostile})
    ).content.decode()
    assert hostile not in body
    assert "&lt;script&gt;alert(" in body
    assert not Score.objects.exists()

    response = client.post(url, scores_post(proposal, value="3", comment=hostile))
    assert response.status_code == 302
    assert Score.objects.filter(assignment=assignment).count() == proposal.intake.criteria.count()
    client.force_login(s.chair)
    page = client.get(
        reverse("proposals:review_summary", kwargs={"proposal_id": proposal.pk})
    ).content.decode()
    assert hostile not in page and "&lt;script&gt;" in page
    assert "3.00" in page


def test_scoring_again_replaces_the_scores(client, s, proposal):
    assignment = score_all(s.reviewers[0], proposal, value=2)
    client.force_login(s.reviewers[0])
    client.post(review_url(assignment), scores_post(proposal, value="5"))
    assert set(Score.objects.filter(assignment=assignment).values_list("value", flat=True)) == {5}


# --- The chair --------------------------------------------------------------------------------


def test_the_queue_ranks_proposals_in_an_accessible_table(client, s, proposal):
    second = under_review(s, title="Hearing checks")
    score_all(s.reviewers[0], proposal, value=2)
    score_all(s.reviewers[0], second, value=5)
    score_all(s.reviewers[1], second, value=3)
    client.force_login(s.chair)
    page = client.get(
        reverse("proposals:queue", kwargs={"unit_id": s.planning_group.pk})
    ).content.decode()
    assert "<caption" in page and 'scope="col"' in page and 'scope="row"' in page
    assert page.index("Hearing checks") < page.index(proposal.title)
    assert "4.00" in page and "2.00" in page
    assert "Reviewers who scored" in page and "2 of 2" in page


def test_the_chair_assigns_a_member_of_the_planning_group(client, s, proposal):
    newcomer = person_with_role(Role.PLANNING_GROUP_MEMBER, s.planning_group)
    outsider = setting().reviewers[0]
    url = reverse("proposals:reviewers", kwargs={"proposal_id": proposal.pk})
    client.force_login(s.chair)
    page = client.get(url).content.decode()
    assert newcomer.full_name in page and outsider.full_name not in page
    body = client.post(url, {"reviewer": outsider.pk}).content.decode()
    assert "Select one of the options listed" in body
    body = client.post(url, {}).content.decode()
    assert "Select a member of the planning group to review the proposal" in body
    assert client.post(url, {"reviewer": newcomer.pk}).status_code == 302
    assert ReviewerAssignment.objects.filter(proposal=proposal, reviewer=newcomer).exists()


def test_the_summary_shows_weighted_score_spread_and_each_reviewers_scores(client, s, proposal):
    score_all(s.reviewers[0], proposal, value=2, comment="Thin evidence")
    score_all(s.reviewers[1], proposal, value=4, comment="Strong plan")
    client.force_login(s.chair)
    page = client.get(
        reverse("proposals:review_summary", kwargs={"proposal_id": proposal.pk})
    ).content.decode()
    assert "3.00" in page  # weighted score
    assert "2.00" in page  # spread between reviewers
    assert "1.00" in page  # each criterion's standard deviation
    for reviewer in s.reviewers:
        assert reviewer.full_name in page
    assert "Thin evidence" in page and "Strong plan" in page


def test_the_chair_approves_with_conditions_which_are_required(client, s, proposal):
    url = reverse("proposals:decision", kwargs={"proposal_id": proposal.pk})
    client.force_login(s.chair)
    body = client.post(
        url, {"outcome": "approved_with_conditions", "rationale": "Good value"}
    ).content.decode()
    assert "Enter the conditions of the approval" in body
    assert "Good value" in body
    body = client.post(url, {"outcome": "approved", "rationale": "", "conditions": "x"}).content
    assert "Give the reasons for the decision" in body.decode()
    assert "Remove the conditions" in body.decode()
    body = client.post(url, {"outcome": "maybe", "rationale": "x"}).content.decode()
    assert "Select one of the options listed" in body
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    body = client.post(
        url, {"outcome": "approved", "rationale": "x", "meeting_date": future}
    ).content.decode()
    assert "The date of the meeting must be today or earlier" in body
    assert not Decision.objects.exists()

    response = client.post(
        url,
        {
            "action": "decide",
            "outcome": "approved_with_conditions",
            "rationale": "Good value for the cluster",
            "conditions": "Report falls monthly",
            "feedback": "Start in the spring",
            "meeting_reference": "PCPG March meeting",
            "meeting_date": timezone.localdate().strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.APPROVED_WITH_CONDITIONS
    decision = Decision.objects.get(proposal=proposal)
    assert decision.conditions == "Report falls monthly"
    assert decision.meeting_date == timezone.localdate()
    page = client.get(url).content.decode()
    assert "Report falls monthly" in page and "Record decision" not in page


def test_asking_for_more_information_says_what_is_needed_and_deferral_can_be_undone(
    client, s, proposal
):
    url = reverse("proposals:decision", kwargs={"proposal_id": proposal.pk})
    client.force_login(s.chair)
    body = client.post(
        url, {"outcome": "more_information_requested", "rationale": "Unclear costs"}
    ).content.decode()
    assert "Say what information the planning group needs" in body
    client.post(url, {"outcome": "deferred", "rationale": "Budget not set"})
    proposal.refresh_from_db()
    assert proposal.status == Status.DEFERRED
    assert client.post(url, {"action": "reopen"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW


def test_a_chair_who_is_an_author_cannot_see_the_summary_nor_decide(client, s):
    # The chair also works in one of the planning group's collaboratives and writes a proposal.
    MembershipFactory(person=s.chair, unit=s.collaborative, role=Role.PRACTITIONER)
    s.chair = type(s.chair).objects.get(pk=s.chair.pk)  # with the new role
    s.author, s.reviewers = s.chair, []
    own = under_review(s, title="The chair's own idea")
    client.force_login(s.chair)
    for name in ("proposals:review_summary", "proposals:decision"):
        assert client.get(reverse(name, kwargs={"proposal_id": own.pk})).status_code == 404
    page = client.get(
        reverse("proposals:queue", kwargs={"unit_id": s.planning_group.pk})
    ).content.decode()
    assert "You are an author of this proposal" in page


# --- Intake and criteria ----------------------------------------------------------------------


def test_the_chair_opens_and_closes_the_intake_with_default_criteria(client, s):
    url = reverse("proposals:intake", kwargs={"unit_id": s.planning_group.pk})
    client.force_login(s.chair)
    assert "not accepting proposals" in client.get(url).content.decode()
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    body = client.post(url, {"action": "open", "closes_on": yesterday}).content.decode()
    assert "The closing date must be today or in the future" in body
    body = client.post(url, {"action": "open", "closes_on": "31/02/2026"}).content.decode()
    assert "Enter a real date" in body
    assert not Intake.objects.exists()
    assert client.post(url, {"action": "open"}).status_code == 302
    intake = Intake.objects.get(planning_group=s.planning_group)
    assert intake.criteria.count() == 7
    page = client.get(url).content.decode()
    assert "Fit with local priorities" in page and "Open for proposals" in page
    assert ">20<" in page  # the weight as people write it, not 2E+1
    client.post(url, {"action": "close"})
    intake.refresh_from_db()
    assert intake.closes_at is not None and not intake.is_open()
    # Someone without the chair's role cannot.
    client.force_login(s.reviewers[0])
    assert client.get(url).status_code == 404


def test_criteria_are_added_changed_and_removed_until_scoring_starts(client, s, proposal):
    intake = proposal.intake
    client.force_login(s.chair)
    add = reverse("proposals:criterion_add", kwargs={"intake_id": intake.pk})
    for weight, message in [
        ("", "Enter a weight"),
        ("heavy", "Enter “Weight” as a number, like 15"),
        ("0", "“Weight” must be between 0.01 and 999.99"),
        ("1000", "“Weight” must be between 0.01 and 999.99"),
    ]:
        body = client.post(add, {"name_en": "Equity", "name_cy": "", "weight": weight}).content
        assert message in body.decode(), weight
        assert "Enter the name of the criterion in Welsh" in body.decode()
    assert (
        client.post(add, {"name_en": "Equity", "name_cy": "Tegwch", "weight": "5"}).status_code
        == 302
    )
    criterion = Criterion.objects.get(intake=intake, name_en="Equity")
    edit = reverse("proposals:criterion_edit", kwargs={"criterion_id": criterion.pk})
    client.post(edit, {"name_en": "Equity", "name_cy": "Tegwch", "weight": "12.5"})
    criterion.refresh_from_db()
    assert str(criterion.weight) == "12.50"
    remove = reverse("proposals:criterion_remove", kwargs={"criterion_id": criterion.pk})
    assert "Remove the criterion" in client.get(remove).content.decode()
    client.post(remove)
    assert not Criterion.objects.filter(pk=criterion.pk).exists()

    score_all(s.reviewers[0], proposal)
    first = intake.criteria.first()
    edit = reverse("proposals:criterion_edit", kwargs={"criterion_id": first.pk})
    body = client.post(edit, {"name_en": "X", "name_cy": "X", "weight": "3"}).content.decode()
    assert "can no longer change" in body
    page = client.get(reverse("proposals:intake", kwargs={"unit_id": s.planning_group.pk}))
    assert "can no longer change" in page.content.decode()


# --- Local priorities -------------------------------------------------------------------------


def test_a_cluster_lead_keeps_the_clusters_priorities(client, s):
    lead = person_with_role(Role.CLUSTER_LEAD, s.cluster)
    add = reverse("proposals:priority_add", kwargs={"unit_id": s.cluster.pk})
    client.force_login(lead)
    body = client.post(
        add,
        {
            "title_en": "Better access",
            "title_cy": "",
            "source_plan": "imtp",
            "period_start": "2026-04-01",
            "period_end": "2026-03-31",
        },
    ).content.decode()
    assert "Enter the title of the priority in Welsh" in body
    assert "The end date must be on or after the start date" in body
    assert 'value="Better access"' in body
    body = client.post(add, {"source_plan": "wish_list", "period_start": "soon"}).content
    assert "Select one of the options listed" in body.decode()
    assert "Enter a real date" in body.decode()
    response = client.post(
        add,
        {
            "title_en": "Better access",
            "title_cy": "Gwell mynediad",
            "source_plan": "cluster_plan",
            "period_start": "01/04/2026",
            "period_end": "31/03/2027",
        },
    )
    assert response.status_code == 302
    priority = LocalPriority.objects.get(unit=s.cluster)
    listing = client.get(reverse("proposals:priorities", kwargs={"unit_id": s.cluster.pk}))
    assert "Better access" in listing.content.decode()
    assert "Cluster plan" in listing.content.decode()
    edit = reverse("proposals:priority_edit", kwargs={"priority_id": priority.pk})
    assert 'value="2026-04-01"' in client.get(edit).content.decode()
    client.post(
        edit,
        {
            "title_en": "Better access for carers",
            "title_cy": "Gwell mynediad i ofalwyr",
            "source_plan": "cluster_plan",
            "period_start": "2026-04-01",
            "period_end": "2027-03-31",
        },
    )
    priority.refresh_from_db()
    assert priority.title_en == "Better access for carers"
    # The lead reaches their cluster, not the planning group above it.
    pg = reverse("proposals:priorities", kwargs={"unit_id": s.planning_group.pk})
    assert client.get(pg).status_code == 404
    client.force_login(setting().chair)
    assert client.get(edit).status_code == 404


# --- Exports ----------------------------------------------------------------------------------


QUEUE_HEADER = [
    "Rank",
    "Title",
    "Lead collaborative",
    "Cross-boundary",
    "Status",
    "Reviewers who scored",
    "Reviewers whose scores count",
    "Weighted score",
    "Spread",
    "Not ranked",
]


def test_the_queue_exports_to_csv_and_xlsx_with_the_same_columns(client, s, proposal):
    score_all(s.reviewers[0], proposal, value=4)
    client.force_login(s.chair)
    kwargs = {"unit_id": s.planning_group.pk}
    response = client.get(
        reverse("proposals:queue_export", kwargs={**kwargs, "file_format": "csv"})
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == QUEUE_HEADER
    assert rows[1] == [
        "1",
        proposal.title,
        s.collaborative.name,
        "No",
        "Under review",
        "1",
        "2",
        "4.0",
        "0.0",
        "",
    ]
    response = client.get(
        reverse("proposals:queue_export", kwargs={**kwargs, "file_format": "xlsx"})
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == QUEUE_HEADER
    assert sheet["B2"].value == proposal.title
    response = client.get(
        reverse("proposals:queue_export", kwargs={**kwargs, "file_format": "pdf"})
    )
    assert response.status_code == 404


def test_the_decisions_export_lists_each_decision(client, s, proposal):
    client.force_login(s.chair)
    services.decision_record(
        actor=s.chair,
        proposal=proposal,
        outcome="approved_with_conditions",
        rationale="=SUM(A1)",
        conditions="Monthly report",
        meeting_reference="March PCPG",
    )
    url = reverse(
        "proposals:decisions_export",
        kwargs={"unit_id": s.planning_group.pk, "file_format": "csv"},
    )
    rows = list(csv.reader(io.StringIO(client.get(url).content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Title",
        "Lead collaborative",
        "Decision",
        "Decided on",
        "Decided by",
        "Reasons for the decision",
        "Conditions",
        "Feedback for the authors",
        "Meeting",
        "Meeting date",
    ]
    assert rows[1][2] == "Approved with conditions"
    assert rows[1][5] == "'=SUM(A1)"  # made inert for spreadsheets
    assert rows[1][6] == "Monthly report"
    client.force_login(s.reviewers[0])
    assert client.get(url).status_code == 404


# --- Attention and Welsh ----------------------------------------------------------------------


def test_the_home_page_points_reviewers_and_chairs_at_what_waits_for_them(client, s, proposal):
    client.force_login(s.reviewers[0])
    page = client.get(reverse("home")).content.decode()
    assert "Proposals waiting for your review" in page
    score_all(s.reviewers[0], proposal)
    assert "Proposals waiting for your review" not in client.get(reverse("home")).content.decode()
    client.force_login(s.chair)
    page = client.get(reverse("home")).content.decode()
    assert f"Proposals waiting for a decision in {s.planning_group.name}" in page


def test_review_pages_are_in_welsh(client, s, proposal):
    client.force_login(s.chair)
    page = client.get(f"/cy/review/planning-groups/{s.planning_group.pk}/queue/").content.decode()
    assert '<html lang="cy"' in page
    assert "Ranked queue" not in page
    assert "Ciw wedi’i flaenoriaethu" in page


# --- Query counts -----------------------------------------------------------------------------


def test_the_queue_makes_the_same_queries_however_many_proposals(client, s):
    url = reverse("proposals:queue", kwargs={"unit_id": s.planning_group.pk})
    first = under_review(s)
    score_all(s.reviewers[0], first)
    client.force_login(s.chair)
    small = count_queries(client, url)
    for number in range(4):
        more = under_review(s, title=f"Idea {number}")
        score_all(s.reviewers[0], more, value=number + 1)
        score_all(s.reviewers[1], more, value=5 - number)
        decided = under_review(s, title=f"Decided {number}")
        services.decision_record(
            actor=s.chair, proposal=decided, outcome="deferred", rationale="Next quarter"
        )
    client.force_login(s.chair)
    assert count_queries(client, url) == small
    export = reverse(
        "proposals:queue_export", kwargs={"unit_id": s.planning_group.pk, "file_format": "csv"}
    )
    assert count_queries(client, export) <= small


def test_the_review_and_summary_pages_make_the_same_queries_however_much_data(client, s):
    proposal = under_review(s)
    mine = score_all(s.reviewers[0], proposal)
    services.review_note_add(actor=s.reviewers[0], assignment=mine, text="First")
    client.force_login(s.reviewers[0])
    review_small = count_queries(client, review_url(mine))
    assignments_small = count_queries(client, reverse("proposals:assignments"))
    summary = reverse("proposals:review_summary", kwargs={"proposal_id": proposal.pk})
    client.force_login(s.chair)
    summary_small = count_queries(client, summary)

    for number in range(3):
        reviewer = person_with_role(Role.PLANNING_GROUP_MEMBER, s.planning_group)
        services.reviewer_assign(actor=s.chair, proposal=proposal, reviewer=reviewer)
        score_all(reviewer, proposal, value=number + 1)
        services.review_note_add(actor=s.reviewers[0], assignment=mine, text=f"More {number}")
        other = under_review(s, title=f"Other {number}")
        score_all(s.reviewers[0], other)
    client.force_login(s.reviewers[0])
    assert count_queries(client, review_url(mine)) == review_small
    assert count_queries(client, reverse("proposals:assignments")) == assignments_small
    client.force_login(s.chair)
    assert count_queries(client, summary) == summary_small


def test_a_cluster_lead_reaches_their_clusters_priorities_from_the_chooser(client, s):
    lead = person_with_role(Role.CLUSTER_LEAD, s.cluster)
    client.force_login(lead)
    page = client.get(reverse("proposals:review_home")).content.decode()
    assert reverse("proposals:priorities", kwargs={"unit_id": s.cluster.pk}) in page
    assert reverse("proposals:queue", kwargs={"unit_id": s.planning_group.pk}) not in page
    assert ">Reviews<" in page


def test_hostile_text_in_priorities_and_criteria_is_shown_as_text(client, s, proposal):
    hostile = "<script>alert('x')</script>"
    client.force_login(s.chair)
    services.priority_create(
        actor=s.chair,
        unit=s.planning_group,
        title_en=hostile,
        title_cy=hostile,
        source_plan="imtp",
        period_start=timezone.localdate(),
        period_end=timezone.localdate(),
    )
    services.criterion_create(
        actor=s.chair, intake=proposal.intake, name_en=hostile, name_cy=hostile, weight=5
    )
    for url in (
        reverse("proposals:priorities", kwargs={"unit_id": s.planning_group.pk}),
        reverse("proposals:intake", kwargs={"unit_id": s.planning_group.pk}),
    ):
        body = client.get(url).content.decode()
        assert hostile not in body and "&lt;script&gt;" in body, url


def test_errors_are_in_welsh_on_the_welsh_pages(client, s, proposal):
    client.force_login(s.chair)
    body = client.post(
        f"/cy/review/proposals/{proposal.pk}/decision/",
        {"outcome": "approved_with_conditions", "rationale": "Gwerth da"},
    ).content.decode()
    assert "Gwall:" in body
    assert "Nodwch amodau’r gymeradwyaeth" in body
    assert "Gwerth da" in body


def test_deferred_proposals_and_recent_decisions_are_reached_from_the_queue(client, s, proposal):
    services.decision_record(
        actor=s.chair, proposal=proposal, outcome="deferred", rationale="Wait for the budget"
    )
    client.force_login(s.chair)
    page = client.get(
        reverse("proposals:queue", kwargs={"unit_id": s.planning_group.pk})
    ).content.decode()
    decision = reverse("proposals:decision", kwargs={"proposal_id": proposal.pk})
    assert "Deferred proposals" in page and "Recent decisions" in page
    assert f'href="{decision}"' in page
    assert "Bring back under review" in client.get(decision).content.decode()


def test_the_access_probes_point_at_pages_that_show_b_to_those_entitled(client):
    """The walk's guard for the review pages: B's chair and reviewer do see B's marked data at
    the probed addresses, so its absence for outsiders means something."""
    from arloesi.proposals.tests.access import PROBES
    from tests.test_access_walk import MARKER, World

    world = World()
    client.force_login(world.b_chair)
    for name in ("proposals:queue", "proposals:review_summary", "proposals:priorities"):
        body = client.get(reverse(name, kwargs=PROBES[name](world))).content.decode()
        assert MARKER in body, name
    body = client.get(reverse("proposals:intake", kwargs=PROBES["proposals:intake"](world)))
    assert MARKER in body.content.decode()
    decisions = reverse("proposals:decision", kwargs=PROBES["proposals:decision"](world))
    assert MARKER in client.get(decisions).content.decode()
    client.force_login(world.b_reviewer)
    review = reverse("proposals:review", kwargs=PROBES["proposals:review"](world))
    assert f"Note {MARKER}" in client.get(review).content.decode()


def test_a_decision_taken_meanwhile_by_someone_else_is_not_overwritten(client, s, proposal):
    url = reverse("proposals:decision", kwargs={"proposal_id": proposal.pk})
    client.force_login(s.chair)
    client.get(url)
    services.decision_record(
        actor=s.chair, proposal=proposal, outcome="declined", rationale="Out of scope"
    )
    response = client.post(url, {"outcome": "approved", "rationale": "Good idea"}, follow=True)
    assert "Someone else changed this while you were looking at it" in response.content.decode()
    assert list(Decision.objects.values_list("outcome", flat=True)) == ["declined"]


def test_an_nhs_number_in_a_comment_is_pointed_out(client, s, proposal):
    assignment = proposal.assignments.get(reviewer=s.reviewers[0])
    services.conflict_declare(actor=s.reviewers[0], assignment=assignment, has_conflict=False)
    client.force_login(s.reviewers[0])
    response = client.post(
        review_url(assignment),
        scores_post(proposal, comment="Patient 943 476 5919 would benefit"),
        follow=True,
    )
    assert "looks like it contains an NHS number" in response.content.decode()


def test_authors_and_other_clusters_see_the_decision_but_never_scores_or_private_notes(
    client, s, proposal
):
    mine = score_all(s.reviewers[0], proposal, comment="Scored in confidence")
    services.review_note_add(actor=s.reviewers[0], assignment=mine, text="Private thought")
    services.decision_record(
        actor=s.chair,
        proposal=proposal,
        outcome="approved",
        rationale="Clear benefit to older people",
        feedback="Start with one practice",
    )
    detail = reverse("proposals:detail", kwargs={"proposal_id": proposal.pk})
    other_cluster = setting().author
    for reader in (s.author, other_cluster):
        client.force_login(reader)
        page = client.get(detail).content.decode()
        assert "Clear benefit to older people" in page
        assert "Private thought" not in page
        assert "Scored in confidence" not in page

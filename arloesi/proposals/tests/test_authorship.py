"""Authorship is given by consent, and changes who may review and decide.

Someone asked to co-author is not an author — nor named on the proposal — until they accept. A
reviewer who becomes an author stops scoring, and what they scored stops counting; the chair
sees them on the queue. A chair who writes a proposal sees it apart from the ranked queue."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from arloesi.organisations.tests.factories import PersonFactory
from arloesi.proposals import selectors, services
from arloesi.proposals.models import CoAuthorInvitation
from arloesi.proposals.tests.factories import (
    accepted_co_author,
    complete_draft,
    draft,
    setting,
    under_review,
)
from arloesi.proposals.workflow import Outcome

pytestmark = pytest.mark.django_db


def invitation(proposal, email):
    return CoAuthorInvitation.objects.get(proposal=proposal, email=email.lower())


def score_all(reviewer, proposal, value):
    assignment = proposal.assignments.get(reviewer=reviewer)
    services.conflict_declare(actor=reviewer, assignment=assignment, has_conflict=False)
    scores = [(c, value, "Because") for c in proposal.intake.criteria.all()]
    services.scores_record(actor=reviewer, assignment=assignment, scores=scores)
    return assignment


def test_someone_asked_is_not_an_author_nor_named_until_they_accept():
    s = setting()
    proposal = draft(s)
    colleague = PersonFactory()
    services.co_author_invite(actor=s.author, proposal=proposal, email=colleague.email)
    assert not selectors.proposal_access(user=colleague, proposal=proposal).is_author
    details = selectors.proposal_details(proposal=proposal)
    assert [a.person for a in details.authors] == [s.author]
    # They may read what they are asked to join, but not change it.
    assert selectors.proposal_get_for_user(user=colleague, proposal_id=proposal.pk) == proposal
    with pytest.raises(PermissionDenied):
        services.proposal_update(
            actor=colleague, proposal=proposal, expected_version=1, problem="Mine"
        )
    services.co_author_invitation_accept(
        actor=colleague, invitation=invitation(proposal, colleague.email)
    )
    assert selectors.proposal_access(user=colleague, proposal=proposal).is_author


def test_only_the_person_asked_can_answer_and_a_declined_invitation_is_kept():
    s = setting()
    proposal = draft(s)
    colleague, stranger = PersonFactory(), PersonFactory()
    services.co_author_invite(actor=s.author, proposal=proposal, email=colleague.email)
    asked = invitation(proposal, colleague.email)
    for someone_else in (stranger, s.author):
        with pytest.raises(PermissionDenied):
            services.co_author_invitation_accept(actor=someone_else, invitation=asked)
    services.co_author_invitation_decline(actor=colleague, invitation=asked)
    asked.refresh_from_db()
    assert asked.status == CoAuthorInvitation.Status.DECLINED
    assert [c.to_status for c in asked.status_changes.all()] == ["declined"]
    assert not selectors.proposal_access(user=colleague, proposal=proposal).is_author
    with pytest.raises(Exception, match="not an allowed transition"):
        services.co_author_invitation_accept(actor=colleague, invitation=asked)


def test_the_authors_withdraw_an_invitation_and_cannot_invite_once_it_is_submitted():
    s = setting()
    services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = complete_draft(s)
    services.co_author_invite(actor=s.author, proposal=proposal, email="later@example.org")
    asked = invitation(proposal, "later@example.org")
    services.co_author_invitation_withdraw(actor=s.author, invitation=asked)
    asked.refresh_from_db()
    assert asked.status == CoAuthorInvitation.Status.WITHDRAWN
    services.proposal_submit(actor=s.author, proposal=proposal)
    with pytest.raises(ValidationError):
        services.co_author_invite(actor=s.author, proposal=proposal, email="late@example.org")


def test_an_invitation_cannot_be_accepted_once_the_proposal_is_submitted():
    s = setting()
    services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = complete_draft(s)
    colleague = PersonFactory()
    services.co_author_invite(actor=s.author, proposal=proposal, email=colleague.email)
    services.proposal_submit(actor=s.author, proposal=proposal)
    with pytest.raises(ValidationError):
        services.co_author_invitation_accept(
            actor=colleague, invitation=invitation(proposal, colleague.email)
        )


def reviewer_turned_author(s):
    """Under review, scored by both reviewers; then, after more information was asked for, the
    second reviewer accepts to co-author it and the authors send it back."""
    proposal = under_review(s)
    score_all(s.reviewers[0], proposal, 2)
    score_all(s.reviewers[1], proposal, 5)
    services.proposal_request_information(actor=s.chair, proposal=proposal, request="Costs?")
    accepted_co_author(proposal, s.reviewers[1])
    services.proposal_resubmit(actor=s.author, proposal=proposal, response="Costs added")
    return proposal


def test_a_reviewer_who_becomes_an_author_stops_scoring_and_their_scores_stop_counting():
    s = setting()
    proposal = reviewer_turned_author(s)
    assignment = proposal.assignments.get(reviewer=s.reviewers[1])
    with pytest.raises(PermissionDenied):
        services.score_record(
            actor=s.reviewers[1],
            assignment=assignment,
            criterion=proposal.intake.criteria.first(),
            value=5,
            comment="Still keen",
        )
    page = selectors.review_summary_for(user=s.chair, proposal=proposal)
    assert page.summary.weighted_score == 2.0
    assert [column.assignment.reviewer for column in page.columns] == [s.reviewers[0]]
    (row,) = selectors.queue_for(user=s.chair, planning_group=s.planning_group).rows
    assert row.summary.weighted_score == 2.0
    assert (row.reviewers_assigned, row.reviewers_counted) == (2, 1)
    review = selectors.review_page_for(user=s.reviewers[1], assignment_id=assignment.pk)
    assert review.is_author and not review.can_score


def test_the_chair_sees_on_the_queue_who_reviews_and_now_writes(client):
    s = setting()
    proposal = reviewer_turned_author(s)
    page = selectors.queue_page_for(user=s.chair, planning_group=s.planning_group)
    (author,) = page.authors_who_review
    assert (author.name, author.proposal, author.assigned) == (
        s.reviewers[1].full_name,
        proposal,
        True,
    )
    client.force_login(s.chair)
    body = client.get(reverse("proposals:queue", kwargs={"unit_id": s.planning_group.pk}))
    assert "Authors who also review for this planning group" in body.content.decode()


def test_a_chairs_own_proposal_is_listed_apart_unranked_on_the_page_and_in_the_export(client):
    s = setting()
    mine = under_review(s, title="Written by the chair")
    theirs = under_review(s, title="Written by others")
    services.proposal_request_information(actor=s.chair, proposal=mine, request="More")
    accepted_co_author(mine, s.chair)
    services.proposal_resubmit(actor=s.author, proposal=mine, response="Done")
    for proposal in (mine, theirs):
        score_all(s.reviewers[0], proposal, 4)

    queue = selectors.queue_for(user=s.chair, planning_group=s.planning_group)
    assert [(row.rank, row.proposal.title) for row in queue.ranked] == [(1, theirs.title)]
    assert [(row.rank, row.proposal.title, row.is_own) for row in queue.own] == [
        (None, mine.title, True)
    ]
    with pytest.raises(PermissionDenied):
        services.decision_record(
            actor=s.chair, proposal=mine, outcome=Outcome.APPROVED, rationale="Mine"
        )

    client.force_login(s.chair)
    export = reverse(
        "proposals:queue_export", kwargs={"unit_id": s.planning_group.pk, "file_format": "csv"}
    )
    rows = list(csv.reader(io.StringIO(client.get(export).content.decode("utf-8-sig"))))
    assert [row[0:2] for row in rows[1:]] == [["1", theirs.title], ["", mine.title]]
    assert rows[2][-3:] == ["", "", "You are an author of this proposal"]

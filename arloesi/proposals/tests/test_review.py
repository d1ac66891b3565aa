import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import MembershipFactory, PersonFactory
from arloesi.proposals import selectors, services
from arloesi.proposals.models import Score
from arloesi.proposals.tests.factories import setting, under_review
from arloesi.proposals.workflow import Status

pytestmark = pytest.mark.django_db


def score_all(reviewer, proposal, value_for):
    """``reviewer`` declares no conflict and scores every criterion ``value_for(position)``."""
    assignment = proposal.assignments.get(reviewer=reviewer)
    services.conflict_declare(actor=reviewer, assignment=assignment, has_conflict=False)
    for criterion in proposal.intake.criteria.all():
        services.score_record(
            actor=reviewer,
            assignment=assignment,
            criterion=criterion,
            value=value_for(criterion.position),
            comment="Reasoned comment",
        )
    return assignment


def test_reviewers_must_be_members_of_the_planning_group_and_not_authors():
    s = setting()
    proposal = under_review(s)
    with pytest.raises(ValidationError):
        services.reviewer_assign(actor=s.chair, proposal=proposal, reviewer=PersonFactory())
    MembershipFactory(person=s.author, unit=s.planning_group, role=Role.PLANNING_GROUP_MEMBER)
    with pytest.raises(ValidationError):
        services.reviewer_assign(actor=s.chair, proposal=proposal, reviewer=s.author)
    with pytest.raises(PermissionDenied):
        services.reviewer_assign(actor=s.reviewers[0], proposal=proposal, reviewer=s.reviewers[1])


def test_scoring_needs_a_declaration_first():
    s = setting()
    proposal = under_review(s)
    assignment = proposal.assignments.get(reviewer=s.reviewers[0])
    with pytest.raises(ValidationError, match="Declare any conflicts"):
        services.score_record(
            actor=s.reviewers[0],
            assignment=assignment,
            criterion=proposal.intake.criteria.first(),
            value=3,
            comment="x",
        )


def test_a_declared_conflict_removes_the_reviewer_from_scoring():
    s = setting(reviewers=3)
    proposal = under_review(s)
    score_all(s.reviewers[0], proposal, lambda position: 5)
    score_all(s.reviewers[1], proposal, lambda position: 1)
    conflicted = proposal.assignments.get(reviewer=s.reviewers[1])
    services.conflict_declare(
        actor=s.reviewers[1],
        assignment=conflicted,
        has_conflict=True,
        details="My partner runs the pilot clinic.",
    )
    with pytest.raises(PermissionDenied):
        services.score_record(
            actor=s.reviewers[1],
            assignment=conflicted,
            criterion=proposal.intake.criteria.first(),
            value=2,
            comment="x",
        )
    with pytest.raises(ValidationError):
        services.conflict_declare(actor=s.reviewers[1], assignment=conflicted, has_conflict=False)
    page = selectors.review_summary_for(user=s.chair, proposal=proposal)
    assert page.summary.weighted_score == 5.0
    assert page.summary.reviewers_complete == 1
    assert [column.assignment.reviewer for column in page.columns] == [s.reviewers[0]]
    conflicted = [
        a.reviewer
        for a in page.assignments
        if getattr(a, "conflict", None) and a.conflict.has_conflict
    ]
    assert conflicted == [s.reviewers[1]]


def test_only_the_assigned_reviewer_scores_and_only_from_one_to_five():
    s = setting()
    proposal = under_review(s)
    assignment = proposal.assignments.get(reviewer=s.reviewers[0])
    criterion = proposal.intake.criteria.first()
    with pytest.raises(PermissionDenied):
        services.conflict_declare(actor=s.reviewers[1], assignment=assignment, has_conflict=False)
    services.conflict_declare(actor=s.reviewers[0], assignment=assignment, has_conflict=False)
    for bad in (0, 6):
        with pytest.raises(ValidationError):
            services.score_record(
                actor=s.reviewers[0],
                assignment=assignment,
                criterion=criterion,
                value=bad,
                comment="x",
            )
    with pytest.raises(ValidationError):
        services.score_record(
            actor=s.reviewers[0], assignment=assignment, criterion=criterion, value=3, comment=""
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(assignment=assignment, criterion=criterion, value=9, comment="x")


def test_scoring_again_replaces_the_score():
    s = setting()
    proposal = under_review(s)
    assignment = score_all(s.reviewers[0], proposal, lambda position: 2)
    criterion = proposal.intake.criteria.first()
    services.score_record(
        actor=s.reviewers[0], assignment=assignment, criterion=criterion, value=4, comment="Better"
    )
    assert Score.objects.get(assignment=assignment, criterion=criterion).value == 4
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(assignment=assignment, criterion=criterion, value=3, comment="x")


def test_criteria_are_fixed_once_scoring_starts():
    s = setting()
    proposal = under_review(s)
    score_all(s.reviewers[0], proposal, lambda position: 3)
    with pytest.raises(ValidationError, match="started scoring"):
        services.criterion_update(
            actor=s.chair, criterion=proposal.intake.criteria.first(), weight=50
        )


def test_the_queue_is_ranked_by_weighted_score_with_spread(django_assert_max_num_queries):
    s = setting()
    low = under_review(s, title="Low")
    high = under_review(s, title="High")
    unscored = under_review(s, title="Unscored")
    score_all(s.reviewers[0], low, lambda position: 2)
    score_all(s.reviewers[1], low, lambda position: 2)
    score_all(s.reviewers[0], high, lambda position: 5)
    score_all(s.reviewers[1], high, lambda position: 3)
    with django_assert_max_num_queries(6):
        queue = selectors.queue_for(user=s.chair, planning_group=s.planning_group).rows
    assert [(e.rank, e.proposal.title) for e in queue] == [
        (1, "High"),
        (2, "Low"),
        (None, "Unscored"),
    ]
    assert queue[0].summary.weighted_score == 4.0
    assert queue[0].summary.spread == 2.0
    assert queue[1].summary.spread == 0.0
    assert queue[0].reviewers_assigned == 2
    assert unscored.pk == queue[2].proposal.pk


def test_the_queue_is_the_chairs():
    s = setting()
    with pytest.raises(Http404):
        selectors.queue_for(user=s.reviewers[0], planning_group=s.planning_group)
    other = setting()
    with pytest.raises(Http404):
        selectors.queue_for(user=other.chair, planning_group=s.planning_group)


def test_private_notes_are_seen_by_their_writer_alone():
    s = setting()
    proposal = under_review(s)
    assignment = proposal.assignments.get(reviewer=s.reviewers[0])
    services.review_note_add(actor=s.reviewers[0], assignment=assignment, text="Ask about costs")
    with pytest.raises(PermissionDenied):
        services.review_note_add(actor=s.chair, assignment=assignment, text="x")
    page = selectors.review_page_for(user=s.reviewers[0], assignment_id=assignment.pk)
    assert [n.text for n in page.notes] == ["Ask about costs"]
    for someone_else in (s.chair, s.author, s.reviewers[1]):
        with pytest.raises(Http404):
            selectors.review_page_for(user=someone_else, assignment_id=assignment.pk)


def test_scores_are_recorded_only_while_under_review():
    s = setting()
    proposal = under_review(s)
    assignment = proposal.assignments.get(reviewer=s.reviewers[0])
    services.conflict_declare(actor=s.reviewers[0], assignment=assignment, has_conflict=False)
    services.decision_record(
        actor=s.chair, proposal=proposal, outcome=Status.DEFERRED, rationale="Later"
    )
    with pytest.raises(ValidationError):
        services.score_record(
            actor=s.reviewers[0],
            assignment=assignment,
            criterion=proposal.intake.criteria.first(),
            value=3,
            comment="x",
        )


def test_a_reviewer_who_leaves_the_planning_group_can_no_longer_score():
    s = setting()
    proposal = under_review(s)
    assignment = proposal.assignments.get(reviewer=s.reviewers[0])
    s.reviewers[0].memberships.update(ended_at="2026-01-01T00:00:00Z")
    leaver = type(s.reviewers[0]).objects.get(pk=s.reviewers[0].pk)
    with pytest.raises(PermissionDenied):
        services.conflict_declare(actor=leaver, assignment=assignment, has_conflict=False)

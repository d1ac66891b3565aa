"""Reads for review: reviewers' own pages, the chair's summary of the scores, the candidates to
assign, and the weighted scores behind the ranked queue.

Scores that do not count: a reviewer who declared a conflict, or who is (or became) an author
of the proposal, no longer scores it, and what they scored before is left out of every summary.
Private notes are only ever their writer's.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, QuerySet
from django.http import Http404

from arloesi.core import permissions
from arloesi.organisations import selectors as organisations
from arloesi.proposals import scoring
from arloesi.proposals.models import (
    Criterion,
    Proposal,
    ProposalAuthor,
    ReviewerAssignment,
    ReviewNote,
    Score,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.selectors.visibility import proposal_access, proposal_get_for_user, signed_in
from arloesi.proposals.workflow import Status


def _reviewer_is_author() -> Exists:
    """For an assignment (or a score, through its assignment): its reviewer is an author."""
    return Exists(
        ProposalAuthor.objects.filter(proposal=OuterRef("proposal"), person=OuterRef("reviewer"))
    )


def _score_by_author() -> Exists:
    return Exists(
        ProposalAuthor.objects.filter(
            proposal=OuterRef("assignment__proposal"), person=OuterRef("assignment__reviewer")
        )
    )


def counted_scores(proposals) -> QuerySet[Score]:
    """The scores that count: not from a reviewer with a conflict, nor from an author."""
    return (
        Score.objects.filter(assignment__proposal__in=proposals)
        .exclude(assignment__conflict__has_conflict=True)
        .exclude(_score_by_author())
    )


def summaries_of(proposals: list[Proposal]) -> dict[int, scoring.Summary]:
    """Weighted score and spread per proposal, in two queries however many proposals."""
    weights: dict[int, dict[int, float]] = defaultdict(dict)
    for intake_id, criterion_id, weight in Criterion.objects.filter(
        intake_id__in={p.intake_id for p in proposals}
    ).values_list("intake_id", "id", "weight"):
        weights[intake_id][criterion_id] = float(weight)
    scores: dict[int, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    rows = counted_scores(proposals).values_list(
        "assignment__proposal_id", "assignment__reviewer_id", "criterion_id", "value"
    )
    for proposal_id, reviewer_id, criterion_id, value in rows:
        scores[proposal_id][reviewer_id][criterion_id] = value
    return {
        p.pk: scoring.summarise(scores.get(p.pk, {}), weights.get(p.intake_id, {}))
        for p in proposals
    }


def reviewer_standing(proposals) -> list[tuple[int, bool, bool]]:
    """(proposal id, declared a conflict, is an author) for every assignment of ``proposals``."""
    return list(
        ReviewerAssignment.objects.filter(proposal__in=proposals)
        .annotate(is_author=_reviewer_is_author())
        .values_list("proposal_id", "conflict__has_conflict", "is_author")
    )


# --- The chair's pages about one proposal -----------------------------------------------------


def proposal_for_chair(*, user, proposal_id: int) -> Proposal:
    """A proposal submitted to a planning group ``user`` chairs and did not write, else 404."""
    proposal = proposal_get_for_user(user=user, proposal_id=proposal_id)
    if not proposal_access(user=user, proposal=proposal).can_see_reviews:
        raise Http404
    return proposal


def assignments_of(proposal: Proposal) -> list[ReviewerAssignment]:
    """The proposal's reviewers; ``is_author`` marks one who became an author since."""
    return list(
        proposal.assignments.select_related("reviewer", "conflict")
        .annotate(is_author=_reviewer_is_author())
        .order_by("reviewer__full_name", "id")
    )


@dataclass(frozen=True)
class ReviewersPage:
    assignments: list[ReviewerAssignment]
    candidates: list


def reviewers_page_for(*, proposal: Proposal) -> ReviewersPage:
    """Who reviews the proposal, and the planning-group members who may still be asked: those
    who may review there (``proposals.review``), are not authors and are not assigned yet."""
    candidates = (
        organisations.people_holding(permission=Perm.REVIEW, unit=proposal.planning_group)
        .exclude(pk__in=ProposalAuthor.objects.filter(proposal=proposal).values("person"))
        .exclude(pk__in=ReviewerAssignment.objects.filter(proposal=proposal).values("reviewer"))
    )
    return ReviewersPage(assignments=assignments_of(proposal), candidates=list(candidates))


@dataclass(frozen=True)
class ReviewerColumn:
    assignment: ReviewerAssignment
    scores: dict[int, Score]
    total: float | None


@dataclass(frozen=True)
class SummaryPage:
    criteria: list[Criterion]
    summary: scoring.Summary
    # Reviewers whose scores count, each with their scores and total.
    columns: list[ReviewerColumn]
    assignments: list[ReviewerAssignment]
    scored_counts: dict[int, int]


def review_summary_for(*, user, proposal: Proposal) -> SummaryPage:
    """Scores and comments of every reviewer whose scores count; never anyone's private notes."""
    if not proposal_access(user=user, proposal=proposal).can_see_reviews:
        raise Http404
    scores = list(counted_scores([proposal]).select_related("assignment__reviewer", "criterion"))
    by_assignment: dict[int, dict[int, Score]] = {}
    assignment_of: dict[int, ReviewerAssignment] = {}
    for score in scores:
        by_assignment.setdefault(score.assignment_id, {})[score.criterion_id] = score
        assignment_of[score.assignment_id] = score.assignment
    summary = summaries_of([proposal])[proposal.pk]
    columns = [
        ReviewerColumn(
            assignment=assignment_of[assignment_id],
            scores=by_criterion,
            total=summary.reviewer_totals.get(assignment_of[assignment_id].reviewer_id),
        )
        for assignment_id, by_criterion in sorted(
            by_assignment.items(), key=lambda item: assignment_of[item[0]].reviewer.full_name
        )
    ]
    return SummaryPage(
        criteria=list(Criterion.objects.filter(intake_id=proposal.intake_id)),
        summary=summary,
        columns=columns,
        assignments=assignments_of(proposal),
        scored_counts={assignment_id: len(s) for assignment_id, s in by_assignment.items()},
    )


# --- Reviewers' own pages ---------------------------------------------------------------------


def _own_assignments(*, user) -> QuerySet[ReviewerAssignment]:
    if not signed_in(user):
        return ReviewerAssignment.objects.none()
    return permissions.scoped(
        ReviewerAssignment.objects.filter(reviewer=user),
        user,
        Perm.REVIEW,
        "proposal__planning_group__path",
    )


def assignment_list_for(*, user) -> list[ReviewerAssignment]:
    """The reader's assignments under review, with how far their scoring has got."""
    return list(_waiting_or_scored(user=user).order_by("assigned_at", "id"))


def _waiting_or_scored(*, user) -> QuerySet[ReviewerAssignment]:
    return (
        _own_assignments(user=user)
        .filter(proposal__status=Status.UNDER_REVIEW)
        .select_related("proposal__lead_collaborative", "proposal__planning_group", "conflict")
        .annotate(
            scored=Count("scores", distinct=True),
            criteria_count=Count("proposal__intake__criteria", distinct=True),
            is_author=_reviewer_is_author(),
        )
    )


def assignments_waiting_count(*, user) -> int:
    """Assignments still needing this reviewer: no declaration yet, or criteria left to score
    (scoring needs a declaration first, so "not all scored" covers "not declared" too)."""
    return (
        _waiting_or_scored(user=user)
        .exclude(conflict__has_conflict=True)
        .filter(is_author=False, scored__lt=F("criteria_count"))
        .count()
    )


@dataclass(frozen=True)
class ReviewPage:
    assignment: ReviewerAssignment
    proposal: Proposal
    criteria: list[Criterion]
    scores: dict[int, Score]
    notes: list[ReviewNote]
    declared: bool
    conflicted: bool
    # The reviewer became an author of the proposal: they no longer score it.
    is_author: bool
    can_score: bool


def review_page_for(*, user, assignment_id: int) -> ReviewPage:
    """One reviewer's own assignment: their declaration, scores and private notes (404 for
    anyone else, the chair included)."""
    assignment = (
        _own_assignments(user=user)
        .select_related("proposal__lead_collaborative", "proposal__planning_group", "conflict")
        .annotate(is_author=_reviewer_is_author())
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        raise Http404
    proposal = assignment.proposal
    declaration = getattr(assignment, "conflict", None)
    conflicted = bool(declaration and declaration.has_conflict)
    return ReviewPage(
        assignment=assignment,
        proposal=proposal,
        criteria=list(Criterion.objects.filter(intake_id=proposal.intake_id)),
        scores={score.criterion_id: score for score in assignment.scores.all()},
        notes=list(assignment.notes.all()),
        declared=declaration is not None,
        conflicted=conflicted,
        is_author=assignment.is_author,
        can_score=(
            declaration is not None
            and not conflicted
            and not assignment.is_author
            and proposal.status == Status.UNDER_REVIEW
        ),
    )

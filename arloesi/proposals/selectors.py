"""Reads of priorities, proposals and reviews, always scoped to what the reader may see.

Who sees a proposal (``proposal_list_for``, ``proposal_get_for_user``):

* its authors, wherever they work;
* the authoring side — practitioners and leads of the lead collaborative or of any sponsoring
  collaborative, and the leads of those collaboratives' clusters (``proposals.view``), drafts
  included. A cross-boundary proposal is therefore visible in every cluster that sponsors it;
* a planning-group member assigned to review it, while they hold ``proposals.review`` there;
* once submitted: the planning group's chair (``proposals.decide``) and the health board's
  officers (``proposals.oversee``);
* once a final decision is published (approved, approved with conditions, declined): everyone
  with a role anywhere in Wales (``proposals.view_decided``), so that earlier ideas can be found
  and adapted instead of reinvented.

Nobody else: other clusters see nothing until the decision. Within a proposal, scores and
reviewers' comments are for the chair; a reviewer's private notes are for that reviewer alone.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from arloesi.core import permissions
from arloesi.organisations.models import OrganisationUnit
from arloesi.proposals import scoring
from arloesi.proposals.models import (
    Criterion,
    Intake,
    LocalPriority,
    Proposal,
    ProposalAuthor,
    ProposalSponsor,
    ProposalTransition,
    ReviewerAssignment,
    ReviewNote,
    Score,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.workflow import (
    EDITABLE,
    PROPOSAL_WORKFLOW,
    PUBLISHED,
    ProposalSnapshot,
    ScreeningResult,
    Status,
    screen,
)


def _signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


def _units_within(user, *perms: str) -> QuerySet[OrganisationUnit]:
    """The ids of the units within the reader's reach for any of ``perms``."""
    reach = Q(pk__in=[])
    for perm in perms:
        reach |= permissions.scope_q(user, perm, "path")
    return OrganisationUnit.objects.filter(reach).values("pk")


def _visible_q(user) -> Q:
    # Every way of seeing a proposal is a test of the proposal's own columns against a small
    # list of ids, each computed once (unit ids from the reader's reach, proposal ids from their
    # authorships and assignments), so the list can be read newest first from its index and
    # stop after a page. A test of the lead collaborative's path instead would OR conditions
    # across a join, and PostgreSQL then compared every proposal with every unit (230,000
    # pairs for the first page at scale 1).
    if not _signed_in(user):
        return Q(pk__in=[])
    visible = Q(pk__in=ProposalAuthor.objects.filter(person=user).values("proposal"))
    if permissions.can_anywhere(user, Perm.VIEW):
        collaboratives = _units_within(user, Perm.VIEW)
        visible |= Q(lead_collaborative__in=collaboratives)
        visible |= Q(
            pk__in=ProposalSponsor.objects.filter(collaborative__in=collaboratives).values(
                "proposal"
            )
        )
    if permissions.can_anywhere(user, Perm.REVIEW):
        visible |= Q(
            pk__in=ReviewerAssignment.objects.filter(reviewer=user).values("proposal"),
            planning_group__in=_units_within(user, Perm.REVIEW),
        )
    if permissions.can_anywhere(user, Perm.DECIDE) or permissions.can_anywhere(user, Perm.OVERSEE):
        visible |= Q(
            submitted_at__isnull=False,
            planning_group__in=_units_within(user, Perm.DECIDE, Perm.OVERSEE),
        )
    if permissions.can_anywhere(user, Perm.VIEW_DECIDED):
        visible |= Q(status__in=PUBLISHED)
    return visible


def proposal_list_for(user, *, status: str | None = None) -> QuerySet[Proposal]:
    proposals = Proposal.objects.filter(_visible_q(user)).select_related(
        "lead_collaborative", "planning_group"
    )
    if status:
        proposals = proposals.filter(status=status)
    return proposals.order_by("-created_at", "-id")


def proposal_get_for_user(*, user, proposal_id: int) -> Proposal:
    """The proposal if ``user`` may see it, else 404 (so ids cannot be probed)."""
    try:
        return proposal_list_for(user).get(pk=proposal_id)
    except Proposal.DoesNotExist:
        raise Http404 from None


@dataclass(frozen=True)
class ProposalAccess:
    """What one person may do with one proposal they can see: for showing the right buttons."""

    is_author: bool
    can_edit: bool
    can_withdraw: bool
    can_decide: bool
    can_see_reviews: bool
    assignment: ReviewerAssignment | None


def proposal_access(*, user, proposal: Proposal) -> ProposalAccess:
    is_author = _signed_in(user) and proposal.authors.filter(person=user).exists()
    chair = permissions.can(user, Perm.DECIDE, proposal.planning_group_path) and not is_author
    assignment = None
    if _signed_in(user) and permissions.can(user, Perm.REVIEW, proposal.planning_group_path):
        assignment = proposal.assignments.filter(reviewer=user).first()
    return ProposalAccess(
        is_author=is_author,
        can_edit=is_author and proposal.status in EDITABLE,
        can_withdraw=is_author and Status.WITHDRAWN in _targets(proposal),
        can_decide=chair and proposal.status == Status.UNDER_REVIEW,
        can_see_reviews=chair and proposal.submitted_at is not None,
        assignment=assignment,
    )


def _targets(proposal: Proposal) -> list[str]:
    return PROPOSAL_WORKFLOW.targets(proposal.status)


def proposal_history(*, proposal: Proposal) -> QuerySet[ProposalTransition]:
    """Every status change, oldest first. An empty actor is Arloesi's automatic screening."""
    return proposal.transitions.select_related("actor").order_by("at", "id")


# --- Screening --------------------------------------------------------------------------------


def intake_current(*, planning_group: OrganisationUnit, at=None) -> Intake | None:
    """The planning group's intake that is open now, if any."""
    at = at or timezone.now()
    return (
        Intake.objects.filter(planning_group=planning_group, opens_at__lte=at)
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=at))
        .order_by("-opens_at")
        .first()
    )


def proposal_snapshot(*, proposal: Proposal, intake_open: bool = True) -> ProposalSnapshot:
    plan = getattr(proposal, "evaluation_plan", None)
    sponsors = list(proposal.sponsors.select_related("collaborative"))
    fields = {
        name: getattr(proposal, name)
        for name in ProposalSnapshot.__dataclass_fields__
        if hasattr(Proposal, name)
    }
    return ProposalSnapshot(
        **fields,
        priority_count=proposal.priority_links.count(),
        sponsor_names=[s.collaborative.name for s in sponsors],
        unconfirmed_sponsor_names=[s.collaborative.name for s in sponsors if not s.confirmed_at],
        objectives=plan.objectives if plan else "",
        baseline=plan.baseline if plan else "",
        success_measures=plan.success_measures if plan else "",
        evaluation_approach=plan.approach if plan else "",
        timescale=plan.timescale if plan else "",
        evaluator=plan.evaluator if plan else "",
        intake_open=intake_open,
    )


def proposal_screening(*, proposal: Proposal) -> ScreeningResult:
    """What screening would say if the proposal were submitted now (problems and warnings)."""
    needs_intake = proposal.status == Status.DRAFT
    intake_open = not needs_intake or intake_current(planning_group=proposal.planning_group)
    return screen(proposal_snapshot(proposal=proposal, intake_open=bool(intake_open)))


# --- Priorities -------------------------------------------------------------------------------


def priority_list_for_planning_group(
    *, planning_group: OrganisationUnit, on=None
) -> QuerySet[LocalPriority]:
    """The current priorities of a planning group and of its clusters.

    Agreed priorities come from published plans, so any signed-in person may read them.
    """
    on = on or timezone.localdate()
    return (
        LocalPriority.objects.filter(
            unit__path__startswith=planning_group.path, period_start__lte=on, period_end__gte=on
        )
        .select_related("unit")
        .order_by("unit__name_en", "title_en")
    )


# --- Review -----------------------------------------------------------------------------------


def assignments_for(user) -> QuerySet[ReviewerAssignment]:
    """The proposals this person is asked to review, in planning groups where they still may."""
    if not _signed_in(user):
        return ReviewerAssignment.objects.none()
    return permissions.scoped(
        ReviewerAssignment.objects.filter(reviewer=user, proposal__status=Status.UNDER_REVIEW),
        user,
        Perm.REVIEW,
        "proposal__planning_group__path",
    ).select_related("proposal__planning_group", "conflict")


def assignment_get_for_user(*, user, assignment_id: int) -> ReviewerAssignment:
    """The reviewer's own assignment; anyone else (the chair included) gets 404."""
    if not _signed_in(user):
        raise Http404
    try:
        return permissions.scoped(
            ReviewerAssignment.objects.filter(reviewer=user),
            user,
            Perm.REVIEW,
            "proposal__planning_group__path",
        ).get(pk=assignment_id)
    except ReviewerAssignment.DoesNotExist:
        raise Http404 from None


def review_notes_for(*, user, assignment: ReviewerAssignment) -> QuerySet[ReviewNote]:
    """Private notes: only ever the reader's own."""
    if not _signed_in(user) or assignment.reviewer_id != user.pk:
        return ReviewNote.objects.none()
    return assignment.notes.all()


@dataclass(frozen=True)
class QueueEntry:
    proposal: Proposal
    rank: int | None
    summary: scoring.Summary
    reviewers_assigned: int
    reviewers_conflicted: int


def _summaries(proposals: list[Proposal]) -> dict[int, scoring.Summary]:
    """Weighted score and spread per proposal, in two queries however many proposals."""
    weights: dict[int, dict[int, float]] = defaultdict(dict)
    for intake_id, criterion_id, weight in Criterion.objects.filter(
        intake_id__in={p.intake_id for p in proposals}
    ).values_list("intake_id", "id", "weight"):
        weights[intake_id][criterion_id] = float(weight)
    scores: dict[int, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    rows = (
        Score.objects.filter(assignment__proposal__in=proposals)
        .exclude(assignment__conflict__has_conflict=True)
        .values_list("assignment__proposal_id", "assignment__reviewer_id", "criterion_id", "value")
    )
    for proposal_id, reviewer_id, criterion_id, value in rows:
        scores[proposal_id][reviewer_id][criterion_id] = value
    return {
        p.pk: scoring.summarise(scores.get(p.pk, {}), weights.get(p.intake_id, {}))
        for p in proposals
    }


def review_queue_for(user, planning_group: OrganisationUnit) -> list[QueueEntry]:
    """The planning group's proposals under review, best weighted score first (the chair's)."""
    if not permissions.can(user, Perm.DECIDE, planning_group.path):
        raise Http404
    proposals = list(
        Proposal.objects.filter(planning_group=planning_group, status=Status.UNDER_REVIEW)
        .select_related("lead_collaborative")
        .annotate(
            reviewers_assigned=Count("assignments", distinct=True),
            reviewers_conflicted=Count(
                "assignments", filter=Q(assignments__conflict__has_conflict=True), distinct=True
            ),
        )
        .order_by("submitted_at", "id")
    )
    summaries = _summaries(proposals)
    ranked = scoring.rank(proposals, lambda p: summaries[p.pk].weighted_score)
    return [
        QueueEntry(
            proposal=proposal,
            rank=rank,
            summary=summaries[proposal.pk],
            reviewers_assigned=proposal.reviewers_assigned,
            reviewers_conflicted=proposal.reviewers_conflicted,
        )
        for rank, proposal in ranked
    ]


@dataclass(frozen=True)
class ReviewSummary:
    criteria: list[Criterion]
    # Reviewers' scores with their comments; conflicted reviewers are left out.
    scores: list[Score]
    summary: scoring.Summary
    conflicted: list[ReviewerAssignment]


def proposal_review_summary(*, user, proposal: Proposal) -> ReviewSummary:
    """Every reviewer's scores and comments, for the chair (who is not an author)."""
    if not permissions.can(user, Perm.DECIDE, proposal.planning_group_path) or (
        proposal.authors.filter(person=user).exists()
    ):
        raise Http404
    assignments = list(proposal.assignments.select_related("reviewer", "conflict"))
    conflicted = [a for a in assignments if _has_conflict(a)]
    scores = list(
        Score.objects.filter(assignment__proposal=proposal)
        .exclude(assignment__in=conflicted)
        .select_related("assignment__reviewer", "criterion")
    )
    return ReviewSummary(
        criteria=list(Criterion.objects.filter(intake_id=proposal.intake_id)),
        scores=scores,
        summary=_summaries([proposal])[proposal.pk],
        conflicted=conflicted,
    )


def _has_conflict(assignment: ReviewerAssignment) -> bool:
    declaration = getattr(assignment, "conflict", None)
    return bool(declaration and declaration.has_conflict)

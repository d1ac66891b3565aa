"""Reads for the chair's side: the review chooser, the ranked queue (and its exports), the
decisions of a planning group and the decision page of one proposal.

A chair who is also an author of a proposal sees it listed apart from the ranked queue, unranked
and without its scores, on the page and in the exports; and never decides it. Authors who also
review or decide for the planning group are listed for the chair, so nobody becomes a co-author
of a proposal they review without the chair knowing.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.db.models.query import prefetch_related_objects
from django.http import Http404

from arloesi.core import permissions
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.proposals import scoring
from arloesi.proposals.models import Decision, Proposal, ProposalAuthor, ReviewerAssignment
from arloesi.proposals.permissions import Perm
from arloesi.proposals.selectors.review import (
    assignments_waiting_count,
    reviewer_standing,
    summaries_of,
)
from arloesi.proposals.workflow import Status

RECENT_DECISIONS = 20


@dataclass(frozen=True)
class ReviewHome:
    planning_groups: list
    # Clusters whose priorities the reader maintains (outside the planning groups they chair).
    clusters: list
    intake_groups: set[int]
    can_review: bool
    assignments_waiting: int


def review_home_for(*, user) -> ReviewHome:
    chaired = organisations.units_for(user=user, permission=Perm.DECIDE, kind=Kind.PLANNING_GROUP)
    chaired_paths = tuple(unit.path for unit in chaired) or ("\0",)
    clusters = [
        unit
        for unit in organisations.units_for(
            user=user, permission=Perm.MANAGE_PRIORITIES, kind=Kind.CLUSTER
        )
        if not unit.path.startswith(chaired_paths)
    ]
    can_review = permissions.can_anywhere(user, Perm.REVIEW)
    return ReviewHome(
        planning_groups=chaired,
        clusters=clusters,
        intake_groups={
            unit.pk for unit in chaired if permissions.can(user, Perm.MANAGE_INTAKE, unit.path)
        },
        can_review=can_review,
        assignments_waiting=assignments_waiting_count(user=user) if can_review else 0,
    )


@dataclass(frozen=True)
class QueueRow:
    proposal: Proposal
    # None for the chair's own proposals, which are not ranked.
    rank: int | None
    summary: scoring.Summary
    reviewers_assigned: int
    reviewers_not_counted: int
    # The reader wrote it: they may not see its scores (nor decide on it).
    is_own: bool

    @property
    def reviewers_counted(self) -> int:
        return self.reviewers_assigned - self.reviewers_not_counted


@dataclass(frozen=True)
class Queue:
    ranked: list[QueueRow]
    own: list[QueueRow]

    @property
    def rows(self) -> list[QueueRow]:
        """The ranked proposals, then the reader's own, unranked (as the exports list them)."""
        return [*self.ranked, *self.own]


def queue_for(*, user, planning_group) -> Queue:
    """The planning group's proposals under review, best weighted score first, in a fixed number
    of queries however long; the reader's own proposals apart."""
    if not permissions.can(user, Perm.DECIDE, planning_group.path):
        raise Http404
    proposals = list(
        Proposal.objects.filter(planning_group=planning_group, status=Status.UNDER_REVIEW)
        .select_related("lead_collaborative")
        .order_by("submitted_at", "id")
    )
    prefetch_related_objects(proposals, "sponsors")
    assigned, not_counted = Counter(), Counter()
    for proposal_id, conflicted, is_author in reviewer_standing(proposals):
        assigned[proposal_id] += 1
        not_counted[proposal_id] += bool(conflicted or is_author)
    own = set(
        ProposalAuthor.objects.filter(person=user, proposal__in=proposals).values_list(
            "proposal_id", flat=True
        )
    )
    summaries = summaries_of(proposals)
    others = [p for p in proposals if p.pk not in own]
    ranked = scoring.rank(others, lambda p: summaries[p.pk].weighted_score)

    def row(proposal, rank):
        return QueueRow(
            proposal=proposal,
            rank=rank,
            summary=summaries[proposal.pk],
            reviewers_assigned=assigned[proposal.pk],
            reviewers_not_counted=not_counted[proposal.pk],
            is_own=proposal.pk in own,
        )

    return Queue(
        ranked=[row(proposal, rank) for rank, proposal in ranked],
        own=[row(proposal, None) for proposal in proposals if proposal.pk in own],
    )


@dataclass(frozen=True)
class AuthorWhoReviews:
    name: str
    proposal: Proposal
    since: object
    # Assigned to review the proposal they now write.
    assigned: bool


@dataclass(frozen=True)
class QueuePage:
    queue: Queue
    # Waiting for the chair to bring them back under review.
    deferred: list[Proposal]
    recent_decisions: list[Decision]
    authors_who_review: list[AuthorWhoReviews] = field(default_factory=list)


def queue_page_for(*, user, planning_group) -> QueuePage:
    queue = queue_for(user=user, planning_group=planning_group)
    # Only what the page shows of the deferred proposals and the recent decisions: loading whole
    # proposals (and each decision's chair) cost more than the rest of the queue.
    deferred = list(
        Proposal.objects.filter(planning_group=planning_group, status=Status.DEFERRED)
        .exclude(authors__person=user)
        .select_related("lead_collaborative")
        .only("title", "lead_collaborative__name_en", "lead_collaborative__name_cy")
        .order_by("submitted_at", "id")
    )
    recent = list(
        decisions_for(user=user, planning_group=planning_group)
        .exclude(proposal__authors__person=user)
        .select_related(None)
        .select_related("proposal")
        .only("outcome", "decided_at", "proposal__title")
        .order_by("-decided_at", "-id")[:RECENT_DECISIONS]
    )
    return QueuePage(
        queue=queue,
        deferred=deferred,
        recent_decisions=recent,
        authors_who_review=_authors_who_review(planning_group),
    )


def _authors_who_review(planning_group) -> list[AuthorWhoReviews]:
    """Authors of proposals before the planning group who also review or decide there."""
    reviewers = organisations.people_holding(permission=Perm.REVIEW, unit=planning_group)
    authors = list(
        ProposalAuthor.objects.filter(
            proposal__planning_group=planning_group,
            proposal__status__in=(Status.UNDER_REVIEW, Status.DEFERRED),
            person__in=reviewers.values("pk"),
        )
        .select_related("person", "proposal")
        .order_by("proposal__title", "person__full_name")
    )
    assigned = set(
        ReviewerAssignment.objects.filter(
            proposal__in={author.proposal_id for author in authors}
        ).values_list("proposal_id", "reviewer_id")
    )
    return [
        AuthorWhoReviews(
            name=author.person.full_name,
            proposal=author.proposal,
            since=author.added_at,
            assigned=(author.proposal_id, author.person_id) in assigned,
        )
        for author in authors
    ]


def decisions_for(*, user, planning_group) -> QuerySet[Decision]:
    """Every decision recorded in the planning group, oldest first (the chair's)."""
    if not permissions.can(user, Perm.DECIDE, planning_group.path):
        raise Http404
    return (
        Decision.objects.filter(proposal__planning_group=planning_group)
        .select_related("proposal__lead_collaborative", "decided_by")
        .order_by("decided_at", "id")
    )


def proposal_decisions(*, proposal: Proposal) -> list[Decision]:
    """The decisions on one proposal, oldest first (callers have checked the reader may see
    the proposal; decisions are what its authors are told)."""
    return list(proposal.decisions.select_related("decided_by").order_by("decided_at", "id"))

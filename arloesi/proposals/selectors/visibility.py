"""Who sees a proposal, and what one person may do with one they see. The rules live here once:
the pages ask ``proposal_access`` which buttons to show, and the services ask the same
predicates before they write.

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
  and adapted instead of reinvented;
* someone invited to co-author it, while the invitation waits (to decide whether to accept).

Nobody else: other clusters see nothing until the decision. Within a proposal, scores and
reviewers' comments are for the chair; a reviewer's private notes are for that reviewer alone.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from arloesi.core import permissions
from arloesi.organisations import selectors as organisations
from arloesi.proposals.models import (
    CoAuthorInvitation,
    Proposal,
    ProposalAuthor,
    ProposalSponsor,
    ReviewerAssignment,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.workflow import EDITABLE, PROPOSAL_WORKFLOW, PUBLISHED, Status


def signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


def _visible_q(user) -> Q:
    # Every way of seeing a proposal is a test of the proposal's own columns against a small
    # list of ids, each computed once (unit ids from the reader's reach, proposal ids from their
    # authorships, invitations and assignments), so the list can be read newest first from its
    # index and stop after a page. A test of the lead collaborative's path instead would OR
    # conditions across a join, and PostgreSQL then compared every proposal with every unit
    # (230,000 pairs for the first page at scale 1).
    if not signed_in(user):
        return Q(pk__in=[])
    visible = Q(pk__in=ProposalAuthor.objects.filter(person=user).values("proposal"))
    visible |= Q(
        pk__in=CoAuthorInvitation.objects.filter(
            email__iexact=user.email, status=CoAuthorInvitation.Status.PENDING
        ).values("proposal")
    )
    if permissions.can_anywhere(user, Perm.VIEW):
        collaboratives = organisations.units_within(Perm.VIEW, user=user)
        visible |= Q(lead_collaborative__in=collaboratives)
        visible |= Q(
            pk__in=ProposalSponsor.objects.filter(collaborative__in=collaboratives).values(
                "proposal"
            )
        )
    if permissions.can_anywhere(user, Perm.REVIEW):
        visible |= Q(
            pk__in=ReviewerAssignment.objects.filter(reviewer=user).values("proposal"),
            planning_group__in=organisations.units_within(Perm.REVIEW, user=user),
        )
    if permissions.can_anywhere(user, Perm.DECIDE) or permissions.can_anywhere(user, Perm.OVERSEE):
        visible |= Q(
            submitted_at__isnull=False,
            planning_group__in=organisations.units_within(Perm.DECIDE, Perm.OVERSEE, user=user),
        )
    if permissions.can_anywhere(user, Perm.VIEW_DECIDED):
        visible |= Q(status__in=PUBLISHED)
    return visible


def proposal_list_for(*, user, status: str | None = None) -> QuerySet[Proposal]:
    proposals = Proposal.objects.filter(_visible_q(user)).select_related(
        "lead_collaborative__parent", "planning_group"
    )
    if status:
        proposals = proposals.filter(status=status)
    return proposals.order_by("-created_at", "-id")


def proposal_get_for_user(*, user, proposal_id: int) -> Proposal:
    """The proposal if ``user`` may see it, else 404 (so ids cannot be probed)."""
    try:
        return proposal_list_for(user=user).get(pk=proposal_id)
    except Proposal.DoesNotExist:
        raise Http404 from None


# --- What one person may do with one proposal --------------------------------------------------


def is_author(user, proposal: Proposal) -> bool:
    return (
        signed_in(user) and ProposalAuthor.objects.filter(proposal=proposal, person=user).exists()
    )


def may_decide(user, proposal: Proposal, *, author: bool) -> bool:
    """The planning group's chair decides, unless they wrote the proposal."""
    return not author and permissions.can(user, Perm.DECIDE, proposal.planning_group_path)


def may_review(user, proposal: Proposal, *, author: bool) -> bool:
    """A planning-group member may score what they did not write."""
    return not author and permissions.can(user, Perm.REVIEW, proposal.planning_group_path)


def may_sponsor(user, collaborative_path: str) -> bool:
    return permissions.can(user, Perm.SPONSOR, collaborative_path)


@dataclass(frozen=True)
class ProposalAccess:
    """What one person may do with one proposal they can see: for the buttons on its pages,
    and for the services' checks."""

    is_author: bool
    can_edit: bool
    can_withdraw: bool
    can_resubmit: bool
    can_decide: bool
    can_reopen: bool
    can_assign_reviewers: bool
    can_see_reviews: bool
    assignment: ReviewerAssignment | None


def proposal_access(*, user, proposal: Proposal) -> ProposalAccess:
    author = is_author(user, proposal)
    chair = may_decide(user, proposal, author=author)
    assignment = None
    if permissions.can(user, Perm.REVIEW, proposal.planning_group_path):
        assignment = proposal.assignments.filter(reviewer=user).first()
    return ProposalAccess(
        is_author=author,
        can_edit=author and proposal.status in EDITABLE,
        can_withdraw=author and Status.WITHDRAWN in PROPOSAL_WORKFLOW.targets(proposal.status),
        can_resubmit=author and proposal.status == Status.MORE_INFORMATION_REQUESTED,
        can_decide=chair and proposal.status == Status.UNDER_REVIEW,
        can_reopen=chair and proposal.status == Status.DEFERRED,
        can_assign_reviewers=chair and proposal.status in (Status.UNDER_REVIEW, Status.DEFERRED),
        can_see_reviews=chair and proposal.submitted_at is not None,
        assignment=assignment,
    )

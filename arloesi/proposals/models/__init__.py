"""Local priorities, proposals and their review.

Scoping. Permissions compare organisation-unit paths (core.permissions). A proposal is scoped
through its foreign keys' current paths, never through copies of them, because a unit that
moves (organisations.services.unit_update) gets a new path and copies would go stale: the
collaborative would lose sight of its own drafts after a reorganisation.

* ``Proposal.lead_collaborative`` — the authoring side (``Proposal.scope_path``);
* ``ProposalSponsor.collaborative`` — each sponsoring collaborative, so a cross-boundary
  proposal is visible to every collaborative (and cluster lead) that sponsors it;
* ``Proposal.planning_group`` — the reviewing side (``Proposal.planning_group_path``): the
  planning group that considers it, kept even if the lead collaborative later moves.

``selectors.py`` combines these with the permissions in ``permissions.py``.
"""

from arloesi.proposals.models.attachments import ProposalAttachment
from arloesi.proposals.models.priorities import Criterion, Intake, LocalPriority
from arloesi.proposals.models.proposal import (
    EvaluationPlan,
    Project,
    Proposal,
    ProposalAuthor,
    ProposalNeed,
    ProposalPriority,
    ProposalSponsor,
    ProposalTransition,
)
from arloesi.proposals.models.review import (
    ConflictDeclaration,
    Decision,
    ReviewerAssignment,
    ReviewNote,
    Score,
)

__all__ = [
    "ConflictDeclaration",
    "Criterion",
    "Decision",
    "EvaluationPlan",
    "Intake",
    "LocalPriority",
    "Project",
    "Proposal",
    "ProposalAttachment",
    "ProposalAuthor",
    "ProposalNeed",
    "ProposalPriority",
    "ProposalSponsor",
    "ProposalTransition",
    "ReviewNote",
    "ReviewerAssignment",
    "Score",
]

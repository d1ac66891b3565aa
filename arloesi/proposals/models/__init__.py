"""Local priorities, proposals and their review.

Scoping. Every row that permissions check carries the organisation-unit paths it belongs to,
copied when it is created (units rarely move; ``organisations.services.unit_update`` rewrites
unit paths only):

* ``Proposal.scope_path`` — the lead collaborative's path (the authoring side);
* ``Proposal.planning_group_path`` — the planning group that considers it (the reviewing side);
* ``ProposalSponsor.collaborative_path`` — each sponsoring collaborative, so a cross-boundary
  proposal is visible to every collaborative (and cluster) that sponsors it, not only the lead's.

``selectors.py`` combines these with the permissions in ``permissions.py``.
"""

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
    "ProposalAuthor",
    "ProposalNeed",
    "ProposalPriority",
    "ProposalSponsor",
    "ProposalTransition",
    "ReviewNote",
    "ReviewerAssignment",
    "Score",
]

"""Proposals, in the app's four parts: what proposals are judged against (``intake``), writing
them (``writing``), reviewing them (``review``) and the chair's decisions (``decisions``).

Scoping. Permissions compare organisation-unit paths (core.permissions). A proposal is scoped
through its foreign keys' current paths, never through copies of them, because a unit that
moves (organisations.services.unit_update) gets a new path and copies would go stale: the
collaborative would lose sight of its own drafts after a reorganisation.

* ``Proposal.lead_collaborative`` — the authoring side (``Proposal.scope_path``);
* ``ProposalSponsor.collaborative`` — each sponsoring collaborative, so a cross-boundary
  proposal is visible to every collaborative (and cluster lead) that sponsors it;
* ``Proposal.planning_group`` — the reviewing side (``Proposal.planning_group_path``): the
  planning group that considers it, kept even if the lead collaborative later moves.

``selectors/visibility.py`` combines these with the permissions in ``permissions.py``.
"""

from arloesi.proposals.models.decisions import Decision
from arloesi.proposals.models.intake import Criterion, Intake, LocalPriority
from arloesi.proposals.models.review import (
    ConflictDeclaration,
    ReviewerAssignment,
    ReviewNote,
    Score,
)
from arloesi.proposals.models.writing import (
    CoAuthorInvitation,
    CoAuthorInvitationStatusChange,
    EvaluationPlan,
    Proposal,
    ProposalAttachment,
    ProposalAuthor,
    ProposalNeed,
    ProposalPriority,
    ProposalSponsor,
    ProposalTransition,
)

__all__ = [
    "CoAuthorInvitation",
    "CoAuthorInvitationStatusChange",
    "ConflictDeclaration",
    "Criterion",
    "Decision",
    "EvaluationPlan",
    "Intake",
    "LocalPriority",
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

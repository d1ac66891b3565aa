"""The proposal as people read it: its page, its history of changes and its pitch pack.

The history shows who changed which fields and when to everyone who may see the proposal; the
values before and after only to its authors, the chair of its planning group and
administrators (``proposals.view_change_values``), because a value removed from a draft — an
NHS number pasted by mistake — must not stay readable to everyone else.
"""

from dataclasses import dataclass, field
from typing import Any

from arloesi.core import audit, permissions
from arloesi.diagrams import selectors as diagrams
from arloesi.projects import selectors as projects
from arloesi.proposals import links
from arloesi.proposals.models import (
    CoAuthorInvitation,
    Decision,
    EvaluationPlan,
    Proposal,
    ProposalAttachment,
    ProposalAuthor,
    ProposalNeed,
    ProposalPriority,
    ProposalSponsor,
    ProposalTransition,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.selectors.visibility import (
    ProposalAccess,
    is_author,
    may_sponsor,
    proposal_get_for_user,
)
from arloesi.proposals.selectors.writing.drafting import (
    attachments_of,
    authors_of,
    needs_of,
    nhs_number_fields,
    sponsors_of,
)
from arloesi.proposals.workflow import EDITABLE, STARTS_PROJECT


@dataclass(frozen=True)
class ProposalDetails:
    """Everything the proposal's page and its pitch pack show, in a fixed number of queries."""

    plan: EvaluationPlan | None
    sponsors: list[ProposalSponsor]
    authors: list[ProposalAuthor]
    priorities: list
    needs: list[ProposalNeed]

    @property
    def clusters(self) -> int:
        return len({s.collaborative.parent_id for s in self.sponsors})


def proposal_details(*, proposal: Proposal) -> ProposalDetails:
    return ProposalDetails(
        plan=EvaluationPlan.objects.filter(proposal=proposal).first(),
        sponsors=sponsors_of(proposal),
        authors=authors_of(proposal),
        priorities=[
            link.priority
            for link in ProposalPriority.objects.filter(proposal=proposal)
            .select_related("priority__unit")
            .order_by("priority__title_en")
        ],
        needs=needs_of(proposal),
    )


@dataclass(frozen=True)
class DetailPage:
    details: ProposalDetails
    attachments: list[ProposalAttachment]
    transitions: list[ProposalTransition]
    decisions: list[Decision]
    # A sponsorship the reader, as its collaborative's lead, is asked to confirm.
    sponsor_to_confirm: ProposalSponsor | None
    nhs_number_fields: list[str]
    # The proposal's driver diagram, and the one of the project it started (its own copy).
    diagram: Any
    project_diagram: Any
    # The project it started, when the reader may see it.
    project: Any = None
    # What higher apps keep about it ("Adopted from …"; ``proposals.links``).
    links: list = field(default_factory=list)


def detail_page(*, user, proposal: Proposal, access: ProposalAccess) -> DetailPage:
    details = proposal_details(proposal=proposal)
    project = _project(user, proposal)
    return DetailPage(
        details=details,
        attachments=attachments_of(proposal),
        transitions=list(proposal.transitions.select_related("actor").order_by("at", "id")),
        decisions=list(Decision.objects.filter(proposal=proposal).order_by("decided_at", "id")),
        sponsor_to_confirm=next(
            (
                s
                for s in details.sponsors
                if not s.confirmed_at
                and len(details.sponsors) > 1
                and proposal.status in EDITABLE
                and may_sponsor(user, s.collaborative.path)
            ),
            None,
        ),
        nhs_number_fields=nhs_number_fields(proposal, details.plan) if access.can_edit else [],
        diagram=diagrams.diagram_of(kind="proposal", owner_id=proposal.pk),
        project_diagram=_project_diagram(user, project),
        project=project,
        links=links.for_proposal(proposal),
    )


def _project(user, proposal: Proposal) -> Any:
    if proposal.status not in STARTS_PROJECT:
        return None
    project = projects.project_for_proposal(proposal_id=proposal.pk)
    if project is None or not projects.project_visible(user=user, project_id=project.pk):
        return None
    return project


def _project_diagram(user, project) -> Any:
    if project is None:
        return None
    diagram = diagrams.diagram_of(kind="project", owner_id=project.pk)
    if diagram is None or not diagrams.diagram_access(user=user, diagram=diagram).may_view:
        return None
    return diagram


def may_see_change_values(user, proposal: Proposal) -> bool:
    return is_author(user, proposal) or permissions.can(
        user, Perm.VIEW_CHANGE_VALUES, proposal.planning_group_path
    )


@dataclass(frozen=True)
class HistoryPage:
    events: list
    show_values: bool
    can_redact: bool


def proposal_for_history(*, user, proposal_id: int) -> Proposal:
    """A proposal whose history ``user`` may read: one they may see, or any proposal for an
    administrator, who removes patient data written by mistake wherever it was written."""
    if permissions.can_anywhere(user, permissions.REDACT):
        proposal = Proposal.objects.select_related("planning_group").filter(pk=proposal_id).first()
        if proposal is not None:
            return proposal
    return proposal_get_for_user(user=user, proposal_id=proposal_id)


def history_page(*, user, proposal: Proposal) -> HistoryPage:
    show_values = may_see_change_values(user, proposal)
    return HistoryPage(
        events=audit.history_for(
            proposal,
            including=(
                ProposalAuthor.objects.filter(proposal=proposal),
                CoAuthorInvitation.objects.filter(proposal=proposal),
                ProposalSponsor.objects.filter(proposal=proposal),
                ProposalPriority.objects.filter(proposal=proposal),
                ProposalNeed.objects.filter(proposal=proposal),
                EvaluationPlan.objects.filter(proposal=proposal),
                ProposalAttachment.objects.filter(proposal=proposal),
            ),
            show_values=show_values,
        ),
        show_values=show_values,
        can_redact=show_values and permissions.can_anywhere(user, permissions.REDACT),
    )


def funding_requested(*, proposal_id: int):
    """The funding the proposal asked for (None when it asked for none) — what a project's
    evaluation compares its costs against (callers have checked the reader may see it)."""
    return Proposal.objects.filter(pk=proposal_id).values_list("funding_amount", flat=True).first()

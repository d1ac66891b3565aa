"""The chair's decisions: approve (with or without conditions), ask for more information,
defer or decline a proposal under review, and bring a deferred one back. An approval starts
the project, through the projects app."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.diagrams import services as diagram_services
from arloesi.projects import services as project_services
from arloesi.proposals.models import (
    Decision,
    EvaluationPlan,
    Proposal,
    ProposalAuthor,
    ProposalPriority,
    ProposalSponsor,
)
from arloesi.proposals.sections import EVALUATION_FIELDS
from arloesi.proposals.services import notifications
from arloesi.proposals.services.rules import locked, move, require_chair
from arloesi.proposals.workflow import PROPOSAL_WORKFLOW, STARTS_PROJECT, Outcome, Status


@transaction.atomic
def decision_record(
    *,
    actor,
    proposal: Proposal,
    outcome: str,
    rationale: str,
    conditions: str = "",
    feedback: str = "",
    meeting_reference: str = "",
    meeting_date: date | None = None,
) -> Decision:
    """The chair's decision on a proposal under review. The authors see it with its reasons,
    conditions and feedback; an approval starts the project (as a pilot)."""
    current = locked(proposal)
    require_chair(actor, current)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Select a decision.")})
    PROPOSAL_WORKFLOW.transition(current.status, outcome)
    decision = audit.create(
        Decision,
        actor=actor,
        proposal=current,
        outcome=outcome,
        rationale=rationale,
        conditions=conditions,
        feedback=feedback,
        meeting_reference=meeting_reference,
        meeting_date=meeting_date,
        decided_by=actor,
    )
    move(current, to_status=outcome, actor=actor, reason=rationale)
    if outcome in STARTS_PROJECT:
        plan = EvaluationPlan.objects.filter(proposal=current).first()
        authors = list(ProposalAuthor.objects.filter(proposal=current).select_related("person"))
        project = project_services.project_start(
            actor=actor,
            proposal_id=current.pk,
            title=current.title,
            lead_collaborative=current.lead_collaborative,
            planning_group=current.planning_group,
            conditions=conditions,
            evaluation_plan={name: getattr(plan, name) for name in EVALUATION_FIELDS}
            if plan
            else {},
            team=[author.person for author in authors],
            lead=next((author.person for author in authors if author.is_lead), None),
            sponsors=[
                sponsor.collaborative
                for sponsor in ProposalSponsor.objects.filter(proposal=current).select_related(
                    "collaborative"
                )
            ],
            priority_ids=ProposalPriority.objects.filter(proposal=current).values_list(
                "priority_id", flat=True
            ),
        )
        # The project starts from the diagram the planning group approved; the proposal's copy
        # stays as it was.
        diagram_services.diagram_carry_over(
            actor=actor,
            from_kind="proposal",
            from_id=current.pk,
            to_kind="project",
            to_id=project.pk,
        )
    notifications.decision_recorded(decision=decision)
    return decision


def proposal_request_information(*, actor, proposal: Proposal, request: str, **meeting) -> Decision:
    """Send the proposal back to its authors, saying what the planning group needs to know."""
    return decision_record(
        actor=actor,
        proposal=proposal,
        outcome=Outcome.MORE_INFORMATION_REQUESTED,
        rationale=request,
        feedback=request,
        **meeting,
    )


@transaction.atomic
def proposal_reopen(*, actor, proposal: Proposal, reason: str = "") -> Proposal:
    """Bring a deferred proposal back under review."""
    current = locked(proposal)
    require_chair(actor, current)
    move(current, to_status=Status.UNDER_REVIEW, actor=actor, reason=reason)
    return current

"""What screening sees of a proposal, and what it would say if the proposal were submitted now."""

from arloesi.proposals.models import Proposal
from arloesi.proposals.selectors.intake import intake_current
from arloesi.proposals.workflow import ProposalSnapshot, ScreeningResult, Status, screen


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

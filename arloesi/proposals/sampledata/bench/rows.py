"""The rows of one synthetic proposal, as its plan says: the proposal, its parts, its reviews,
decisions and status changes (unsaved; ``generate`` writes them)."""

from datetime import datetime, timedelta
from decimal import Decimal

from arloesi.projects.models import Project
from arloesi.proposals.models import Proposal, ReviewerAssignment
from arloesi.proposals.sampledata.bench.plans import (
    CONFLICT_SHARE,
    DECIDED,
    INTERVENTIONS,
    PLACES,
    PROFESSIONS,
    SENTENCES,
    Plan,
    text,
)
from arloesi.proposals.workflow import STARTS_PROJECT, Status


def proposal_for(rng, plan: Plan, *, number: int, created_by: int) -> Proposal:
    intervention = rng.choice(INTERVENTIONS)
    for_whom = rng.choice(PLACES)
    complete = plan.status != Status.DRAFT or rng.random() < 0.5
    funding = Decimal(rng.randrange(0, 60)) * 500
    return Proposal(
        title=f"{intervention} for {for_whom} ({number + 1})",
        status=plan.status,
        lead_collaborative=plan.home,
        planning_group=plan.group.unit,
        intake=plan.intake,
        created_by_id=created_by,
        created_at=plan.created_at,
        submitted_at=plan.submitted_at,
        version=1 + (3 if plan.submitted_at else 0),
        problem=text(rng, 2),
        evidence=text(rng, 2) if complete else "",
        population=f"{for_whom.capitalize()} in the cluster.",
        affects_vulnerable_groups=for_whom in PLACES[:3],
        vulnerable_groups_notes="Home visits for people who cannot travel."
        if for_whom in PLACES[:3]
        else "",
        innovation_type=rng.choice(
            ["service", "delivery_method", "technology", "product", "system", "policy"]
        ),
        novelty=rng.choice(["new", "improved"]),
        pitch_hook=rng.choice(SENTENCES),
        pitch_problem=rng.choice(SENTENCES) if complete else "",
        pitch_solution=f"{intervention} for {for_whom}." if complete else "",
        pitch_ask=f"Fund a {rng.randrange(6, 25)}-month pilot." if complete else "",
        value_for_whom=for_whom.capitalize() if complete else "",
        value_need="Care closer to home" if complete else "",
        value_offer=intervention if complete else "",
        value_benefit="Fewer emergency admissions" if complete else "",
        value_unlike="A referral that takes weeks" if complete else "",
        funding_amount=funding if complete else None,
        funding_source=rng.choice(["cluster_budget", "health_board", "sppc_fund"])
        if complete and funding
        else "",
        duration_months=rng.randrange(6, 25) if complete else None,
    )


def parts(rng, plan: Plan, proposal: Proposal, *, rows, leads, now: datetime) -> None:
    """Everything a proposal is made of, and what happened to it, as unsaved rows."""
    group = plan.group
    submitted = plan.submitted_at
    for position, person_id in enumerate(plan.authors):
        rows["ProposalAuthor"].append(
            {
                "proposal_id": proposal.pk,
                "person_id": person_id,
                "is_lead": position == 0,
                "added_at": plan.created_at + timedelta(minutes=position),
            }
        )
    sponsors = [plan.home]
    if plan.group_wide:
        sponsors += [c for c in group.collaboratives if c.pk != plan.home.pk]
    elif plan.cross_boundary:
        sponsors.append(rng.choice([c for c in group.collaboratives if c.pk != plan.home.pk]))
    for collaborative in sponsors:
        confirmer = (leads.get(collaborative.pk) or [None])[0]
        confirmed = plan.cross_boundary and submitted is not None and confirmer is not None
        rows["ProposalSponsor"].append(
            {
                "proposal_id": proposal.pk,
                "collaborative_id": collaborative.pk,
                "confirmed_by_id": confirmer if confirmed else None,
                "confirmed_at": submitted - timedelta(days=1) if confirmed else None,
            }
        )
    for _ in range(rng.randint(1, 3)):
        rows["ProposalNeed"].append(
            {
                "proposal_id": proposal.pk,
                "profession": rng.choice(PROFESSIONS),
                "hours": rng.randrange(10, 400),
                "skill": rng.choice(["", "", "Prescribing", "Welsh speaker", "Data analysis"]),
            }
        )
    filled = submitted is not None
    rows["EvaluationPlan"].append(
        {
            "proposal_id": proposal.pk,
            "objectives": "Show what the change does for the people it is for." if filled else "",
            "baseline": "The last twelve months of practice data." if filled else "",
            "success_measures": "Monthly counts on a run chart." if filled else "",
            "approach": rng.choice(["formative", "summative", "both"]) if filled else "",
            "timescale": "Twelve months" if filled else "",
            "evaluator": "Cluster evaluation lead" if filled else "",
            "version": 2 if filled else 1,
        }
    )
    on = (submitted or plan.created_at).date()
    pool = [p for p in group.priorities if p.period_start <= on <= p.period_end]
    pool = pool or group.priorities
    for priority in rng.sample(pool, min(len(pool), rng.randint(1, 2))):
        rows["ProposalPriority"].append({"proposal_id": proposal.pk, "priority_id": priority.pk})

    if submitted is None:
        return
    lead_author = plan.authors[0]
    steps = [
        (Status.DRAFT, Status.SUBMITTED, lead_author, submitted),
        (Status.SUBMITTED, Status.SCREENING, None, submitted + timedelta(seconds=1)),
        (Status.SCREENING, Status.UNDER_REVIEW, None, submitted + timedelta(seconds=2)),
    ]
    reviewed = plan.status in DECIDED or plan.status == Status.UNDER_REVIEW or plan.first_step
    if reviewed:
        review(rng, plan, proposal, rows=rows, now=now)
    # The status the final step starts from.
    last = Status.UNDER_REVIEW
    if plan.first_step:
        interim = submitted + (plan.decided_at - submitted) / 3
        back = submitted + (plan.decided_at - submitted) * 2 / 3
        steps.append((Status.UNDER_REVIEW, plan.first_step, group.chair, interim))
        rows["Decision"].append(decision(rng, plan, proposal, outcome=plan.first_step, at=interim))
        if plan.first_step == Status.DEFERRED:
            steps.append((Status.DEFERRED, Status.UNDER_REVIEW, group.chair, back))
        elif plan.status == Status.WITHDRAWN:
            last = Status.MORE_INFORMATION_REQUESTED
        else:
            steps += [
                (Status.MORE_INFORMATION_REQUESTED, Status.SUBMITTED, lead_author, back),
                (Status.SUBMITTED, Status.SCREENING, None, back + timedelta(seconds=1)),
                (Status.SCREENING, Status.UNDER_REVIEW, None, back + timedelta(seconds=2)),
            ]
    if plan.status == Status.WITHDRAWN:
        steps.append((last, Status.WITHDRAWN, lead_author, plan.decided_at or now))
    elif plan.status in DECIDED:
        steps.append((Status.UNDER_REVIEW, plan.status, group.chair, plan.decided_at))
        rows["Decision"].append(decision(rng, plan, proposal))
        if plan.status in STARTS_PROJECT:
            rows["Project"].append(
                Project(
                    proposal_id=proposal.pk,
                    title=proposal.title,
                    lead_collaborative_id=proposal.lead_collaborative_id,
                    planning_group_id=proposal.planning_group_id,
                    started_by_id=group.chair,
                    started_at=plan.decided_at + timedelta(days=1),
                )
            )
    for from_status, to_status, actor, at in steps:
        rows["ProposalTransition"].append(
            {
                "proposal_id": proposal.pk,
                "at": at,
                "actor_id": actor,
                "from_status": from_status,
                "to_status": to_status,
                "reason": "" if actor is None or to_status == Status.SUBMITTED else "See decision.",
            }
        )


def review(rng, plan: Plan, proposal: Proposal, *, rows, now: datetime) -> None:
    group = plan.group
    candidates = [r for r in group.reviewers if r not in plan.authors]
    if not candidates:
        return
    criteria = group.criteria.get(plan.intake.pk, [])
    finished = plan.status != Status.UNDER_REVIEW
    for reviewer in rng.sample(candidates, min(len(candidates), rng.randint(2, 4))):
        assigned = plan.submitted_at + timedelta(days=rng.randrange(1, 7))
        assigned = min(assigned, now)
        rows["ReviewerAssignment"].append(
            ReviewerAssignment(
                proposal_id=proposal.pk, reviewer_id=reviewer, assigned_by_id=group.chair,
                assigned_at=assigned,
            )
        )  # fmt: skip
        conflict = rng.random() < CONFLICT_SHARE
        if conflict:
            scored = []
        elif finished:
            scored = criteria
        else:
            scored = criteria[: rng.choice([0, len(criteria) // 2, len(criteria), len(criteria)])]
        quality = rng.uniform(1.5, 4.5)
        values = [
            (criterion, min(5, max(1, round(rng.gauss(quality, 0.8))))) for criterion in scored
        ]
        rows["assignment_outcomes"].append((conflict, values))


def decision(rng, plan: Plan, proposal: Proposal, *, outcome=None, at=None) -> dict:
    status = outcome or plan.status
    at = at or plan.decided_at
    return {
        "proposal_id": proposal.pk,
        "outcome": status,
        "rationale": text(rng, 2),
        "conditions": "Report progress to the planning group every quarter."
        if status == Status.APPROVED_WITH_CONDITIONS
        else "",
        "feedback": text(rng, 1) if status != Status.APPROVED else "",
        "meeting_reference": f"PCPG meeting {at:%B %Y}",
        "meeting_date": at.date(),
        "decided_by_id": plan.group.chair,
        "decided_at": at,
    }


def group_wide_notes(plans: list[Plan], proposals: list[Proposal], rows) -> list[dict]:
    """The group-wide proposal's reviewers each keep a private note on every sponsoring
    collaborative they spoke to."""
    group_wide = {p.pk: plan for plan, p in zip(plans, proposals, strict=True) if plan.group_wide}
    notes = []
    for assignment, (conflict, _values) in zip(
        rows["ReviewerAssignment"], rows["assignment_outcomes"], strict=True
    ):
        plan = group_wide.get(assignment.proposal_id)
        if plan is None or conflict:
            continue
        notes += [
            {
                "assignment_id": assignment.pk,
                "text": f"Spoke to the lead of {collaborative.name_en}: they can start in spring.",
                "created_at": assignment.assigned_at + timedelta(hours=position + 1),
            }
            for position, collaborative in enumerate(plan.group.collaboratives)
        ]
    return notes

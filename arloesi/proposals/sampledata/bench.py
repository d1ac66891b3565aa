"""Synthetic proposals for the benchmark (see arloesi.core.bench), and the proposal pages to time.

Scale 1 is five years of proposals across Wales: about 2,500, spread over the planning groups
and collaboratives the organisations generator made, more in recent years than early on. Each
planning group has local priorities, two intakes a year with the default criteria (the latest
still open), and its proposals go through every state: drafts, the current intake's proposals
under review (partly scored), earlier ones decided (approved — with a pilot project — declined,
deferred, more information requested) or withdrawn. Older deferred proposals came back and were
decided; after an older request for more information the authors resubmitted or gave up. One in
ten is cross-boundary. Reviewers are
the planning group's members and chair; a few declare a conflict. Every status change has its
ProposalTransition row. The rows are written with ``bulk_create``: this is synthetic data, not
what the services would write step by step (no audit events, no e-mails).

Calling the generator again adds another batch of proposals; intakes and priorities are only
made for planning groups that have none yet.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.organisations.models import Membership, OrganisationUnit, Person
from arloesi.organisations.roles import Kind, Profession, Role
from arloesi.organisations.sampledata.bench import largest_planning_group, practitioner
from arloesi.proposals.criteria import DEFAULT_CRITERIA
from arloesi.proposals.models import (
    ConflictDeclaration,
    Criterion,
    Decision,
    EvaluationPlan,
    Intake,
    LocalPriority,
    Project,
    Proposal,
    ProposalAuthor,
    ProposalNeed,
    ProposalPriority,
    ProposalSponsor,
    ProposalTransition,
    ReviewerAssignment,
    Score,
)
from arloesi.proposals.workflow import STARTS_PROJECT, Status

PROPOSALS = 2500
YEARS = 5
INTAKES_PER_YEAR = 2
INTAKE_WEEKS = 10
CROSS_BOUNDARY_SHARE = 0.1
DRAFT_SHARE = 0.08
# Each planning group's current intake has at least this many proposals under review, so that
# the chair's queue has something to rank at every scale.
MIN_UNDER_REVIEW = 3
CONFLICT_SHARE = 0.05
BATCH_SIZE = 1000

# Outcomes of proposals submitted to earlier intakes, and of the current one.
EARLIER = {
    Status.APPROVED: 28,
    Status.APPROVED_WITH_CONDITIONS: 20,
    Status.DECLINED: 34,
    Status.DEFERRED: 3,
    Status.MORE_INFORMATION_REQUESTED: 4,
    Status.WITHDRAWN: 11,
}
CURRENT = {
    Status.UNDER_REVIEW: 75,
    Status.MORE_INFORMATION_REQUESTED: 10,
    Status.DEFERRED: 5,
    Status.WITHDRAWN: 5,
    Status.DECLINED: 5,
}
INTERIM = frozenset({Status.DEFERRED, Status.MORE_INFORMATION_REQUESTED})
FINAL = {Status.APPROVED: 28, Status.APPROVED_WITH_CONDITIONS: 20, Status.DECLINED: 34}
DECIDED = frozenset(
    {
        Status.APPROVED,
        Status.APPROVED_WITH_CONDITIONS,
        Status.DECLINED,
        Status.DEFERRED,
        Status.MORE_INFORMATION_REQUESTED,
    }
)

INTERVENTIONS = [
    "Eye checks at the flu clinic", "Pharmacy blood-pressure checks", "Same-day frailty huddles",
    "Inhaler technique checks", "Text reminders for immunisations", "Falls-prevention classes",
    "Social prescribing link worker", "Shared medication reviews", "Diabetes foot checks",
    "Physiotherapy first-contact practitioner", "Oral-health checks for care homes",
    "Wound-care clinic", "Community pharmacy contraception service", "Carers' health checks",
    "Memory-clinic follow-up in practices", "Smoking-cessation drop-in",
]  # fmt: skip
PLACES = [
    "older people living alone", "care-home residents", "families with young children",
    "people with long-term conditions", "housebound patients", "people with dementia",
    "young carers", "people on repeat prescriptions",
]  # fmt: skip
SENTENCES = [
    "Waiting times in the cluster plan rose by a third in two years.",
    "Patients tell us they cannot get an appointment when they need one.",
    "The practices and pharmacies already see these people every week.",
    "A small pilot last winter showed the idea works on a small scale.",
    "Emergency admissions for this group are above the Welsh average.",
    "Nobody looks at the whole picture for these patients on the day.",
    "The service would be offered in Welsh and English from the start.",
    "Staff from several professions would work together on each case.",
]
PRIORITY_TITLES = [
    ("Frailty and falls prevention", "Eiddilwch ac atal cwympiadau"),
    ("Same-day access to care", "Mynediad at ofal ar yr un diwrnod"),
    ("Medicines optimisation", "Optimeiddio meddyginiaethau"),
    ("Healthy weight", "Pwysau iach"),
    ("Mental well-being", "Lles meddyliol"),
    ("Childhood immunisation uptake", "Cynyddu nifer y plant sy’n cael eu himiwneiddio"),
]
PROFESSIONS = [p for p in Profession if p != Profession.OTHER]


def _scaled(count: float, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(count * scale))


def _text(rng: random.Random, sentences: int = 2) -> str:
    return " ".join(rng.sample(SENTENCES, sentences))


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + (end - start) * rng.random()


def _weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass
class _Group:
    """A planning group and the people who act in it."""

    unit: OrganisationUnit
    collaboratives: list[OrganisationUnit] = field(default_factory=list)
    chair: int | None = None
    members: list[int] = field(default_factory=list)
    intakes: list[Intake] = field(default_factory=list)
    criteria: dict[int, list[Criterion]] = field(default_factory=dict)
    priorities: list[LocalPriority] = field(default_factory=list)

    @property
    def reviewers(self) -> list[int]:
        return [*self.members, *([self.chair] if self.chair else [])]


@transaction.atomic
def proposals_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    with translation.override("en"):
        return _generate(scale=scale, rng=rng)


def _generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    now = timezone.now()
    began = now - timedelta(days=365 * YEARS)
    groups = _groups()
    if not groups:
        return {"proposals": 0}
    authors, leads = _collaborative_people()

    # --- Priorities and intakes, for planning groups that have none --------------------------
    new_priorities, new_intakes = [], []
    for group in groups.values():
        if LocalPriority.objects.filter(unit=group.unit).exists():
            group.priorities = list(LocalPriority.objects.filter(unit=group.unit))
        else:
            for year in range(YEARS + 1):
                starts = (began + timedelta(days=365 * year)).date()
                for title_en, title_cy in rng.sample(PRIORITY_TITLES, 2):
                    group.priorities.append(
                        LocalPriority(
                            unit=group.unit,
                            title_en=title_en,
                            title_cy=title_cy,
                            source_plan=LocalPriority.SourcePlan.PAN_CLUSTER_PLAN,
                            period_start=starts,
                            period_end=starts + timedelta(days=3 * 365 - 1),
                        )
                    )
            new_priorities += group.priorities
        if Intake.objects.filter(planning_group=group.unit).exists():
            group.intakes = list(
                Intake.objects.filter(planning_group=group.unit).order_by("opens_at")
            )
            continue
        rounds = YEARS * INTAKES_PER_YEAR
        for number in range(rounds):
            # The latest opened a few weeks ago and is still open; the others lasted 10 weeks.
            ago = (rounds - 1 - number) * 365 / INTAKES_PER_YEAR + rng.randrange(20, 60)
            opens = now - timedelta(days=ago)
            last = number == rounds - 1
            group.intakes.append(
                Intake(
                    planning_group=group.unit,
                    opens_at=opens,
                    closes_at=None if last else opens + timedelta(weeks=INTAKE_WEEKS),
                )
            )
        new_intakes += group.intakes
    LocalPriority.objects.bulk_create(new_priorities, batch_size=BATCH_SIZE)
    Intake.objects.bulk_create(new_intakes, batch_size=BATCH_SIZE)
    Criterion.objects.bulk_create(
        [
            Criterion(intake=intake, name_en=en, name_cy=cy, weight=weight, position=position)
            for intake in new_intakes
            for position, (en, cy, weight) in enumerate(DEFAULT_CRITERIA, start=1)
        ],
        batch_size=BATCH_SIZE,
    )
    by_intake = defaultdict(list)
    for criterion in Criterion.objects.filter(
        intake__planning_group__in=[g.unit for g in groups.values()]
    ).order_by("position", "id"):
        by_intake[criterion.intake_id].append(criterion)
    for group in groups.values():
        group.criteria = {intake.pk: by_intake[intake.pk] for intake in group.intakes}

    # --- Proposals ----------------------------------------------------------------------------
    total = _scaled(PROPOSALS, scale, minimum=MIN_UNDER_REVIEW * len(groups))
    collaboratives = [c for g in groups.values() for c in g.collaboratives if authors.get(c.pk)]
    weights = [len(authors[c.pk]) for c in collaboratives]
    homes = rng.choices(collaboratives, weights=weights, k=total)
    group_of = {c.pk: g for g in groups.values() for c in g.collaboratives}
    plans: list[_Plan] = []
    for home in homes:
        group = group_of[home.pk]
        plans.append(_plan(rng, group=group, home=home, now=now))
    # Every current intake has proposals under review for its chair to rank.
    current_count: dict[int, int] = defaultdict(int)
    for plan in plans:
        if plan.intake is not None and plan.intake.closes_at is None:
            if current_count[plan.group.unit.pk] < MIN_UNDER_REVIEW:
                plan.status = Status.UNDER_REVIEW
            current_count[plan.group.unit.pk] += 1
    for group in groups.values():
        missing = MIN_UNDER_REVIEW - current_count[group.unit.pk]
        for _ in range(max(0, missing)):
            home = rng.choice(group.collaboratives)
            if authors.get(home.pk):
                plan = _plan(rng, group=group, home=home, now=now, current=True)
                plan.status = Status.UNDER_REVIEW
                plans.append(plan)

    proposals = []
    for number, plan in enumerate(plans):
        lead_author = rng.choice(authors[plan.home.pk])
        plan.authors = [lead_author]
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            other = rng.choice(authors[rng.choice(plan.group.collaboratives).pk] or [lead_author])
            if other not in plan.authors:
                plan.authors.append(other)
        proposals.append(_proposal(rng, plan, number=number, created_by=lead_author))
    Proposal.objects.bulk_create(proposals, batch_size=BATCH_SIZE)

    rows: dict[str, list] = defaultdict(list)
    for plan, proposal in zip(plans, proposals, strict=True):
        _parts(rng, plan, proposal, rows=rows, leads=leads, now=now)
    for model in (Project, ReviewerAssignment):
        model.objects.bulk_create(rows[model.__name__], batch_size=BATCH_SIZE)
    # The rows nothing else refers to as plain rows: bulk_create's model instances were most of
    # the generation time at ten times all of Wales (400,000 scores).
    for model in (
        ProposalAuthor,
        ProposalSponsor,
        ProposalNeed,
        EvaluationPlan,
        ProposalPriority,
        ProposalTransition,
        Decision,
    ):
        bench.insert_rows(model, rows[model.__name__])
    for assignment, (conflict, values) in zip(
        rows["ReviewerAssignment"], rows["assignment_outcomes"], strict=True
    ):
        rows["ConflictDeclaration"].append(
            {
                "assignment_id": assignment.pk,
                "has_conflict": conflict,
                "details": "I am a partner in one of the practices involved." if conflict else "",
                "declared_at": assignment.assigned_at + timedelta(days=1),
            }
        )
        for criterion, value in values:
            rows["Score"].append(
                {
                    "assignment_id": assignment.pk,
                    "criterion_id": criterion.pk,
                    "value": value,
                    "comment": rng.choice(SENTENCES),
                    "recorded_at": assignment.assigned_at + timedelta(days=rng.randrange(2, 14)),
                }
            )
    bench.insert_rows(ConflictDeclaration, rows["ConflictDeclaration"])
    bench.insert_rows(Score, rows["Score"])

    return {
        "proposals": len(proposals),
        "cross-boundary": sum(1 for plan in plans if plan.cross_boundary),
        "intakes": len(new_intakes),
        "priorities": len(new_priorities),
        "assignments": len(rows["ReviewerAssignment"]),
        "scores": len(rows["Score"]),
        "decisions": len(rows["Decision"]),
        "transitions": len(rows["ProposalTransition"]),
        "projects": len(rows["Project"]),
    }


def _groups() -> dict[int, _Group]:
    clusters = {
        c.pk: c.parent_id
        for c in OrganisationUnit.objects.filter(kind=Kind.CLUSTER).only("pk", "parent_id")
    }
    groups = {
        g.pk: _Group(unit=g) for g in OrganisationUnit.objects.filter(kind=Kind.PLANNING_GROUP)
    }
    for collaborative in OrganisationUnit.objects.filter(kind=Kind.COLLABORATIVE).order_by("pk"):
        group = groups.get(clusters.get(collaborative.parent_id))
        if group is not None:
            group.collaboratives.append(collaborative)
    for unit_id, role, person_id in (
        Membership.objects.filter(
            ended_at__isnull=True,
            role__in=[Role.PLANNING_GROUP_CHAIR, Role.PLANNING_GROUP_MEMBER],
            person__is_active=True,
        )
        .order_by("pk")
        .values_list("unit_id", "role", "person_id")
    ):
        if unit_id not in groups:
            continue
        if role == Role.PLANNING_GROUP_CHAIR:
            groups[unit_id].chair = groups[unit_id].chair or person_id
        else:
            groups[unit_id].members.append(person_id)
    return {pk: g for pk, g in groups.items() if g.collaboratives and g.chair}


def _collaborative_people() -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Who may write proposals in each collaborative, and its leads (who confirm sponsorship)."""
    authors: dict[int, list[int]] = defaultdict(list)
    leads: dict[int, list[int]] = defaultdict(list)
    for unit_id, role, person_id in (
        Membership.objects.filter(
            ended_at__isnull=True,
            role__in=[Role.PRACTITIONER, Role.COLLABORATIVE_LEAD],
            person__is_active=True,
        )
        .order_by("pk")
        .values_list("unit_id", "role", "person_id")
    ):
        authors[unit_id].append(person_id)
        if role == Role.COLLABORATIVE_LEAD:
            leads[unit_id].append(person_id)
    return authors, leads


@dataclass
class _Plan:
    """What will happen to one proposal, decided before any row is made."""

    group: _Group
    home: OrganisationUnit
    status: str
    created_at: datetime
    intake: Intake | None = None
    submitted_at: datetime | None = None
    decided_at: datetime | None = None
    cross_boundary: bool = False
    authors: list[int] = field(default_factory=list)
    # An interim decision (deferred, more information) before the proposal's final status.
    first_step: str | None = None


def _plan(rng, *, group: _Group, home, now: datetime, current: bool = False) -> _Plan:
    cross_boundary = rng.random() < CROSS_BOUNDARY_SHARE and len(group.collaboratives) > 1
    if not current and rng.random() < DRAFT_SHARE:
        created = now - timedelta(days=rng.randrange(1, 365))
        return _Plan(
            group=group, home=home, status=Status.DRAFT, created_at=created,
            cross_boundary=cross_boundary,
        )  # fmt: skip
    # More proposals in recent intakes than early on: Arloesi is used more every year.
    count = len(group.intakes)
    number = count - 1 if current else rng.choices(range(count), weights=range(1, count + 1))[0]
    intake = group.intakes[number]
    window_end = intake.closes_at or now
    submitted = _between(rng, intake.opens_at, min(window_end, now - timedelta(hours=1)))
    created = submitted - timedelta(days=rng.randrange(3, 60), minutes=rng.randrange(0, 600))
    is_current = intake.closes_at is None
    status = _weighted(rng, CURRENT if is_current else EARLIER)
    first_step = None
    if number < count - 2 and status in INTERIM:
        # Long ago: a deferred proposal came back and was decided; after a request for more
        # information the authors resubmitted (and it was decided) or gave up.
        first_step = status
        final = dict(FINAL)
        if status == Status.MORE_INFORMATION_REQUESTED:
            final[Status.WITHDRAWN] = sum(FINAL.values())
        status = _weighted(rng, final)
    decided = None
    if status != Status.UNDER_REVIEW:
        later = rng.randrange(60, 120) if first_step else rng.randrange(7, 40)
        decided = min(window_end + timedelta(days=later), now)
        decided = max(decided, submitted + timedelta(days=1))
        decided = min(decided, now)
    return _Plan(
        group=group,
        home=home,
        status=status,
        created_at=created,
        intake=intake,
        submitted_at=submitted,
        decided_at=decided,
        cross_boundary=cross_boundary,
        first_step=first_step,
    )


def _proposal(rng, plan: _Plan, *, number: int, created_by: int) -> Proposal:
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
        problem=_text(rng, 2),
        evidence=_text(rng, 2) if complete else "",
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


def _parts(rng, plan: _Plan, proposal: Proposal, *, rows, leads, now: datetime) -> None:
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
    if plan.cross_boundary:
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
        _review(rng, plan, proposal, rows=rows, now=now)
    # The status the final step starts from.
    last = Status.UNDER_REVIEW
    if plan.first_step:
        interim = submitted + (plan.decided_at - submitted) / 3
        back = submitted + (plan.decided_at - submitted) * 2 / 3
        steps.append((Status.UNDER_REVIEW, plan.first_step, group.chair, interim))
        rows["Decision"].append(_decision(rng, plan, proposal, outcome=plan.first_step, at=interim))
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
        rows["Decision"].append(_decision(rng, plan, proposal))
        if plan.status in STARTS_PROJECT:
            rows["Project"].append(
                Project(proposal_id=proposal.pk, started_at=plan.decided_at + timedelta(days=1))
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


def _review(rng, plan: _Plan, proposal: Proposal, *, rows, now: datetime) -> None:
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


def _decision(rng, plan: _Plan, proposal: Proposal, *, outcome=None, at=None) -> dict:
    status = outcome or plan.status
    at = at or plan.decided_at
    return {
        "proposal_id": proposal.pk,
        "outcome": status,
        "rationale": _text(rng, 2),
        "conditions": "Report progress to the planning group every quarter."
        if status == Status.APPROVED_WITH_CONDITIONS
        else "",
        "feedback": _text(rng, 1) if status != Status.APPROVED else "",
        "meeting_reference": f"PCPG meeting {at:%B %Y}",
        "meeting_date": at.date(),
        "decided_by_id": plan.group.chair,
        "decided_at": at,
    }


# --- What to time, and as whom -----------------------------------------------------------------


def _chair(context: BenchContext) -> Person:
    group = largest_planning_group(context)
    return (
        Person.objects.filter(
            memberships__unit=group,
            memberships__role=Role.PLANNING_GROUP_CHAIR,
            memberships__ended_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )


def decided_proposal(context: BenchContext) -> Proposal:
    """An approved proposal with the most reviews in the largest planning group."""
    return context.pick(
        "proposals.decided_proposal",
        lambda: (
            Proposal.objects.filter(
                planning_group=largest_planning_group(context),
                status=Status.APPROVED_WITH_CONDITIONS,
            )
            .annotate(reviews=Count("assignments"))
            .order_by("-reviews", "pk")
            .first()
        ),
    )


def _lead_author(context: BenchContext) -> Person:
    return Person.objects.get(
        pk=ProposalAuthor.objects.get(proposal=decided_proposal(context), is_lead=True).person_id
    )


def review_assignment(context: BenchContext) -> ReviewerAssignment:
    """A planning-group member's assignment in the largest planning group, the most scored."""
    return context.pick(
        "proposals.review_assignment",
        lambda: (
            ReviewerAssignment.objects.filter(
                proposal__planning_group=largest_planning_group(context),
                proposal__status=Status.UNDER_REVIEW,
                conflict__has_conflict=False,
                reviewer__memberships__unit=largest_planning_group(context),
                reviewer__memberships__role=Role.PLANNING_GROUP_MEMBER,
                reviewer__memberships__ended_at__isnull=True,
            )
            .annotate(scored=Count("scores", distinct=True))
            .order_by("-scored", "pk")
            .first()
        ),
    )


bench.register_generator("proposals", proposals_generate, order=20)
bench.register_page(
    "proposal list",
    url=lambda c: reverse("proposals:list"),
    user=practitioner,
)
bench.register_page(
    "review queue",
    url=lambda c: reverse("proposals:queue", kwargs={"unit_id": largest_planning_group(c).pk}),
    user=_chair,
)
bench.register_page(
    "proposal",
    url=lambda c: reverse("proposals:detail", kwargs={"proposal_id": decided_proposal(c).pk}),
    user=_lead_author,
)
bench.register_page(
    "review",
    url=lambda c: reverse("proposals:review", kwargs={"assignment_id": review_assignment(c).pk}),
    user=lambda c: review_assignment(c).reviewer,
)

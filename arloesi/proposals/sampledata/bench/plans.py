"""What will happen to each synthetic proposal, decided before any row is made: the planning
groups and the people who act in them, the shares of each outcome, and each proposal's plan."""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from arloesi.organisations.models import Membership, OrganisationUnit
from arloesi.organisations.roles import Kind, Profession, Role
from arloesi.proposals.models import Criterion, Intake, LocalPriority
from arloesi.proposals.workflow import Status

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


def scaled(count: float, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(count * scale))


def text(rng: random.Random, sentences: int = 2) -> str:
    return " ".join(rng.sample(SENTENCES, sentences))


def between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + (end - start) * rng.random()


def weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass
class Group:
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


def planning_groups() -> dict[int, Group]:
    clusters = {
        c.pk: c.parent_id
        for c in OrganisationUnit.objects.filter(kind=Kind.CLUSTER).only("pk", "parent_id")
    }
    groups = {
        g.pk: Group(unit=g) for g in OrganisationUnit.objects.filter(kind=Kind.PLANNING_GROUP)
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


def collaborative_people() -> tuple[dict[int, list[int]], dict[int, list[int]]]:
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
class Plan:
    """What will happen to one proposal, decided before any row is made."""

    group: Group
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
    # Sponsored by every collaborative of its planning group (see group_wide_plan).
    group_wide: bool = False


def group_wide_plan(rng, groups: dict[int, Group], authors, *, now: datetime) -> Plan:
    """One proposal a batch, under review in the largest planning group's current intake, is
    sponsored by every collaborative of that planning group: the busiest proposal, busier the
    larger the planning group (the benchmark's proposal and review pages show it)."""
    group = max(groups.values(), key=lambda g: (len(g.collaboratives), -g.unit.pk))
    home = next(c for c in group.collaboratives if authors.get(c.pk))
    plan = plan_for(rng, group=group, home=home, now=now, current=True)
    plan.status, plan.decided_at, plan.first_step = Status.UNDER_REVIEW, None, None
    plan.cross_boundary = plan.group_wide = len(group.collaboratives) > 1
    return plan


def plan_for(rng, *, group: Group, home, now: datetime, current: bool = False) -> Plan:
    cross_boundary = rng.random() < CROSS_BOUNDARY_SHARE and len(group.collaboratives) > 1
    if not current and rng.random() < DRAFT_SHARE:
        created = now - timedelta(days=rng.randrange(1, 365))
        return Plan(
            group=group, home=home, status=Status.DRAFT, created_at=created,
            cross_boundary=cross_boundary,
        )  # fmt: skip
    # More proposals in recent intakes than early on: Arloesi is used more every year.
    count = len(group.intakes)
    number = count - 1 if current else rng.choices(range(count), weights=range(1, count + 1))[0]
    intake = group.intakes[number]
    window_end = intake.closes_at or now
    submitted = between(rng, intake.opens_at, min(window_end, now - timedelta(hours=1)))
    created = submitted - timedelta(days=rng.randrange(3, 60), minutes=rng.randrange(0, 600))
    is_current = intake.closes_at is None
    status = weighted(rng, CURRENT if is_current else EARLIER)
    first_step = None
    if number < count - 2 and status in INTERIM:
        # Long ago: a deferred proposal came back and was decided; after a request for more
        # information the authors resubmitted (and it was decided) or gave up.
        first_step = status
        final = dict(FINAL)
        if status == Status.MORE_INFORMATION_REQUESTED:
            final[Status.WITHDRAWN] = sum(FINAL.values())
        status = weighted(rng, final)
    decided = None
    if status != Status.UNDER_REVIEW:
        later = rng.randrange(60, 120) if first_step else rng.randrange(7, 40)
        decided = min(window_end + timedelta(days=later), now)
        decided = max(decided, submitted + timedelta(days=1))
        decided = min(decided, now)
    return Plan(
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

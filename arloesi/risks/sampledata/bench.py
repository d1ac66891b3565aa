"""Five years of risk registers across Wales for the benchmark, and the pages to time.

Scale 1 is about 5,000 entries: most on clusters' registers, some on planning groups' and
health boards' (half of those escalated from a cluster), each with its scores over time
(rescorings) and further actions; about a third closed. The largest cluster (the one the
organisations' pages are timed on) gets a share that grows with the scale, so its register
shows more with more data. The first entry of that cluster is the busiest — the same at every
scale — and its page is timed.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.organisations.models import Membership, OrganisationUnit
from arloesi.organisations.roles import Kind, Role
from arloesi.organisations.sampledata.bench import (
    cluster_lead,
    health_board_officer,
    largest_cluster,
    largest_health_board,
)
from arloesi.risks import matrix
from arloesi.risks.models import Rescore, RiskAction, RiskEntry
from arloesi.risks.vocabulary import Category

ENTRIES = 5000
YEARS = 5
BUSIEST_RESCORES = 12
BUSIEST_ACTIONS = 8
TITLES = [
    "Too few practice nurses for the chronic disease reviews",
    "Pharmacist time for inhaler checks cannot be found",
    "No venue for the falls-prevention classes",
    "Data analyst support ends in March",
    "Clinical system change delays the searches",
    "Funding for the pilot is not confirmed for next year",
    "Patient records shared without a data sharing agreement",
    "Waiting times for the physiotherapy clinic",
    "Reception staff turnover",
    "Out-of-hours cover for the care homes",
]
CATEGORIES = Category.values


def _leaders() -> dict[int, int]:
    """The person who keeps each unit's register: its cluster lead, chair or officer."""
    roles = (Role.CLUSTER_LEAD, Role.PLANNING_GROUP_CHAIR, Role.HEALTH_BOARD_OFFICER)
    leaders: dict[int, int] = {}
    for unit_id, person_id in (
        Membership.objects.filter(role__in=roles, ended_at__isnull=True)
        .order_by("pk")
        .values_list("unit_id", "person_id")
    ):
        leaders.setdefault(unit_id, person_id)
    return leaders


def _pair(rng: random.Random) -> tuple[int, int]:
    return rng.randint(1, 5), rng.randint(1, 5)


@transaction.atomic
def risks_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    units = list(
        OrganisationUnit.objects.filter(
            kind__in=(Kind.CLUSTER, Kind.PLANNING_GROUP, Kind.HEALTH_BOARD)
        ).order_by("pk")
    )
    clusters = [u for u in units if u.kind == Kind.CLUSTER]
    groups = [u for u in units if u.kind == Kind.PLANNING_GROUP]
    boards = [u for u in units if u.kind == Kind.HEALTH_BOARD]
    busiest_cluster = largest_cluster(BenchContext(scale=scale))
    leaders = _leaders()
    today = timezone.localdate()
    now = timezone.now()
    total = max(int(ENTRIES * scale), 20)

    def make(unit, number: int, days_ago: int) -> RiskEntry:
        initial = _pair(rng)
        current = _pair(rng)
        target = (min(current[0], rng.randint(1, 3)), min(current[1], rng.randint(1, 3)))
        created = now - timedelta(days=days_ago, minutes=number)
        closed = rng.random() < 0.3
        return RiskEntry(
            unit=unit,
            title=f"{TITLES[number % len(TITLES)]} ({number})",
            description="Found when the delivery plan was set against the capacity declared.",
            cause="Capacity declared for the period is below the work planned.",
            effect="Change ideas wait, and the aims they serve are reached later.",
            category=CATEGORIES[number % len(CATEGORIES)],
            owner_id=leaders.get(unit.pk),
            controls="Monthly review at the cluster meeting.",
            initial_consequence=initial[0],
            initial_likelihood=initial[1],
            current_consequence=current[0],
            current_likelihood=current[1],
            current_score=current[0] * current[1],
            target_consequence=target[0],
            target_likelihood=target[1],
            status="closed" if closed else "open",
            closed_reason="The work was allocated." if closed else "",
            next_review_on=today + timedelta(days=rng.randint(-90, 365)),
            created_at=created,
            created_by_id=leaders.get(unit.pk),
        )

    # The busiest entry first, so that it is the busiest cluster's first.
    planned = [(busiest_cluster, 30)]
    for _number in range(1, total):
        share = rng.random()
        if share < 0.03 and busiest_cluster:
            unit = busiest_cluster
        elif share < 0.8 or not groups:
            unit = rng.choice(clusters)
        elif share < 0.95:
            unit = rng.choice(groups)
        else:
            unit = rng.choice(boards)
        planned.append((unit, rng.randint(0, YEARS * 365)))
    entries = RiskEntry.objects.bulk_create(
        [make(unit, number, days) for number, (unit, days) in enumerate(planned)]
    )
    # Half the planning groups' and boards' entries came up from the level below.
    waiting: dict[int, list[RiskEntry]] = {}
    for entry in entries:
        if entry.unit.kind != Kind.CLUSTER and rng.random() < 0.5:
            waiting.setdefault(entry.unit_id, []).append(entry)
    escalated = []
    for entry in entries[1:]:
        parent = entry.unit.parent_id
        if waiting.get(parent) and entry.current_score >= matrix.DEFAULT.escalation_score:
            entry.escalated_to = waiting[parent].pop()
            entry.escalated_at = entry.created_at + timedelta(days=1)
            escalated.append(entry)
    RiskEntry.objects.bulk_update(escalated, ["escalated_to", "escalated_at"], batch_size=500)

    rescores, actions = [], []
    for index, entry in enumerate(entries):
        kinds = [("initial", entry.initial_consequence, entry.initial_likelihood),
                 ("target", entry.target_consequence, entry.target_likelihood)]  # fmt: skip
        later = BUSIEST_RESCORES if index == 0 else rng.randint(0, 3)
        for _step in range(later):
            kinds.append(("current", *_pair(rng)))
        kinds.append(("current", entry.current_consequence, entry.current_likelihood))
        for step, (kind, consequence, likelihood) in enumerate(kinds):
            rescores.append(
                {
                    "entry_id": entry.pk,
                    "at": entry.created_at + timedelta(days=30 * step),
                    "scored_by_id": entry.owner_id,
                    "kind": kind,
                    "consequence": consequence,
                    "likelihood": likelihood,
                    "reason": "Reviewed at the cluster meeting",
                }
            )
        for number in range(BUSIEST_ACTIONS if index == 0 else rng.randint(0, 3)):
            due = entry.created_at.date() + timedelta(days=60 * (number + 1))
            actions.append(
                {
                    "entry_id": entry.pk,
                    "text": f"Ask the health board for sessional cover ({number + 1})",
                    "owner_id": entry.owner_id,
                    "due_on": due,
                    "done_on": due if due < today and rng.random() < 0.7 else None,
                    "created_at": entry.created_at,
                    "version": 1,
                }
            )
    bench.insert_rows(Rescore, rescores)
    bench.insert_rows(RiskAction, actions)
    return {"risk entries": len(entries), "rescorings": len(rescores), "actions": len(actions)}


bench.register_generator("risks", risks_generate, order=50)


def _busiest(context: BenchContext) -> RiskEntry:
    return context.pick(
        "risks.busiest",
        lambda: RiskEntry.objects.filter(unit=largest_cluster(context)).order_by("pk").first(),
    )


def _entry_url(route: str):
    return lambda context: reverse(route, kwargs={"entry_id": _busiest(context).pk})


def _register_url(unit_of, route: str = "risks:register"):
    return lambda context: reverse(route, kwargs={"unit_id": unit_of(context).pk})


bench.register_page(
    "risk register (cluster)", url=_register_url(largest_cluster), user=cluster_lead
)
bench.register_page(
    "risk register (health board)",
    url=_register_url(largest_health_board),
    user=health_board_officer,
)
bench.register_page(
    "risk register heat map, extreme risks (cluster)",
    url=lambda context: _register_url(largest_cluster)(context) + "?band=extreme",
    user=cluster_lead,
)
bench.register_page(
    "risk registers", url=lambda context: reverse("risks:home"), user=health_board_officer
)
_FORMS = [
    ("risk entry", "risks:entry", "the busiest entry, the same at every scale"),
    ("risk entry history", "risks:history", "one entry's changes"),
    ("change a risk", "risks:entry_edit", "a form about one entry"),
    ("rescore a risk", "risks:rescore", "a form about one entry"),
    ("close a risk", "risks:status", "a form about one entry"),
    ("review a risk", "risks:review", "a form about one entry"),
    ("add a risk action", "risks:action_add", "a blank form"),
]
for _name, _route, _why in _FORMS:
    bench.register_page(_name, url=_entry_url(_route), user=cluster_lead, does_not_grow=_why)
bench.register_page(
    "add a risk",
    url=_register_url(largest_cluster, "risks:entry_add"),
    user=cluster_lead,
    does_not_grow="a blank form",
)
bench.register_page(
    "import risks",
    url=_register_url(largest_cluster, "risks:import"),
    user=cluster_lead,
    does_not_grow="a blank upload form and the guide to its columns",
)
bench.register_page(
    "risk matrix",
    url=_register_url(largest_health_board, "risks:settings"),
    user=health_board_officer,
    does_not_grow="a form of eight numbers",
)

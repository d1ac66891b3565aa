"""What each project has done since it started, for the benchmark: its dates, stage, RAG status,
milestones, progress updates, conditions, and ramps of PDSA cycles on change ideas from its
driver diagram (the proposals generator makes the projects, the diagrams generator their
diagrams).

At scale 1 (about 940 projects) that is about 5,000 milestones and 6,000 PDSA cycles. Projects
started long ago have mostly closed; the rest are spread over the stages. The first project is
the busiest (the one with the 60-box diagram): its pages are the ones timed.
"""

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from arloesi.core import bench
from arloesi.diagrams.models import Diagram, DiagramNode
from arloesi.diagrams.vocabulary import Kind, OwnerKind
from arloesi.projects.models import (
    Milestone,
    PdsaCycle,
    ProgressUpdate,
    Project,
    ProjectCondition,
    ProjectStageChange,
    ProjectTeamMember,
    RagChange,
    Ramp,
)
from arloesi.projects.vocabulary import ActDecision, Outcome, Rag, Stage

MILESTONES = (3, 8)  # per project, inclusive: about 5.3 on average
RAMPS = (1, 3)
CYCLES_PER_RAMP = (1, 5)
UPDATES = (1, 7)
BUSIEST = {"milestones": 14, "ramps": 5, "cycles_per_ramp": 6, "updates": 24}
RAG_WEIGHTS = {Rag.GREEN: 58, Rag.AMBER: 25, Rag.RED: 10, "": 7}
MILESTONE_TITLES = [
    "Agree the approach with the practices", "Train the staff who will take part",
    "First patients seen", "Collect the baseline data", "Review at the cluster meeting",
    "Share the first results with the planning group", "Decide whether to extend",
    "Write up the evaluation", "Hand over to the service", "Information for patients ready",
]  # fmt: skip
UPDATE_TEXTS = [
    "Two more practices have joined; referrals are steady.",
    "Staff sickness slowed recruitment this month; back on track next month.",
    "The first clinic ran well and patients said they would come again.",
    "Data collection is behind; the analyst starts next week.",
    "We have adapted the letter after feedback from patients.",
    "The pharmacy rota is agreed and the pilot starts on Monday.",
]
OBJECTIVES = [
    "See whether the change works for one patient on one day",
    "Find out how long the new step takes in a normal clinic",
    "Test the change with one practice for a week",
    "Try the change with every patient seen on Tuesdays",
    "Make the change part of everyday work in all practices",
]
REASONS = {
    Rag.GREEN: "On plan.",
    Rag.AMBER: "Behind on recruitment; a plan is in place.",
    Rag.RED: "No staff to run the clinic until the new post is filled.",
}


@transaction.atomic
def project_schedules_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    today = timezone.localdate()
    projects = list(
        Project.objects.filter(starts_on__isnull=True)
        .order_by("pk")
        .only("pk", "started_at", "started_by_id", "conditions")
    )
    leads = dict(
        ProjectTeamMember.objects.filter(is_lead=True).values_list("project_id", "person_id")
    )
    ideas = _change_ideas()
    rows: dict[str, list] = defaultdict(list)
    for number, project in enumerate(projects):
        busiest = number == 0
        _project(project, rng, today, busiest, leads.get(project.pk), ideas, rows)
    Project.objects.bulk_update(
        projects,
        [
            "starts_on",
            "planned_end_on",
            "status",
            "outcome",
            "outcome_reasons",
            "rag",
            "rag_reason",
            "rag_changed_at",
            "last_update_at",
        ],
        batch_size=500,
    )
    for model in (
        Milestone,
        ProgressUpdate,
        ProjectCondition,
        ProjectStageChange,
        RagChange,
    ):
        bench.insert_rows(model, rows[model.__name__])
    ramps = _ramps(rows["Ramp"])
    bench.insert_rows(
        PdsaCycle,
        ({**cycle, "ramp_id": ramps[cycle.pop("ramp")]} for cycle in rows["PdsaCycle"]),
    )
    return {
        "projects": len(projects),
        "milestones": len(rows["Milestone"]),
        "updates": len(rows["ProgressUpdate"]),
        "ramps": len(rows["Ramp"]),
        "cycles": len(rows["PdsaCycle"]),
    }


def _change_ideas() -> dict[int, list[tuple[int, str]]]:
    """Each project's change ideas on its driver diagram: project id -> [(node id, text)]."""
    owners = dict(
        Diagram.objects.filter(owner_kind=OwnerKind.PROJECT).values_list("pk", "owner_id")
    )
    ideas: dict[int, list] = defaultdict(list)
    for diagram_id, pk, text in DiagramNode.objects.filter(
        diagram_id__in=list(owners), kind=Kind.CHANGE_IDEA, deleted_at__isnull=True
    ).values_list("diagram_id", "pk", "text"):
        ideas[owners[diagram_id]].append((pk, text[:200]))
    return ideas


def _at(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9 + rng.randrange(8), rng.randrange(60))))


def _project(project, rng, today, busiest, lead, ideas, rows) -> None:
    began = timezone.localdate(project.started_at)
    project.starts_on = began + timedelta(days=rng.randrange(7, 45))
    project.planned_end_on = project.starts_on + timedelta(days=rng.randrange(180, 540))
    stages = _stages(project, rng, today)
    moved = began
    for source, target in zip([Stage.PILOT, *stages], stages, strict=False):
        moved = min(today, moved + timedelta(days=rng.randrange(30, 150)))
        rows["ProjectStageChange"].append(
            {
                "project_id": project.pk,
                "at": _at(moved, rng),
                "actor_id": lead,
                "from_status": source,
                "to_status": target,
                "reason": "",
            }
        )
    project.status = stages[-1] if stages else Stage.PILOT
    if project.status == Stage.CLOSED:
        project.outcome = rng.choice(Outcome.values)
        project.outcome_reasons = "The evaluation showed what the pilot achieved."
    rag = rng.choices(list(RAG_WEIGHTS), weights=list(RAG_WEIGHTS.values()))[0]
    if rag:
        project.rag, project.rag_reason = rag, REASONS[rag]
        project.rag_changed_at = _at(min(today, project.starts_on + timedelta(days=20)), rng)
        rows["RagChange"].append(
            {
                "project_id": project.pk,
                "at": project.rag_changed_at,
                "actor_id": lead,
                "from_rag": "",
                "to_rag": rag,
                "reason": project.rag_reason,
            }
        )
    for position, line in enumerate(filter(None, project.conditions.splitlines())):
        rows["ProjectCondition"].append(
            {"project_id": project.pk, "text": line.strip()[:2000], "position": position}
        )
    _milestones(project, rng, today, busiest, rows)
    _updates(project, rng, today, busiest, lead, rows)
    _cycles(project, rng, today, busiest, lead, ideas.get(project.pk, []), rows)


def _stages(project, rng, today) -> list[str]:
    """The stages a project has moved through after the pilot, by how far along it is."""
    if project.planned_end_on < today:
        return (
            [Stage.DELIVERING, Stage.EVALUATING, Stage.CLOSED]
            if rng.random() < 0.8
            else [
                Stage.DELIVERING,
                Stage.EVALUATING,
            ]
        )
    done = (today - project.starts_on).days / (project.planned_end_on - project.starts_on).days
    if done < 0.2:
        return []
    if done < 0.75:
        return [Stage.DELIVERING]
    return [Stage.DELIVERING, Stage.EVALUATING]


def _milestones(project, rng, today, busiest, rows) -> None:
    count = BUSIEST["milestones"] if busiest else rng.randint(*MILESTONES)
    span = (project.planned_end_on - project.starts_on).days
    for number in range(count):
        due = project.starts_on + timedelta(days=span * (number + 1) // (count + 1))
        done = due + timedelta(days=rng.randrange(-10, 15)) if due < today else None
        if done is not None and (rng.random() < 0.15 or done > today):
            done = None  # late: still open
        rows["Milestone"].append(
            {
                "project_id": project.pk,
                "title": MILESTONE_TITLES[(number + project.pk) % len(MILESTONE_TITLES)],
                "due_on": due,
                "done_on": done,
            }
        )


def _updates(project, rng, today, busiest, lead, rows) -> None:
    count = BUSIEST["updates"] if busiest else rng.randint(*UPDATES)
    last = project.started_at
    day = project.starts_on
    for _number in range(count):
        day = day + timedelta(days=rng.randrange(14, 45))
        if day > today:
            break
        last = _at(day, rng)
        rows["ProgressUpdate"].append(
            {
                "project_id": project.pk,
                "at": last,
                "author_id": lead,
                "text": rng.choice(UPDATE_TEXTS),
                "rag": project.rag,
            }
        )
    project.last_update_at = last


def _cycles(project, rng, today, busiest, lead, ideas, rows) -> None:
    ramps = BUSIEST["ramps"] if busiest else rng.randint(*RAMPS)
    for ramp_number in range(ramps):
        node, idea = ideas[ramp_number % len(ideas)] if ideas else (None, "Try the change")
        ramp_key = len(rows["Ramp"])
        start = project.starts_on + timedelta(days=rng.randrange(0, 60))
        rows["Ramp"].append(
            {
                "project_id": project.pk,
                "change_idea": idea,
                "diagram_node_id": node,
                "created_at": _at(min(start, today), rng),
                "created_by_id": lead,
            }
        )
        cycles = BUSIEST["cycles_per_ramp"] if busiest else rng.randint(*CYCLES_PER_RAMP)
        for number in range(1, cycles + 1):
            end = start + timedelta(days=rng.randrange(7, 28))
            complete = end < today and rng.random() < 0.75
            decision = rng.choice(ActDecision.values) if complete else ""
            rows["PdsaCycle"].append(
                {
                    "project_id": project.pk,
                    "ramp": ramp_key,
                    "number": number,
                    "title": f"{idea[:150]}: cycle {number}",
                    "owner_id": lead,
                    "objective": OBJECTIVES[min(number, len(OBJECTIVES)) - 1],
                    "predictions": "Most patients will accept; it will take five minutes.",
                    "plan_who": "The practice nurse",
                    "data_to_collect": "How many were offered, accepted and how long it took.",
                    "planned_start_on": start,
                    "planned_end_on": end,
                    "do_what_happened": "Ran as planned." if end < today else "",
                    "study_results": "Fewer accepted than predicted." if complete else "",
                    "act_decision": decision,
                    "act_next": "Try it with the whole clinic." if complete else "",
                    "completed_at": _at(end + timedelta(days=2), rng) if complete else None,
                    "created_at": _at(min(start, today), rng),
                    "created_by_id": lead,
                }
            )
            start = end + timedelta(days=rng.randrange(1, 10))


def _ramps(rows: list[dict]) -> list[int]:
    """Insert the ramps; their ids in the order given (cycles point at them by position)."""
    made = Ramp.objects.bulk_create([Ramp(**row) for row in rows], batch_size=1000)
    return [ramp.pk for ramp in made]


bench.register_generator("project schedules", project_schedules_generate, order=40)

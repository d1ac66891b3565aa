"""The proposals generator: five years of proposals across Wales at scale 1 (see the package's
docstring)."""

import random
from collections import defaultdict
from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation

from arloesi.core import bench
from arloesi.projects.models import Project, ProjectTeamMember
from arloesi.proposals.criteria import DEFAULT_CRITERIA
from arloesi.proposals.models import (
    ConflictDeclaration,
    Criterion,
    Decision,
    EvaluationPlan,
    Intake,
    LocalPriority,
    Proposal,
    ProposalAuthor,
    ProposalNeed,
    ProposalPriority,
    ProposalSponsor,
    ProposalTransition,
    ReviewerAssignment,
    ReviewNote,
    Score,
)
from arloesi.proposals.sampledata.bench.plans import (
    BATCH_SIZE,
    INTAKE_WEEKS,
    INTAKES_PER_YEAR,
    MIN_UNDER_REVIEW,
    PRIORITY_TITLES,
    PROPOSALS,
    SENTENCES,
    YEARS,
    Plan,
    collaborative_people,
    group_wide_plan,
    plan_for,
    planning_groups,
    scaled,
)
from arloesi.proposals.sampledata.bench.rows import group_wide_notes, parts, proposal_for
from arloesi.proposals.workflow import Status


@transaction.atomic
def proposals_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    with translation.override("en"):
        return _generate(scale=scale, rng=rng)


def _generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    now = timezone.now()
    began = now - timedelta(days=365 * YEARS)
    groups = planning_groups()
    if not groups:
        return {"proposals": 0}
    authors, leads = collaborative_people()

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
    total = scaled(PROPOSALS, scale, minimum=MIN_UNDER_REVIEW * len(groups))
    collaboratives = [c for g in groups.values() for c in g.collaboratives if authors.get(c.pk)]
    weights = [len(authors[c.pk]) for c in collaboratives]
    homes = rng.choices(collaboratives, weights=weights, k=total)
    group_of = {c.pk: g for g in groups.values() for c in g.collaboratives}
    plans: list[Plan] = []
    for home in homes:
        group = group_of[home.pk]
        plans.append(plan_for(rng, group=group, home=home, now=now))
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
                plan = plan_for(rng, group=group, home=home, now=now, current=True)
                plan.status = Status.UNDER_REVIEW
                plans.append(plan)
    plans.append(group_wide_plan(rng, groups, authors, now=now))
    if not any(plan.status == Status.MORE_INFORMATION_REQUESTED for plan in plans):
        # Every batch has a proposal waiting for its authors' answer (the resubmit page).
        asked = plan_for(rng, group=plans[-1].group, home=plans[-1].home, now=now, current=True)
        asked.status, asked.first_step = Status.MORE_INFORMATION_REQUESTED, None
        asked.decided_at = max(asked.submitted_at + timedelta(hours=1), now - timedelta(days=1))
        plans.append(asked)

    proposals = []
    for number, plan in enumerate(plans):
        lead_author = rng.choice(authors[plan.home.pk])
        plan.authors = [lead_author]
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            other = rng.choice(authors[rng.choice(plan.group.collaboratives).pk] or [lead_author])
            if other not in plan.authors:
                plan.authors.append(other)
        proposals.append(proposal_for(rng, plan, number=number, created_by=lead_author))
    Proposal.objects.bulk_create(proposals, batch_size=BATCH_SIZE)

    rows: dict[str, list] = defaultdict(list)
    for plan, proposal in zip(plans, proposals, strict=True):
        parts(rng, plan, proposal, rows=rows, leads=leads, now=now)
    for model in (Project, ReviewerAssignment):
        model.objects.bulk_create(rows[model.__name__], batch_size=BATCH_SIZE)
    plan_of = {proposal.pk: plan for plan, proposal in zip(plans, proposals, strict=True)}
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
    bench.insert_rows(ReviewNote, group_wide_notes(plans, proposals, rows))
    # Each project's team: its proposal's authors, the lead author leading it.
    bench.insert_rows(
        ProjectTeamMember,
        (
            {
                "project_id": project.pk,
                "person_id": person_id,
                "is_lead": number == 0,
                "joined_at": project.started_at,
            }
            for project in rows["Project"]
            for number, person_id in enumerate(plan_of[project.proposal_id].authors)
        ),
    )

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

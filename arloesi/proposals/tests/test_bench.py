"""The benchmark's synthetic proposals look like five years of real use, and each timed page has
someone who may see it."""

import random
from collections import defaultdict

import pytest
from django.db.models import Count

from arloesi.core import bench
from arloesi.organisations.sampledata import bench as organisations_bench
from arloesi.projects.models import Project
from arloesi.proposals import selectors
from arloesi.proposals.models import (
    Decision,
    Intake,
    Proposal,
    ProposalTransition,
    Score,
)
from arloesi.proposals.sampledata import bench as proposals_bench
from arloesi.proposals.workflow import PROPOSAL_WORKFLOW, PUBLISHED, STARTS_PROJECT, Status

pytestmark = pytest.mark.django_db

SCALE = 0.05
PAGES = ["proposal list", "review queue", "proposal", "review"]


@pytest.fixture
def context() -> bench.BenchContext:
    context = bench.BenchContext(scale=SCALE)
    rng = random.Random(bench.SEED)
    context.counts["organisations"] = organisations_bench.organisations_generate(
        scale=SCALE, rng=rng
    )
    context.counts["proposals"] = proposals_bench.proposals_generate(scale=SCALE, rng=rng)
    return context


def test_proposals_go_through_every_state_with_their_history(context):
    counts = context.counts["proposals"]
    assert counts["proposals"] == Proposal.objects.count() >= 100
    # Every state is somewhere: as a proposal's status now, or as a decision on its way.
    reached = set(Proposal.objects.values_list("status", flat=True))
    reached |= set(Decision.objects.values_list("outcome", flat=True))
    assert reached == {s for s in Status if s not in (Status.SUBMITTED, Status.SCREENING)}
    assert 0 < counts["cross-boundary"] < counts["proposals"] / 4
    # Every submitted proposal went through screening; every decision left its transition.
    submitted = Proposal.objects.exclude(status=Status.DRAFT)
    screened = ProposalTransition.objects.filter(from_status=Status.SCREENING)
    assert screened.values("proposal").distinct().count() == submitted.count()
    assert (
        Decision.objects.count()
        == ProposalTransition.objects.filter(from_status=Status.UNDER_REVIEW)
        .exclude(to_status=Status.WITHDRAWN)
        .count()
    )
    assert Project.objects.count() == Proposal.objects.filter(status__in=STARTS_PROJECT).count()
    assert not Proposal.objects.filter(status__in=PUBLISHED, decisions__isnull=True).exists()
    assert Score.objects.exists()


def test_each_proposals_history_follows_the_workflow_to_its_status(context):
    history = defaultdict(list)
    for step in ProposalTransition.objects.order_by("proposal_id", "at", "id"):
        history[step.proposal_id].append(step)
    for proposal in Proposal.objects.all():
        status = Status.DRAFT
        for step in history[proposal.pk]:
            assert step.from_status == status
            PROPOSAL_WORKFLOW.transition(status, step.to_status)
            status = step.to_status
        assert status == proposal.status


def test_each_planning_group_has_one_open_intake_with_proposals_to_rank(context):
    open_intakes = Intake.objects.filter(closes_at__isnull=True)
    assert open_intakes.count() == Intake.objects.values("planning_group").distinct().count()
    for intake in open_intakes.annotate(criteria_count=Count("criteria")):
        assert intake.criteria_count == 7
        waiting = Proposal.objects.filter(intake=intake, status=Status.UNDER_REVIEW)
        assert waiting.count() >= proposals_bench.MIN_UNDER_REVIEW


def test_each_timed_page_has_an_address_and_a_viewer_who_may_see_it(context):
    registered = [page.name for page in bench.pages()]
    assert [name for name in registered if name in PAGES] == PAGES
    for name in PAGES:
        url, user = bench.page_target(bench.page_get(name), context)
        assert url.startswith(f"/{user.preferred_language}/")
    proposal = proposals_bench.decided_proposal(context)
    assert proposal.status == Status.APPROVED_WITH_CONDITIONS
    assert proposal.assignments.exists()
    author = bench.page_get("proposal").user(context)
    assert selectors.proposal_get_for_user(user=author, proposal_id=proposal.pk) == proposal
    assignment = proposals_bench.review_assignment(context)
    page = selectors.review_page_for(user=assignment.reviewer, assignment_id=assignment.pk)
    assert page.assignment == assignment
    chair = bench.page_get("review queue").user(context)
    group = organisations_bench.largest_planning_group(context)
    assert selectors.queue_for(user=chair, planning_group=group).rows

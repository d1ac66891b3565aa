"""Proposals in every state, made through the services so the rows are what users would make."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    CollaborativeFactory,
    person_with_role,
)
from arloesi.proposals import selectors, services
from arloesi.proposals.models import CoAuthorInvitation, LocalPriority, Proposal, ProposalAuthor

COMPLETE = {
    "problem": "Too many people wait weeks for a routine eye check.",
    "evidence": "Waiting times in the cluster plan rose by a third in two years.",
    "population": "Older people living alone in the cluster.",
    "affects_vulnerable_groups": True,
    "vulnerable_groups_notes": "Home visits for people who cannot travel.",
    "innovation_type": "service",
    "novelty": "improved",
    "pitch_hook": "Half of our falls start with poor eyesight.",
    "pitch_problem": "People wait weeks for an eye check.",
    "pitch_solution": "Optometrists check eyes at the flu clinic.",
    "pitch_ask": "Fund two pilot clinics.",
    "value_for_whom": "Older people at risk of falls",
    "value_need": "A quicker eye check",
    "value_offer": "Checks where they already are",
    "value_benefit": "Fewer falls",
    "value_unlike": "The practice referral, which takes weeks",
    "funding_amount": Decimal("4500.00"),
    "funding_source": "cluster_budget",
    "duration_months": 6,
}
EVALUATION = {
    "objectives": "Fewer falls among people checked.",
    "baseline": "Falls per month over the last year.",
    "success_measures": "Falls per 1,000 people aged over 75.",
    "approach": "both",
    "timescale": "Twelve months",
    "evaluator": "Cluster evaluation lead",
}


@dataclass
class Setting:
    """A planning group with a cluster, a collaborative and the people who act on proposals."""

    planning_group: OrganisationUnit
    cluster: OrganisationUnit
    collaborative: OrganisationUnit
    author: Person
    chair: Person
    reviewers: list[Person]
    priority: LocalPriority


def setting(collaborative: OrganisationUnit | None = None, reviewers: int = 2) -> Setting:
    collaborative = collaborative or CollaborativeFactory()
    cluster = collaborative.parent
    planning_group = cluster.parent
    chair = person_with_role(Role.PLANNING_GROUP_CHAIR, planning_group)
    today = timezone.localdate()
    priority = services.priority_create(
        actor=chair,
        unit=planning_group,
        title_en="Fewer falls",
        title_cy="Llai o gwympiadau",
        source_plan=LocalPriority.SourcePlan.PAN_CLUSTER_PLAN,
        period_start=today - timedelta(days=30),
        period_end=today + timedelta(days=365),
    )
    return Setting(
        planning_group=planning_group,
        cluster=cluster,
        collaborative=collaborative,
        author=person_with_role(Role.PRACTITIONER, collaborative),
        chair=chair,
        reviewers=[
            person_with_role(Role.PLANNING_GROUP_MEMBER, planning_group) for _ in range(reviewers)
        ],
        priority=priority,
    )


def draft(s: Setting, *, title: str = "Eye checks at the flu clinic", **fields) -> Proposal:
    """A draft with nothing filled in but its title."""
    return services.proposal_create(
        actor=s.author, collaborative=s.collaborative, title=title, **fields
    )


def complete_draft(s: Setting, **fields) -> Proposal:
    """A draft that passes screening."""
    proposal = draft(s, **(COMPLETE | fields))
    services.proposal_priorities_set(actor=s.author, proposal=proposal, priorities=[s.priority])
    services.evaluation_plan_update(
        actor=s.author, proposal=proposal, expected_version=1, **EVALUATION
    )
    return Proposal.objects.get(pk=proposal.pk)


def under_review(s: Setting, **fields) -> Proposal:
    """Submitted to an open intake, screened, with the setting's reviewers assigned."""
    if not selectors.intake_current(planning_group=s.planning_group):
        services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = services.proposal_submit(actor=s.author, proposal=complete_draft(s, **fields))
    for reviewer in s.reviewers:
        services.reviewer_assign(actor=s.chair, proposal=proposal, reviewer=reviewer)
    return proposal


def accepted_co_author(proposal: Proposal, person: Person, *, invited_by: Person | None = None):
    """``person`` asked to co-author ``proposal`` by its lead author, and accepting."""
    inviter = invited_by or proposal.authors.get(is_lead=True).person
    services.co_author_invite(actor=inviter, proposal=proposal, email=person.email)
    invitation = CoAuthorInvitation.objects.get(
        proposal=proposal, email=person.email.lower(), status=CoAuthorInvitation.Status.PENDING
    )
    services.co_author_invitation_accept(actor=person, invitation=invitation)
    return ProposalAuthor.objects.get(proposal=proposal, person=person)

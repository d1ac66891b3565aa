"""Synthetic proposals for the benchmark (see arloesi.core.bench), and the proposal pages to time.

Scale 1 is five years of proposals across Wales: about 2,500, spread over the planning groups
and collaboratives the organisations generator made, more in recent years than early on. Each
planning group has local priorities, two intakes a year with the default criteria (the latest
still open), and its proposals go through every state: drafts, the current intake's proposals
under review (partly scored), earlier ones decided (approved — with a pilot project — declined,
deferred, more information requested) or withdrawn. Older deferred proposals came back and were
decided; after an older request for more information the authors resubmitted or gave up. One in
ten is cross-boundary. Reviewers are the planning group's members and chair; a few declare a
conflict. Every status change has its ProposalTransition row. The rows are written in bulk
(``bulk_create``, or ``bench.insert_rows`` for those nothing refers back to): this is synthetic
data, not what the services would write step by step (no audit events, no e-mails).

Calling the generator again adds another batch of proposals; intakes and priorities are only
made for planning groups that have none yet.

``plans`` decides what happens to each proposal, ``rows`` makes its rows and ``generate``
writes them; this module chooses what to time, and as whom.
"""

from django.db.models import Count, F
from django.urls import reverse

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.organisations.models import Person
from arloesi.organisations.roles import Role
from arloesi.organisations.sampledata.bench import (
    largest_health_board,
    largest_planning_group,
    practitioner,
)
from arloesi.proposals.models import Proposal, ProposalAuthor, ReviewerAssignment
from arloesi.proposals.sampledata.bench.generate import proposals_generate
from arloesi.proposals.sampledata.bench.plans import MIN_UNDER_REVIEW
from arloesi.proposals.workflow import Status

__all__ = [
    "MIN_UNDER_REVIEW",
    "busiest_proposal",
    "decided_proposal",
    "proposals_generate",
    "review_assignment",
]


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
    """An approved proposal with the most reviews in the largest planning group (no page is
    timed on it now: the proposal page shows the busiest proposal)."""
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


def busiest_proposal(context: BenchContext) -> Proposal:
    """The proposal with the most sponsoring collaboratives (the generator's group-wide one)."""
    return context.pick(
        "proposals.busiest_proposal",
        lambda: (
            Proposal.objects.annotate(sponsor_count=Count("sponsors"))
            .order_by("-sponsor_count", "pk")
            .first()
        ),
    )


def _lead_author(context: BenchContext) -> Person:
    return Person.objects.get(
        pk=ProposalAuthor.objects.get(proposal=busiest_proposal(context), is_lead=True).person_id
    )


def review_assignment(context: BenchContext) -> ReviewerAssignment:
    """A planning-group member's assignment to a proposal under review, the one with the most
    private notes (on the busiest proposal)."""
    return context.pick(
        "proposals.review_assignment",
        lambda: (
            ReviewerAssignment.objects.filter(
                proposal__status=Status.UNDER_REVIEW,
                conflict__has_conflict=False,
                reviewer__memberships__unit=F("proposal__planning_group"),
                reviewer__memberships__role=Role.PLANNING_GROUP_MEMBER,
                reviewer__memberships__ended_at__isnull=True,
            )
            .annotate(note_count=Count("notes", distinct=True))
            .order_by("-note_count", "pk")
            .first()
        ),
    )


bench.register_generator("proposals", proposals_generate, order=20)
bench.register_page(
    "proposal list",
    url=lambda c: reverse("proposals:list"),
    user=practitioner,
)
# Common words (a quarter of the proposals have "checks"), ranked by the search index.
bench.register_page(
    "proposal list: words",
    url=lambda c: reverse("proposals:list") + "?q=pharmacy+blood+pressure+checks",
    user=practitioner,
)
bench.register_page(
    "proposal list: words and filters",
    url=lambda c: (
        reverse("proposals:list")
        + f"?q=people&health_board={largest_health_board(c).pk}&date_from=2020-01-01"
    ),
    user=practitioner,
)
bench.register_page(
    "review queue",
    url=lambda c: reverse("proposals:queue", kwargs={"unit_id": largest_planning_group(c).pk}),
    user=_chair,
)
# The busiest proposal as its lead author sees it: every sponsoring collaborative is named.
bench.register_page(
    "proposal",
    url=lambda c: reverse("proposals:detail", kwargs={"proposal_id": busiest_proposal(c).pk}),
    user=_lead_author,
)
bench.register_page(
    "review",
    url=lambda c: reverse("proposals:review", kwargs={"assignment_id": review_assignment(c).pk}),
    user=lambda c: review_assignment(c).reviewer,
)

# The other pages (forms, one proposal's parts): registered after the pages above.
from arloesi.proposals.sampledata.bench import pages  # noqa: E402, F401

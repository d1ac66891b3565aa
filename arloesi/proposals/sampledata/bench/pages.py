"""Every other proposals page timed by ``make bench`` (and so query-counted): the authors' forms,
the review and decision pages about one proposal, the intake pages. Most show one form or one
proposal's parts, whatever the amount of data: their registration says so (``does_not_grow``),
and the query-count test then checks only that their queries do not grow either."""

from django.db.models import Count
from django.urls import reverse

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.organisations.models import Person
from arloesi.organisations.roles import Role
from arloesi.organisations.sampledata.bench import holder, largest_planning_group, practitioner
from arloesi.proposals.models import (
    Criterion,
    LocalPriority,
    Proposal,
    ProposalAuthor,
    ProposalSponsor,
)
from arloesi.proposals.workflow import Status


def _newest(context: BenchContext, status: str) -> Proposal:
    """The proposal in ``status`` with the most sponsors (the newest of those)."""
    return context.pick(
        f"proposals.newest.{status}",
        lambda: (
            Proposal.objects.filter(status=status)
            .annotate(sponsor_count=Count("sponsors"))
            .order_by("-sponsor_count", "-created_at", "-pk")
            .first()
        ),
    )


def _lead_author_of(proposal: Proposal) -> Person:
    return (
        ProposalAuthor.objects.select_related("person").get(proposal=proposal, is_lead=True).person
    )


def _chair_of(proposal: Proposal) -> Person:
    return holder(proposal.planning_group, Role.PLANNING_GROUP_CHAIR)


def _under_review(context: BenchContext) -> Proposal:
    from arloesi.proposals.sampledata.bench import busiest_proposal

    return busiest_proposal(context)


def _sponsor_to_confirm(context: BenchContext) -> ProposalSponsor:
    proposal = _under_review(context)
    return proposal.sponsors.exclude(collaborative=proposal.lead_collaborative).order_by("pk")[0]


def _by_id(name: str, proposal, key: str = "proposal_id", **extra) -> str:
    return reverse(name, kwargs={key: proposal.pk, **extra})


def _draft(c):
    return _newest(c, Status.DRAFT)


def _page(name: str, url, user, why: str) -> None:
    bench.register_page(name, url=url, user=user, does_not_grow=why)


# The authors' pages, on their newest draft.
for _name, _route, _why in [
    ("task list", "proposals:edit", "the same twelve parts of a proposal"),
    ("proposal priorities", "proposals:proposal_priorities", "its planning group's priorities"),
    ("co-authors", "proposals:authors", "a draft's few authors and a form"),
    ("staff time", "proposals:staff", "a draft's few lines of staff time and a form"),
    ("attachments", "proposals:attachments", "a draft's files and a form"),
    ("submit", "proposals:submit", "what screening would say about one draft"),
    ("similar work", "proposals:similar", "the five nearest proposals"),
    ("change history", "proposals:history", "one proposal's recorded changes"),
]:
    _page(
        _name,
        lambda c, r=_route: _by_id(r, _draft(c)),
        lambda c: _lead_author_of(_draft(c)),
        _why,
    )
_page(
    "section",
    lambda c: _by_id("proposals:section", _draft(c), section="problem"),
    lambda c: _lead_author_of(_draft(c)),
    "a form of three questions",
)
_page(
    "sponsors",
    lambda c: _by_id("proposals:sponsors", _draft(c)),
    lambda c: _lead_author_of(_draft(c)),
    "its planning group's collaboratives (others are found by a search)",
)
_page(
    "sponsors: a search across Wales",
    lambda c: _by_id("proposals:sponsors", _draft(c)) + "?q=Pharmacy",
    lambda c: _lead_author_of(_draft(c)),
    "at most 50 collaboratives whose name holds the search",
)
_page(
    "start a proposal",
    lambda c: reverse("proposals:create"),
    practitioner,
    "a title and the collaboratives the person writes for",
)
_page(
    "co-author invitations",
    lambda c: reverse("proposals:co_author_invitations"),
    practitioner,
    "the invitations waiting for one person",
)
_page(
    "withdraw",
    lambda c: _by_id("proposals:withdraw", _under_review(c)),
    lambda c: _lead_author_of(_under_review(c)),
    "a question about one proposal",
)
_page(
    "resubmit",
    lambda c: _by_id("proposals:resubmit", _newest(c, Status.MORE_INFORMATION_REQUESTED)),
    lambda c: _lead_author_of(_newest(c, Status.MORE_INFORMATION_REQUESTED)),
    "what the planning group asked for and a form",
)
_page(
    "confirm sponsorship",
    lambda c: reverse(
        "proposals:sponsor_confirm",
        kwargs={"proposal_id": _under_review(c).pk, "sponsor_id": _sponsor_to_confirm(c).pk},
    ),
    lambda c: holder(_sponsor_to_confirm(c).collaborative, Role.COLLABORATIVE_LEAD),
    "one sponsorship of one proposal",
)

# The chair's pages about the busiest proposal under review.
for _name, _route, _why in [
    ("reviewers", "proposals:reviewers", "one proposal's reviewers and the group's members"),
    ("review summary", "proposals:review_summary", "one proposal's reviewers' scores"),
    ("decision", "proposals:decision", "one proposal's decisions and a form"),
]:
    _page(
        _name,
        lambda c, r=_route: _by_id(r, _under_review(c)),
        lambda c: _chair_of(_under_review(c)),
        _why,
    )


def _chair(c):
    return holder(largest_planning_group(c), Role.PLANNING_GROUP_CHAIR)


def _group(c):
    return largest_planning_group(c)


def _criterion(c) -> Criterion:
    return Criterion.objects.filter(intake__planning_group=_group(c)).order_by("-pk").first()


_page(
    "review home",
    lambda c: reverse("proposals:review_home"),
    _chair,
    "the planning groups one person chairs",
)
_page(
    "assignments",
    lambda c: reverse("proposals:assignments"),
    lambda c: holder(_group(c), Role.PLANNING_GROUP_MEMBER),
    "one member's proposals under review",
)
_page(
    "intake",
    lambda c: _by_id("proposals:intake", _group(c), key="unit_id"),
    _chair,
    "one planning group's intakes, two a year",
)
_page(
    "local priorities",
    lambda c: _by_id("proposals:priorities", _group(c), key="unit_id"),
    _chair,
    "one planning group's priorities, a few a year",
)
_page(
    "add a priority",
    lambda c: _by_id("proposals:priority_add", _group(c), key="unit_id"),
    _chair,
    "a blank form",
)
_page(
    "change a priority",
    lambda c: _by_id(
        "proposals:priority_edit",
        LocalPriority.objects.filter(unit=_group(c)).order_by("-pk").first(),
        key="priority_id",
    ),
    _chair,
    "a form for one priority",
)
_page(
    "add a criterion",
    lambda c: _by_id("proposals:criterion_add", _criterion(c).intake, key="intake_id"),
    _chair,
    "a blank form",
)
for _name, _route in [
    ("change a criterion", "proposals:criterion_edit"),
    ("remove a criterion", "proposals:criterion_remove"),
]:
    _page(
        _name,
        lambda c, r=_route: _by_id(r, _criterion(c), key="criterion_id"),
        _chair,
        "a form for one criterion",
    )

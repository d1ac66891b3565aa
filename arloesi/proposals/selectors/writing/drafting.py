"""The pages the authors write on: the list, starting a draft, the task list and its sections,
the people who write and sponsor it, staff time, files and sending it to the planning group.

Each page's reads are one function here, returning what the template shows (a presenter), so a
view only parses the request, calls one of these and one service, and renders.
"""

from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from arloesi.core import nhs_number
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.proposals.models import (
    CoAuthorInvitation,
    EvaluationPlan,
    Proposal,
    ProposalAttachment,
    ProposalAuthor,
    ProposalNeed,
    ProposalSponsor,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.sections import EVALUATION_FIELDS, SECTIONS, section_of
from arloesi.proposals.selectors.intake import priority_list_for_planning_group
from arloesi.proposals.selectors.visibility import (
    is_author,
    may_sponsor,
    proposal_get_for_user,
)
from arloesi.proposals.selectors.writing.screening import proposal_screening
from arloesi.proposals.workflow import EDITABLE, FREE_TEXT_FIELDS

# Screening's name for a field, where the form calls it something else.
FORM_FIELD = {"evaluation_approach": "approach"}


# --- The list and starting a draft --------------------------------------------------------------


def collaboratives_for(*, user) -> list:
    """The collaboratives ``user`` may write proposals for."""
    return organisations.units_for(user=user, permission=Perm.CREATE, kind=Kind.COLLABORATIVE)


# --- Fetching a proposal to change ----------------------------------------------------------------


def proposal_for_authors(*, user, proposal_id: int) -> Proposal:
    """A proposal ``user`` writes (404 for anyone else); ``editable`` says whether it can still
    be changed."""
    proposal = proposal_get_for_user(user=user, proposal_id=proposal_id)
    if not is_author(user, proposal):
        raise Http404
    proposal.editable = proposal.status in EDITABLE
    return proposal


def nhs_number_fields(proposal: Proposal, plan: EvaluationPlan | None) -> list[str]:
    """Labels of the free-text fields that look like they hold an NHS number."""
    texts = {name: str(getattr(proposal, name, "") or "") for name in FREE_TEXT_FIELDS}
    if plan is not None:
        texts.update({name: str(getattr(plan, name, "") or "") for name in EVALUATION_FIELDS})
    return [
        str(FREE_TEXT_FIELDS[name])
        for name in nhs_number.fields_with_numbers(texts)
        if name in FREE_TEXT_FIELDS
    ]


def problem_items(proposal: Proposal, problems) -> list[dict]:
    """Screening problems as error-summary items linking to the page (and field) to change."""
    items = []
    for problem in problems:
        section = section_of(problem.field)
        item = {"text": problem.message}
        if section:
            href = reverse(section.url_name, kwargs=section.url_kwargs(proposal.pk))
            field = FORM_FIELD.get(problem.field, problem.field)
            if section.has_form and field != "evaluation":
                href += f"#id_{field}"
            item["href"] = href
        items.append(item)
    return items


# --- The task list and its sections -------------------------------------------------------------


@dataclass(frozen=True)
class TaskListPage:
    proposal: Proposal
    tasks: list[dict]
    ready: bool
    # Problems that no section fixes (the planning group is not accepting proposals).
    problems: list
    nhs_number_fields: list[str]


def task_list_page(*, proposal: Proposal) -> TaskListPage:
    screening = proposal_screening(proposal=proposal)
    with_problems = {s.slug for p in screening.problems if (s := section_of(p.field))}
    tasks = []
    for section in SECTIONS:
        if section.optional:
            status = {"text": _("Optional")}
        elif section.slug in with_problems:
            status = {"tag": {"text": _("Incomplete"), "classes": "nhsuk-tag--blue"}}
        else:
            status = {"text": _("Completed")}
        tasks.append(
            {
                "title": {"text": str(section.title)},
                "href": reverse(section.url_name, kwargs=section.url_kwargs(proposal.pk)),
                "status": status,
            }
        )
    return TaskListPage(
        proposal=proposal,
        tasks=tasks,
        ready=screening.passed,
        problems=[p for p in screening.problems if p.field == "intake"],
        nhs_number_fields=nhs_number_fields(proposal, _plan(proposal)),
    )


def _plan(proposal: Proposal) -> EvaluationPlan | None:
    return EvaluationPlan.objects.filter(proposal=proposal).first()


def section_object(*, proposal: Proposal, section: str):
    """What a section's form edits: the evaluation plan, or the proposal itself."""
    return EvaluationPlan.objects.get(proposal=proposal) if section == "evaluation" else proposal


@dataclass(frozen=True)
class PrioritiesPage:
    available: list
    chosen: list[str]


def priorities_page(*, proposal: Proposal) -> PrioritiesPage:
    return PrioritiesPage(
        available=priority_list_for_planning_group(planning_group=proposal.planning_group),
        chosen=[str(pk) for pk in proposal.priority_links.values_list("priority_id", flat=True)],
    )


# --- People: sponsors and co-authors -------------------------------------------------------------


def sponsors_of(proposal: Proposal) -> list[ProposalSponsor]:
    return list(
        proposal.sponsors.select_related("collaborative__parent", "confirmed_by").order_by("id")
    )


@dataclass(frozen=True)
class SponsorsPage:
    sponsors: list[ProposalSponsor]
    # The collaboratives that may be added: the planning group's own, or, for a search, those
    # anywhere in Wales whose name (or cluster's name) holds it.
    others: list
    query: str
    cross_boundary: bool
    cross_cluster: bool


SPONSOR_CHOICES = 50


def sponsors_page(*, proposal: Proposal, query: str = "") -> SponsorsPage:
    sponsors = sponsors_of(proposal)
    query = query.strip()[:100]
    others = organisations.units_of_kind(
        kind=Kind.COLLABORATIVE,
        within="/" if query else proposal.planning_group_path,
        query=query,
        exclude=tuple(s.collaborative_id for s in sponsors),
        limit=SPONSOR_CHOICES,
    )
    return SponsorsPage(
        sponsors=sponsors,
        others=others,
        query=query,
        cross_boundary=len(sponsors) > 1,
        cross_cluster=len({s.collaborative.parent_id for s in sponsors}) > 1,
    )


def sponsor_for_lead(*, user, proposal_id: int, sponsor_id: int) -> ProposalSponsor:
    """A sponsorship of a proposal the reader may see, for the lead of its collaborative."""
    proposal = proposal_get_for_user(user=user, proposal_id=proposal_id)
    sponsor = (
        proposal.sponsors.select_related("collaborative", "confirmed_by")
        .filter(pk=sponsor_id)
        .first()
    )
    if sponsor is None or not may_sponsor(user, sponsor.collaborative.path):
        raise Http404
    proposal.editable = proposal.status in EDITABLE
    sponsor.proposal = proposal
    return sponsor


def authors_of(proposal: Proposal) -> list[ProposalAuthor]:
    return list(proposal.authors.select_related("person"))


@dataclass(frozen=True)
class AuthorsPage:
    authors: list[ProposalAuthor]
    # Addresses asked to co-author, still waiting for a reply.
    waiting: list[CoAuthorInvitation]


def authors_page(*, proposal: Proposal) -> AuthorsPage:
    return AuthorsPage(
        authors=authors_of(proposal),
        waiting=list(
            proposal.co_author_invitations.filter(status=CoAuthorInvitation.Status.PENDING)
        ),
    )


def co_author_invitations_for(*, user) -> list[CoAuthorInvitation]:
    """The invitations to co-author waiting for the reader's reply."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        CoAuthorInvitation.objects.filter(
            email__iexact=user.email, status=CoAuthorInvitation.Status.PENDING
        )
        .select_related("proposal__lead_collaborative__parent", "invited_by")
        .order_by("created_at", "id")
    )


def co_author_invitation_for(*, user, invitation_id: int) -> CoAuthorInvitation:
    invitation = next(
        (i for i in co_author_invitations_for(user=user) if i.pk == invitation_id), None
    )
    if invitation is None:
        raise Http404
    return invitation


def author_of(*, proposal: Proposal, author_id: int) -> ProposalAuthor:
    return _one(proposal.authors.select_related("person"), author_id)


def invitation_of(*, proposal: Proposal, invitation_id: int) -> CoAuthorInvitation:
    return _one(proposal.co_author_invitations.all(), invitation_id)


def sponsor_of(*, proposal: Proposal, sponsor_id: int) -> ProposalSponsor:
    return _one(proposal.sponsors.select_related("collaborative"), sponsor_id)


def need_of(*, proposal: Proposal, need_id: int) -> ProposalNeed:
    return _one(proposal.needs.all(), need_id)


def attachment_of(*, proposal: Proposal, attachment_id: int) -> ProposalAttachment:
    return _one(proposal.attachments.all(), attachment_id)


def _one(queryset, pk: int):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


# --- Staff time and files ---------------------------------------------------------------------


def needs_of(proposal: Proposal) -> list[ProposalNeed]:
    return list(ProposalNeed.objects.filter(proposal=proposal))


def attachments_of(proposal: Proposal) -> list[ProposalAttachment]:
    return list(proposal.attachments.select_related("uploaded_by"))


def attachment_get_for_user(*, user, proposal_id: int, attachment_id: int) -> ProposalAttachment:
    """The attachment if ``user`` may see its proposal, else 404."""
    proposal = proposal_get_for_user(user=user, proposal_id=proposal_id)
    attachment = attachment_of(proposal=proposal, attachment_id=attachment_id)
    attachment.proposal = proposal
    return attachment


# --- Sending it on --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubmitPage:
    waiting: list[dict]
    warnings: list


def submit_page(*, proposal: Proposal) -> SubmitPage:
    screening = proposal_screening(proposal=proposal)
    return SubmitPage(
        waiting=problem_items(proposal, screening.problems), warnings=screening.warnings
    )


def information_requested(*, proposal: Proposal):
    """The planning group's latest decision: what it asked for, when it asked for more."""
    return proposal.decisions.order_by("-decided_at", "-id").first()

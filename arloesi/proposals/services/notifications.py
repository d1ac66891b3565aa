"""E-mails about proposals, each in its recipient's own language, sent by the task worker.

``services.py`` calls one function here per event, inside the service's transaction and after
every check has passed: the task rows commit or roll back with the change, so nobody hears of a
submission or a decision that did not happen.

A task's context holds plain values only, so everything that depends on the language (unit
names, the outcome, dates, the links' ``/en/`` or ``/cy/``) is worked out here, once for each
recipient, in that recipient's ``Person.preferred_language``.

Who hears of what:

* submission (and resubmission after more information): the authors, as a confirmation, and the
  planning group's chairs (a chair who is an author gets only the authors' e-mail);
* reviewer assigned: the reviewer;
* invitation to co-author: the person invited, when someone can sign in with that address;
* decision: the authors — the outcome with its reasons, conditions and feedback, or, when more
  information is requested, the chair's questions;
* sponsor added to a proposal that is now cross-boundary: the leads of that collaborative, asked
  to confirm. When the proposal has just become cross-boundary, the lead collaborative's own
  sponsorship needs confirming too, so its leads are asked as well. The author adding the sponsor
  is not e-mailed about their own action.
"""

from datetime import date

from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise

from arloesi.core.jinja import date_format
from arloesi.core.tasks import send_email
from arloesi.organisations import selectors as organisations
from arloesi.proposals.models import (
    CoAuthorInvitation,
    Decision,
    Proposal,
    ProposalSponsor,
    ReviewerAssignment,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.workflow import STARTS_PROJECT, Outcome

TEMPLATES = "proposals/email"


# --- Events -----------------------------------------------------------------------------------


def proposal_submitted(*, proposal: Proposal, resubmitted: bool = False, response: str = ""):
    """Screening passed and the proposal is under review (again, after more information)."""
    authors = _authors(proposal)
    lead_author = next((a.person for a in authors if a.is_lead), None)
    for author in authors:
        _send(
            author.person,
            "submitted_author",
            proposal,
            path=_path(author.person, "proposals:detail", proposal_id=proposal.pk),
            resubmitted=resubmitted,
        )
    author_ids = {author.person_id for author in authors}
    for chair in _holders(proposal.planning_group, Perm.DECIDE):
        if chair.pk in author_ids:
            continue
        _send(
            chair,
            "submitted_chair",
            proposal,
            path=_path(chair, "proposals:detail", proposal_id=proposal.pk),
            resubmitted=resubmitted,
            response=response,
            lead_author=lead_author.full_name if lead_author else "",
        )


def reviewer_assigned(*, assignment: ReviewerAssignment):
    reviewer = assignment.reviewer
    if not reviewer.is_active:
        return
    _send(
        reviewer,
        "reviewer_assigned",
        assignment.proposal,
        path=_path(reviewer, "proposals:review", assignment_id=assignment.pk),
        chair=assignment.assigned_by.full_name,
    )


def decision_recorded(*, decision: Decision):
    """The authors learn the outcome, or what the planning group needs to know."""
    proposal = decision.proposal
    asks_for_information = decision.outcome == Outcome.MORE_INFORMATION_REQUESTED
    for author in _authors(proposal):
        person = author.person
        path = _path(person, "proposals:detail", proposal_id=proposal.pk)
        if asks_for_information:
            _send(
                person,
                "information_requested",
                proposal,
                path=path,
                request=decision.feedback or decision.rationale,
                chair=decision.decided_by.full_name,
            )
            continue
        _send(
            person,
            "decision",
            proposal,
            path=path,
            outcome=Outcome(decision.outcome).label,
            approved=decision.outcome in STARTS_PROJECT,
            deferred=decision.outcome == Outcome.DEFERRED,
            rationale=decision.rationale,
            conditions=decision.conditions,
            feedback=decision.feedback,
            meeting_reference=decision.meeting_reference,
            meeting_date=decision.meeting_date,
            chair=decision.decided_by.full_name,
        )


def sponsor_added(*, sponsor: ProposalSponsor, actor):
    """Ask the sponsoring collaboratives' leads to confirm, once the proposal is cross-boundary."""
    proposal = sponsor.proposal
    sponsors = list(proposal.sponsors.select_related("collaborative"))
    if len(sponsors) < 2:
        return
    to_ask = [sponsor]
    if len(sponsors) == 2:
        # It has just become cross-boundary: the lead collaborative must now confirm too.
        to_ask += [
            s
            for s in sponsors
            if s.collaborative_id == proposal.lead_collaborative_id and not s.confirmed_at
        ]
    lead_author = next((a.person for a in _authors(proposal) if a.is_lead), None)
    for asked in to_ask:
        for lead in _holders(asked.collaborative, Perm.SPONSOR):
            if lead.pk == actor.pk:
                continue
            _send(
                lead,
                "sponsor_confirm",
                proposal,
                path=_path(lead, "proposals:detail", proposal_id=proposal.pk),
                collaborative=asked.collaborative,
                added_by=actor.full_name,
                lead_author=lead_author.full_name if lead_author else "",
            )


def co_author_invited(*, invitation: CoAuthorInvitation, person, actor):
    """The person invited to co-author hears of it, if they can sign in (nobody else does)."""
    _send(
        person,
        "co_author_invited",
        invitation.proposal,
        path=_path(person, "proposals:co_author_invitations"),
        invited_by=actor.full_name,
    )


# --- Helpers ----------------------------------------------------------------------------------


def _authors(proposal: Proposal):
    return [
        author
        for author in proposal.authors.select_related("person").order_by("-is_lead", "id")
        if author.person.is_active
    ]


def _holders(unit, permission: str) -> list:
    """Everyone whose role gives them ``permission`` at ``unit`` now."""
    return list(organisations.people_holding(permission=permission, unit=unit))


def _path(person, name: str, **kwargs) -> str:
    """The page in the recipient's language (``/cy/…`` for a Welsh speaker)."""
    with translation.override(person.preferred_language):
        return reverse(name, kwargs=kwargs)


def _plain(value):
    """A value a task can carry, shown as the recipient reads it (in the active language)."""
    if hasattr(value, "name_cy"):  # an organisation unit: its name in the reader's language
        return value.name
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, date):
        return date_format(value)
    return value


def _send(person, template: str, proposal: Proposal, **context) -> None:
    language = person.preferred_language
    with translation.override(language):
        context = {
            "full_name": person.full_name,
            "title": proposal.title,
            "planning_group": proposal.planning_group.name,
            "lead_collaborative": proposal.lead_collaborative.name,
            **{key: _plain(value) for key, value in context.items()},
        }
    send_email.enqueue(
        to=person.email,
        template=f"{TEMPLATES}/{template}",
        context=context,
        language=language,
    )

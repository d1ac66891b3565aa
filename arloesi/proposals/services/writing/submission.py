"""Sending a proposal to the planning group, back again after more information was asked for,
or withdrawing it. Screening runs on every submission: the proposal moves on only when complete.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from arloesi.core import audit
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.proposals.models import Proposal
from arloesi.proposals.selectors.intake import intake_current
from arloesi.proposals.selectors.writing.screening import proposal_snapshot
from arloesi.proposals.services import notifications
from arloesi.proposals.services.rules import locked, move, require_author
from arloesi.proposals.workflow import ScreeningResult, Status, screen


class ScreeningFailedError(ValidationError):
    """Submission refused: the proposal is incomplete. ``result.problems`` says what to change."""

    def __init__(self, result: ScreeningResult):
        messages: dict[str, list[str]] = {}
        for problem in result.problems:
            messages.setdefault(problem.field, []).append(problem.message)
        super().__init__(messages)
        self.result = result


def _screen(proposal: Proposal, *, intake_open: bool) -> None:
    result = screen(proposal_snapshot(proposal=proposal, intake_open=intake_open))
    if not result.passed:
        raise ScreeningFailedError(result)


def _send_for_review(proposal: Proposal, *, actor, reason: str = "") -> None:
    move(proposal, to_status=Status.SUBMITTED, actor=actor, reason=reason)
    # Screening is automatic: the system (no actor) takes the next two steps.
    move(proposal, to_status=Status.SCREENING, actor=None)
    move(proposal, to_status=Status.UNDER_REVIEW, actor=None)


@transaction.atomic
def proposal_submit(*, actor, proposal: Proposal) -> Proposal:
    """Submit a draft to its planning group's open intake. Screening runs first: if anything is
    missing the proposal stays a draft and ``ScreeningFailedError`` lists what to change."""
    current = locked(proposal)
    require_author(actor, current)
    if current.status != Status.DRAFT:
        raise TransitionNotAllowedError(current.status, Status.SUBMITTED)
    intake = intake_current(planning_group=current.planning_group)
    _screen(current, intake_open=intake is not None)
    current = audit.update(current, actor=actor, submitted_at=timezone.now(), intake=intake)
    _send_for_review(current, actor=actor)
    notifications.proposal_submitted(proposal=current)
    return current


@transaction.atomic
def proposal_resubmit(*, actor, proposal: Proposal, response: str = "") -> Proposal:
    """Send the proposal back after more information was asked for; it is screened again. It
    stays in the intake it was first submitted to, so a closed window does not stop it."""
    current = locked(proposal)
    require_author(actor, current)
    if current.status != Status.MORE_INFORMATION_REQUESTED:
        raise TransitionNotAllowedError(current.status, Status.SUBMITTED)
    _screen(current, intake_open=True)
    _send_for_review(current, actor=actor, reason=response)
    notifications.proposal_submitted(proposal=current, resubmitted=True, response=response)
    return current


@transaction.atomic
def proposal_withdraw(*, actor, proposal: Proposal, reason: str = "") -> Proposal:
    """The authors take the proposal back, at any point before a final decision."""
    current = locked(proposal)
    require_author(actor, current)
    move(current, to_status=Status.WITHDRAWN, actor=actor, reason=reason)
    return current

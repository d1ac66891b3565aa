"""Review: the chair assigns reviewers; each declares their interests, then scores the
proposal against its intake's criteria, and may keep private notes.

A reviewer who declares a conflict, or who becomes an author of the proposal, no longer scores
it; scores they gave are kept but stop counting (``selectors.review``).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit, permissions
from arloesi.proposals.models import (
    ConflictDeclaration,
    Criterion,
    Proposal,
    ReviewerAssignment,
    ReviewNote,
    Score,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.selectors.visibility import is_author
from arloesi.proposals.services import notifications
from arloesi.proposals.services.rules import locked, require_chair
from arloesi.proposals.workflow import Status


@transaction.atomic
def reviewer_assign(*, actor, proposal: Proposal, reviewer) -> ReviewerAssignment:
    current = locked(proposal)
    require_chair(actor, current)
    if current.status not in (Status.UNDER_REVIEW, Status.DEFERRED):
        raise ValidationError(_("Reviewers can be assigned only while a proposal is under review."))
    if not permissions.can(reviewer, Perm.REVIEW, current.planning_group_path):
        raise ValidationError({"reviewer": _("Choose a member of this proposal’s planning group.")})
    if is_author(reviewer, current):
        raise ValidationError({"reviewer": _("An author cannot review their own proposal.")})
    existing = ReviewerAssignment.objects.filter(proposal=current, reviewer=reviewer).first()
    if existing:
        return existing
    assignment = audit.create(
        ReviewerAssignment, actor=actor, proposal=current, reviewer=reviewer, assigned_by=actor
    )
    notifications.reviewer_assigned(assignment=assignment)
    return assignment


def _require_reviewer(actor, assignment: ReviewerAssignment) -> None:
    if assignment.reviewer_id != getattr(actor, "pk", None) or not permissions.can(
        actor, Perm.REVIEW, assignment.proposal.planning_group_path
    ):
        raise PermissionDenied


@transaction.atomic
def conflict_declare(
    *, actor, assignment: ReviewerAssignment, has_conflict: bool, details: str = ""
) -> ConflictDeclaration:
    """Declare interests before scoring. A declared conflict takes the reviewer out of scoring
    this proposal for good; their scores so far are kept but no longer count."""
    _require_reviewer(actor, assignment)
    existing = ConflictDeclaration.objects.filter(assignment=assignment).first()
    if existing is None:
        return audit.create(
            ConflictDeclaration,
            actor=actor,
            assignment=assignment,
            has_conflict=has_conflict,
            details=details,
        )
    if existing.has_conflict and not has_conflict:
        raise ValidationError(_("A declared conflict of interest cannot be taken back."))
    return audit.update(existing, actor=actor, has_conflict=has_conflict, details=details)


@transaction.atomic
def score_record(
    *,
    actor,
    assignment: ReviewerAssignment,
    criterion: Criterion,
    value: int,
    comment: str,
) -> Score:
    """Score one criterion from 1 to 5 with a comment; scoring it again replaces the score."""
    _require_reviewer(actor, assignment)
    proposal = locked(assignment.proposal)
    if proposal.status != Status.UNDER_REVIEW:
        raise ValidationError(_("Scores can be recorded only while a proposal is under review."))
    declaration = ConflictDeclaration.objects.filter(assignment=assignment).first()
    if declaration is None:
        raise ValidationError(_("Declare any conflicts of interest before you score."))
    if declaration.has_conflict:
        raise PermissionDenied(
            _("You declared a conflict of interest, so you cannot score this proposal.")
        )
    if is_author(actor, proposal):
        raise PermissionDenied(_("You are now an author of this proposal, so you cannot score it."))
    if criterion.intake_id != proposal.intake_id:
        raise ValidationError(
            {"criterion": _("This criterion is not one of the criteria of this proposal’s intake.")}
        )
    existing = Score.objects.filter(assignment=assignment, criterion=criterion).first()
    if existing:
        return audit.update(
            existing, actor=actor, value=value, comment=comment, recorded_at=timezone.now()
        )
    return audit.create(
        Score, actor=actor, assignment=assignment, criterion=criterion, value=value, comment=comment
    )


@transaction.atomic
def review_note_add(*, actor, assignment: ReviewerAssignment, text: str) -> ReviewNote:
    """A note only the reviewer will see."""
    _require_reviewer(actor, assignment)
    return audit.create(ReviewNote, actor=actor, assignment=assignment, text=text)


@transaction.atomic
def scores_record(*, actor, assignment: ReviewerAssignment, scores: list[tuple]) -> list[Score]:
    """Every criterion's score, ``(criterion, value, comment)``, in one go: all are saved, or
    none is."""
    return [
        score_record(
            actor=actor, assignment=assignment, criterion=criterion, value=value, comment=comment
        )
        for criterion, value, comment in scores
    ]

"""The checks every proposal service makes before it writes, and the one workflow step.

Who may do what is decided by the predicates in ``selectors.visibility`` (the same ones the pages
ask), so a button shown is a write allowed, and a write refused is a button not shown.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from arloesi.core import permissions
from arloesi.core.services import status_change
from arloesi.proposals.models import Proposal, ProposalTransition
from arloesi.proposals.selectors.visibility import is_author, may_decide, signed_in
from arloesi.proposals.workflow import EDITABLE, PROPOSAL_WORKFLOW, Status


def require(actor, permission: str, path: str) -> None:
    if not permissions.can(actor, permission, path):
        raise PermissionDenied


def require_author(actor, proposal: Proposal) -> None:
    if not signed_in(actor) or not is_author(actor, proposal):
        raise PermissionDenied


def require_editable(proposal: Proposal) -> None:
    if proposal.status not in EDITABLE:
        raise ValidationError(
            _(
                "This proposal cannot be changed while its status is “%(status)s”: only a draft, "
                "or a proposal the planning group has asked for more information about, can be "
                "changed."
            )
            % {"status": Status(proposal.status).label}
        )


def require_chair(actor, proposal: Proposal) -> None:
    if not may_decide(actor, proposal, author=is_author(actor, proposal)):
        raise PermissionDenied


def check_fields(fields: dict, allowed: frozenset) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Not editable here: {', '.join(sorted(unknown))}")


def locked(proposal: Proposal) -> Proposal:
    """The proposal as it is in the database now, locked until the transaction ends."""
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("planning_group", "lead_collaborative")
        .get(pk=proposal.pk)
    )


def locked_for_authors(actor, proposal: Proposal) -> Proposal:
    """The locked proposal, if ``actor`` is one of its authors and it may still be changed."""
    current = locked(proposal)
    require_author(actor, current)
    require_editable(current)
    return current


def move(proposal: Proposal, *, to_status: str, actor, reason: str = "") -> None:
    """One workflow step. It also moves the version on, so an edit begun before it is refused."""
    status_change(
        proposal,
        workflow=PROPOSAL_WORKFLOW,
        change_model=ProposalTransition,
        subject_field="proposal",
        to_status=to_status,
        actor=actor,
        reason=reason,
    )
    Proposal._base_manager.filter(pk=proposal.pk).update(version=F("version") + 1)
    proposal.version = Proposal._base_manager.values_list("version", flat=True).get(pk=proposal.pk)

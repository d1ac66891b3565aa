"""Who writes and who sponsors a proposal.

Co-authors consent: an author invites someone by e-mail address and they become an author only
when they accept. Authorship changes who may review and decide (an author never scores or
decides their own proposal), so nobody can be made an author — nor a reviewer or the chair
knocked off a proposal — without saying yes. Whether anyone can sign in with the address is
never told to the authors: the answer is the same either way.

Sponsors: another collaborative (in this cluster or another) sponsoring the proposal makes it
cross-boundary; each sponsor's lead then confirms before it can be submitted.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.core.services import status_change
from arloesi.core.workflow import Transition, Workflow
from arloesi.organisations import selectors as organisations
from arloesi.proposals.models import (
    CoAuthorInvitation,
    CoAuthorInvitationStatusChange,
    ProposalAuthor,
    ProposalSponsor,
)
from arloesi.proposals.selectors.visibility import may_sponsor, signed_in
from arloesi.proposals.services import notifications
from arloesi.proposals.services.rules import (
    locked,
    locked_for_authors,
    require_author,
    require_editable,
)

Invitation = CoAuthorInvitation.Status

#   pending ─(the person invited)─▶ accepted | declined
#   pending ─(an author)─▶ withdrawn
CO_AUTHOR_WORKFLOW = Workflow(
    "co_author_invitation",
    [
        Transition(Invitation.PENDING, Invitation.ACCEPTED),
        Transition(Invitation.PENDING, Invitation.DECLINED),
        Transition(Invitation.PENDING, Invitation.WITHDRAWN),
    ],
)


def _answer(invitation: CoAuthorInvitation, *, to_status: str, actor, reason: str = ""):
    return status_change(
        invitation,
        workflow=CO_AUTHOR_WORKFLOW,
        change_model=CoAuthorInvitationStatusChange,
        subject_field="invitation",
        to_status=to_status,
        actor=actor,
        reason=reason,
    )


@transaction.atomic
def co_author_invite(*, actor, proposal, email: str) -> CoAuthorInvitation | None:
    """Ask ``email`` to co-author. The person invited hears of it if they can sign in; the
    authors are told the same thing whether or not anyone can. Inviting a current author or an
    address already waiting for a reply changes nothing."""
    current = locked_for_authors(actor, proposal)
    email = email.strip().lower()
    if email == actor.email.lower():
        raise ValidationError({"email": _("You are already an author of this proposal.")})
    if ProposalAuthor.objects.filter(proposal=current, person__email__iexact=email).exists():
        return None
    waiting = CoAuthorInvitation.objects.filter(
        proposal=current, email=email, status=Invitation.PENDING
    ).first()
    if waiting is not None:
        return waiting
    invitation = audit.create(
        CoAuthorInvitation, actor=actor, proposal=current, email=email, invited_by=actor
    )
    person = organisations.person_by_email(email=email)
    if person is not None:
        notifications.co_author_invited(invitation=invitation, person=person, actor=actor)
    return invitation


def _invitation_for(actor, invitation: CoAuthorInvitation) -> CoAuthorInvitation:
    """The invitation, locked, if it was sent to the address ``actor`` signs in with."""
    current = CoAuthorInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not signed_in(actor) or current.email.lower() != actor.email.lower():
        raise PermissionDenied
    return current


@transaction.atomic
def co_author_invitation_accept(*, actor, invitation: CoAuthorInvitation) -> ProposalAuthor:
    """The person invited becomes an author (while the proposal can still change). A reviewer of
    the proposal who accepts stops scoring it; the chair sees them on the review queue."""
    current = _invitation_for(actor, invitation)
    proposal = locked(current.proposal)
    require_editable(proposal)
    _answer(current, to_status=Invitation.ACCEPTED, actor=actor)
    existing = ProposalAuthor.objects.filter(proposal=proposal, person=actor).first()
    return existing or audit.create(ProposalAuthor, actor=actor, proposal=proposal, person=actor)


@transaction.atomic
def co_author_invitation_decline(*, actor, invitation: CoAuthorInvitation) -> CoAuthorInvitation:
    return _answer(_invitation_for(actor, invitation), to_status=Invitation.DECLINED, actor=actor)


@transaction.atomic
def co_author_invitation_withdraw(*, actor, invitation: CoAuthorInvitation) -> CoAuthorInvitation:
    locked_for_authors(actor, invitation.proposal)
    return _answer(invitation, to_status=Invitation.WITHDRAWN, actor=actor)


@transaction.atomic
def proposal_author_remove(*, actor, author: ProposalAuthor) -> None:
    """An author takes a co-author off the proposal, or a co-author leaves it."""
    current = locked(author.proposal)
    if author.person_id != getattr(actor, "pk", None):
        require_author(actor, current)
    require_editable(current)
    if author.is_lead:
        raise ValidationError(_("The lead author cannot be removed."))
    audit.delete(author, actor=actor)


@transaction.atomic
def sponsor_add(*, actor, proposal, collaborative) -> ProposalSponsor:
    """Another collaborative sponsors it: it is now cross-boundary, and each sponsor's lead must
    confirm before it can be submitted."""
    current = locked_for_authors(actor, proposal)
    existing = ProposalSponsor.objects.filter(proposal=current, collaborative=collaborative)
    if existing.exists():
        return existing.get()
    sponsor = audit.create(
        ProposalSponsor, actor=actor, proposal=current, collaborative=collaborative
    )
    notifications.sponsor_added(sponsor=sponsor, actor=actor)
    return sponsor


@transaction.atomic
def sponsor_remove(*, actor, sponsor: ProposalSponsor) -> None:
    current = locked_for_authors(actor, sponsor.proposal)
    if sponsor.collaborative_id == current.lead_collaborative_id:
        raise ValidationError(_("The lead collaborative always sponsors its own proposal."))
    audit.delete(sponsor, actor=actor)


@transaction.atomic
def sponsor_confirm(*, actor, sponsor: ProposalSponsor) -> ProposalSponsor:
    """The collaborative's lead confirms that their collaborative sponsors the proposal."""
    if not may_sponsor(actor, sponsor.collaborative.path):
        raise PermissionDenied
    require_editable(locked(sponsor.proposal))
    if sponsor.confirmed_at:
        return sponsor
    return audit.update(sponsor, actor=actor, confirmed_by=actor, confirmed_at=timezone.now())

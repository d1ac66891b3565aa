"""Home-page items: what proposals need from this person now."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from arloesi.core import permissions
from arloesi.core.attention import AttentionItem
from arloesi.proposals.models import CoAuthorInvitation, Proposal, ProposalSponsor
from arloesi.proposals.permissions import Perm
from arloesi.proposals.selectors.review import assignments_waiting_count
from arloesi.proposals.selectors.visibility import signed_in
from arloesi.proposals.workflow import EDITABLE, Status


def authoring_attention_for(user) -> list[AttentionItem]:
    """Drafts and requests for more information waiting for their authors, invitations to
    co-author, and sponsorships waiting for a collaborative lead's confirmation."""
    if not signed_in(user):
        return []
    items = []
    waiting = dict(
        Proposal.objects.filter(authors__person=user, status__in=EDITABLE)
        .order_by()
        .values_list("status")
        .annotate(count=Count("id"))
    )
    list_url = reverse("proposals:list")
    if waiting.get(Status.DRAFT):
        items.append(
            AttentionItem(
                text=_("Your draft proposals"),
                href=f"{list_url}?status={Status.DRAFT}",
                count=waiting[Status.DRAFT],
            )
        )
    if waiting.get(Status.MORE_INFORMATION_REQUESTED):
        items.append(
            AttentionItem(
                text=_("Your proposals the planning group wants more information about"),
                href=f"{list_url}?status={Status.MORE_INFORMATION_REQUESTED}",
                count=waiting[Status.MORE_INFORMATION_REQUESTED],
            )
        )
    invited = CoAuthorInvitation.objects.filter(
        email__iexact=user.email, status=CoAuthorInvitation.Status.PENDING
    ).count()
    if invited:
        items.append(
            AttentionItem(
                text=_("Invitations to co-author a proposal"),
                href=reverse("proposals:co_author_invitations"),
                count=invited,
            )
        )
    if permissions.can_anywhere(user, Perm.SPONSOR):
        sponsors = (
            ProposalSponsor.objects.filter(
                permissions.scope_q(user, Perm.SPONSOR, "collaborative__path"),
                confirmed_at__isnull=True,
                proposal__status__in=EDITABLE,
            )
            .annotate(sponsor_count=Count("proposal__sponsors"))
            .filter(sponsor_count__gt=1)
            .select_related("proposal")
            .order_by("proposal__created_at", "id")[:10]
        )
        items.extend(
            AttentionItem(
                text=_("Confirm that your collaborative sponsors “%(title)s”")
                % {"title": sponsor.proposal.title},
                href=reverse(
                    "proposals:sponsor_confirm",
                    kwargs={"proposal_id": sponsor.proposal_id, "sponsor_id": sponsor.pk},
                ),
            )
            for sponsor in sponsors
        )
    return items


def review_attention_for(user) -> list[AttentionItem]:
    """Proposals waiting for this person's scores, and for their decision as chair."""
    items = []
    if permissions.can_anywhere(user, Perm.REVIEW):
        waiting = assignments_waiting_count(user=user)
        if waiting:
            items.append(
                AttentionItem(
                    text=_("Proposals waiting for your review"),
                    href=reverse("proposals:assignments"),
                    count=waiting,
                )
            )
    if permissions.can_anywhere(user, Perm.DECIDE):
        groups = (
            Proposal.objects.filter(
                permissions.scope_q(user, Perm.DECIDE, "planning_group__path"),
                status=Status.UNDER_REVIEW,
            )
            .values("planning_group_id", "planning_group__name_en", "planning_group__name_cy")
            .annotate(count=Count("id"))
            .order_by("planning_group__name_en")[:10]
        )
        welsh = get_language() == "cy"
        items.extend(
            AttentionItem(
                text=_("Proposals waiting for a decision in %(unit)s")
                % {
                    "unit": row["planning_group__name_cy"]
                    if welsh and row["planning_group__name_cy"]
                    else row["planning_group__name_en"]
                },
                href=reverse("proposals:queue", kwargs={"unit_id": row["planning_group_id"]}),
                count=row["count"],
            )
            for row in groups
        )
    return items

"""Home-page items for proposal authors and sponsoring collaboratives' leads."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from arloesi.core import permissions
from arloesi.core.attention import AttentionItem
from arloesi.proposals.models import Proposal, ProposalSponsor
from arloesi.proposals.permissions import Perm
from arloesi.proposals.workflow import EDITABLE, Status


def attention_for(user) -> list[AttentionItem]:
    if not getattr(user, "is_authenticated", False):
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

"""A proposal's driver diagram (``diagrams.owners``): everyone who may see the proposal sees its
diagram; its authors change it while they may change the proposal. The rules are the ones in
``visibility``, not copied."""

from django.db.models import QuerySet
from django.urls import reverse

from arloesi.diagrams.owners import OwnerAccess, OwnerSummary
from arloesi.proposals.models import Proposal
from arloesi.proposals.selectors.visibility import is_author, proposal_list_for
from arloesi.proposals.workflow import EDITABLE


def _url(proposal_id: int) -> str:
    return reverse("proposals:detail", kwargs={"proposal_id": proposal_id})


class ProposalDiagrams:
    kind = "proposal"

    def access(self, *, user, owner_id: int) -> OwnerAccess | None:
        proposal = (
            proposal_list_for(user=user)
            .select_related(None)
            .only("title", "status")
            .filter(pk=owner_id)
            .first()
        )
        if proposal is None:
            return None
        return OwnerAccess(
            title=proposal.title,
            url=_url(proposal.pk),
            may_view=True,
            may_edit=proposal.status in EDITABLE and is_author(user, proposal),
        )

    def visible(self, *, user) -> QuerySet:
        return proposal_list_for(user=user).order_by().values("pk")

    def summaries(self, *, ids) -> dict[int, OwnerSummary]:
        return {
            proposal.pk: OwnerSummary(title=proposal.title, url=_url(proposal.pk))
            for proposal in Proposal.objects.filter(pk__in=list(ids)).only("title")
        }

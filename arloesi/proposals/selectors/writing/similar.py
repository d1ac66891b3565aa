"""Similar work elsewhere in Wales: proposals like this one that the reader may see, and the
published learning and projects like it.

Asked of the search index (core.search, ADR 0009) with the proposal's own commonest terms,
ranked over every proposal in Wales however old (the index keeps each proposal's analysed text,
rebuilt when it changes), and scoped in the same query to what the reader may see. A fixed
number of queries: the proposal's document, the ranked page of documents, and the proposals
shown.
"""

from django.utils.translation import get_language

from arloesi.core import search
from arloesi.proposals.models import Proposal
from arloesi.proposals.selectors.writing.search import KIND


def similar_work_for(
    *, user, proposal: Proposal, limit: int = 5
) -> tuple[list[Proposal], list[search.Hit]]:
    """Up to ``limit`` other proposals the reader may see, most similar first (each carrying
    its ``similarity``: the search engine's rank, higher is closer), and up to ``limit``
    published learning records and projects like it (search hits: title in the reader's
    language, address). One search: its best few, parted by kind."""
    found = search.similar(
        KIND,
        proposal.pk,
        search.Filters(unlisted_kinds=(KIND,)),
        user=user,
        language=get_language() or "en",
        limit=limit * 4,
    ).hits
    proposal_hits = [hit for hit in found if hit.kind == KIND][:limit]
    other_hits = [hit for hit in found if hit.kind != KIND][:limit]
    proposals = Proposal.objects.select_related("lead_collaborative__parent").in_bulk(
        [hit.object_id for hit in proposal_hits]
    )
    result = []
    for hit in proposal_hits:
        similar = proposals.get(hit.object_id)
        if similar is not None:
            similar.similarity = round(hit.score, 3)
            result.append(similar)
    return result, other_hits


def similar_proposals_for(*, user, proposal: Proposal, limit: int = 5) -> list[Proposal]:
    """The proposals of ``similar_work_for``."""
    return similar_work_for(user=user, proposal=proposal, limit=limit)[0]

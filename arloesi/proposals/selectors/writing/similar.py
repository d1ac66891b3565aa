"""Similar work elsewhere in Wales: proposals like this one that the reader may see, and the
published learning and projects like it.

Asked of the search index (core.search, ADR 0008) with the proposal's own commonest terms,
ranked over every proposal in Wales however old (the index keeps each proposal's analysed text,
rebuilt when it changes), and scoped in the same query to the proposals the reader may see. A
fixed number of queries: the proposal's document, the ranked ids, their documents, and the
proposals shown.
"""

from django.utils.translation import get_language

from arloesi.core import search
from arloesi.proposals.models import Proposal
from arloesi.proposals.selectors.writing.search import KIND


def similar_proposals_for(*, user, proposal: Proposal, limit: int = 5) -> list[Proposal]:
    """Up to ``limit`` other proposals the reader may see, most similar first; each carries its
    ``similarity`` score (the search engine's rank: higher is closer)."""
    found = search.similar(
        KIND,
        proposal.pk,
        search.Filters(kinds=(KIND,), listed_only=False),
        user=user,
        limit=limit,
    )
    proposals = Proposal.objects.select_related("lead_collaborative__parent").in_bulk(
        [hit.object_id for hit in found.hits]
    )
    result = []
    for hit in found.hits:
        similar = proposals.get(hit.object_id)
        if similar is not None:
            similar.similarity = round(hit.score, 3)
            result.append(similar)
    return result


def similar_learning_for(*, user, proposal: Proposal, limit: int = 5) -> list[search.Hit]:
    """Up to ``limit`` published learning records and projects like this proposal that the
    reader may see (each a search hit: title in the reader's language, address)."""
    kinds = tuple(s.kind for s in search.sources() if s.kind != KIND)
    return search.similar(
        KIND,
        proposal.pk,
        search.Filters(kinds=kinds),
        user=user,
        language=get_language() or "en",
        limit=limit,
    ).hits

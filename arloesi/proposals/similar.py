"""Similar work elsewhere in Wales: proposals like this one that the reader may see.

Text similarity (core.similarity) over titles, problems and pitches. The candidates' text is
read in one query of plain values, scored in Python, and only the best few are loaded as
objects, so the cost is one pass over text, not one query per proposal.
"""

from arloesi.core import similarity
from arloesi.proposals import selectors
from arloesi.proposals.models import Proposal

# The most recent proposals compared: enough to find earlier learning, bounded so the panel stays
# quick however many proposals Wales accumulates.
MAX_CANDIDATES = 2000
TEXT_FIELDS = ("title", "problem", "pitch_hook", "pitch_problem", "pitch_solution", "pitch_ask")


def proposal_terms(proposal: Proposal) -> dict[str, int]:
    return similarity.terms(*(getattr(proposal, name) for name in TEXT_FIELDS))


def similar_proposals_for(*, user, proposal: Proposal, limit: int = 5) -> list[Proposal]:
    """Up to ``limit`` other proposals the reader may see, most similar first; each carries its
    ``similarity`` score (0–1)."""
    query = proposal_terms(proposal)
    if not query:
        return []
    rows = (
        selectors.proposal_list_for(user)
        .exclude(pk=proposal.pk)
        .order_by("-created_at", "-id")
        .values_list("pk", *TEXT_FIELDS)[:MAX_CANDIDATES]
    )
    best = similarity.nearest(
        query, ((row[0], similarity.terms(*row[1:])) for row in rows), limit=limit
    )
    found = Proposal.objects.select_related("lead_collaborative__parent").in_bulk(
        [pk for pk, _ in best]
    )
    result = []
    for pk, score in best:
        similar = found[pk]
        similar.similarity = score
        result.append(similar)
    return result

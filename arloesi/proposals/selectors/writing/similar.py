"""Similar work elsewhere in Wales: proposals like this one that the reader may see.

Text similarity (core.similarity) over titles, problems and pitches. The candidates' text is
read in one query of plain values, scored in Python, and only the best few are loaded as
objects, so the cost is one pass over text, not one query per proposal.

Working out a text's terms (stemming every word) is the expensive part, and a proposal's text
rarely changes, so each text's terms are kept in memory, keyed by the text itself: an edited
proposal simply gets new terms, and nothing can go stale.
"""

from django.db.models.functions import Substr

from arloesi.core import similarity
from arloesi.proposals.models import Proposal
from arloesi.proposals.selectors.visibility import proposal_list_for

# The most recent proposals compared: enough to find earlier learning, bounded so the panel stays
# quick however many proposals Wales accumulates.
MAX_CANDIDATES = 1000
# The opening of a long problem statement says what it is about; the rest adds little but time.
PROBLEM_CHARACTERS = 1000
TEXT_FIELDS = ("title", "problem", "pitch_hook", "pitch_problem", "pitch_solution", "pitch_ask")

_terms_cache: dict[tuple[str, ...], dict[str, int]] = {}
_TERMS_CACHE_LIMIT = 20000


def _terms(texts: tuple[str, ...]) -> dict[str, int]:
    found = _terms_cache.get(texts)
    if found is None:
        if len(_terms_cache) >= _TERMS_CACHE_LIMIT:
            _terms_cache.clear()
        found = _terms_cache[texts] = similarity.terms(*texts)
    return found


def proposal_terms(proposal: Proposal) -> dict[str, int]:
    texts = [str(getattr(proposal, name) or "") for name in TEXT_FIELDS]
    texts[1] = texts[1][:PROBLEM_CHARACTERS]
    return _terms(tuple(texts))


def similar_proposals_for(*, user, proposal: Proposal, limit: int = 5) -> list[Proposal]:
    """Up to ``limit`` other proposals the reader may see, most similar first; each carries its
    ``similarity`` score (0–1)."""
    query = proposal_terms(proposal)
    if not query:
        return []
    rows = (
        proposal_list_for(user=user)
        .exclude(pk=proposal.pk)
        .annotate(problem_opening=Substr("problem", 1, PROBLEM_CHARACTERS))
        .order_by("-created_at", "-id")
        .values_list(
            "pk",
            "title",
            "problem_opening",
            "pitch_hook",
            "pitch_problem",
            "pitch_solution",
            "pitch_ask",
        )[:MAX_CANDIDATES]
    )
    best = similarity.nearest(
        query,
        ((row[0], _terms(tuple(text or "" for text in row[1:]))) for row in rows),
        limit=limit,
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

"""Precision at 5 and recall at 10 of the search over the corpus, on whichever database is in
use (the test and ``scripts/search_quality.py`` call it)."""

from django.contrib.auth.models import AnonymousUser

from arloesi.core import search
from arloesi.core.models import SearchDocument
from arloesi.core.search import index
from arloesi.learning.tests.search_corpus.corpus import documents
from arloesi.learning.tests.search_corpus.queries import QUERIES


def load() -> dict[tuple[str, int], tuple[str, tuple[str, ...]]]:
    """The corpus in the index (replacing what is there); (kind, id) -> (topic, languages)."""
    SearchDocument.objects.all().delete()
    made = documents()
    SearchDocument.objects.bulk_create([index.row(kind, doc) for _topic, kind, _l, doc in made])
    return {(kind, doc.object_id): (topic, langs) for topic, kind, langs, doc in made}


def measure(labels, mode: str = search.ANY) -> dict:
    """Per query and on average: precision at 5, recall at 10."""
    per_query = []
    for language, text, topics in QUERIES:
        relevant = {
            key for key, (topic, langs) in labels.items() if topic in topics and language in langs
        }
        hits = search.search(
            text, user=AnonymousUser(), language=language, limit=10, mode=mode
        ).hits
        found = [(hit.kind, hit.object_id) for hit in hits]
        precision = sum(1 for key in found[:5] if key in relevant) / 5
        recall = sum(1 for key in found[:10] if key in relevant) / len(relevant)
        per_query.append((language, text, precision, recall))
    count = len(per_query)
    return {
        "p_at_5": sum(q[2] for q in per_query) / count,
        "r_at_10": sum(q[3] for q in per_query) / count,
        "queries": per_query,
    }

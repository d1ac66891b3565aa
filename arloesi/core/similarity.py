"""Text similarity for "similar work elsewhere in Wales": TF-IDF weighted cosine similarity.

Pure Python, no database: callers keep each document's term counts (``terms``) and ask for the
nearest documents. Works for English and Welsh text alike (both stop-word lists are applied).
"""

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[a-zâêîôûŵŷäëïöüÿáéíóúàèìòù']{3,}", re.IGNORECASE)

_STOP_WORDS_TEXT = """
    the and for with that this from into onto over under have has had are was were will would
    can could should may might must not but our their them they its his her your you who whom
    which what when where why how all any each some more most other such than then there these
    those very also about after before between through during without within upon per use used
    using make made new improve improved improving better care patients patient people service
    services cluster clusters primary wales nhs health board
    ac am ar at gan gyda heb hyd mewn wrth yng ngh yr mae roedd bydd fydd sydd oedd hyn hynny
    hon hwn eu ein eich fy dy ei nid neu ond fel pan lle pam sut pwy beth pob rhai mwy mwyaf
    gwella gofal cleifion claf pobl gwasanaeth gwasanaethau clwstwr clystyrau cymru bwrdd iechyd
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


_SUFFIXES = ("ation", "ing", "ity", "ty", "ies", "es", "ed", "s")


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    """A deliberately light stem, so "falls"/"fall" and "frailty"/"frail" meet."""
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(*texts: str) -> dict[str, int]:
    words = (w.lower().strip("'") for text in texts if text for w in _WORD.findall(text))
    return dict(Counter(_stem(w) for w in words if w not in STOP_WORDS and len(w) > 2))


def _weights(counts: dict[str, int], idf: dict[str, float]) -> dict[str, float]:
    vector = {t: (1 + math.log(c)) * idf.get(t, 0.0) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def nearest[K](
    query: dict[str, int],
    documents: Iterable[tuple[K, dict[str, int]]],
    *,
    limit: int = 5,
    threshold: float = 0.12,
) -> list[tuple[K, float]]:
    """The ``limit`` documents most similar to ``query``, best first, above ``threshold``."""
    documents = list(documents)
    if not query or not documents:
        return []
    count = len(documents) + 1
    frequency = Counter(t for _, doc in documents for t in doc)
    frequency.update(query.keys())
    idf = {t: math.log((1 + count) / (1 + f)) + 1 for t, f in frequency.items()}
    query_vector = _weights(query, idf)
    scored = []
    for key, doc in documents:
        shared = query_vector.keys() & doc.keys()
        if not shared:
            continue
        doc_vector = _weights(doc, idf)
        score = sum(query_vector[t] * doc_vector[t] for t in shared)
        if score >= threshold:
            scored.append((key, round(score, 3)))
    scored.sort(key=lambda item: -item[1])
    return scored[:limit]

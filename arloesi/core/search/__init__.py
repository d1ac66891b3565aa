"""Finding things across Wales: one index, one interface, two databases.

- ``analysis``: text into terms (English Porter stemming, Welsh stemming with initial mutations
  undone, both languages' stop words), pure;
- ``registry``: the sources the apps register (``register(kind, label=…, build=…, visible=…,
  address=…, models=…)``) and the ``Document`` they build;
- ``index``: ``reindex``, ``reindex_all``, ``touched`` (called by the audit trail);
- ``query``: ``search(text, Filters(…), user=…)`` and ``similar(kind, id, user=…)``; for an
  app's own list, ``ranked(kind, text, among)`` (a page of ids, best first) and
  ``matching(kind, text)`` (a subquery of the ids with every word).

The documents are ``core.models.SearchDocument`` rows; SQLite indexes their terms with FTS5,
PostgreSQL with a tsvector column (migration 0005). ADR 0009 explains the choice.
"""

from arloesi.core.search.index import reindex, reindex_all, touched
from arloesi.core.search.query import (
    ALL,
    ANY,
    Filters,
    Hit,
    Ranked,
    Results,
    matching,
    ranked,
    search,
    similar,
    visible_q,
)
from arloesi.core.search.registry import Document, register, source, sources

__all__ = [
    "ALL",
    "ANY",
    "Document",
    "Filters",
    "Hit",
    "Ranked",
    "Results",
    "matching",
    "ranked",
    "register",
    "reindex",
    "reindex_all",
    "search",
    "similar",
    "source",
    "sources",
    "touched",
    "visible_q",
]

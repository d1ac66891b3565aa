"""Keeping the index in step: ``reindex(kind, ids)`` rebuilds the documents of some objects (the
audit trail calls ``touched`` for every audited write, inside the service's transaction, so a
service needs no call of its own), ``reindex_all`` rebuilds a kind or everything (demo and
bench data written in bulk, ``arloesi search_reindex``)."""

from collections import Counter

from django.db import transaction
from django.db.models import F

from arloesi.core.models import SearchDocument, SearchTerm
from arloesi.core.search import registry

BATCH = 500


def row(kind: str, document: registry.Document) -> SearchDocument:
    """The index's row for ``document`` (not saved)."""
    return SearchDocument(
        kind=kind,
        object_id=document.object_id,
        listed=document.listed,
        is_public=document.is_public,
        unit_path=document.unit_path or "",
        title_en=(document.title_en or "")[:300],
        title_cy=(document.title_cy or "")[:300],
        summary_en=(document.summary_en or "")[:600],
        summary_cy=(document.summary_cy or "")[:600],
        status=document.status or "",
        outcome=document.outcome or "",
        tags=document.tag_text()[:2000],
        date=document.date,
        terms=document.terms(),
    )


FIELDS = [
    "listed",
    "is_public",
    "unit_path",
    "title_en",
    "title_cy",
    "summary_en",
    "summary_cy",
    "status",
    "outcome",
    "tags",
    "date",
    "terms",
]


@transaction.atomic
def reindex(kind: str, ids: list[int]) -> None:
    source = registry.source(kind)
    if source is None or not ids:
        return
    rows = {d.object_id: row(kind, d) for d in source.build(list(ids))}
    existing = {
        saved.object_id: saved
        for saved in SearchDocument.objects.filter(kind=kind, object_id__in=list(ids))
    }
    gone = [saved for object_id, saved in existing.items() if object_id not in rows]
    if gone:
        SearchDocument.objects.filter(pk__in=[saved.pk for saved in gone]).delete()
    counted = Counter()
    for saved in gone:
        counted.subtract(_distinct(saved.terms))
    for object_id, built in rows.items():
        before = existing.get(object_id)
        if before is None:
            built.save(force_insert=True)
            counted.update(_distinct(built.terms))
        elif any(getattr(before, name) != getattr(built, name) for name in FIELDS):
            built.pk = before.pk
            built.save(force_update=True)
            counted.update(_distinct(built.terms))
            counted.subtract(_distinct(before.terms))
    _count(counted)


def _distinct(terms: str) -> set[str]:
    return set(terms.split())


def _count(change: Counter) -> None:
    """Add ``change`` (term -> documents more or fewer) to the terms' counts."""
    change = {term: n for term, n in change.items() if n and len(term) <= 100}
    if not change:
        return
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term, documents=0) for term in change], ignore_conflicts=True
    )
    for n in set(change.values()):
        SearchTerm.objects.filter(term__in=[t for t, m in change.items() if m == n]).update(
            documents=F("documents") + n
        )


@transaction.atomic
def reindex_all(kind: str | None = None) -> int:
    """Rebuild every document of ``kind`` (or of every source); returns how many were written."""
    written = 0
    for source in registry.sources():
        if kind is not None and source.kind != kind:
            continue
        SearchDocument.objects.filter(kind=source.kind).delete()
        batch = []
        for document in source.build(None):
            batch.append(row(source.kind, document))
            if len(batch) >= BATCH:
                SearchDocument.objects.bulk_create(batch)
                written += len(batch)
                batch = []
        SearchDocument.objects.bulk_create(batch)
        written += len(batch)
    terms_recount()
    return written


def terms_recount() -> None:
    """Count every term's documents again from the documents themselves."""
    counted = Counter()
    for terms in SearchDocument.objects.values_list("terms", flat=True).iterator(chunk_size=2000):
        counted.update(_distinct(terms))
    SearchTerm.objects.all().delete()
    SearchTerm.objects.bulk_create(
        (SearchTerm(term=term, documents=n) for term, n in counted.items() if len(term) <= 100),
        batch_size=2000,
    )


def affected(obj) -> list[tuple[str, int]]:
    """The documents (kind, object id) a write to ``obj`` changes."""
    found = []
    for source, indexed_id in registry.sources_for_model(type(obj)):
        object_id = indexed_id(obj)
        if object_id is not None:
            found.append((source.kind, object_id))
    return found


def refresh(documents: list[tuple[str, int]]) -> None:
    for kind, object_id in documents:
        reindex(kind, [object_id])


def touched(obj) -> None:
    """An audited write changed ``obj``: rebuild the documents it belongs to, if any."""
    refresh(affected(obj))

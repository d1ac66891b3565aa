"""Keeping the index in step: ``reindex(kind, ids)`` rebuilds the documents of some objects (the
audit trail calls ``touched`` for every audited write, inside the service's transaction, so a
service needs no call of its own), ``reindex_all`` rebuilds a kind or everything (demo and
bench data written in bulk, ``arloesi search_reindex``)."""

from django.db import transaction

from arloesi.core.models import SearchDocument
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
    gone = [saved.pk for object_id, saved in existing.items() if object_id not in rows]
    if gone:
        SearchDocument.objects.filter(pk__in=gone).delete()
    for object_id, built in rows.items():
        before = existing.get(object_id)
        if before is None:
            built.save(force_insert=True)
        elif any(getattr(before, name) != getattr(built, name) for name in FIELDS):
            built.pk = before.pk
            built.save(force_update=True)


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
    return written


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

"""Asking the index: ``search(text, filters, user=…)`` — ranked full-text search on either
database (SQLite FTS5 with ``bm25``; PostgreSQL ``tsvector`` with ``ts_rank_cd``) over the same
analysed terms, so both find the same things — and ``similar(kind, object_id, …)``.

Every search is one query whatever it finds: the ranked page of documents with the number found
(the filters and the reader's scope are a subquery of plain columns). Without words to search
for, the newest come first, also in one query."""

from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from arloesi.core.models import SearchDocument, SearchTerm
from arloesi.core.search import analysis, registry

ALL = "all"
ANY = "any"


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    # facet -> values: any of a facet's values, every facet given.
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Within this place (a health board's or a cluster's path).
    within: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    # Only what the all-Wales search lists (not proposals still being written)...
    listed_only: bool = True
    # ... but for these kinds, everything the reader may see.
    unlisted_kinds: tuple[str, ...] = ()
    exclude: tuple[tuple[str, int], ...] = ()


@dataclass
class Hit:
    document: SearchDocument
    score: float
    language: str = "en"

    @property
    def kind(self) -> str:
        return self.document.kind

    @property
    def object_id(self) -> int:
        return self.document.object_id

    @property
    def title(self) -> str:
        doc = self.document
        if self.language == "cy" and doc.title_cy:
            return doc.title_cy
        return doc.title_en or doc.title_cy

    @property
    def summary(self) -> str:
        doc = self.document
        if self.language == "cy" and doc.summary_cy:
            return doc.summary_cy
        return doc.summary_en or doc.summary_cy

    @property
    def in_other_language(self) -> bool:
        """The title is shown in the other language (no translation)."""
        doc = self.document
        return bool(
            doc.title_cy
            if self.language == "en" and not doc.title_en
            else doc.title_en
            if self.language == "cy" and not doc.title_cy
            else False
        )

    @property
    def address(self) -> str:
        source = registry.source(self.kind)
        return source.address(self.object_id) if source else ""


@dataclass
class Results:
    hits: list[Hit]
    # How many were found (None when the newest are listed without words to search for).
    total: int | None
    searched: bool
    # For ``similar``: the document the results are like (None when the reader may not see it).
    like: SearchDocument | None = None
    # Whether a page follows this one.
    more: bool = False


def _signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


def visible_q(user, *, listed_only: bool = False) -> Q:
    """Deny by default: public documents, and each kind's documents its source lets the reader
    see (a subquery of ids, or all of them for everyone signed in)."""
    visible = Q(is_public=True)
    if not _signed_in(user):
        return visible
    for source in registry.sources():
        ask = source.visible_listed if listed_only and source.visible_listed else source.visible
        ids = ask(user)
        if ids is None:
            visible |= Q(kind=source.kind)
        else:
            visible |= Q(kind=source.kind, object_id__in=ids)
    return visible


def filtered(filters: Filters, *, user) -> QuerySet[SearchDocument]:
    rows = SearchDocument.objects.filter(visible_q(user, listed_only=filters.listed_only))
    if filters.listed_only:
        rows = rows.filter(Q(listed=True) | Q(kind__in=filters.unlisted_kinds))
    if filters.kinds:
        rows = rows.filter(kind__in=filters.kinds)
    for facet, values in filters.tags.items():
        if values:
            any_of = Q()
            for value in values:
                any_of |= Q(tags__contains=f" {facet}:{value} ")
            rows = rows.filter(any_of)
    if filters.within:
        places = Q()
        for path in filters.within:
            places |= Q(unit_path__startswith=path)
        rows = rows.filter(places)
    if filters.statuses:
        rows = rows.filter(status__in=filters.statuses)
    if filters.outcomes:
        rows = rows.filter(outcome__in=filters.outcomes)
    if filters.date_from:
        rows = rows.filter(date__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(date__lte=filters.date_to)
    for kind, object_id in filters.exclude:
        rows = rows.exclude(kind=kind, object_id=object_id)
    return rows


def _expression(groups: list[tuple[str, ...]], mode: str) -> str:
    """Each word's readings are alternatives; words are all needed (``ALL``) or any (``ANY``)."""
    if connection.vendor == "postgresql":
        return (" & " if mode == ALL else " | ").join(
            "(" + " | ".join(group) + ")" for group in groups
        )
    return (" AND " if mode == ALL else " OR ").join(
        "(" + " OR ".join(f'"{term}"' for term in group) + ")" for group in groups
    )


# What a page of results reads of each document (not its terms).
SHOWN = ("id", "kind", "object_id", "listed", "is_public", "unit_path", "title_en", "title_cy",
         "summary_en", "summary_cy", "status", "outcome", "tags", "date")  # fmt: skip


def _ranked(groups, rows: QuerySet, *, limit: int, offset: int, mode: str):
    """One query: the page of documents, best first, each with its ``score`` and the ``total``
    found. The terms are letters and digits only (analysis) and go in as a parameter; the inner
    query (filters and scope) is Django's own SQL with its parameters."""
    expression = _expression(groups, mode)
    if connection.vendor == "postgresql":
        inner, params = rows.values("id").query.sql_with_params()
        ranked = (
            "SELECT d.id, ts_rank_cd(d.vector, q, 1) AS score, COUNT(*) OVER () AS total "  # noqa: S608
            "FROM core_searchdocument d, to_tsquery('simple', %s) q "
            f"WHERE d.vector @@ q AND d.id IN ({inner}) "
            "ORDER BY score DESC, d.id LIMIT %s OFFSET %s"
        )
    elif connection.vendor == "sqlite":
        # FTS5 computes bm25 only in the query that matches, so the window is taken outside
        # it. The matches are found first and only they are tested against the filters and the
        # reader's scope (the filters' subquery reads the matches), not every document.
        inner, params = (
            rows.filter(pk__in=RawSQL("SELECT id FROM found", ())).values("id").query
        ).sql_with_params()
        ranked = (
            "WITH found AS MATERIALIZED (SELECT rowid AS id, -bm25(core_search_fts) AS score "  # noqa: S608
            "FROM core_search_fts WHERE core_search_fts MATCH %s) "
            f"SELECT id, score, COUNT(*) OVER () AS total FROM found WHERE id IN ({inner}) "
            "ORDER BY score DESC, id LIMIT %s OFFSET %s"
        )
    else:  # pragma: no cover - the project runs on SQLite and PostgreSQL only
        raise NotImplementedError(connection.vendor)
    columns = ", ".join(f"d.{name}" for name in SHOWN)
    sql = (
        f"SELECT {columns}, page.score, page.total FROM ({ranked}) page "  # noqa: S608
        "JOIN core_searchdocument d ON d.id = page.id ORDER BY page.score DESC, page.id"
    )
    return list(SearchDocument.objects.raw(sql, [expression, *params, limit, offset]))


def _page(groups, rows, *, limit, offset, mode, language) -> Results:
    ranked = _ranked(groups, rows, limit=limit, offset=offset, mode=mode)
    total = ranked[0].total if ranked else 0
    hits = [Hit(doc, float(doc.score), language) for doc in ranked]
    return Results(hits, total, True, more=offset + len(hits) < total)


def search(
    text: str,
    filters: Filters | None = None,
    *,
    user,
    language: str = "en",
    limit: int = 20,
    offset: int = 0,
    mode: str = ANY,
) -> Results:
    """The reader's page of results for ``text`` (best first), or, without words to search for,
    the newest documents that pass the filters. A document with any of the words (in either
    language's reading) is found, ranked by how well it matches them all (``ANY``: on the
    labelled corpus it finds far more of what people want than needing every word, ADR 0009);
    with ``ALL`` every word is needed, and when nothing has them all, any is enough."""
    filters = filters or Filters()
    rows = filtered(filters, user=user)
    groups = analysis.query_terms(text or "")
    if not groups:
        # Newest first, read from the (listed, date) index and stopped after the page: no count
        # of everything visible (that alone took longer than the rest of the page), only
        # whether there is more.
        page = list(rows.only(*SHOWN).order_by("-date", "-id")[offset : offset + limit + 1])
        hits = [Hit(doc, 0.0, language) for doc in page[:limit]]
        return Results(hits, None, False, more=len(page) > limit)
    found = _page(groups, rows, limit=limit, offset=offset, mode=mode, language=language)
    if mode == ALL and not found.total and offset == 0 and len(groups) > 1:
        # Nothing has every word: what has any of them, best first (one more query, only then).
        found = _page(groups, rows, limit=limit, offset=offset, mode=ANY, language=language)
    return found


def similar(
    kind: str,
    object_id: int,
    filters: Filters | None = None,
    *,
    user,
    language: str = "en",
    limit: int = 5,
    offset: int = 0,
) -> Results:
    """What is most like the document of ``kind`` and ``object_id`` (its commonest terms, any
    of them, ranked), never itself; nothing when the reader may not see that document."""
    filters = filters or Filters()
    like = (
        filtered(Filters(listed_only=False), user=user)
        .filter(kind=kind, object_id=object_id)
        .first()
    )
    if like is None:
        return Results([], 0, True)
    terms = analysis.top_terms(like.terms, limit=SIMILAR_TERMS, **_how_common(like.terms))
    if not terms:
        return Results([], 0, True, like)
    exclude = (*filters.exclude, (kind, object_id))
    rows = filtered(Filters(**{**filters.__dict__, "exclude": exclude}), user=user)
    # A term the document says more often is asked for more often, and weighs more.
    found = _page(
        [(term,) for term, count in terms for _ in range(count)],
        rows,
        limit=limit,
        offset=offset,
        mode=ANY,
        language=language,
    )
    found.like = like
    return found


def _how_common(terms_text: str) -> dict:
    """How many documents use each of the document's terms, and how many there are (two
    queries: its terms' counts, and the size of the index)."""
    mine = {t for t in terms_text.split() if len(t) > 2 and not t.isdigit()}
    documents = dict(
        SearchTerm.objects.filter(term__in=list(mine)).values_list("term", "documents")
    )
    return {"documents": documents, "total": SearchDocument.objects.count()}


# --- One kind's own lists, narrowed by words ------------------------------------------------


@dataclass
class Ranked:
    """A page of one kind's object ids, best match first, and how many match in all."""

    ids: list[int]
    total: int


def ranked(kind: str, text: str, among: QuerySet, *, limit: int, offset: int = 0) -> Ranked | None:
    """The page of the ids in ``among`` (a queryset of one kind's ids: its app's own list, with
    the reader's scope and the page's filters) whose documents have any of ``text``'s words,
    best first — one query; None when ``text`` has no words to search for. The app's list
    decides who sees what; the index only narrows and ranks it.

    The list's ids and the matches are each found once and then joined (on SQLite both are
    materialised: testing the matches against the list's own query one by one re-ran its
    subqueries for every match, a second and more at scale 1)."""
    groups = analysis.query_terms(text or "")
    if not groups:
        return None
    expression = _expression(groups, ANY)
    inner, params = among.query.sql_with_params()
    if connection.vendor == "postgresql":
        sql = (
            "SELECT d.object_id, ts_rank_cd(d.vector, q, 1) AS score, COUNT(*) OVER () "  # noqa: S608
            "FROM core_searchdocument d, to_tsquery('simple', %s) q "
            f"WHERE d.kind = %s AND d.vector @@ q AND d.object_id IN ({inner}) "
            "ORDER BY score DESC, d.object_id LIMIT %s OFFSET %s"
        )
        arguments = [expression, kind, *params, limit, offset]
    else:
        sql = (
            "WITH found AS MATERIALIZED (SELECT rowid AS id, -bm25(core_search_fts) AS score "  # noqa: S608
            "FROM core_search_fts WHERE core_search_fts MATCH %s), "
            f"allowed AS MATERIALIZED ({inner}) "
            "SELECT d.object_id, found.score, COUNT(*) OVER () FROM found "
            "JOIN core_searchdocument d ON d.id = found.id "
            "WHERE d.kind = %s AND d.object_id IN (SELECT * FROM allowed) "
            "ORDER BY found.score DESC, d.object_id LIMIT %s OFFSET %s"
        )
        arguments = [expression, *params, kind, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, arguments)
        rows = cursor.fetchall()
    return Ranked([row[0] for row in rows], rows[0][2] if rows else 0)


def matching(kind: str, text: str) -> RawSQL | None:
    """A subquery of the ids of ``kind`` whose documents have every word of ``text`` (each in
    either language's reading), for ``filter(pk__in=…)`` on the app's own list; None when
    ``text`` has no words to search for."""
    groups = analysis.query_terms(text or "")
    if not groups:
        return None
    expression = _expression(groups, ALL)
    if connection.vendor == "postgresql":
        sql = (
            "SELECT object_id FROM core_searchdocument "
            "WHERE kind = %s AND vector @@ to_tsquery('simple', %s)"
        )
    else:
        sql = (
            "SELECT object_id FROM core_searchdocument WHERE kind = %s AND id IN "
            "(SELECT rowid FROM core_search_fts WHERE core_search_fts MATCH %s)"
        )
    return RawSQL(sql, (kind, expression))  # noqa: S611 (the terms are letters and digits, a parameter)


# The terms of a document a "similar" search asks for.
SIMILAR_TERMS = 6

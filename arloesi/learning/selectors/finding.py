"""Finding learning: one search over everything published across Wales — learning records
(published), projects and decided proposals — through core.search. This module is the learning
records' source for the index (registered in ``LearningConfig.ready()``) and the search page's
presenter; projects and proposals register their own sources.

Who finds what (deny by default): a signed-out visitor finds only public learning records
(published, with a summary in both languages); anyone signed in finds every published record, and
the projects and proposals their apps let them see (decided proposals: everyone with a role in
Wales)."""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from arloesi.core import search
from arloesi.learning.models import LearningRecord, RecordTag
from arloesi.learning.vocabulary import RecordStatus
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind

KIND = "learning_record"
PER_PAGE = 10
# Deeper than this nobody reads; the page count stays bounded for any input.
MAX_PAGES = 50
BODY = ("tried", "worked", "did_not_work", "why", "results", "costs_notes", "recommendations")


def _document(record: LearningRecord) -> search.Document:
    body = [str(getattr(record, name) or "") for name in BODY]
    welsh = record.language == "cy"
    return search.Document(
        object_id=record.pk,
        title_en=record.title_en,
        title_cy=record.title_cy,
        summary_en=record.summary_en[:600],
        summary_cy=record.summary_cy[:600],
        text_en=() if welsh else body,
        text_cy=body if welsh else (),
        listed=True,
        is_public=record.is_public,
        unit_path=record.cluster.path,
        status=record.status,
        tags=[f"{tag.kind}:{tag.value}" for tag in record.tags.all()],
        date=(record.published_at or record.created_at).date(),
    )


def record_documents(ids: list[int] | None):
    """Published records only: a record that is withdrawn or not yet published has none."""
    rows = (
        LearningRecord.objects.filter(status=RecordStatus.PUBLISHED)
        .select_related("cluster")
        .prefetch_related("tags")
        .only(
            "title_en",
            "title_cy",
            "summary_en",
            "summary_cy",
            "language",
            "is_public",
            "status",
            "published_at",
            "created_at",
            "cluster__path",
            *BODY,
        )  # fmt: skip
    )
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    for record in rows.order_by("pk").iterator(chunk_size=500):
        yield _document(record)


def record_address(object_id: int) -> str:
    """The record's page (written with the learning records part)."""
    try:
        return reverse("learning:record", kwargs={"record_id": object_id})
    except NoReverseMatch:
        return ""


def register() -> None:
    search.register(
        KIND,
        label=_("Learning record"),
        build=record_documents,
        # Every published record is for everyone signed in (and the public ones for anyone).
        visible=lambda user: None,
        address=record_address,
        models={
            LearningRecord: lambda record: record.pk,
            RecordTag: lambda tag: tag.record_id,
        },
        order=10,
    )


# --- The search page ------------------------------------------------------------------------


@dataclass
class Place:
    pk: int
    name: str
    path: str


@dataclass
class FindingPage:
    results: search.Results
    page: int
    pages: int
    health_boards: list[Place] = field(default_factory=list)
    clusters: list[Place] = field(default_factory=list)
    like_title: str = ""
    like_missing: bool = False

    @property
    def first(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def last(self) -> int:
        return (self.page - 1) * PER_PAGE + len(self.results.hits)


def _places(board: str = "") -> tuple[list[Place], list[Place]]:
    """Health boards for the filters, and the clusters of the chosen one (none until a board is
    chosen: a list of every cluster in Wales is long to read and to draw). Plain values, one
    query each."""
    welsh = (get_language() or "en") == "cy"

    def as_places(rows):
        return [Place(pk, (cy or en) if welsh else en, path) for pk, en, cy, path in rows]

    boards = as_places(organisations.unit_names(kind=Kind.HEALTH_BOARD))
    chosen = next((p for p in boards if str(p.pk) == board), None)
    if chosen is None:
        return boards, []
    return boards, as_places(organisations.unit_names(kind=Kind.CLUSTER, within=chosen.path))


def places(board: str = "") -> tuple[list[Place], list[Place]]:
    return _places(board)


def _filters(data: dict, boards: list[Place], clusters: list[Place]) -> search.Filters:
    paths = {str(p.pk): p.path for p in [*boards, *clusters]}
    within = tuple(paths[v] for v in (data.get("health_board"), data.get("cluster")) if v in paths)

    def chosen(name: str) -> tuple[str, ...]:
        value = data.get(name) or ()
        return (value,) if isinstance(value, str) else tuple(value)

    return search.Filters(
        kinds=chosen("kind"),
        tags={"priority": chosen("priority"), "innovation": chosen("innovation")},
        within=within[-1:],
        outcomes=chosen("outcome"),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )


def finding_page(
    *, user, data: dict, page: int = 1, like: str = "", places: tuple | None = None
) -> FindingPage:
    """The results for the form's ``data`` (already checked), or what is like ``like``
    ("<kind>:<id>"), on ``page``; the filters' places (``places()``, if not given)."""
    boards, clusters = places or _places(str(data.get("health_board") or ""))
    filters = _filters(data, boards, clusters)
    page = max(1, min(page, MAX_PAGES))
    offset = (page - 1) * PER_PAGE
    language = get_language() or "en"
    like_kind, _sep, like_id = (like or "").partition(":")
    if like and like_id.isdigit() and search.source(like_kind):
        results = search.similar(
            like_kind, int(like_id), filters, user=user, language=language,
            limit=PER_PAGE, offset=offset,
        )  # fmt: skip
        liked = results.like
        found = FindingPage(results, page, 0, boards, clusters, like_missing=liked is None)
        if liked is not None:
            found.like_title = search.Hit(liked, 0.0, language).title
    else:
        results = search.search(
            data.get("q") or "", filters, user=user, language=language,
            limit=PER_PAGE, offset=offset,
        )  # fmt: skip
        found = FindingPage(results, page, 0, boards, clusters)
    if results.total is None:
        found.pages = min(MAX_PAGES, page + 1 if results.more else page)
    else:
        found.pages = min(MAX_PAGES, -(-results.total // PER_PAGE))
    return found

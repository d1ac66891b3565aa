"""Who reads and changes a learning record — decided here once, for every page and service — and
the lists of records.

- A published record is read by everyone signed in, anywhere in Wales (shared learning), and by
  anyone at all when it is public (``is_public``: published, title and summary in Welsh and
  English).
- A record not published (a draft, waiting for approval, withdrawn) is read only by its project's
  team and leads (``projects.selectors.may_change``: closed or not) and by those who hold
  ``learning.view_draft_records`` over its cluster (its lead, the planning group's chair, the
  health board's officers, the national team).
- The team and leads write it; the cluster's lead approves, returns and withdraws it.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from arloesi.core import attention, permissions
from arloesi.core.jinja import url
from arloesi.learning.models import LearningRecord, RecordTag
from arloesi.learning.permissions import RecordPerm
from arloesi.learning.vocabulary import (
    InnovationType,
    PopulationGroup,
    PriorityArea,
    Profession,
    RecordStatus,
)
from arloesi.measures import selectors as measures
from arloesi.organisations import selectors as organisations
from arloesi.projects import selectors as projects

RECORDS_PER_PAGE = 25
# The choices each kind of tag takes its values from.
TAG_CHOICES = {
    RecordTag.Kind.PRIORITY: PriorityArea,
    RecordTag.Kind.INNOVATION: InnovationType,
    RecordTag.Kind.PROFESSION: Profession,
    RecordTag.Kind.POPULATION: PopulationGroup,
}


def signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


@dataclass(frozen=True)
class RecordAccess:
    may_view: bool
    # The team and leads: write while a draft, translate once published, submit, withdraw.
    may_write: bool
    # The record's cluster lead: approve or return a submitted record, withdraw a published one.
    may_approve: bool

    @property
    def may_withdraw(self) -> bool:
        return self.may_write or self.may_approve


NO_ACCESS = RecordAccess(may_view=False, may_write=False, may_approve=False)


def record_access(user, record: LearningRecord) -> RecordAccess:
    """What ``user`` may do with ``record`` (its project and cluster loaded with it)."""
    if not signed_in(user):
        return RecordAccess(may_view=record.is_public, may_write=False, may_approve=False)
    may_write = projects.may_change(user, record.project)
    may_approve = permissions.can(user, RecordPerm.APPROVE, record.cluster.path)
    may_view = (
        record.status == RecordStatus.PUBLISHED
        or may_write
        or may_approve
        or permissions.can(user, RecordPerm.VIEW_DRAFTS, record.cluster.path)
    )
    return RecordAccess(may_view=may_view, may_write=may_write, may_approve=may_approve)


def _records() -> QuerySet[LearningRecord]:
    return LearningRecord.objects.select_related(
        "project__lead_collaborative__parent", "cluster__parent", "created_by", "ramp"
    )


def record_get_for_user(*, user, record_id: int) -> tuple[LearningRecord, RecordAccess]:
    """The record and what ``user`` may do with it; 404 when they may not read it (a guessed id
    reveals nothing, not even that a draft exists)."""
    record = _records().filter(pk=record_id).first()
    if record is None:
        raise Http404
    access = record_access(user, record)
    if not access.may_view:
        raise Http404
    return record, access


def record_for_write(*, user, record_id: int) -> LearningRecord:
    """The record, when ``user`` writes it (its team and leads); otherwise 404."""
    record, access = record_get_for_user(user=user, record_id=record_id)
    if not access.may_write:
        raise Http404
    return record


def record_for_approval(*, user, record_id: int) -> LearningRecord:
    """The record, when ``user`` approves its cluster's records; otherwise 404."""
    record, access = record_get_for_user(user=user, record_id=record_id)
    if not access.may_approve:
        raise Http404
    return record


def project_for_records(*, user, project_id: int):
    """The project and whether ``user`` writes its learning records; 404 when they may not see
    it."""
    project = projects.project_get_for_user(user=user, project_id=project_id)
    return project, projects.may_change(user, project)


# --- The reader's language --------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A record's title and summary in the reader's language where there is a translation."""

    title: str
    summary: str
    # The language they are shown in, and whether it is not the reader's.
    language: str
    other_language: bool


def shown(record) -> Shown:
    reader = (translation.get_language() or "en")[:2]
    other = "en" if reader == "cy" else "cy"
    title_in = {"en": record.title_en, "cy": record.title_cy}
    summary_in = {"en": record.summary_en, "cy": record.summary_cy}
    if title_in[reader].strip():
        language = reader
    elif title_in[other].strip():
        language = other
    else:
        language = reader
    summary = summary_in[language] or summary_in[other if language == reader else reader]
    return Shown(
        title=title_in[language] or str(record),
        summary=summary,
        language=language,
        other_language=language != reader,
    )


# --- Lists ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListedRecord:
    record: LearningRecord
    shown: Shown


@dataclass(frozen=True)
class RecordsPage:
    records: list[ListedRecord]
    page: object  # a Django Page: number, has_next, has_previous, paginator.count
    total: int


def _listed(records) -> list[ListedRecord]:
    return [ListedRecord(record, shown(record)) for record in records]


def published_records(*, user=None, page_number=1, per_page: int = RECORDS_PER_PAGE) -> RecordsPage:
    """The records published in Wales, newest first, a page at a time: every published one for
    someone signed in, the public ones for anyone else. (Finding learning adds its filters on
    top of this list.)"""
    records = LearningRecord.objects.filter(status=RecordStatus.PUBLISHED)
    if not signed_in(user):
        records = records.filter(is_public=True)
    records = records.select_related("cluster__parent").only(
        "title_en",
        "title_cy",
        "summary_en",
        "summary_cy",
        "published_at",
        "status",
        "is_public",
        "cluster__name_en",
        "cluster__name_cy",
        "cluster__parent__name_en",
        "cluster__parent__name_cy",
    )
    paginator = Paginator(records.order_by("-published_at", "-pk"), per_page)
    page = paginator.get_page(page_number)
    return RecordsPage(records=_listed(page.object_list), page=page, total=paginator.count)


@dataclass(frozen=True)
class ProjectRecordsPage:
    project: object
    may_write: bool
    records: list[ListedRecord]
    ramps: list


def project_records_page(*, user, project_id: int) -> ProjectRecordsPage:
    """A project's learning records: all of them for its team, leads and those who read its
    cluster's drafts; the published ones for everyone else who sees the project."""
    project, may_write = project_for_records(user=user, project_id=project_id)
    records = LearningRecord.objects.filter(project=project).select_related("ramp")
    cluster_path = project.lead_collaborative.path
    sees_drafts = (
        may_write
        or permissions.can(user, RecordPerm.VIEW_DRAFTS, cluster_path)
        or permissions.can(user, RecordPerm.APPROVE, cluster_path)
    )
    if not sees_drafts:
        records = records.filter(status=RecordStatus.PUBLISHED)
    return ProjectRecordsPage(
        project=project,
        may_write=may_write,
        records=_listed(records.order_by("-created_at", "-pk")),
        ramps=projects.ramps_of(project) if may_write else [],
    )


def tags_of(record) -> dict[str, list[str]]:
    """The record's tags by kind (priority, innovation, profession, population): their values."""
    tags: dict[str, list[str]] = {kind: [] for kind in RecordTag.Kind.values}
    for kind, value in RecordTag.objects.filter(record=record).values_list("kind", "value"):
        tags[kind].append(value)
    return tags


def tag_labels(tags: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """(kind's label, the values' labels) of each kind with a tag, in the reader's language."""
    shown = []
    for kind, label in RecordTag.Kind.choices:
        labels = dict(TAG_CHOICES[kind].choices)
        values = [str(labels.get(value, value)) for value in tags.get(kind, [])]
        if values:
            shown.append((str(label), values))
    return shown


def _waiting(user) -> QuerySet[LearningRecord]:
    return LearningRecord.objects.filter(
        status=RecordStatus.SUBMITTED,
        cluster__in=organisations.units_within(RecordPerm.APPROVE, user=user),
    )


def waiting_page(*, user) -> list[ListedRecord]:
    """The records waiting for ``user``'s approval (their clusters'), oldest first."""
    if not signed_in(user) or not permissions.can_anywhere(user, RecordPerm.APPROVE):
        return []
    records = _waiting(user).select_related("cluster").order_by("created_at", "pk")
    return _listed(records)


def records_attention_for(user) -> list:
    """The home page's item for a cluster lead: records waiting for their approval."""
    if not signed_in(user) or not permissions.can_anywhere(user, RecordPerm.APPROVE):
        return []
    count = _waiting(user).count()
    if not count:
        return []
    return [
        attention.AttentionItem(
            text=_("Learning records waiting for your approval"),
            href=url("learning:waiting"),
            count=count,
        )
    ]


@dataclass(frozen=True)
class RecordEdit:
    """What the form that writes a draft starts from."""

    record: LearningRecord
    tags: dict[str, list[str]]
    measure_ids: list[int]
    # The measures of the record's project, to choose the charts from.
    project_measures: list


def record_edit_context(*, user, record_id: int) -> RecordEdit:
    record = record_for_write(user=user, record_id=record_id)
    return RecordEdit(
        record=record,
        tags=tags_of(record),
        measure_ids=list(record.measures.values_list("pk", flat=True)),
        project_measures=measures.measures_of_project(project_id=record.project_id),
    )

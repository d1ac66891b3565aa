"""A learning record's page and its history, each one presenter in a fixed number of queries."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit, permissions, snapshots
from arloesi.learning.models import LearningRecord, RecordStatusChange
from arloesi.learning.selectors.adoption import Spread, may_adopt, spread_of
from arloesi.learning.selectors.records import (
    RecordAccess,
    Shown,
    record_get_for_user,
    shown,
    signed_in,
    tag_labels,
    tags_of,
)
from arloesi.learning.vocabulary import RecordStatus
from arloesi.measures import selectors as measures
from arloesi.projects import selectors as projects


@dataclass(frozen=True)
class Step:
    """One recorded step of the record's approval, in words."""

    at: object
    label: str
    who: str
    reason: str
    from_status: str


@dataclass(frozen=True)
class RecordPage:
    record: LearningRecord
    access: RecordAccess
    shown: Shown
    tags: list[tuple[str, list[str]]]
    # The charts the record shows with its results (each with its table).
    charts: list
    steps: list[Step]
    spread: list[Spread]
    may_adopt: bool
    signed_in: bool
    # Whether the reader may see the project itself (its title and page): the record is
    # published, the project is not.
    project_visible: bool = False
    # The charts as they were drawn when the record was published (core.snapshots), or None:
    # a draft's (and a record published before they were kept) are drawn from ``charts``.
    results_kept: str | None = None

    @property
    def returned_reason(self) -> str:
        """Why the cluster lead last sent it back, while it is a draft again."""
        if self.record.status != RecordStatus.DRAFT:
            return ""
        last = self.steps[-1] if self.steps else None
        if last and last.from_status == RecordStatus.SUBMITTED:
            return last.reason
        return ""


# The part of a published record kept as it was drawn on the day it was published
# (services.records.results_keep).
RESULTS = "results"


def _charts(record) -> list:
    """The record's charts drawn now, from the data up to today."""
    chosen = list(record.measures.values_list("pk", flat=True))
    return measures.charts_of(
        project=record.project, measure_ids=chosen, up_to=timezone.localdate()
    )


def record_page(*, user, record_id: int) -> RecordPage:
    record, access = record_get_for_user(user=user, record_id=record_id)
    kept = None if record.published_at is None else snapshots.read(record, RESULTS)
    reader = signed_in(user)
    return RecordPage(
        record=record,
        access=access,
        shown=shown(record),
        tags=tag_labels(tags_of(record)),
        charts=[] if kept is not None else _charts(record),
        results_kept=kept,
        steps=_steps(record) if reader else [],
        spread=spread_of(record) if reader else [],
        may_adopt=may_adopt(user, record),
        signed_in=reader,
        project_visible=reader
        and projects.project_visible(user=user, project_id=record.project_id),
    )


def _steps(record) -> list[Step]:
    labels = dict(RecordStatus.choices)
    returned = _("Returned to the team")
    steps = []
    changes = RecordStatusChange.objects.filter(record=record).select_related("actor")
    for change in changes.order_by("at", "pk"):
        back = (change.from_status, change.to_status) == (
            RecordStatus.SUBMITTED,
            RecordStatus.DRAFT,
        )
        steps.append(
            Step(
                at=change.at,
                label=str(returned if back else labels.get(change.to_status, change.to_status)),
                who=change.actor.full_name if change.actor else str(_("someone no longer here")),
                reason=change.reason,
                from_status=change.from_status,
            )
        )
    return steps


@dataclass(frozen=True)
class RecordHistoryPage:
    record: LearningRecord
    events: list
    show_values: bool
    can_redact: bool


def record_history(*, user, record_id: int) -> RecordHistoryPage:
    """Who changed which parts of the record and when (signed-in readers); the values before
    and after only for its team and leads, and administrators."""
    record, access = record_get_for_user(user=user, record_id=record_id)
    administrator = permissions.can_anywhere(user, permissions.REDACT)
    show_values = administrator or access.may_write
    return RecordHistoryPage(
        record=record,
        events=audit.history_for(record, including=(record.tags.all(),), show_values=show_values),
        show_values=show_values,
        can_redact=administrator,
    )

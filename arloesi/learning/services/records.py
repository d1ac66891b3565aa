"""Writing learning records: start one (when the project has closed, or after a ramp of PDSA
cycles), write the draft (its tags and the charts it shows), submit it, and the cluster lead's
approval (publishing it to all of Wales), return (with the reason) or withdrawal.

Once published, only the title and summary may still change — a translation added later — and
``is_public`` (published, title and summary in Welsh and English) is kept by every write here."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit, snapshots
from arloesi.core.models import AuditEvent
from arloesi.core.services import status_change
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.learning.models import LearningRecord, RecordStatusChange, RecordTag
from arloesi.learning.selectors.record_pages import RESULTS
from arloesi.learning.selectors.records import TAG_CHOICES, record_access
from arloesi.learning.vocabulary import RecordStatus
from arloesi.learning.workflow import RECORD_WORKFLOW
from arloesi.measures import selectors as measures
from arloesi.projects import selectors as projects
from arloesi.projects.vocabulary import Stage

TRANSLATED = ("title_en", "title_cy", "summary_en", "summary_cy")
TEXTS = (*TRANSLATED, "tried", "worked", "did_not_work", "why", "results", "costs_notes")
TEXTS = (*TEXTS, "recommendations")
FIELDS = frozenset({*TEXTS, "language", "costs"})


def _checked(values: dict) -> dict:
    unknown = set(values) - FIELDS
    if unknown:
        raise ValueError(f"not a learning record's field: {', '.join(sorted(unknown))}")
    values = dict(values)
    for name in TEXTS:
        if name in values:
            values[name] = (values[name] or "").strip()
    return values


def _public(record: LearningRecord) -> bool:
    return record.status == RecordStatus.PUBLISHED and all(
        getattr(record, name).strip() for name in TRANSLATED
    )


def _keep_public(record: LearningRecord, *, actor) -> LearningRecord:
    public = _public(record)
    if record.is_public != public:
        record = audit.update(record, actor=actor, is_public=public)
    return record


def _cluster_of(project):
    cluster = project.lead_collaborative.parent
    if cluster is None:
        raise ValidationError(_("This project’s collaborative is not in a cluster."))
    return cluster


@transaction.atomic
def record_create(
    *, actor, project, title: str = "", language: str = "en", ramp=None
) -> LearningRecord:
    """A draft learning record of ``project``, by its team or leads: once the project has
    closed, or, before that, after one of its ramps of PDSA cycles."""
    if not projects.may_change(actor, project):
        raise PermissionDenied
    if ramp is not None and ramp.project_id != project.pk:
        raise ValidationError({"ramp": _("Select a ramp of this project’s PDSA cycles")})
    if ramp is None and project.status != Stage.CLOSED:
        raise ValidationError(
            {"ramp": _("Until the project closes, a learning record follows a ramp of PDSA cycles")}
        )
    if language not in ("en", "cy"):
        raise ValidationError({"language": _("Select English or Welsh")})
    title = (title or "").strip() or project.title
    return audit.create(
        LearningRecord,
        actor=actor,
        project=project,
        ramp=ramp,
        cluster=_cluster_of(project),
        language=language,
        **{f"title_{language}": title[:200]},
        created_by=actor,
    )


def _locked(actor, record: LearningRecord) -> LearningRecord:
    locked = LearningRecord.objects.select_for_update().get(pk=record.pk)
    locked.project, locked.cluster = record.project, record.cluster
    if not record_access(actor, locked).may_write:
        raise PermissionDenied
    return locked


@transaction.atomic
def record_update(
    *,
    actor,
    record: LearningRecord,
    expected_version: int,
    tags: dict[str, list[str]] | None = None,
    measure_ids: list[int] | None = None,
    **values,
) -> LearningRecord:
    """Change a draft (every part, its tags and its charts); once published, only its title and
    summary in either language."""
    current = _locked(actor, record)
    values = _checked(values)
    if current.status == RecordStatus.PUBLISHED:
        if set(values) - set(TRANSLATED) or tags is not None or measure_ids is not None:
            raise TransitionNotAllowedError(current.status, RecordStatus.DRAFT)
    elif current.status != RecordStatus.DRAFT:
        raise TransitionNotAllowedError(current.status, RecordStatus.DRAFT)
    current = audit.update(current, actor=actor, expected_version=expected_version, **values)
    if tags is not None:
        _tags_set(current, tags, actor=actor)
    if measure_ids is not None:
        _charts_set(current, measure_ids, actor=actor)
    return _keep_public(current, actor=actor)


def _tags_set(record: LearningRecord, tags: dict[str, list[str]], *, actor) -> None:
    wanted = set()
    for kind, values in tags.items():
        choices = TAG_CHOICES.get(kind)
        if choices is None:
            raise ValueError(f"not a kind of tag: {kind}")
        for value in values:
            if value not in choices.values:
                raise ValidationError({kind: _("Select one of the options listed")})
            wanted.add((kind, value))
    existing = {(t.kind, t.value): t for t in RecordTag.objects.filter(record=record)}
    for key, tag in existing.items():
        if key not in wanted:
            audit.delete(tag, actor=actor)
    for kind, value in sorted(wanted - set(existing)):
        audit.create(RecordTag, actor=actor, record=record, kind=kind, value=value)


def _charts_set(record: LearningRecord, measure_ids: list[int], *, actor) -> None:
    available = {m.pk: m for m in measures.measures_of_project(project_id=record.project_id)}
    chosen = set(measure_ids)
    if chosen - set(available):
        raise ValidationError({"measures": _("Select measures of this project")})
    before = set(record.measures.values_list("pk", flat=True))
    if before == chosen:
        return
    record.measures.set(sorted(chosen))
    audit.record(
        actor=actor,
        obj=record,
        action=AuditEvent.Action.UPDATED,
        changes={
            "measures": [
                ", ".join(sorted(available[pk].name for pk in before if pk in available)),
                ", ".join(sorted(available[pk].name for pk in chosen)),
            ]
        },
    )


def problems_before_submit(record: LearningRecord) -> dict[str, str]:
    """What must be written before ``record`` goes to the cluster lead, by field."""
    language = record.language
    errors = {}
    if not getattr(record, f"title_{language}").strip():
        errors[f"title_{language}"] = _("Enter the title in the language of the record")
    if not getattr(record, f"summary_{language}").strip():
        errors[f"summary_{language}"] = _("Enter the summary in the language of the record")
    needed = {
        "tried": _("Say what was tried"),
        "worked": _("Say what worked"),
        "did_not_work": _("Say what did not work"),
        "why": _("Say why it worked or did not"),
        "recommendations": _("Enter your recommendations for others"),
    }
    for name, message in needed.items():
        if not getattr(record, name).strip():
            errors[name] = message
    return errors


def _move(record, *, actor, to_status, reason=""):
    return status_change(
        record,
        workflow=RECORD_WORKFLOW,
        change_model=RecordStatusChange,
        to_status=to_status,
        actor=actor,
        reason=reason,
        subject_field="record",
    )


@transaction.atomic
def record_submit(*, actor, record: LearningRecord) -> LearningRecord:
    """Send a complete draft to the cluster lead for approval."""
    current = _locked(actor, record)
    errors = problems_before_submit(current)
    if errors:
        raise ValidationError(errors)
    return _move(current, actor=actor, to_status=RecordStatus.SUBMITTED)


def _for_approval(actor, record: LearningRecord) -> LearningRecord:
    locked = LearningRecord.objects.select_for_update().get(pk=record.pk)
    locked.project, locked.cluster = record.project, record.cluster
    if not record_access(actor, locked).may_approve:
        raise PermissionDenied
    return locked


@transaction.atomic
def record_approve(*, actor, record: LearningRecord) -> LearningRecord:
    """The cluster lead approves: the record is published to all of Wales (and to everyone, when
    its title and summary are in both languages)."""
    current = _for_approval(actor, record)
    current = _move(current, actor=actor, to_status=RecordStatus.PUBLISHED)
    current = audit.update(current, actor=actor, published_at=timezone.now())
    results_keep(current)
    return _keep_public(current, actor=actor)


def results_keep(record: LearningRecord) -> None:
    """Keep the charts of the record's results as the cluster lead approved them, drawn from
    the data up to the day it was published, in every language (core.snapshots)."""
    chosen = list(record.measures.values_list("pk", flat=True))
    up_to = timezone.localdate(record.published_at)

    def draw() -> str:
        # Drawn in the language being kept: a chart's words are made with it.
        charts = measures.charts_of(project=record.project, measure_ids=chosen, up_to=up_to)
        return render_to_string("learning/records/_results.html", {"charts": charts})

    snapshots.keep(record, RESULTS, draw)


@transaction.atomic
def record_return(*, actor, record: LearningRecord, reason: str) -> LearningRecord:
    """The cluster lead sends a submitted record back to its team as a draft, saying why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say what the team should change")})
    current = _for_approval(actor, record)
    return _move(current, actor=actor, to_status=RecordStatus.DRAFT, reason=reason)


@transaction.atomic
def record_withdraw(*, actor, record: LearningRecord, reason: str) -> LearningRecord:
    """Take a published record out of the shared learning (its team or its cluster lead)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Enter the reason for withdrawing the record")})
    locked = LearningRecord.objects.select_for_update().get(pk=record.pk)
    locked.project, locked.cluster = record.project, record.cluster
    if not record_access(actor, locked).may_withdraw:
        raise PermissionDenied
    current = _move(locked, actor=actor, to_status=RecordStatus.WITHDRAWN, reason=reason)
    return _keep_public(current, actor=actor)

"""Writes of a measure's data: the quick grid's periods, a whole file imported (all or nothing,
the same file twice changes nothing), and the notes and rebases on its chart.

Every write is audited (core.audit) and asks ``rules.require_measure_change`` first."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.measures import importer, periods
from arloesi.measures.importer import Entry, ImportResult, Problem
from arloesi.measures.models import Annotation, DataPoint, Measure
from arloesi.measures.services.rules import require_measure_change
from arloesi.measures.vocabulary import PERCENT_CHARTS, WITH_DENOMINATOR, AnnotationKind

POINT_FIELDS = ("value", "numerator", "denominator", "excluded", "excluded_reason")


def _differs(point: DataPoint, entry: Entry) -> bool:
    return any(getattr(point, name) != getattr(entry, name) for name in POINT_FIELDS)


def _write(actor, measure: Measure, entries, existing: dict[date, DataPoint], result: ImportResult):
    new = []
    for entry in entries:
        point = existing.get(entry.period_start)
        values = {name: getattr(entry, name) for name in POINT_FIELDS}
        if point is None:
            new.append({"measure": measure, "period_start": entry.period_start, **values})
        elif _differs(point, entry):
            audit.update(point, actor=actor, **values)
            result.updated += 1
        else:
            result.unchanged += 1
    # The new periods together: a whole series sent at once is one insert, not one per period.
    audit.create_many(DataPoint, actor=actor, rows=new)
    result.created += len(new)


def _check_entry(measure: Measure, entry: Entry) -> None:
    if entry.period_start != periods.period_start(entry.period_start, measure.frequency):
        raise ValidationError(_("A period must start on its first day"))
    if entry.denominator is not None and entry.denominator <= 0:
        raise ValidationError(_("The denominator must be more than 0."))
    if (
        measure.chart_type in PERCENT_CHARTS
        and entry.numerator is not None
        and entry.denominator
        and entry.numerator > entry.denominator
    ):
        raise ValidationError(_("The numerator must not be more than the denominator."))
    if entry.excluded and not entry.excluded_reason.strip():
        raise ValidationError(_("Enter why this period is left out."))


@transaction.atomic
def data_points_save(*, actor, measure: Measure, entries: list[Entry], cleared=()) -> ImportResult:
    """The grid's periods: each entry saved (added, or changed when it differs); the periods in
    ``cleared`` emptied (their points removed)."""
    require_measure_change(actor, measure)
    for entry in entries:
        _check_entry(measure, entry)
    starts = [e.period_start for e in entries] + list(cleared)
    existing = {
        p.period_start: p
        for p in DataPoint.objects.select_for_update().filter(
            measure=measure, period_start__in=starts
        )
    }
    result = ImportResult()
    _write(actor, measure, entries, existing, result)
    for start in cleared:
        point = existing.get(start)
        if point is not None:
            audit.delete(point, actor=actor)
            result.updated += 1
    return result


def data_import(*, actor, measure: Measure, filename: str, content: bytes) -> ImportResult:
    """A file's periods, all or nothing: with any problem nothing is written and every problem
    comes back with its row and column."""
    require_measure_change(actor, measure)
    try:
        table = importer.read_table(filename, content)
    except importer.ImportFileError as error:
        return ImportResult(problems=[Problem(1, "", str(error))])
    return data_rows_import(actor=actor, measure=measure, table=table)


def data_rows_import(*, actor, measure: Measure, table: list[dict[str, str]]) -> ImportResult:
    """Rows as a file's would be read (lower-case column -> text; the first is row 2), all or
    nothing, checked as an imported file is: the API's whole series sent at once. The same rows
    twice change nothing."""
    require_measure_change(actor, measure)
    if len(table) > importer.MAX_ROWS:
        return ImportResult(
            problems=[
                Problem(
                    1,
                    "",
                    _("Send at most %(count)s periods at once.") % {"count": importer.MAX_ROWS},
                )
            ]
        )
    entries, problems = importer.validate(
        table,
        frequency=measure.frequency,
        ratio=measure.chart_type in WITH_DENOMINATOR,
        proportion=measure.chart_type in PERCENT_CHARTS,
    )
    if problems:
        return ImportResult(problems=problems)
    result = ImportResult()
    with transaction.atomic():
        existing = {
            p.period_start: p
            for p in DataPoint.objects.select_for_update().filter(
                measure=measure, period_start__in=[e.period_start for e in entries]
            )
        }
        _write(actor, measure, entries, existing, result)
    return result


@transaction.atomic
def annotation_add(*, actor, measure: Measure, kind: str, on: date, text: str) -> Annotation:
    """A note on the chart, or a rebase: a new phase, with its own limits, from the period ``on``
    falls in — always with the reason."""
    require_measure_change(actor, measure)
    text = (text or "").strip()
    if kind not in AnnotationKind.values:
        raise ValidationError({"kind": _("Select a note or a rebase")})
    if not text:
        raise ValidationError(
            {
                "text": _("Enter why the limits are recalculated")
                if kind == AnnotationKind.REBASE
                else _("Enter the note")
            }
        )
    if kind == AnnotationKind.REBASE:
        on = periods.period_start(on, measure.frequency)
        if Annotation.objects.filter(measure=measure, kind=kind, on=on).exists():
            raise ValidationError({"on": _("The limits are already recalculated from this period")})
    return audit.create(
        Annotation, actor=actor, measure=measure, kind=kind, on=on, text=text, created_by=actor
    )


@transaction.atomic
def annotation_remove(*, actor, measure: Measure, annotation_id: int) -> None:
    require_measure_change(actor, measure)
    annotation = Annotation.objects.filter(measure=measure, pk=annotation_id).first()
    if annotation is None:
        raise ValidationError(_("This note has already been removed."))
    audit.delete(annotation, actor=actor)

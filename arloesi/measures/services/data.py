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


def _saved(measure: Measure, starts: list[date]) -> dict[date, dict]:
    return _saved_of({measure.pk: starts}).get(measure.pk, {})


def _saved_of(wanted: dict[int, list[date]]) -> dict[int, dict[date, dict]]:
    """Each measure's saved points among its periods in ``wanted`` (measure id -> period
    starts), in one query, locked until the write is done: as plain rows (a series sent whole is
    hundreds of them), each made an object only to be changed or removed (``_point``)."""
    starts = [start for some in wanted.values() for start in some]
    if not starts:
        return {}
    sought = {(measure_id, start) for measure_id, some in wanted.items() for start in some}
    rows = (
        DataPoint.objects.select_for_update()
        .filter(measure_id__in=list(wanted), period_start__range=(min(starts), max(starts)))
        .values("pk", "measure_id", "period_start", *POINT_FIELDS)
    )
    found: dict[int, dict[date, dict]] = {}
    for row in rows:
        if (row["measure_id"], row["period_start"]) in sought:
            found.setdefault(row["measure_id"], {})[row["period_start"]] = row
    return found


def _point(row: dict) -> DataPoint:
    return DataPoint.from_db(DataPoint.objects.db, list(row), list(row.values()))


def _differs(row: dict, entry: Entry) -> bool:
    return any(row[name] != getattr(entry, name) for name in POINT_FIELDS)


def _write(
    actor, measure: Measure, entries, existing: dict[date, dict], result: ImportResult
) -> list[dict]:
    """Each entry changed where it differs (audited one by one); the new ones are counted and
    given back, for the caller to insert together (``audit.create_many``)."""
    new = []
    for entry in entries:
        point = existing.get(entry.period_start)
        values = {name: getattr(entry, name) for name in POINT_FIELDS}
        if point is None:
            new.append({"measure": measure, "period_start": entry.period_start, **values})
        elif _differs(point, entry):
            audit.update(_point(point), actor=actor, **values)
            result.updated += 1
        else:
            result.unchanged += 1
    result.created += len(new)
    return new


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
    existing = _saved(measure, [e.period_start for e in entries] + list(cleared))
    result = ImportResult()
    audit.create_many(
        DataPoint, actor=actor, rows=_write(actor, measure, entries, existing, result)
    )
    for start in cleared:
        point = existing.get(start)
        if point is not None:
            audit.delete(_point(point), actor=actor)
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


def _checked(measure: Measure, table: list[dict[str, str]]) -> tuple[list[Entry], list[Problem]]:
    if len(table) > importer.MAX_ROWS:
        message = _("Send at most %(count)s periods at once.") % {"count": importer.MAX_ROWS}
        return [], [Problem(1, "", message)]
    return importer.validate(
        table,
        frequency=measure.frequency,
        ratio=measure.chart_type in WITH_DENOMINATOR,
        proportion=measure.chart_type in PERCENT_CHARTS,
    )


def data_rows_import(*, actor, measure: Measure, table: list[dict[str, str]]) -> ImportResult:
    """Rows as a file's would be read (lower-case column -> text; the first is row 2), all or
    nothing, checked as an imported file is: the API's whole series sent at once. The same rows
    twice change nothing."""
    return data_series_import(actor=actor, series=[(measure, table)])[0]


def data_series_import(
    *, actor, series: list[tuple[Measure, list[dict[str, str]]]]
) -> list[ImportResult]:
    """Several measures' series at once (an information team's monthly figures for every
    measure), each checked as ``data_rows_import`` checks one, all or nothing across them: a
    result for each, in order, with its problems; with any problem anywhere nothing is written.
    The new periods of every series are inserted together."""
    checked = []
    for measure, table in series:
        require_measure_change(actor, measure)
        checked.append(_checked(measure, table))
    results = [ImportResult(problems=problems) for _entries, problems in checked]
    if any(result.problems for result in results):
        return results
    with transaction.atomic():
        saved = _saved_of(
            {measure.pk: [e.period_start for e in entries] for (measure, _t), (entries, _p) in
             zip(series, checked, strict=True)}
        )  # fmt: skip
        new = []
        for (measure, _table), (entries, _problems), result in zip(
            series, checked, results, strict=True
        ):
            new.extend(_write(actor, measure, entries, saved.get(measure.pk, {}), result))
        audit.create_many(DataPoint, actor=actor, rows=new)
    return results


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

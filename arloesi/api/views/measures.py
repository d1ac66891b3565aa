"""A measure and its data. The whole series is sent at once and set period by period through the
measures app's own import (the same checks, the same audit, all or nothing): sending the same
series again changes nothing. Many measures' series may go in one request (``data_batch``)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router

from arloesi.api import auth, calls, problems
from arloesi.api.schemas.common import ProblemOut
from arloesi.api.schemas.measures import (
    BatchIn,
    BatchOut,
    MeasureOut,
    SeriesIn,
    SeriesOut,
    UpsertOut,
)
from arloesi.measures import selectors as measures
from arloesi.measures import services

router = Router(tags=["measures"])

COLUMNS = ("period_start", "value", "numerator", "denominator", "excluded_reason")


@router.get(
    "/{int:measure_id}",
    response={200: MeasureOut, 404: ProblemOut},
    summary=gettext_lazy("Read a measure"),
)
def measure_detail(request, measure_id: int):
    return measures.measure_get_for_user(user=request.user, measure_id=measure_id)[0]


@router.get(
    "/{int:measure_id}/data",
    response={200: SeriesOut, 404: ProblemOut},
    summary=gettext_lazy("Read a measure's data"),
    description=gettext_lazy("Every period of the measure's data, first first."),
)
def data_series(request, measure_id: int):
    measure, _access = measures.measure_get_for_user(user=request.user, measure_id=measure_id)
    return {
        "measure_id": measure.pk,
        "frequency": measure.frequency,
        "points": measures.data_points_of(measure=measure),
    }


def _row(point) -> dict[str, str]:
    """A period as an imported file's row is read: each column as text."""
    row = {name: "" if point[name] is None else str(point[name]) for name in COLUMNS}
    row["excluded"] = "yes" if point["excluded"] else "no"
    return row


@router.put(
    "/{int:measure_id}/data",
    response={200: UpsertOut, 403: ProblemOut, 404: ProblemOut},
    auth=auth.write,
    summary=gettext_lazy("Set a measure's data"),
    description=gettext_lazy(
        "Set each period sent (added, or changed where it differs; periods not sent "
        "are kept), all or nothing, checked as an imported spreadsheet is. Each "
        "problem names its period as `points[i].column`."
    ),
)
def data_upsert(request, measure_id: int, payload: SeriesIn):
    measure, _access = measures.measure_for_change(user=request.user, measure_id=measure_id)
    table = [_row(point) for point in payload.dict()["points"]]
    result = calls.call(
        request,
        lambda: services.data_rows_import(actor=request.user, measure=measure, table=table),
    )
    if result.problems:
        raise problems.validation(_errors(result))
    return {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}


def _errors(result, prefix: str = "") -> list[dict[str, str]]:
    return [
        {
            "field": f"{prefix}points[{p.row - 2}].{p.column}" if p.row >= 2 else prefix + p.column,
            "reason": p.message,
        }
        for p in result.problems
    ]


@router.put(
    "/data",
    response={200: BatchOut, 403: ProblemOut, 404: ProblemOut},
    auth=auth.write,
    summary=gettext_lazy("Set many measures' data at once"),
    description=gettext_lazy(
        "Several measures' series in one request, each set as `PUT "
        "/measures/{id}/data` sets one, all or nothing across them: with a problem in"
        " any, nothing is written and each problem is named "
        "`series[i].points[j].column`. Any measure out of reach: 404, nothing "
        "written."
    ),
)
def data_batch(request, payload: BatchIn):
    sent = payload.dict()["series"]
    ids = [one["measure_id"] for one in sent]
    repeated = [
        {"field": f"series[{k}].measure_id", "reason": _("This measure is already in the request.")}
        for k, measure_id in enumerate(ids)
        if measure_id in ids[:k]
    ]
    if repeated:
        raise problems.validation(repeated)
    chosen = measures.measures_for_change(user=request.user, measure_ids=ids)
    tables = [[_row(point) for point in one["points"]] for one in sent]
    results = calls.call(
        request,
        lambda: services.data_series_import(
            actor=request.user, series=list(zip(chosen, tables, strict=True))
        ),
    )
    errors = [e for k, r in enumerate(results) for e in _errors(r, f"series[{k}].")]
    if errors:
        raise problems.validation(errors)
    counts = [
        {"measure_id": m.pk, "created": r.created, "updated": r.updated, "unchanged": r.unchanged}
        for m, r in zip(chosen, results, strict=True)
    ]
    return {
        "series": counts,
        **{key: sum(c[key] for c in counts) for key in ("created", "updated", "unchanged")},
    }

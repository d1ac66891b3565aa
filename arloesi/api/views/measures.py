"""A measure and its data. The whole series is sent at once and set period by period through the
measures app's own import (the same checks, the same audit, all or nothing): sending the same
series again changes nothing."""

from ninja import Router

from arloesi.api import auth, calls, problems
from arloesi.api.schemas.common import ProblemOut
from arloesi.api.schemas.measures import MeasureOut, SeriesIn, SeriesOut, UpsertOut
from arloesi.measures import selectors as measures
from arloesi.measures import services

router = Router(tags=["measures"])

COLUMNS = ("period_start", "value", "numerator", "denominator", "excluded_reason")


@router.get("/{int:measure_id}", response={200: MeasureOut, 404: ProblemOut})
def measure_detail(request, measure_id: int):
    return measures.measure_get_for_user(user=request.user, measure_id=measure_id)[0]


@router.get("/{int:measure_id}/data", response={200: SeriesOut, 404: ProblemOut})
def data_series(request, measure_id: int):
    """Every period of the measure's data, first first."""
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
)
def data_upsert(request, measure_id: int, payload: SeriesIn):
    """Set each period sent (added, or changed where it differs; periods not sent are kept),
    all or nothing, checked as an imported spreadsheet is. Each problem names its period as
    ``points[i].column``."""
    measure, _access = measures.measure_for_change(user=request.user, measure_id=measure_id)
    table = [_row(point) for point in payload.dict()["points"]]
    result = calls.call(
        request,
        lambda: services.data_rows_import(actor=request.user, measure=measure, table=table),
    )
    if result.problems:
        raise problems.validation(
            [
                {
                    "field": f"points[{p.row - 2}].{p.column}" if p.row >= 2 else p.column,
                    "reason": p.message,
                }
                for p in result.problems
            ]
        )
    return {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}

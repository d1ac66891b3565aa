from datetime import date
from decimal import Decimal

from ninja import Schema
from pydantic import Field

from arloesi.api.schemas.common import Id, NumberText


class MeasureSummary(Schema):
    id: int
    name: str
    kind: str
    frequency: str
    chart_type: str
    unit: str
    points: int
    latest: date | None


class MeasureOut(Schema):
    id: int
    name: str
    kind: str
    operational_definition: str
    numerator: str
    denominator: str
    unit: str
    data_source: str
    frequency: str
    direction: str
    target: Decimal | None
    chart_type: str
    rule_set: str
    version: int


class PointOut(Schema):
    period_start: date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    excluded: bool
    excluded_reason: str


class SeriesOut(Schema):
    measure_id: int
    frequency: str
    points: list[PointOut]


class PointIn(Schema):
    period_start: str = Field(
        description="A date in the period (YYYY-MM-DD or DD/MM/YYYY): filed under its first day."
    )
    value: NumberText = None
    numerator: NumberText = None
    denominator: NumberText = None
    excluded: bool = False
    excluded_reason: str = ""


class SeriesIn(Schema):
    points: list[PointIn] = Field(description="Each period to set; periods not sent are kept.")


class UpsertOut(Schema):
    created: int
    updated: int
    unchanged: int


MOST_SERIES = 200


class MeasureSeriesIn(Schema):
    measure_id: Id
    points: list[PointIn] = Field(description="Each period to set; periods not sent are kept.")


class BatchIn(Schema):
    series: list[MeasureSeriesIn] = Field(
        max_length=MOST_SERIES,
        description=f"Up to {MOST_SERIES} measures' series, each measure at most once.",
    )


class MeasureUpsertOut(UpsertOut):
    measure_id: int


class BatchOut(Schema):
    series: list[MeasureUpsertOut]
    created: int
    updated: int
    unchanged: int

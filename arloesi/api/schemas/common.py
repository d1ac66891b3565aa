"""Shapes shared by every part of the API: a page of a list, a problem, the date type whose
checks are the pages' own."""

from typing import Annotated

from ninja import Schema
from pydantic import Field, WithJsonSchema

# A date written YYYY-MM-DD, read by the same field as the pages' date boxes (so a wrong one is
# worded as on the page, in the caller's language).
DateText = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]
# A number, or the text of one: read as an imported spreadsheet's cell is.
# An object's id as a body carries it: what the databases can hold (a larger number is a 422,
# not a query that cannot be made).
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]

NumberText = Annotated[
    float | int | str | None,
    WithJsonSchema({"oneOf": [{"type": "number"}, {"type": "string"}, {"type": "null"}]}),
]


class FieldError(Schema):
    field: str = Field(description="The field, as named in the request ('' for the whole).")
    reason: str


class ProblemOut(Schema):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = None


class PageMeta(Schema):
    count: int = Field(description="How many there are in all.")
    page: int
    pages: int


class Created(Schema):
    id: int

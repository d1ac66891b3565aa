"""The directory of Wales: health boards, planning groups, clusters and collaboratives. It is
public knowledge to everyone signed in, as on the directory's pages."""

from typing import Literal

from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema
from pydantic import Field

from arloesi.api import present, selectors
from arloesi.api.schemas.organisations import UnitDetail, UnitPage
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind

router = Router(tags=["organisations"])


class UnitFilters(Schema):
    kind: Literal["health_board", "planning_group", "cluster", "collaborative"] = "health_board"
    within: int | None = Field(None, description=gettext_lazy("Only units under this one."))
    page: int = Field(1, ge=1, le=100_000)


@router.get(
    "",
    response=UnitPage,
    summary=gettext_lazy("List organisations"),
    description=gettext_lazy(
        "The units of one kind (health boards by default), by name, a page at a time."
    ),
)
def unit_list(request, filters: Query[UnitFilters]):
    within = organisations.unit_get(unit_id=filters.within).path if filters.within else "/"
    found = selectors.units_page(kind=Kind(filters.kind), within=within, number=filters.page)
    return present.page(found, found.items)


@router.get(
    "/{int:unit_id}",
    response=UnitDetail,
    summary=gettext_lazy("Read an organisation"),
    description=gettext_lazy("A unit with the units above it (Wales first) and directly under it."),
)
def unit_detail(request, unit_id: int):
    unit = organisations.unit_get(unit_id=unit_id)
    return present.unit_detail(
        unit, organisations.unit_ancestors(unit), list(organisations.unit_children(unit))
    )

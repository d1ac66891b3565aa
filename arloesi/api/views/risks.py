"""Risk registers' entries the caller may read (the registers of the clusters, planning groups
and health boards they hold ``risks.view`` over, as on the register pages)."""

from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema
from pydantic import Field

from arloesi.api import present, selectors
from arloesi.api.schemas.common import ProblemOut
from arloesi.api.schemas.records import RiskOut, RiskPage
from arloesi.risks import selectors as risks

router = Router(tags=["risks"])


class Paging(Schema):
    page: int = Field(1, ge=1, le=100_000)


@router.get(
    "",
    response=RiskPage,
    summary=gettext_lazy("List risks"),
    description=gettext_lazy("Every entry you may read, newest first."),
)
def risk_list(request, paging: Query[Paging]):
    found = selectors.risks_page(user=request.user, number=paging.page)
    return present.page(found, found.items)


@router.get(
    "/{int:entry_id}", response={200: RiskOut, 404: ProblemOut}, summary=gettext_lazy("Read a risk")
)
def risk_detail(request, entry_id: int):
    return risks.entry_get_for_user(user=request.user, entry_id=entry_id)

"""Published learning records, as finding learning lists them: each title and summary in the
caller's language where it is written in it."""

from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema
from pydantic import Field

from arloesi.api import present, problems, selectors
from arloesi.api.schemas.common import ProblemOut
from arloesi.api.schemas.records import RecordOut, RecordPage
from arloesi.learning import selectors as learning
from arloesi.learning.vocabulary import RecordStatus

router = Router(tags=["learning records"])


class Paging(Schema):
    page: int = Field(1, ge=1, le=100_000)


@router.get(
    "",
    response=RecordPage,
    summary=gettext_lazy("List published learning records"),
    description=gettext_lazy("Published records, newest first."),
)
def record_list(request, paging: Query[Paging]):
    found = selectors.learning_page(user=request.user, number=paging.page)
    return present.page(found, [present.record(r.record, r.shown) for r in found.items])


@router.get(
    "/{int:record_id}",
    response={200: RecordOut, 404: ProblemOut},
    summary=gettext_lazy("Read a learning record"),
    description=gettext_lazy(
        "A published record (drafts are for their project's team, on the pages)."
    ),
)
def record_detail(request, record_id: int):
    record, _access = learning.record_get_for_user(user=request.user, record_id=record_id)
    if record.status != RecordStatus.PUBLISHED:
        raise problems.not_found()
    return present.record_detail(record)

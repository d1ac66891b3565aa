"""Proposals: those the caller may see (as on the proposals list); starting a draft and
changing what its authors write, with the checks and wording of the task list's pages."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy
from ninja import Header, Query, Router, Schema, Status
from pydantic import Field

from arloesi.api import auth, calls, concurrency, present, problems, selectors
from arloesi.api.forms import inputs
from arloesi.api.schemas.common import ProblemOut
from arloesi.api.schemas.proposals import (
    ProposalCreateIn,
    ProposalOut,
    ProposalPage,
    ProposalUpdateIn,
)
from arloesi.proposals import selectors as proposals
from arloesi.proposals import services

router = Router(tags=["proposals"])


class Paging(Schema):
    page: int = Field(1, ge=1, le=100_000)


@router.get(
    "",
    response=ProposalPage,
    summary=gettext_lazy("List proposals"),
    description=gettext_lazy("The proposals you may see, newest first."),
)
def proposal_list(request, paging: Query[Paging]):
    found = selectors.proposals_page(user=request.user, number=paging.page)
    return present.page(found, found.items)


@router.get(
    "/{int:proposal_id}",
    response={200: ProposalOut, 404: ProblemOut},
    summary=gettext_lazy("Read a proposal"),
    description=gettext_lazy("A proposal you may see. Its `ETag` is its version, for `If-Match`."),
)
def proposal_detail(request, response: HttpResponse, proposal_id: int):
    proposal = proposals.proposal_get_for_user(user=request.user, proposal_id=proposal_id)
    response["ETag"] = concurrency.etag(proposal.version)
    return proposal


@router.post(
    "",
    response={201: ProposalOut, 403: ProblemOut, 404: ProblemOut},
    auth=auth.write,
    summary=gettext_lazy("Start a draft proposal"),
    description=gettext_lazy(
        "Start a draft for one of your professional collaboratives (404 if you may write for none)."
    ),
)
def proposal_create(request, response: HttpResponse, payload: ProposalCreateIn):
    collaboratives = proposals.collaboratives_for(user=request.user)
    if not collaboratives:
        raise problems.not_found()
    form = inputs.bound(inputs.ProposalCreateForm, payload.dict(), collaboratives=collaboratives)
    if not form.is_valid():
        raise calls.form_errors(form)
    created = calls.call(
        request,
        lambda: services.proposal_create(
            actor=request.user, collaborative=form.chosen(), title=form.cleaned_data["title"]
        ),
    )
    response["ETag"] = concurrency.etag(created.version)
    response["Location"] = reverse("api-v1:proposal_detail", kwargs={"proposal_id": created.pk})
    return Status(201, created)


@router.patch(
    "/{int:proposal_id}",
    response={
        200: ProposalOut,
        403: ProblemOut,
        404: ProblemOut,
        409: ProblemOut,
        412: ProblemOut,
        428: ProblemOut,
    },  # fmt: skip
    auth=auth.write,
    summary=gettext_lazy("Change a draft proposal"),
    description=gettext_lazy(
        "Change what the authors write, while it is a draft (or more information was "
        "asked for). Only the fields sent change. Name the version you read: `If-"
        "Match` or `version`."
    ),
)
def proposal_update(
    request,
    response: HttpResponse,
    proposal_id: int,
    payload: ProposalUpdateIn,
    if_match: str | None = Header(None, alias="If-Match"),
):
    proposal = proposals.proposal_for_authors(user=request.user, proposal_id=proposal_id)
    expected = concurrency.expected_version(
        if_match=if_match, sent=payload.version, current=proposal.version
    )
    sent = payload.dict(exclude_unset=True)
    sent.pop("version", None)
    form = inputs.bound(inputs.ProposalUpdateForm, sent)
    if not form.is_valid():
        raise calls.form_errors(form)
    updated = calls.call(
        request,
        lambda: services.proposal_update(
            actor=request.user, proposal=proposal, expected_version=expected, **form.values()
        ),
    )
    response["ETag"] = concurrency.etag(updated.version)
    return updated

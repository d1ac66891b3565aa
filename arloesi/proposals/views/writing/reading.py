"""The proposal as everyone who may see it reads it: its page, similar work elsewhere in Wales,
its history of changes and its pitch pack."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from arloesi.core import pdf
from arloesi.core.history_pages import render_history
from arloesi.proposals import selectors
from arloesi.proposals.sections import SECTION_BY_SLUG
from arloesi.proposals.workflow import Status


@login_required
def proposal_detail(request, proposal_id: int):
    proposal = selectors.proposal_get_for_user(user=request.user, proposal_id=proposal_id)
    access = selectors.proposal_access(user=request.user, proposal=proposal)
    return render(
        request,
        "proposals/writing/detail.html",
        {
            "proposal": proposal,
            "access": access,
            "page": selectors.detail_page(user=request.user, proposal=proposal, access=access),
            "sections": SECTION_BY_SLUG,
            "status_labels": dict(Status.choices),
        },
    )


@login_required
def proposal_similar(request, proposal_id: int):
    """Similar work elsewhere in Wales: a fragment for htmx, a page without JavaScript."""
    proposal = selectors.proposal_get_for_user(user=request.user, proposal_id=proposal_id)
    similar, learning = selectors.similar_work_for(user=request.user, proposal=proposal)
    context = {"proposal": proposal, "similar": similar, "learning": learning}
    if request.headers.get("HX-Request"):
        return render(request, "proposals/_similar.html", context)
    return render(request, "proposals/writing/similar.html", context)


@login_required
def proposal_history(request, proposal_id: int):
    proposal = selectors.proposal_for_history(user=request.user, proposal_id=proposal_id)
    page = selectors.history_page(user=request.user, proposal=proposal)
    return render_history(
        request,
        page,
        subject=proposal.title,
        back_url=reverse("proposals:detail", kwargs={"proposal_id": proposal.pk}),
    )


@login_required
def pitch_pack(request, proposal_id: int):
    proposal = selectors.proposal_get_for_user(user=request.user, proposal_id=proposal_id)
    return pdf.pdf_response(
        "proposals/pitch_pack.html",
        {"proposal": proposal, "details": selectors.proposal_details(proposal=proposal)},
        filename=f"pitch-pack-{proposal.pk}",
        request=request,
        actor=request.user,
        subject=proposal,
    )

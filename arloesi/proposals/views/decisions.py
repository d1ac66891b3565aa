"""The chair's side: the review chooser, the ranked queue and its exports, and the decision on
one proposal (or bringing a deferred one back under review)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core import exports
from arloesi.core.service_calls import CHANGED_MEANWHILE, call_service
from arloesi.proposals import selectors, services
from arloesi.proposals.exports import DECISION_COLUMNS, QUEUE_COLUMNS
from arloesi.proposals.forms.decisions import DecisionForm

EXPORT_FORMATS = frozenset(exports.CONTENT_TYPES)


@login_required
def review_home(request):
    home = selectors.review_home_for(user=request.user)
    if not (home.planning_groups or home.clusters or home.can_review):
        raise Http404
    return render(request, "proposals/decisions/home.html", {"home": home})


@login_required
def queue(request, unit_id: int):
    planning_group = selectors.planning_group_for_chair(user=request.user, unit_id=unit_id)
    return render(
        request,
        "proposals/decisions/queue.html",
        {
            "planning_group": planning_group,
            "page": selectors.queue_page_for(user=request.user, planning_group=planning_group),
        },
    )


def _export_name(kind: str, planning_group) -> str:
    """A file name safe in a header and as a spreadsheet's sheet title."""
    return f"{kind}-{slugify(planning_group.code) or planning_group.pk}"


@login_required
def queue_export(request, unit_id: int, file_format: str):
    planning_group = selectors.planning_group_for_chair(user=request.user, unit_id=unit_id)
    if file_format not in EXPORT_FORMATS:
        raise Http404
    rows = selectors.queue_for(user=request.user, planning_group=planning_group).rows
    return exports.download(
        QUEUE_COLUMNS,
        rows,
        file_format=file_format,
        filename=_export_name("review-queue", planning_group),
        actor=request.user,
        subject=planning_group,
    )


@login_required
def decisions_export(request, unit_id: int, file_format: str):
    planning_group = selectors.planning_group_for_chair(user=request.user, unit_id=unit_id)
    if file_format not in EXPORT_FORMATS:
        raise Http404
    return exports.download(
        DECISION_COLUMNS,
        selectors.decisions_for(user=request.user, planning_group=planning_group),
        file_format=file_format,
        filename=_export_name("decisions", planning_group),
        actor=request.user,
        subject=planning_group,
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision(request, proposal_id: int):
    proposal = selectors.proposal_for_chair(user=request.user, proposal_id=proposal_id)
    access = selectors.proposal_access(user=request.user, proposal=proposal)
    action = request.POST.get("action", "decide")
    form = DecisionForm(request.POST if request.method == "POST" and action == "decide" else None)
    if request.method == "POST" and action == "reopen" and access.can_reopen:
        result = call_service(
            request,
            lambda: services.proposal_reopen(actor=request.user, proposal=proposal),
            success=_("The proposal is under review again."),
        )
        return redirect(
            "proposals:review_summary" if result.ok else "proposals:decision",
            proposal_id=proposal.pk,
        )
    if request.method == "POST" and action == "decide" and form.is_valid():
        data = form.cleaned_data
        result = call_service(
            request,
            lambda: services.decision_record(actor=request.user, proposal=proposal, **data),
            form=form,
            success=lambda recorded: (
                _("The decision “%(decision)s” was recorded. The authors can now see it.")
                % {"decision": recorded.get_outcome_display()}
            ),
            patient_data=[data["rationale"], data["conditions"], data["feedback"]],
        )
        if result.ok:
            return redirect("proposals:review_summary", proposal_id=proposal.pk)
        if result.stale:
            messages.error(request, CHANGED_MEANWHILE)
            return redirect("proposals:decision", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/decisions/decision.html",
        {
            "proposal": proposal,
            "form": form,
            "access": access,
            "decisions": selectors.proposal_decisions(proposal=proposal),
        },
    )

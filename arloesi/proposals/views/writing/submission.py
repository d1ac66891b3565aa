"""Sending a proposal to the planning group, back again after more information was asked for,
or withdrawing it."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.proposals import selectors, services
from arloesi.proposals.forms import writing as forms
from arloesi.proposals.views.writing.guards import for_authors, not_editable
from arloesi.proposals.workflow import Status


@for_authors
@require_http_methods(["GET", "POST"])
def proposal_submit(request, proposal):
    if proposal.status != Status.DRAFT:
        return redirect("proposals:resubmit", proposal_id=proposal.pk)
    problems = []
    if request.method == "POST":
        result = call_service(
            request,
            lambda: services.proposal_submit(actor=request.user, proposal=proposal),
            show_refusal=False,
            success=_(
                "Your proposal has been submitted. It passed the completeness checks and is now "
                "with the planning group for review."
            ),
        )
        if result.ok:
            return redirect("proposals:detail", proposal_id=proposal.pk)
        if result.stale:
            return not_editable(
                request, selectors.proposal_for_authors(user=request.user, proposal_id=proposal.pk)
            )
        problems = _problems(proposal, result.error)
    return render(
        request,
        "proposals/writing/submit.html",
        {
            "proposal": proposal,
            "problems": problems,
            "page": selectors.submit_page(proposal=proposal),
        },
    )


def _problems(proposal, error) -> list[dict]:
    """Screening's refusal as error-summary items linking to what to change."""
    if isinstance(error, services.ScreeningFailedError):
        return selectors.problem_items(proposal, error.result.problems)
    return [{"text": message} for message in getattr(error, "messages", [])]


@login_required
@require_http_methods(["GET", "POST"])
def proposal_withdraw(request, proposal_id: int):
    proposal = selectors.proposal_get_for_user(user=request.user, proposal_id=proposal_id)
    if not selectors.proposal_access(user=request.user, proposal=proposal).can_withdraw:
        raise Http404
    form = forms.WithdrawForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.proposal_withdraw(
                actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
            ),
            form=form,
            success=_("The proposal has been withdrawn."),
            patient_data=[form.cleaned_data["reason"]],
        )
        if result.ok:
            return redirect("proposals:detail", proposal_id=proposal.pk)
    return render(request, "proposals/writing/withdraw.html", {"proposal": proposal, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def proposal_resubmit(request, proposal_id: int):
    proposal = selectors.proposal_get_for_user(user=request.user, proposal_id=proposal_id)
    if not selectors.proposal_access(user=request.user, proposal=proposal).can_resubmit:
        raise Http404
    form = forms.ResubmitForm(posted(request))
    problems = []
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.proposal_resubmit(
                actor=request.user, proposal=proposal, response=form.cleaned_data["response"]
            ),
            form=form,
            show_refusal=False,
            success=_("Your proposal has been sent back to the planning group."),
            patient_data=[form.cleaned_data["response"]],
        )
        if result.ok:
            return redirect("proposals:detail", proposal_id=proposal.pk)
        if result.error is not None:
            problems = _problems(proposal, result.error)
    return render(
        request,
        "proposals/writing/resubmit.html",
        {
            "proposal": proposal,
            "form": form,
            "problems": problems,
            "request_for_information": selectors.information_requested(proposal=proposal),
        },
    )

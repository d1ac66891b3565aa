"""Prioritisation and allocation pages: a cluster's ranked work with its weights, a lead's
override of a task's score, proposing a run, and deciding on a proposed run."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core.service_calls import call_service
from arloesi.delivery import selectors, services
from arloesi.delivery.forms import allocation as forms


@login_required
def priorities(request, unit_id: int):
    cluster = selectors.cluster_get_for_user(user=request.user, unit_id=unit_id)
    form = forms.WeightsForm(request.GET or None)
    page = selectors.priorities_page(user=request.user, cluster=cluster, weights=form.weights())
    return render(request, "delivery/allocation/priorities.html", {"page": page, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def priority_override(request, task_id: int):
    task = selectors.task_for_change(user=request.user, task_id=task_id)
    form = forms.OverrideForm(
        request.POST if request.method == "POST" else None,
        initial=forms.OverrideForm.initial_from(task),
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.task_priority_override(
                actor=request.user,
                task=task,
                expected_version=form.cleaned_data["expected_version"],
                score=form.cleaned_data["priority_override"],
                reason=form.cleaned_data["priority_override_reason"],
            ),
            form=form,
            success=_("The task's priority score was saved."),
            patient_data=[form.cleaned_data["priority_override_reason"]],
        )
        if result.ok:
            return redirect("delivery:priorities", unit_id=task.cluster_id)
    return render(request, "delivery/allocation/override.html", {"form": form, "task": task})


@login_required
@require_http_methods(["GET", "POST"])
def allocation_new(request, unit_id: int):
    cluster = selectors.cluster_to_plan(user=request.user, unit_id=unit_id)
    form = forms.RunForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.allocation_propose(
                actor=request.user,
                cluster=cluster,
                first_month=form.cleaned_data["first_month"],
                last_month=form.cleaned_data["last_month"],
                weights=form.weights(),
            ),
            form=form,
            success=_("The allocation is proposed: nothing is allocated until you accept it."),
        )
        if result.ok:
            return redirect("delivery:allocation", run_id=result.value.pk)
    return render(request, "delivery/allocation/new.html", {"form": form, "cluster": cluster})


@login_required
@require_http_methods(["GET", "POST"])
def allocation(request, run_id: int):
    run, may_decide = selectors.run_for_decision(user=request.user, run_id=run_id)
    page = selectors.run_page(run=run)
    lines = [row.line for row in page.allocated + page.not_allocated]
    form = forms.DecisionForm(
        request.POST if request.method == "POST" and may_decide else None, lines=lines
    )
    if form.is_bound and form.is_valid():
        values = form.values()
        accepted = form.cleaned_data["decision"] == "accept"
        result = call_service(
            request,
            lambda: services.allocation_decide(
                actor=request.user, run=run, decision=form.cleaned_data["decision"], **values
            ),
            form=form,
            success=_("The allocation was accepted.")
            if accepted
            else _("The allocation was rejected: nothing was allocated."),
            patient_data=[values["note"]],
        )
        if result.ok:
            return redirect("delivery:allocation", run_id=run.pk)
    return render(
        request,
        "delivery/allocation/run.html",
        {"page": page, "form": form, "may_decide": may_decide},
    )

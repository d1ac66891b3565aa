"""Adopting or adapting a published innovation, and its results across the clusters that took
it up."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.learning import selectors, services
from arloesi.learning.forms.adoption import AdoptForm


@login_required
@require_http_methods(["GET", "POST"])
def adopt(request, record_id: int):
    record, collaboratives = selectors.record_for_adoption(user=request.user, record_id=record_id)
    shown = selectors.shown(record)
    form = AdoptForm(posted(request), collaboratives=collaboratives, initial={"title": shown.title})
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.adoption_start(
                actor=request.user,
                record=record,
                kind=form.cleaned_data["kind"],
                collaborative=form.chosen(),
                title=form.cleaned_data["title"],
                changes=form.cleaned_data["changes"],
            ),
            form=form,
            success=_(
                "Your draft proposal was started with the driver diagram, measures and change "
                "ideas of the original."
            ),
            patient_data=[form.cleaned_data["title"], form.cleaned_data["changes"]],
        )
        if result.ok:
            return redirect("proposals:detail", proposal_id=result.value.proposal_id)
    return render(
        request, "learning/adoption/adopt.html", {"record": record, "shown": shown, "form": form}
    )


@login_required
def compare(request, record_id: int):
    page = selectors.adoption_compare_page(user=request.user, record_id=record_id)
    return render(request, "learning/adoption/compare.html", {"page": page, "record": page.record})

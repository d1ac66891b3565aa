"""Scale-up pages: the list, a project's scale-ups, nominating a pilot, the scale-up with its
assessment, the assessment form (with what Arloesi already knows), the decision, withdrawing,
the roll-out's clusters and the spread table."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.learning import selectors, services
from arloesi.learning.forms.scaling import (
    AssessmentForm,
    DecisionForm,
    NominateForm,
    SiteAddForm,
    SiteForm,
    WithdrawForm,
)
from arloesi.learning.vocabulary import ScaleUpStatus


def _page_number(value) -> int:
    try:
        return max(1, min(int(value), 100_000))
    except (TypeError, ValueError):
        return 1


def _to_scale_up(scale_up_id: int):
    return redirect("learning:scale_up", scale_up_id=scale_up_id)


@login_required
def scale_up_list(request):
    page = selectors.scale_up_list(
        user=request.user, page_number=_page_number(request.GET.get("page"))
    )
    return render(request, "learning/scaling/list.html", {"page": page})


@login_required
def project_scale_ups(request, project_id: int):
    page = selectors.project_scale_ups(user=request.user, project_id=project_id)
    return render(request, "learning/scaling/project.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def scale_up_nominate(request, project_id: int):
    project = selectors.project_for_nomination(user=request.user, project_id=project_id)
    form = NominateForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.scale_up_nominate(
                actor=request.user, project=project, **form.cleaned_data
            ),
            form=form,
            success=_("The pilot was nominated for scale-up. Now assess it against the enablers."),
            patient_data=[form.cleaned_data["case"], form.cleaned_data["title"]],
        )
        if result.ok:
            return redirect("learning:scale_up_assess", scale_up_id=result.value.pk)
    return render(request, "learning/scaling/nominate.html", {"project": project, "form": form})


@login_required
def scale_up_detail(request, scale_up_id: int):
    page = selectors.scale_up_page(user=request.user, scale_up_id=scale_up_id)
    return render(request, "learning/scaling/detail.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def scale_up_assess(request, scale_up_id: int):
    page = selectors.scale_up_page(user=request.user, scale_up_id=scale_up_id)
    if not page.may_follow:
        raise Http404
    if not page.is_open:
        messages.error(request, _("The decision on this scale-up has been made."))
        return _to_scale_up(scale_up_id)
    scale_up = page.scale_up
    form = AssessmentForm(
        posted(request),
        may_complete=scale_up.status == ScaleUpStatus.NOMINATED,
        initial=AssessmentForm.initial_for(scale_up, [r for r in page.enablers if r.assessment]),
    )
    if request.method == "POST" and form.is_valid():
        enablers = form.enablers()
        complete = form.cleaned_data.get("complete", False)
        result = call_service(
            request,
            lambda: services.scale_up_assess(
                actor=request.user,
                scale_up=scale_up,
                expected_version=form.cleaned_data["expected_version"],
                enablers=enablers,
                complete=complete,
            ),
            form=form,
            success=_("The assessment was sent for a decision.")
            if complete
            else _("The assessment was saved."),
            patient_data=[evidence for _rating, evidence in enablers.values()],
        )
        if result.ok:
            return _to_scale_up(scale_up_id)
    return render(request, "learning/scaling/assess.html", {"page": page, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def scale_up_decide(request, scale_up_id: int):
    page = selectors.scale_up_page(user=request.user, scale_up_id=scale_up_id)
    if not page.may_decide:
        raise Http404
    if not page.may_decide_now:
        messages.error(request, _("Only an assessed scale-up can be decided."))
        return _to_scale_up(scale_up_id)
    form = DecisionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.scale_up_decide(
                actor=request.user, scale_up=page.scale_up, **form.cleaned_data
            ),
            form=form,
            success=_("The decision was recorded."),
            patient_data=[form.cleaned_data["reasons"], form.cleaned_data["conditions"]],
        )
        if result.ok:
            return _to_scale_up(scale_up_id)
    return render(request, "learning/scaling/decide.html", {"page": page, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def scale_up_withdraw(request, scale_up_id: int):
    scale_up = selectors.scale_up_for_follower(user=request.user, scale_up_id=scale_up_id)
    if scale_up.status not in (ScaleUpStatus.NOMINATED, ScaleUpStatus.ASSESSED):
        messages.error(request, _("Only a nomination waiting for a decision can be withdrawn."))
        return _to_scale_up(scale_up_id)
    form = WithdrawForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.scale_up_withdraw(
                actor=request.user, scale_up=scale_up, reason=form.cleaned_data["reason"]
            ),
            form=form,
            success=_("The nomination was withdrawn."),
            patient_data=[form.cleaned_data["reason"]],
        )
        if result.ok:
            return _to_scale_up(scale_up_id)
    return render(request, "learning/scaling/withdraw.html", {"scale_up": scale_up, "form": form})


@login_required
def scale_up_spread(request, scale_up_id: int):
    page = selectors.spread_page(user=request.user, scale_up_id=scale_up_id)
    return render(request, "learning/scaling/spread.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def rollout_site_add(request, scale_up_id: int):
    scale_up = selectors.scale_up_for_rollout(user=request.user, scale_up_id=scale_up_id)
    form = SiteAddForm(posted(request), clusters=selectors.rollout_cluster_choices(scale_up))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.rollout_site_add(
                actor=request.user,
                scale_up=scale_up,
                cluster_id=form.cleaned_data["cluster"],
                starts_on=form.cleaned_data["starts_on"],
                notes=form.cleaned_data["notes"],
            ),
            form=form,
            success=_("The cluster was added to the roll-out."),
            patient_data=[form.cleaned_data["notes"]],
        )
        if result.ok:
            return _to_scale_up(scale_up_id)
    return render(request, "learning/scaling/site_add.html", {"scale_up": scale_up, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def rollout_site_edit(request, scale_up_id: int, site_id: int):
    site = selectors.site_for_rollout(user=request.user, scale_up_id=scale_up_id, site_id=site_id)
    form = SiteForm(
        posted(request),
        stages=[site.stage, *selectors.rollout_next_stages(site)],
        initial=SiteForm.initial_from(site),
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.rollout_site_update(
                actor=request.user,
                site=site,
                expected_version=form.cleaned_data["expected_version"],
                **form.values(),
            ),
            form=form,
            success=_("The cluster’s roll-out was saved."),
            patient_data=[form.cleaned_data["notes"]],
        )
        if result.ok:
            return _to_scale_up(scale_up_id)
    return render(
        request,
        "learning/scaling/site.html",
        {"scale_up": site.scale_up, "site": site, "form": form},
    )

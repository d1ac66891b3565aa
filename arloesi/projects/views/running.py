"""Running a project: its page, its history, "My projects", and the forms its team and leads
use — the plan, the RAG status, the stage, milestones, progress updates and conditions."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core.forms import posted
from arloesi.core.history_pages import render_history
from arloesi.core.service_calls import call_service
from arloesi.projects import selectors, services
from arloesi.projects.forms import running as forms


def _detail_url(project, anchor: str = "") -> str:
    url = reverse("projects:detail", kwargs={"project_id": project.pk})
    return f"{url}#{anchor}" if anchor else url


@login_required
def project_detail(request, project_id: int):
    project = selectors.project_get_for_user(user=request.user, project_id=project_id)
    page = selectors.project_page(user=request.user, project=project)
    return render(request, "projects/running/detail.html", {"project": project, "page": page})


@login_required
def project_history(request, project_id: int):
    project = selectors.project_get_for_user(user=request.user, project_id=project_id)
    page = selectors.history_page(user=request.user, project=project)
    return render_history(
        request,
        page,
        subject=project.title,
        back_url=_detail_url(project),
        hidden_values_note=_(
            "This shows who changed which parts of the project, and when. What was written "
            "before and after each change is shown only to the project’s team and leads, and "
            "administrators."
        ),
    )


@login_required
def my_projects(request):
    return render(
        request,
        "projects/running/mine.html",
        {
            "rows": selectors.my_projects(user=request.user),
            "unit": selectors.widest_unit_for(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_plan(request, project_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    team = selectors.team_of(project=project)
    lead = next((m.person_id for m in team if m.is_lead), None)
    form = forms.PlanForm(
        posted(request), team=team, initial={**forms.PlanForm.initial_from(project), "lead": lead}
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.project_plan_update(
                actor=request.user,
                project=project,
                expected_version=form.cleaned_data["expected_version"],
                lead_id=form.cleaned_data["lead"],
                **form.values(),
            ),
            form=form,
            success=_("The project’s plan was saved."),
        )
        if result.ok:
            return redirect(_detail_url(project))
    return render(request, "projects/running/plan.html", {"project": project, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def project_rag(request, project_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    form = forms.RagForm(posted(request), initial=forms.RagForm.initial_from(project))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.project_rag_change(
                actor=request.user,
                project=project,
                expected_version=form.cleaned_data["expected_version"],
                rag=form.cleaned_data["rag"],
                reason=form.cleaned_data["reason"],
            ),
            form=form,
            success=_("The RAG status was saved."),
            patient_data=[form.cleaned_data["reason"]],
        )
        if result.ok:
            return redirect(_detail_url(project))
    return render(request, "projects/running/rag.html", {"project": project, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def project_stage(request, project_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    next_stages = selectors.next_stages(project=project)
    form = forms.StageForm(
        posted(request), next_stages=next_stages, initial={"from_stage": project.status}
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.project_stage_move(
                actor=request.user, project=project, **form.cleaned_data
            ),
            form=form,
            success=_("The project’s stage was changed."),
            patient_data=[form.cleaned_data["reason"], form.cleaned_data["outcome_reasons"]],
        )
        if result.ok:
            return redirect(_detail_url(project))
    return render(
        request,
        "projects/running/stage.html",
        {"project": project, "form": form, "next_stages": next_stages},
    )


@login_required
@require_http_methods(["GET", "POST"])
def progress_update_add(request, project_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    form = forms.ProgressUpdateForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.progress_update_add(
                actor=request.user, project=project, text=form.cleaned_data["text"]
            ),
            form=form,
            success=_("Your progress update was added."),
            patient_data=[form.cleaned_data["text"]],
        )
        if result.ok:
            return redirect(_detail_url(project, "updates"))
    return render(request, "projects/running/update.html", {"project": project, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def milestone_add(request, project_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    form = forms.MilestoneForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.milestone_add(
                actor=request.user, project=project, **form.cleaned_data
            ),
            form=form,
            success=_("The milestone was added."),
            patient_data=[form.cleaned_data["title"]],
        )
        if result.ok:
            return redirect(_detail_url(project, "milestones"))
    return render(
        request, "projects/running/milestone.html", {"project": project, "form": form, "new": True}
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request, project_id: int, milestone_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    milestone = selectors.milestone_of(project=project, milestone_id=milestone_id)
    form = forms.MilestoneEditForm(
        posted(request), initial=forms.MilestoneEditForm.initial_from(milestone)
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.milestone_update(
                actor=request.user,
                milestone=milestone,
                expected_version=form.cleaned_data["expected_version"],
                **form.values(),
            ),
            form=form,
            success=_("Your changes to the milestone were saved."),
            patient_data=[form.cleaned_data["title"]],
        )
        if result.ok:
            return redirect(_detail_url(project, "milestones"))
    return render(
        request,
        "projects/running/milestone.html",
        {"project": project, "form": form, "milestone": milestone, "new": False},
    )


@login_required
@require_POST
def milestone_done(request, project_id: int, milestone_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    milestone = selectors.milestone_of(project=project, milestone_id=milestone_id)
    form = forms.MilestoneDoneForm(request.POST)
    if form.is_valid():
        done = form.cleaned_data["done"] == "yes"
        call_service(
            request,
            lambda: services.milestone_done(
                actor=request.user,
                milestone=milestone,
                expected_version=form.cleaned_data["expected_version"],
                done=done,
            ),
            success=_("The milestone is marked as done.")
            if done
            else _("The milestone is marked as not done."),
        )
    return redirect(_detail_url(project, "milestones"))


@login_required
@require_POST
def milestone_remove(request, project_id: int, milestone_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    milestone = selectors.milestone_of(project=project, milestone_id=milestone_id)
    call_service(
        request,
        lambda: services.milestone_remove(actor=request.user, milestone=milestone),
        success=_("The milestone “%(title)s” was removed.") % {"title": milestone.title},
    )
    return redirect(_detail_url(project, "milestones"))


@login_required
@require_http_methods(["GET", "POST"])
def condition_close(request, project_id: int, condition_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    condition = selectors.condition_of(project=project, condition_id=condition_id)
    form = forms.ConditionCloseForm(
        posted(request), initial=forms.ConditionCloseForm.initial_from(condition)
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.condition_close(
                actor=request.user,
                condition=condition,
                expected_version=form.cleaned_data["expected_version"],
                how_met=form.cleaned_data["how_met"],
            ),
            form=form,
            success=_("The condition is closed."),
            patient_data=[form.cleaned_data["how_met"]],
        )
        if result.ok:
            return redirect(_detail_url(project, "conditions"))
    return render(
        request,
        "projects/running/condition.html",
        {"project": project, "form": form, "condition": condition},
    )


@login_required
@require_POST
def condition_reopen(request, project_id: int, condition_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    condition = selectors.condition_of(project=project, condition_id=condition_id)
    form = forms.ConditionReopenForm(request.POST)
    if form.is_valid():
        call_service(
            request,
            lambda: services.condition_reopen(
                actor=request.user,
                condition=condition,
                expected_version=form.cleaned_data["expected_version"],
            ),
            success=_("The condition is open again."),
        )
    return redirect(_detail_url(project, "conditions"))

"""A project's evaluation: the overview (the plan, the logic model in brief, the reports) and
the logic model, read and written by the team."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.evaluation import selectors, services
from arloesi.evaluation.forms.reports import LogicModelForm
from arloesi.proposals.workflow import EvaluationApproach


@login_required
def evaluation_overview(request, project_id: int):
    page = selectors.evaluation_page(user=request.user, project_id=project_id)
    return render(
        request,
        "evaluation/project.html",
        {
            "page": page,
            "project": page.project,
            "parts": selectors.logic_model_parts(page.logic_model),
            "approaches": dict(EvaluationApproach.choices),
        },
    )


@login_required
def logic_model_detail(request, project_id: int):
    project, logic_model, may_change = selectors.logic_model_for(
        user=request.user, project_id=project_id
    )
    return render(
        request,
        "evaluation/logic_model.html",
        {
            "project": project,
            "logic_model": logic_model,
            "parts": selectors.logic_model_parts(logic_model),
            "may_change": may_change,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def logic_model_edit(request, project_id: int):
    project, logic_model, _may_change = selectors.logic_model_for(
        user=request.user, project_id=project_id, change=True
    )
    new = logic_model is None
    form = LogicModelForm(
        posted(request),
        new=new,
        initial=None if new else LogicModelForm.initial_from(logic_model),
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.logic_model_save(
                actor=request.user,
                project=project,
                expected_version=form.cleaned_data["expected_version"],
                **form.values(),
            ),
            form=form,
            success=_("The logic model was saved."),
            patient_data=list(form.values().values()),
        )
        if result.ok:
            return redirect("evaluation:logic_model", project_id=project.pk)
    return render(
        request,
        "evaluation/logic_model_edit.html",
        {"project": project, "form": form, "new": new},
    )

"""A project's measures, and defining one: the list, adding a measure and changing it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.measures import selectors, services
from arloesi.measures.forms.definition import MeasureEditForm, MeasureForm


@login_required
def measure_list(request, project_id: int):
    page = selectors.measure_list_page(user=request.user, project_id=project_id)
    return render(request, "measures/definition/list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def measure_add(request, project_id: int):
    project, diagram, _may = selectors.project_for_measures(
        user=request.user, project_id=project_id, change=True
    )
    boxes = selectors.boxes_for_measures(diagram)
    form = MeasureForm(posted(request), boxes=boxes)
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.measure_create(
                actor=request.user,
                diagram=diagram,
                node_id=form.cleaned_data["node"],
                **form.values(),
            ),
            form=form,
            success=_("The measure was added."),
            patient_data=[form.cleaned_data["name"], form.cleaned_data["operational_definition"]],
        )
        if result.ok:
            return redirect("measures:detail", measure_id=result.value.pk)
    return render(
        request,
        "measures/definition/form.html",
        {"project": project, "form": form, "new": True, "has_boxes": bool(boxes)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def measure_edit(request, measure_id: int):
    measure, access = selectors.measure_for_change(user=request.user, measure_id=measure_id)
    boxes = selectors.boxes_for_measures(measure.node.diagram)
    form = MeasureEditForm(
        posted(request),
        boxes=boxes,
        initial={**MeasureEditForm.initial_from(measure), "node": measure.node_id},
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.measure_update(
                actor=request.user,
                measure=measure,
                expected_version=form.cleaned_data["expected_version"],
                node_id=form.cleaned_data["node"],
                **form.values(),
            ),
            form=form,
            success=_("The measure was saved."),
            patient_data=[form.cleaned_data["name"], form.cleaned_data["operational_definition"]],
        )
        if result.ok:
            return redirect("measures:detail", measure_id=measure.pk)
    return render(
        request,
        "measures/definition/form.html",
        {
            "measure": measure,
            "project": access.project,
            "form": form,
            "new": False,
            "has_boxes": True,
        },
    )

"""A measure's page and its data: the chart with its summary and table, the quick grid, an
import, notes and rebases, the chart's downloads and the small multiples."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core import downloads
from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.measures import importer, rendering, selectors, services
from arloesi.measures.forms.data import GridForm, ImportForm, NoteForm, RebaseForm
from arloesi.measures.vocabulary import WITH_DENOMINATOR, AnnotationKind


@login_required
def measure_detail(request, measure_id: int):
    page = selectors.measure_page(user=request.user, measure_id=measure_id)
    return render(request, "measures/data/detail.html", {"page": page, "measure": page.measure})


@login_required
def measure_compare(request, measure_id: int):
    page = selectors.compare_page(user=request.user, measure_id=measure_id)
    return render(request, "measures/data/compare.html", {"page": page, "measure": page.measure})


@login_required
def chart_download(request, measure_id: int, file_format: str):
    measure, view = selectors.chart_for_download(user=request.user, measure_id=measure_id)
    name = slugify(measure.name)[:60] or "measure"
    return downloads.bytes_response(
        rendering.render(view, file_format=file_format),
        actor=request.user,
        subject=measure,
        filename=f"{name}.{file_format}",
        content_type=rendering.CONTENT_TYPES[file_format],
    )


@login_required
@require_http_methods(["GET", "POST"])
def data_grid(request, measure_id: int):
    measure, access = selectors.measure_for_change(user=request.user, measure_id=measure_id)
    rows = selectors.grid_rows(measure)
    form = GridForm(posted(request), rows=rows, ratio=measure.chart_type in WITH_DENOMINATOR)
    if request.method == "POST" and form.is_valid():
        entries, cleared = form.entries()
        result = call_service(
            request,
            lambda: services.data_points_save(
                actor=request.user, measure=measure, entries=entries, cleared=cleared
            ),
            form=form,
            success=_("The data was saved."),
            patient_data=[entry.excluded_reason for entry in entries],
        )
        if result.ok:
            return redirect("measures:detail", measure_id=measure.pk)
    return render(
        request,
        "measures/data/grid.html",
        {"measure": measure, "project": access.project, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def data_import(request, measure_id: int):
    measure, access = selectors.measure_for_change(user=request.user, measure_id=measure_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        called = call_service(
            request,
            lambda: services.data_import(
                actor=request.user, measure=measure, filename=upload.name, content=content
            ),
            form=form,
        )
        result = called.value
        if called.ok and result.ok:
            messages.success(
                request,
                _(
                    "Import finished: %(created)s added, %(updated)s changed, %(unchanged)s "
                    "unchanged."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                },
            )
            return redirect("measures:detail", measure_id=measure.pk)
    return render(
        request,
        "measures/data/import.html",
        {
            "measure": measure,
            "project": access.project,
            "form": form,
            "result": result,
            "columns": importer.COLUMNS,
            "ratio": measure.chart_type in WITH_DENOMINATOR,
        },
    )


def _annotate(request, measure_id: int, kind: str, form_class, template_title: str):
    measure, access = selectors.measure_for_change(user=request.user, measure_id=measure_id)
    form = form_class(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.annotation_add(
                actor=request.user, measure=measure, kind=kind, **form.cleaned_data
            ),
            form=form,
            success=_("The note was added.")
            if kind == AnnotationKind.NOTE
            else _("The limits are recalculated from that period."),
            patient_data=[form.cleaned_data["text"]],
        )
        if result.ok:
            return redirect("measures:detail", measure_id=measure.pk)
    return render(
        request,
        "measures/data/annotate.html",
        {
            "measure": measure,
            "project": access.project,
            "form": form,
            "title": template_title,
            "rebase": kind == AnnotationKind.REBASE,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def note_add(request, measure_id: int):
    return _annotate(request, measure_id, AnnotationKind.NOTE, NoteForm, _("Add a note"))


@login_required
@require_http_methods(["GET", "POST"])
def rebase_add(request, measure_id: int):
    return _annotate(
        request, measure_id, AnnotationKind.REBASE, RebaseForm, _("Recalculate the limits")
    )


@login_required
@require_POST
def annotation_remove(request, measure_id: int, annotation_id: int):
    measure, _access = selectors.measure_for_change(user=request.user, measure_id=measure_id)
    call_service(
        request,
        lambda: services.annotation_remove(
            actor=request.user, measure=measure, annotation_id=annotation_id
        ),
        success=_("The note was removed."),
    )
    return redirect("measures:detail", measure_id=measure.pk)

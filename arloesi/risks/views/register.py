"""A register: the registers a person may open, one register's page (entries, heat map,
overdue reviews), adding an entry, its spreadsheet, importing one, and a health board's
matrix. A view parses, calls one selector or service, renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core import exports
from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.risks import selectors, services
from arloesi.risks.exports import REGISTER_COLUMNS
from arloesi.risks.forms.register import EntryForm
from arloesi.risks.forms.settings import ImportForm, MatrixSettingsForm
from arloesi.risks.permissions import Perm
from arloesi.risks.vocabulary import Band, Category, Status

EXPORT_FORMATS = ("csv", "xlsx")


def _register_url(unit) -> str:
    return reverse("risks:register", kwargs={"unit_id": unit.pk})


@login_required
def registers(request):
    return render(
        request, "risks/registers.html", {"rows": selectors.registers_for(user=request.user)}
    )


@login_required
def register(request, unit_id: int):
    unit = selectors.register_unit_get(user=request.user, unit_id=unit_id)
    filters = selectors.Filters.from_query(request.GET)
    page = selectors.register_page(
        user=request.user, unit=unit, filters=filters, page_number=request.GET.get("page")
    )
    return render(
        request,
        "risks/register.html",
        {
            "page": page,
            "unit": unit,
            "categories": Category.choices,
            "bands": Band.choices,
            "statuses": Status.choices,
        },
    )


@login_required
def register_export(request, unit_id: int, file_format: str):
    unit = selectors.register_unit_get(user=request.user, unit_id=unit_id)
    if file_format not in EXPORT_FORMATS:
        raise Http404
    rows = selectors.register_rows(unit=unit, filters=selectors.Filters.from_query(request.GET))
    return exports.download(
        REGISTER_COLUMNS,
        rows,
        file_format=file_format,
        filename=f"risks-{slugify(unit.code) or unit.pk}",
        actor=request.user,
        subject=unit,
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_add(request, unit_id: int):
    unit = selectors.register_unit_get(user=request.user, unit_id=unit_id, permission=Perm.MANAGE)
    form = EntryForm(posted(request), owners=selectors.owners_for(unit=unit))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = call_service(
            request,
            lambda: services.entry_create(
                actor=request.user,
                unit=unit,
                initial=(data["initial_consequence"], data["initial_likelihood"]),
                target=form.target(),
                **form.described(),
            ),
            form=form,
            success=_("The risk was added to the register."),
            patient_data=[data["title"], data["description"], data["cause"], data["effect"]],
        )
        if result.ok:
            return redirect("risks:entry", entry_id=result.value.pk)
    return render(request, "risks/entry_add.html", {"unit": unit, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def register_import(request, unit_id: int):
    unit = selectors.register_unit_get(user=request.user, unit_id=unit_id, permission=Perm.MANAGE)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        outcome = call_service(
            request,
            lambda: services.entries_import(
                actor=request.user, unit=unit, filename=upload.name, content=upload.read()
            ),
            form=form,
        )
        result = outcome.value
        if result is not None and result.ok:
            messages.success(
                request,
                _(
                    "Import finished: %(created)d added, %(updated)d changed, "
                    "%(unchanged)d unchanged."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                },
            )
            return redirect(_register_url(unit))
    return render(
        request,
        "risks/import.html",
        {"unit": unit, "form": form, "result": result, "columns": services.IMPORT_COLUMNS},
    )


@login_required
@require_http_methods(["GET", "POST"])
def matrix_settings(request, unit_id: int):
    unit = selectors.register_unit_get(
        user=request.user, unit_id=unit_id, permission=Perm.CONFIGURE
    )
    if unit.kind != "health_board":
        raise Http404
    form = MatrixSettingsForm(
        posted(request), initial=selectors.matrix_settings_initial(health_board=unit)
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.matrix_settings_save(
                actor=request.user,
                health_board=unit,
                expected_version=form.cleaned_data["expected_version"],
                **form.values(),
            ),
            form=form,
            success=_("The risk matrix was saved."),
        )
        if result.ok:
            return redirect(_register_url(unit))
    return render(request, "risks/settings.html", {"unit": unit, "form": form})

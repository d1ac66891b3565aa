"""The four-outcomes dashboards: a unit's figures, the projects behind one of them, its
spreadsheet and PDF (each download recorded against the unit); and the way in from the
navigation, to the widest unit the person follows."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify

from arloesi.core import exports, pdf
from arloesi.evaluation import selectors
from arloesi.evaluation.exports import OUTCOMES_COLUMNS
from arloesi.projects import selectors as projects

EXPORT_FORMATS = frozenset({"csv", "xlsx"})


def _page_number(value) -> int:
    try:
        return max(1, min(int(value), 100_000))
    except (TypeError, ValueError):
        return 1


def _file_name(unit) -> str:
    """A file name safe in a header and as a spreadsheet's sheet title."""
    return f"outcomes-{slugify(unit.code) or unit.pk}"


@login_required
def dashboard_home(request):
    unit = projects.widest_unit_for(user=request.user)
    if unit is None:
        raise Http404
    return redirect("evaluation:dashboard", unit_id=unit.pk)


@login_required
def dashboard(request, unit_id: int):
    return render(
        request,
        "evaluation/dashboard/dashboard.html",
        {"dashboard": selectors.outcomes_dashboard(user=request.user, unit_id=unit_id)},
    )


@login_required
def behind(request, unit_id: int, outcome: str, result: str):
    page = selectors.projects_behind(
        user=request.user,
        unit_id=unit_id,
        outcome=outcome,
        result=result,
        page_number=_page_number(request.GET.get("page")),
    )
    if page is None:
        raise Http404
    return render(request, "evaluation/dashboard/behind.html", {"page": page})


@login_required
def dashboard_export(request, unit_id: int, file_format: str):
    unit, reports = selectors.reports_for_export(user=request.user, unit_id=unit_id)
    if file_format not in EXPORT_FORMATS:
        raise Http404
    return exports.download(
        OUTCOMES_COLUMNS,
        reports,
        file_format=file_format,
        filename=_file_name(unit),
        actor=request.user,
        subject=unit,
    )


@login_required
def dashboard_pdf(request, unit_id: int):
    figures = selectors.outcomes_dashboard(user=request.user, unit_id=unit_id)
    return pdf.pdf_response(
        "evaluation/dashboard/dashboard_print.html",
        {"dashboard": figures, "made_at": timezone.now()},
        filename=_file_name(figures.unit),
        request=request,
        actor=request.user,
        subject=figures.unit,
    )

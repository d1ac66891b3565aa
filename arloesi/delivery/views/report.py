"""The unaddressed potential for improvement of a cluster, planning group, health board or
Wales: the page, its spreadsheets and its PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from arloesi.core import exports, pdf
from arloesi.delivery import selectors
from arloesi.delivery.exports import UNADDRESSED_COLUMNS, skill_lines

EXPORT_FORMATS = frozenset({"csv", "xlsx", "pdf"})


@login_required
def unaddressed(request, unit_id: int):
    unit = selectors.unit_for_report(user=request.user, unit_id=unit_id)
    report = selectors.unaddressed_report(user=request.user, unit=unit)
    return render(request, "delivery/report/unaddressed.html", {"report": report})


def _export_name(unit) -> str:
    """A file name safe in a header and as a spreadsheet's sheet title."""
    return f"unaddressed-{slugify(unit.code) or unit.pk}"


@login_required
def unaddressed_export(request, unit_id: int, file_format: str):
    unit = selectors.unit_for_report(user=request.user, unit_id=unit_id)
    if file_format not in EXPORT_FORMATS:
        raise Http404
    report = selectors.unaddressed_report(user=request.user, unit=unit)
    if file_format == "pdf":
        return pdf.pdf_response(
            "delivery/report/unaddressed_print.html",
            {"report": report, "made_at": timezone.now()},
            filename=_export_name(unit),
            request=request,
            actor=request.user,
            subject=unit,
        )
    return exports.download(
        UNADDRESSED_COLUMNS,
        skill_lines(report),
        file_format=file_format,
        filename=_export_name(unit),
        actor=request.user,
        subject=unit,
    )

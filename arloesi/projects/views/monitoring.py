"""Monitoring: a unit's schedule of current projects (with its PDF, spreadsheet and calendar
of milestones), its dashboard and the cycles behind the dashboard's figures; and the way in
from the navigation, to the widest unit the person follows."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from arloesi.core import downloads, exports, pdf
from arloesi.core.jinja import url
from arloesi.projects import selectors
from arloesi.projects.exports import SCHEDULE_COLUMNS, milestone_calendar

EXPORT_FORMATS = frozenset({"pdf", "xlsx", "ics"})


def _page_number(value) -> int:
    try:
        return max(1, min(int(value), 100_000))
    except (TypeError, ValueError):
        return 1


def _home(route: str):
    @login_required
    def view(request):
        unit = selectors.widest_unit_for(user=request.user)
        if unit is None:
            raise Http404
        return redirect(route, unit_id=unit.pk)

    return view


schedule_home = _home("projects:schedule")
dashboard_home = _home("projects:dashboard")


@login_required
def schedule(request, unit_id: int):
    unit = selectors.unit_for_monitoring(user=request.user, unit_id=unit_id)
    page = selectors.schedule_page(
        user=request.user,
        unit=unit,
        filters=selectors.Filters.from_query(request.GET),
        number=_page_number(request.GET.get("page")),
    )
    return render(request, "projects/monitoring/schedule.html", {"page": page})


def _export_name(unit) -> str:
    """A file name safe in a header and as a spreadsheet's sheet title."""
    return f"schedule-{slugify(unit.code) or unit.pk}"


@login_required
def schedule_export(request, unit_id: int, file_format: str):
    unit = selectors.unit_for_monitoring(user=request.user, unit_id=unit_id)
    if file_format not in EXPORT_FORMATS:
        raise Http404
    filters = selectors.Filters.from_query(request.GET)
    if file_format == "ics":
        milestones = selectors.schedule_milestones(user=request.user, unit=unit, filters=filters)
        content = milestone_calendar(
            milestones,
            name=_("Milestones: %(unit)s") % {"unit": unit.name},
            link=lambda project_id: request.build_absolute_uri(
                url("projects:detail", project_id=project_id)
            ),
        )
        return downloads.bytes_response(
            content.encode("utf-8"),
            actor=request.user,
            subject=unit,
            filename=f"{_export_name(unit)}.ics",
            content_type="text/calendar; charset=utf-8",
        )
    rows = selectors.schedule_rows(user=request.user, unit=unit, filters=filters)
    if file_format == "xlsx":
        return exports.download(
            SCHEDULE_COLUMNS,
            rows,
            file_format="xlsx",
            filename=_export_name(unit),
            actor=request.user,
            subject=unit,
        )
    return pdf.pdf_response(
        "projects/monitoring/schedule_print.html",
        {
            "unit": unit,
            "rows": rows,
            "filters": filters,
            "timeline": selectors.schedule_timeline(rows=rows, unit=unit),
            "made_at": timezone.now(),
        },
        filename=_export_name(unit),
        request=request,
        actor=request.user,
        subject=unit,
    )


@login_required
def dashboard(request, unit_id: int):
    unit = selectors.unit_for_monitoring(user=request.user, unit_id=unit_id)
    return render(
        request,
        "projects/monitoring/dashboard.html",
        {"dashboard": selectors.dashboard_for(user=request.user, unit=unit)},
    )


@login_required
def cycle_list(request, unit_id: int):
    unit = selectors.unit_for_monitoring(user=request.user, unit_id=unit_id)
    page = selectors.cycle_list_page(
        user=request.user,
        unit=unit,
        state=request.GET.get("state", ""),
        number=_page_number(request.GET.get("page")),
    )
    return render(request, "projects/monitoring/cycle_list.html", {"page": page})

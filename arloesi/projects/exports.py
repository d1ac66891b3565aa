"""The files the schedule is downloaded as: the spreadsheet's columns (described once, for
``core.exports``) and the calendar of milestones (``projects.ics``)."""

from collections.abc import Callable, Iterable
from datetime import UTC

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from arloesi.core.exports import Column
from arloesi.core.jinja import display
from arloesi.projects import ics


def _next(row) -> str:
    milestone = row.next_milestone
    return f"{milestone.title} ({milestone.due_on.isoformat()})" if milestone else ""


SCHEDULE_COLUMNS = [
    Column(gettext_lazy("Project"), lambda row: row.project.title),
    Column(gettext_lazy("Lead collaborative"), lambda row: row.project.lead_collaborative.name),
    Column(gettext_lazy("Stage"), lambda row: display(row.project, "status")),
    Column(
        gettext_lazy("RAG status"),
        lambda row: display(row.project, "rag") if row.project.rag else "",
    ),
    Column(gettext_lazy("Start date"), lambda row: row.starts_on),
    Column(gettext_lazy("Planned end date"), lambda row: row.project.planned_end_on),
    Column(gettext_lazy("Next milestone"), _next),
    Column(gettext_lazy("Milestones overdue"), lambda row: row.overdue_milestones),
    Column(gettext_lazy("Open PDSA cycles"), lambda row: row.open_cycles),
    Column(gettext_lazy("PDSA cycles overdue"), lambda row: row.overdue_cycles),
    Column(gettext_lazy("Stale"), lambda row: _("Yes") if row.stale else _("No")),
    Column(
        gettext_lazy("Last progress update"),
        lambda row: timezone.localdate(row.project.last_update_at),
    ),
]


def milestone_calendar(milestones: Iterable, *, name: str, link: Callable[[int], str]) -> str:
    """The milestones as an iCalendar file; ``link(project_id)``: the project's full address."""
    events = [
        ics.Event(
            uid=f"milestone-{milestone.pk}@arloesi",
            on=milestone.due_on,
            summary=f"{milestone.title} – {milestone.project.title}",
            description=(
                _("Milestone of the project “%(project)s”.") % {"project": milestone.project.title}
                + (
                    " " + _("Done on %(date)s.") % {"date": milestone.done_on.isoformat()}
                    if milestone.done_on
                    else ""
                )
            ),
            url=link(milestone.project_id),
        )
        for milestone in milestones
    ]
    return ics.calendar(events, name=name, stamp=timezone.now().astimezone(UTC))

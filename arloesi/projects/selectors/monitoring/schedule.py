"""The schedule of current projects for a unit: one page of rows with its timeline, every row
for the exports, and the milestones for the calendar file — in a fixed number of queries
however many projects the unit has (a page shows 50; the timeline draws that page's).
"""

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from markupsafe import Markup

from arloesi.projects import timeline
from arloesi.projects.models import Milestone, PdsaCycle, Project
from arloesi.projects.selectors.monitoring.scope import (
    NO_RAG,
    OVERDUE_CHOICES,
    Filters,
    current,
    filtered,
    overdue_cycles,
    projects_under,
    stale_before,
)
from arloesi.projects.vocabulary import InnovationType, Rag, Stage

PAGE_SIZE = 50
ROW_FIELDS = (
    "title",
    "status",
    "rag",
    "starts_on",
    "planned_end_on",
    "started_at",
    "last_update_at",
    "lead_collaborative__name_en",
    "lead_collaborative__name_cy",
)


@functools.lru_cache(maxsize=4096)
def _day(day: date, language: str | None) -> str:
    """A date as pages write it (``core.jinja``'s ``date``), once per date and language: a page
    of the schedule writes 150 of them."""
    return formats.date_format(day, "j F Y")


def day_text(day: date | None) -> str:
    return _day(day, get_language()) if day else ""


@dataclass(frozen=True, slots=True)
class Due:
    """A milestone as the schedule shows it."""

    title: str
    due_on: date
    done_on: date | None

    @property
    def due_text(self) -> str:
        return day_text(self.due_on)


@dataclass
class ScheduleRow:
    project: Project
    milestones: list[Due] = field(default_factory=list)
    open_cycles: int = 0
    overdue_cycles: int = 0
    stale: bool = False
    today: date = field(default_factory=timezone.localdate)

    @property
    def starts_on(self) -> date:
        return self.project.starts_on or timezone.localdate(self.project.started_at)

    @property
    def next_milestone(self) -> Due | None:
        return next((m for m in self.milestones if m.done_on is None), None)

    @property
    def starts_text(self) -> str:
        return day_text(self.starts_on)

    @property
    def ends_text(self) -> str:
        return day_text(self.project.planned_end_on)

    @property
    def overdue_milestones(self) -> int:
        return sum(1 for m in self.milestones if m.done_on is None and m.due_on < self.today)


def _ordered(projects: QuerySet[Project]) -> QuerySet[Project]:
    return (
        projects.select_related("lead_collaborative")
        .only(*ROW_FIELDS)
        .order_by(F("starts_on").asc(nulls_last=True), "started_at", "id")
    )


def _rows(projects: list[Project], *, today: date) -> list[ScheduleRow]:
    """Rows for ``projects``: two queries (their milestones, their cycles counted)."""
    ids = [project.pk for project in projects]
    milestones = defaultdict(list)
    for project_id, title, due_on, done_on in (
        Milestone.objects.filter(project_id__in=ids)
        .order_by("due_on", "id")
        .values_list("project_id", "title", "due_on", "done_on")
    ):
        milestones[project_id].append(Due(title, due_on, done_on))
    # Counted per project from its own index (the open-cycles index would read every open
    # cycle in Wales).
    cycles = {
        row["project_id"]: row
        for row in PdsaCycle.objects.filter(project_id__in=ids)
        .order_by()
        .values("project_id")
        .annotate(
            open=Count("id", filter=Q(completed_at__isnull=True)),
            overdue=Count("id", filter=overdue_cycles(today)),
        )
    }
    stale = stale_before()
    return [
        ScheduleRow(
            project=project,
            milestones=milestones[project.pk],
            open_cycles=cycles.get(project.pk, {}).get("open", 0),
            overdue_cycles=cycles.get(project.pk, {}).get("overdue", 0),
            stale=project.status != Stage.CLOSED and project.last_update_at < stale,
            today=today,
        )
        for project in projects
    ]


@dataclass(frozen=True)
class Options:
    stages: list
    rags: list
    priorities: list[tuple[int, str]]
    collaboratives: list[tuple[int, str]]
    overdue: list[tuple[str, str]]
    innovations: list = field(default_factory=lambda: InnovationType.choices)


def _options(projects: QuerySet[Project]) -> Options:
    """The choices of each filter: the local priorities and lead collaboratives of the unit's
    current projects (two queries)."""
    welsh = _is_welsh()
    # Sorted here: SQLite sorts the joined rows before it drops the repeated ones.
    priority_rows = sorted(
        Project.priorities.through.objects.filter(project__in=current(projects).values("pk"))
        .order_by()
        .values_list("localpriority_id", "localpriority__title_en", "localpriority__title_cy")
        .distinct(),
        key=lambda row: (row[1], row[0]),
    )
    collaborative_rows = sorted(
        current(projects)
        .order_by()
        .values_list(
            "lead_collaborative_id", "lead_collaborative__name_en", "lead_collaborative__name_cy"
        )
        .distinct(),
        key=lambda row: (row[1], row[0]),
    )
    return Options(
        stages=Stage.choices,
        rags=[*Rag.choices, (NO_RAG, _("Not given yet"))],
        priorities=[(pk, cy if welsh and cy else en) for pk, en, cy in priority_rows],
        collaboratives=[(pk, cy if welsh and cy else en) for pk, en, cy in collaborative_rows],
        overdue=list(
            zip(
                OVERDUE_CHOICES,
                (_("Milestones overdue"), _("PDSA cycles overdue"), _("Either overdue")),
                strict=True,
            )
        ),
    )


def _is_welsh() -> bool:
    return get_language() == "cy"


def timeline_svg(rows: list[ScheduleRow], *, unit, today: date) -> Markup:
    drawn = [
        timeline.Row(
            label=row.project.title,
            starts_on=row.starts_on,
            ends_on=row.project.planned_end_on,
            marks=[
                timeline.Mark(
                    on=m.due_on,
                    title=m.title,
                    done=m.done_on is not None,
                    overdue=m.done_on is None and m.due_on < today,
                )
                for m in row.milestones
            ],
        )
        for row in rows
    ]
    words = timeline.Words(
        title=_("Timeline of the projects in %(unit)s") % {"unit": unit.name},
        description=_(
            "Each project is a bar from its start to its planned end, with its milestones as "
            "markers and a line for today. The table below gives the same dates."
        ),
        today=_("Today"),
        done=_("Milestone done"),
        to_do=_("Milestone to do"),
        overdue=_("Milestone overdue"),
        no_end=_("planned end not set"),
    )
    markup = timeline.draw(
        drawn, today=today, words=words, month_label=lambda day: formats.date_format(day, "M Y")
    )
    return Markup(markup)  # noqa: S704 (core.svg escapes every text and attribute)


@dataclass(frozen=True)
class SchedulePage:
    unit: object
    filters: Filters
    rows: list[ScheduleRow]
    number: int
    pages: int
    total: int
    timeline: Markup | None
    options: Options

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def schedule_page(*, user, unit, filters: Filters, number: int) -> SchedulePage:
    """One page of the unit's schedule (``unit`` already checked by
    ``unit_for_monitoring``)."""
    today = timezone.localdate()
    under = projects_under(user=user, unit=unit)
    chosen = filtered(under, filters, today=today)
    total = chosen.count()
    pages = max(1, -(-total // PAGE_SIZE))
    number = min(number, pages)
    start = (number - 1) * PAGE_SIZE
    projects = list(_ordered(chosen)[start : start + PAGE_SIZE])
    rows = _rows(projects, today=today)
    return SchedulePage(
        unit=unit,
        filters=filters,
        rows=rows,
        number=number,
        pages=pages,
        total=total,
        timeline=timeline_svg(rows, unit=unit, today=today) if rows else None,
        options=_options(under),
    )


def schedule_rows(*, user, unit, filters: Filters) -> list[ScheduleRow]:
    """Every row the filters choose, for the exports (three queries)."""
    today = timezone.localdate()
    chosen = filtered(projects_under(user=user, unit=unit), filters, today=today)
    return _rows(list(_ordered(chosen)), today=today)


def schedule_milestones(*, user, unit, filters: Filters) -> list[Milestone]:
    """The milestones of the projects the filters choose, by date (one query), for the
    calendar file."""
    chosen = filtered(projects_under(user=user, unit=unit), filters, today=timezone.localdate())
    return list(
        Milestone.objects.filter(project__in=chosen.values("pk"))
        .select_related("project")
        .only("title", "due_on", "done_on", "project__title")
        .order_by("due_on", "id")
    )


def schedule_timeline(*, rows: list[ScheduleRow], unit) -> Markup | None:
    """The timeline of the first page's worth of ``rows`` (the printed schedule's drawing;
    its table lists them all)."""
    if not rows:
        return None
    return timeline_svg(rows[:PAGE_SIZE], unit=unit, today=timezone.localdate())

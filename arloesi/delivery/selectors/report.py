"""The unaddressed potential for improvement of a cluster, planning group, health board or Wales:
the tasks the leads confirmed as not accommodated, and which aims, drivers and local priorities
lose out, by how many hours of which skills and in which months.

Delivery's own data is the source: the accepted allocations' lines not allocated and confirmed by
the lead (the latest such line of each task), leaving out tasks removed since and tasks a later
accepted allocation gave capacity to. Each row links to the entry its confirmation raised on the
cluster's risk register. Read in a fixed number of queries, whatever the number of tasks.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from arloesi.delivery.models import AllocationLine, Skill, Task, TaskNeed
from arloesi.delivery.runs import RunStatus
from arloesi.delivery.selectors.access import may_view, signed_in
from arloesi.delivery.vocabulary import RISK_SOURCE_KIND as SOURCE_KIND
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.risks import selectors as risks

# The page lists the tasks with the most hours short first; the downloads list them all.
PAGE_ROWS = 50
REPORT_KINDS = (Kind.WALES, Kind.HEALTH_BOARD, Kind.PLANNING_GROUP, Kind.CLUSTER)


def unit_for_report(*, user, unit_id: int):
    """The cluster, planning group, health board or Wales, if ``user`` may see the delivery of
    all of it; otherwise 404."""
    if not signed_in(user):
        raise Http404
    unit = organisations.unit_of_kind(unit_id=unit_id, kinds=REPORT_KINDS)
    if unit is None or not may_view(user, unit):
        raise Http404
    return unit


@dataclass
class UnaddressedRow:
    """One task confirmed as not accommodated, with what it serves and what it lacks."""

    line: AllocationLine
    aim: tuple[int, str] | None
    drivers: list[tuple[int, str]]
    priorities: list[tuple[int, str]]
    # Hours of work per skill (what the task needs) and hours short per skill.
    needs: dict[str, int]
    gap: dict[str, int]
    # The month each skill's hours were short by (the end of the months it could use).
    months: dict[str, date]
    entry: object | None = None

    @property
    def task(self):
        return self.line.task

    @property
    def hours_needed(self) -> int:
        return sum(self.needs.values())

    @property
    def hours_short(self) -> int:
        return sum(self.gap.values())


@dataclass
class Group:
    """An aim, a driver, a local priority or a skill, and what loses out under it."""

    label: str
    tasks: int = 0
    hours_needed: int = 0
    hours_short: int = 0
    short_by_skill: dict[str, int] = field(default_factory=dict)

    def add(self, row: UnaddressedRow, needed: int | None = None, short: int | None = None):
        self.tasks += 1
        self.hours_needed += row.hours_needed if needed is None else needed
        self.hours_short += row.hours_short if short is None else short
        if needed is None:
            for code, hours in row.gap.items():
                self.short_by_skill[code] = self.short_by_skill.get(code, 0) + hours


@dataclass
class SkillMonths:
    skill: str
    hours: list[int]

    @property
    def total(self) -> int:
        return sum(self.hours)


@dataclass
class UnaddressedReport:
    unit: object
    rows: list[UnaddressedRow]
    by_aim: list[Group]
    by_driver: list[Group]
    by_priority: list[Group]
    by_skill: list[Group]
    months: list[date]
    skill_months: list[SkillMonths]
    skill_names: dict[str, str]
    # Whether the reader may open the risk register's entries the rows link to.
    may_see_entries: bool

    @property
    def hours_needed(self) -> int:
        return sum(row.hours_needed for row in self.rows)

    @property
    def hours_short(self) -> int:
        return sum(row.hours_short for row in self.rows)

    @property
    def page_rows(self) -> list[UnaddressedRow]:
        return self.rows[:PAGE_ROWS]

    @property
    def clusters(self) -> int:
        return len({row.task.cluster_id for row in self.rows})

    def skills_text(self, hours_by_skill: dict[str, int]) -> str:
        return ", ".join(
            _("%(skill)s %(hours)s h") % {"skill": self.skill_names.get(code, code), "hours": h}
            for code, h in sorted(hours_by_skill.items(), key=lambda item: (-item[1], item[0]))
        )

    def row_skills(self, row: UnaddressedRow) -> str:
        return self.skills_text(row.gap)


def _confirmed_lines(unit) -> list[AllocationLine]:
    """Each task's latest confirmation as not accommodated, unless a later accepted run gave it
    capacity — chosen in SQL, reading only the columns the report shows."""
    accepted = AllocationLine.objects.filter(
        task=OuterRef("task"),
        run__status=RunStatus.ACCEPTED,
        run__proposed_at__gt=OuterRef("run__proposed_at"),
    )
    lines = (
        AllocationLine.objects.filter(
            run__status=RunStatus.ACCEPTED,
            confirmed_unaccommodated=True,
            task__cluster__path__startswith=unit.path,
            task__removed_at__isnull=True,
        )
        .exclude(Exists(accepted.filter(confirmed_unaccommodated=True)))
        .exclude(Exists(accepted.filter(allocated=True, kept=True)))
        .select_related("task__cluster", "task__change_idea")
        .only(
            "gap",
            "reasons",
            "lineage",
            "task__title",
            "task__due_on",
            "task__cluster__name_en",
            "task__cluster__name_cy",
            "task__change_idea__text",
        )
        .order_by("task_id", "-run_id")
    )
    latest: dict[int, AllocationLine] = {}
    for line in lines:
        latest.setdefault(line.task_id, line)
    return list(latest.values())


def _months_short(line: AllocationLine) -> dict[str, date]:
    due = line.task.due_on.replace(day=1)
    months = {}
    for reason in line.reasons:
        if reason.get("code") == "short_of_hours" and reason.get("last_month"):
            months[reason["skill"]] = date.fromisoformat(reason["last_month"])
    return {code: months.get(code, due) for code in line.gap}


def _needs_and_priorities(task_ids: list[int]) -> tuple[dict, dict]:
    """The tasks' hours by skill code, and the local priorities they serve as (id, title in the
    reader's language): two queries of plain values, whatever the number of tasks."""
    needs: dict[int, dict[str, int]] = defaultdict(dict)
    for task_id, code, hours in TaskNeed.objects.filter(task_id__in=task_ids).values_list(
        "task_id", "skill__code", "hours"
    ):
        needs[task_id][code] = hours
    welsh = get_language() == "cy"
    priorities: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for task_id, pk, english, cymraeg in (
        Task.priorities.through.objects.filter(task_id__in=task_ids)
        .order_by("localpriority_id")
        .values_list(
            "task_id", "localpriority_id", "localpriority__title_en", "localpriority__title_cy"
        )
    ):
        priorities[task_id].append((pk, cymraeg if welsh and cymraeg else english))
    return needs, priorities


def _rows(lines: list[AllocationLine]) -> list[UnaddressedRow]:
    needs, priorities = _needs_and_priorities([line.task_id for line in lines])
    return [_row(line, needs[line.task_id], priorities[line.task_id]) for line in lines]


def _row(line: AllocationLine, needs: dict[str, int], priorities) -> UnaddressedRow:
    lineage = line.lineage or {}
    aim = lineage.get("aim")
    return UnaddressedRow(
        line=line,
        aim=(aim[0], aim[1]) if aim else None,
        drivers=[(pk, text) for pk, text in lineage.get("drivers", [])],
        priorities=priorities,
        needs=needs,
        gap={code: int(hours) for code, hours in (line.gap or {}).items() if hours},
        months=_months_short(line),
    )


def _same(text: str) -> str:
    return " ".join(text.split()).casefold()


def _worded(pairs, same: str) -> str:
    return next((text for _pk, text in pairs if _same(text) == same), same)


def _ordered(groups: dict) -> list[Group]:
    return sorted(
        groups.values(), key=lambda g: (-g.hours_short, -g.hours_needed, -g.tasks, g.label)
    )


def unaddressed_report(*, user, unit) -> UnaddressedReport:
    """The report of ``unit`` (already checked by ``unit_for_report``)."""
    rows = _rows(_confirmed_lines(unit))
    rows.sort(key=lambda r: (-r.hours_short, -r.hours_needed, r.task.cluster.name, r.task.title))
    entries = risks.entries_from(source_kind=SOURCE_KIND, source_ids=[r.task.pk for r in rows])
    skill_names = {s.code: s.name for s in Skill.objects.all()}
    by_aim, by_driver, by_priority, by_skill = {}, {}, {}, {}
    cells: dict[tuple[str, date], int] = defaultdict(int)
    for row in rows:
        row.entry = entries.get(row.task.pk)
        # Aims and drivers worded alike on several projects' diagrams are one line.
        label = row.aim[1] if row.aim else _("No aim")
        by_aim.setdefault(_same(label), Group(label)).add(row)
        for text in dict.fromkeys(_same(t) for _pk, t in row.drivers) or [_("No driver")]:
            by_driver.setdefault(text, Group(_worded(row.drivers, text))).add(row)
        for pk, title in row.priorities or [(None, _("No local priority"))]:
            by_priority.setdefault(pk, Group(title)).add(row)
        for code in sorted(set(row.needs) | set(row.gap)):
            group = by_skill.setdefault(code, Group(skill_names.get(code, code)))
            group.add(row, needed=row.needs.get(code, 0), short=row.gap.get(code, 0))
        for code, hours in row.gap.items():
            cells[(code, row.months[code])] += hours
    months = sorted({month for _code, month in cells})
    skill_months = [
        SkillMonths(skill_names.get(code, code), [cells.get((code, month), 0) for month in months])
        for code in sorted({code for code, _month in cells}, key=lambda c: skill_names.get(c, c))
    ]
    return UnaddressedReport(
        unit=unit,
        rows=rows,
        by_aim=_ordered(by_aim),
        by_driver=_ordered(by_driver),
        by_priority=_ordered(by_priority),
        by_skill=_ordered(by_skill),
        months=months,
        skill_months=skill_months,
        skill_names=skill_names,
        may_see_entries=risks.may_view(user, unit),
    )

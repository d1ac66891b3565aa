"""Reads for the task pages: a cluster's task board (by change idea and status, filtered by skill,
status and assignee), a change idea's tasks, and what a task's form offers. Each page is one
presenter in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.http import Http404
from django.utils import formats
from django.utils.translation import gettext as _

from arloesi.delivery.models import Skill, Task, TaskNeed
from arloesi.delivery.selectors import access, choices
from arloesi.delivery.vocabulary import OPEN_STATUSES, TaskStatus
from arloesi.delivery.workflow import TASK_WORKFLOW

# The most tasks a board lists at once; filters narrow it.
BOARD_LIMIT = 120
DONE_LIKE = (TaskStatus.DONE, TaskStatus.CANCELLED)


@dataclass
class TaskRow:
    task: Task
    needs: list[tuple[str, int]] = field(default_factory=list)
    waiting_for: int = 0
    # The dates as people read them ("1 April 2025"), written by ``_rows``.
    starts: str = ""
    due: str = ""

    @property
    def effort(self) -> int:
        return sum(hours for _skill, hours in self.needs)

    @property
    def assignee(self) -> str:
        names = [
            who.full_name if hasattr(who, "full_name") else who.name
            for who in (self.task.assigned_person, self.task.assigned_group)
            if who is not None
        ]
        return ", ".join(names) or _("Not assigned yet")


@dataclass
class StatusColumn:
    status: str
    label: str
    rows: list[TaskRow]


@dataclass
class ChangeIdeaSection:
    change_idea: object
    columns: list[StatusColumn]

    @property
    def count(self) -> int:
        return sum(len(column.rows) for column in self.columns)


class DateWriter:
    """Dates as the ``date`` filter writes them ("j F Y"), with the month names looked up once
    for a page rather than a whole date formatted for each of hundreds of cells."""

    def __init__(self) -> None:
        self.months = [""] + [formats.date_format(date(2000, m, 1), "F") for m in range(1, 13)]

    def __call__(self, day: date) -> str:
        return f"{day.day} {self.months[day.month]} {day.year}"


def _rows(tasks: list[Task], skills: dict[int, Skill]) -> list[TaskRow]:
    written = DateWriter()
    rows = {
        task.pk: TaskRow(task=task, starts=written(task.starts_on), due=written(task.due_on))
        for task in tasks
    }
    needs = TaskNeed.objects.filter(task_id__in=list(rows)).values_list(
        "task_id", "skill_id", "hours"
    )
    for task_id, skill_id, hours in needs.order_by("task_id", "id"):
        rows[task_id].needs.append((skills[skill_id].name, hours))
    links = Task.dependencies.through.objects.filter(from_task_id__in=list(rows)).exclude(
        to_task__status__in=DONE_LIKE
    )
    for task_id in links.filter(to_task__removed_at__isnull=True).values_list(
        "from_task_id", flat=True
    ):
        rows[task_id].waiting_for += 1
    return list(rows.values())


def _columns(rows: list[TaskRow]) -> list[StatusColumn]:
    by_status = defaultdict(list)
    for row in rows:
        by_status[row.task.status].append(row)
    return [
        StatusColumn(status, label, by_status[status])
        for status, label in TaskStatus.choices
        if by_status[status]
    ]


def _sections(rows: list[TaskRow]) -> list[ChangeIdeaSection]:
    by_idea: dict[int, list[TaskRow]] = {}
    ideas = {}
    for row in rows:
        ideas[row.task.change_idea_id] = row.task.change_idea
        by_idea.setdefault(row.task.change_idea_id, []).append(row)
    return [ChangeIdeaSection(ideas[key], _columns(value)) for key, value in by_idea.items()]


@dataclass(frozen=True)
class TableWords:
    """The words of a table of tasks, translated once for all the tables of a page."""

    headings: tuple[str, ...]
    move: str
    history: str


def table_words() -> TableWords:
    return TableWords(
        headings=(
            _("Task"),
            _("Assigned to"),
            _("Skills and hours needed"),
            _("Earliest start"),
            _("Due date"),
            _("Status"),
        ),
        move=_("Move"),
        history=_("History"),
    )


def _tasks():
    return Task.objects.filter(removed_at__isnull=True).select_related(
        "change_idea", "assigned_person", "assigned_group"
    )


@dataclass
class BoardFilters:
    skill: str = ""
    status: str = "open"
    assignee: str = ""


@dataclass
class BoardPage:
    cluster: object
    filters: BoardFilters
    sections: list[ChangeIdeaSection]
    shown: int
    more: bool
    may_manage: bool
    skill_options: list[tuple[str, str]]
    status_options: list[tuple[str, str]]
    assignee_options: list[tuple[str, str]]
    words: TableWords = field(default_factory=table_words)


def board_filters(params) -> BoardFilters:
    """The filters as asked for, anything unknown ignored."""
    status = params.get("status", "open")
    if status not in ("open", "all", *TaskStatus.values):
        status = "open"
    skill = params.get("skill", "")
    assignee = params.get("assignee", "")
    return BoardFilters(
        skill=skill if skill.isdigit() else "",
        status=status,
        assignee=assignee if assignee == "none" or assignee.split(":")[-1].isdigit() else "",
    )


def board_page(*, user, cluster, filters: BoardFilters) -> BoardPage:
    skills = {skill.pk: skill for skill in Skill.objects.all()}
    people = list(choices.people_of(cluster=cluster).only("pk", "full_name"))
    groups = list(choices.groups_of(cluster=cluster).only("pk", "name"))
    tasks = _tasks().filter(cluster=cluster)
    if filters.status == "open":
        tasks = tasks.filter(status__in=OPEN_STATUSES)
    elif filters.status != "all":
        tasks = tasks.filter(status=filters.status)
    if filters.skill:
        tasks = tasks.filter(
            pk__in=TaskNeed.objects.filter(skill_id=int(filters.skill)).values("task")
        )
    if filters.assignee == "none":
        tasks = tasks.filter(assigned_person__isnull=True, assigned_group__isnull=True)
    elif filters.assignee.startswith("group:"):
        tasks = tasks.filter(assigned_group_id=int(filters.assignee.split(":")[1]))
    elif filters.assignee:
        tasks = tasks.filter(assigned_person_id=int(filters.assignee.split(":")[-1]))
    tasks = list(tasks.order_by("change_idea_id", "due_on", "id")[: BOARD_LIMIT + 1])
    more = len(tasks) > BOARD_LIMIT
    rows = _rows(tasks[:BOARD_LIMIT], skills)
    return BoardPage(
        cluster=cluster,
        filters=filters,
        sections=_sections(rows),
        shown=len(rows),
        more=more,
        may_manage=access.may_manage(user, cluster),
        skill_options=[("", _("Any skill"))]
        + [(str(pk), skill.name) for pk, skill in skills.items() if skill.active],
        status_options=[("open", _("Not started or in progress")), ("all", _("Any status"))]
        + list(TaskStatus.choices),
        assignee_options=[("", _("Anyone")), ("none", _("Not assigned yet"))]
        + [(f"person:{person.pk}", person.full_name) for person in people]
        + [(f"group:{group.pk}", group.name) for group in groups],
    )


@dataclass
class ChangeIdeaPage:
    change_idea: object
    project: object
    cluster: object
    columns: list[StatusColumn]
    rows: list[TaskRow]
    may_manage: bool
    words: TableWords = field(default_factory=table_words)

    @property
    def effort(self) -> int:
        return sum(row.effort for row in self.rows if row.task.status in OPEN_STATUSES)


def change_idea_page(*, user, change_idea, project, cluster) -> ChangeIdeaPage:
    skills = {skill.pk: skill for skill in Skill.objects.all()}
    tasks = list(
        _tasks()
        .filter(cluster=cluster, change_idea=change_idea)
        .order_by("due_on", "id")[:BOARD_LIMIT]
    )
    rows = _rows(tasks, skills)
    return ChangeIdeaPage(
        change_idea=change_idea,
        project=project,
        cluster=cluster,
        columns=_columns(rows),
        rows=rows,
        may_manage=access.may_manage(user, cluster),
    )


@dataclass
class TaskFormChoices:
    skills: list
    people: list
    groups: list
    tasks: list
    priorities: list


# The most tasks a task's form offers to depend on.
DEPENDENCY_CHOICES = 100


def task_form_choices(*, cluster, change_idea, task: Task | None = None) -> TaskFormChoices:
    """What the task form offers. To depend on: the open tasks of the same project (the change
    ideas of its driver diagram), soonest due first and at most ``DEPENDENCY_CHOICES``, and those
    the task already depends on. A person chooses what must be done first among the project's
    current work; offering every task the cluster ever had made a list of hundreds."""
    current = task.dependencies.values("pk") if task else []
    offered = (
        choices.tasks_of(cluster=cluster, excluding=task.pk if task else None)
        .filter(
            Q(status__in=OPEN_STATUSES, change_idea__diagram_id=change_idea.diagram_id)
            | Q(pk__in=current)
        )
        .only("pk", "title", "cluster_id", "removed_at")
        .order_by("due_on", "id")[:DEPENDENCY_CHOICES]
    )
    return TaskFormChoices(
        skills=choices.skills_in_use(),
        people=list(choices.people_of(cluster=cluster).only("pk", "full_name")),
        groups=list(choices.groups_of(cluster=cluster).only("pk", "name", "cluster_id")),
        tasks=list(offered),
        priorities=choices.priorities_for(cluster=cluster),
    )


@dataclass
class TaskEditing:
    needs: list
    dependency_ids: list[int]
    priority_ids: list[int]


def task_editing(*, task: Task) -> TaskEditing:
    return TaskEditing(
        needs=list(TaskNeed.objects.filter(task=task).order_by("id")),
        dependency_ids=list(task.dependencies.values_list("pk", flat=True)),
        priority_ids=list(task.priorities.values_list("pk", flat=True)),
    )


def next_statuses(*, task: Task) -> list[tuple[str, str]]:
    return [(status, TaskStatus(status).label) for status in TASK_WORKFLOW.targets(task.status)]


def task_for_change(*, user, task_id: int) -> Task:
    """The task, if ``user`` plans its cluster's work; anyone else gets 404."""
    task = access.task_get_for_user(user=user, task_id=task_id)
    if not access.may_manage(user, task.cluster):
        raise Http404
    return task


def task_for_move(*, user, task_id: int) -> Task:
    task = access.task_get_for_user(user=user, task_id=task_id)
    if not access.may_move(user, task):
        raise Http404
    return task

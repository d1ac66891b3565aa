"""A run's page: each line with its holders' names, its hours and its reasons in words.

The allocator explains itself as reason codes with numbers; the words are chosen here, in the
reader's language."""

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from django.contrib.auth import get_user_model
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from arloesi.delivery.models import (
    AllocationLine,
    AllocationRun,
    CapacityOffer,
    DeliveryGroup,
    Skill,
)
from arloesi.delivery.selectors.allocation import run_lines
from arloesi.delivery.selectors.capacity import month_label


@dataclass
class LineRow:
    line: AllocationLine
    reasons: list[str]
    hours: list[tuple[str, str, str, int]] = field(default_factory=list)  # who, skill, month, h

    @property
    def total_hours(self) -> int:
        return sum(row[3] for row in self.hours)


@dataclass
class RunPage:
    run: AllocationRun
    allocated: list[LineRow]
    not_allocated: list[LineRow]


def _month(text: str | None) -> str:
    return _month_in(text, get_language()) if text else ""


@lru_cache(maxsize=512)
def _month_in(text: str, language: str | None) -> str:
    # A run names the same few months on every line: each is formatted once per language.
    return month_label(date.fromisoformat(text))


def _ids(ids: set[int]) -> list[int]:
    # Never empty: an empty list skips the query, and a page's queries stay the same in number.
    return sorted(ids) or [0]


class Names:
    """The names of the skills, people, groups, offers and tasks a run mentions."""

    def __init__(self, lines: list[AllocationLine]) -> None:
        holders: dict[str, set[int]] = {"person": set(), "group": set(), "offer": set()}
        for line in lines:
            for row in line.hours:
                holders.setdefault(row["holder"][0], set()).add(row["holder"][1])
            for reason in line.reasons:
                if reason.get("holder"):
                    holders.setdefault(reason["holder"][0], set()).add(reason["holder"][1])
        self.skills = {s.code: s.name for s in Skill.objects.all()}
        self.people = {
            p.pk: p.full_name
            for p in get_user_model()
            .objects.filter(pk__in=_ids(holders["person"]))
            .only("full_name")
        }
        self.groups = {
            g.pk: g.name
            for g in DeliveryGroup.objects.filter(pk__in=_ids(holders["group"])).only("name")
        }
        self.offers = {
            o.pk: o.health_board.name
            for o in CapacityOffer.objects.filter(pk__in=_ids(holders["offer"])).select_related(
                "health_board"
            )
        }
        self.tasks = {line.task_id: line.task.title for line in lines}

    def skill(self, code: str) -> str:
        return self.skills.get(code, code)

    def holder(self, key) -> str:
        kind, number = key
        if kind == "person":
            return self.people.get(number, "")
        if kind == "group":
            return self.groups.get(number, "")
        return _("Offer from %(health_board)s") % {"health_board": self.offers.get(number, "")}

    def task_list(self, ids) -> str:
        return ", ".join(self.tasks.get(number, str(number)) for number in ids)


def reason_text(reason: dict, names: Names) -> str:
    code = reason["code"]
    first, last = _month(reason.get("first_month")), _month(reason.get("last_month"))
    skill = names.skill(reason.get("skill", ""))
    if code == "allocated":
        if first == last:
            return _("Allocated in %(month)s") % {"month": first}
        return _("Allocated from %(first)s to %(last)s") % {"first": first, "last": last}
    if code == "short_of_hours":
        values = {
            "needed": reason["hours_needed"],
            "free": reason["hours_free"],
            "skill": skill,
            "first": first,
            "last": last,
        }
        if first == last:
            return (
                _(
                    "Not allocated: needs %(needed)s h of %(skill)s time in %(first)s, "
                    "%(free)s h free"
                )
                % values
            )
        return (
            _(
                "Not allocated: needs %(needed)s h of %(skill)s time from %(first)s to %(last)s, "
                "%(free)s h free"
            )
            % values
        )
    if code == "no_one_with_skill":
        return _("Not allocated: nobody this task may use has %(skill)s time") % {"skill": skill}
    if code == "holder_lacks_skill":
        return _("Not allocated: %(holder)s, who has this task, does not give %(skill)s time") % {
            "holder": names.holder(reason["holder"]),
            "skill": skill,
        }
    tasks = names.task_list(reason.get("task_ids", ()))
    if code == "dependency_not_allocated":
        return _("Not allocated: it depends on tasks not allocated (%(tasks)s)") % {"tasks": tasks}
    if code == "dependencies_finish_late":
        return _(
            "Not allocated: the tasks it depends on (%(tasks)s) finish in %(first)s, after it is "
            "due in %(last)s"
        ) % {"tasks": tasks, "first": first, "last": last}
    if code == "no_months":
        return _("Not allocated: it is due in %(last)s, before it can start in %(first)s") % {
            "first": first,
            "last": last,
        }
    return _("Not allocated: its dependencies lead back to itself")


def run_page(*, run: AllocationRun) -> RunPage:
    lines = run_lines(run=run)
    names = Names(lines)
    allocated, not_allocated = [], []
    for line in lines:
        row = LineRow(
            line=line,
            reasons=[reason_text(reason, names) for reason in line.reasons],
            hours=[
                (
                    names.holder(item["holder"]),
                    names.skill(item["skill"]),
                    _month(item["month"]),
                    item["hours"],
                )
                for item in line.hours
            ],
        )
        (allocated if line.allocated else not_allocated).append(row)
    return RunPage(run=run, allocated=allocated, not_allocated=not_allocated)

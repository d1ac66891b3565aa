"""The unaddressed-potential report's spreadsheet: one row per task and skill it needs, described
once for ``core.exports``."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy

from arloesi.core.exports import Column


@dataclass(frozen=True)
class SkillLine:
    """A task confirmed as not accommodated, and one skill it needs."""

    row: object
    skill: str
    hours_needed: int
    hours_short: int
    month: date | None


def skill_lines(report) -> list[SkillLine]:
    lines = []
    for row in report.rows:
        for code in sorted(set(row.needs) | set(row.gap)):
            lines.append(
                SkillLine(
                    row,
                    report.skill_names.get(code, code),
                    row.needs.get(code, 0),
                    row.gap.get(code, 0),
                    row.months.get(code),
                )
            )
    return lines


def _texts(pairs) -> str:
    return "; ".join(text for _pk, text in pairs)


UNADDRESSED_COLUMNS = [
    Column(gettext_lazy("Cluster"), lambda s: s.row.task.cluster.name),
    Column(gettext_lazy("Task"), lambda s: s.row.task.title),
    Column(gettext_lazy("Change idea"), lambda s: s.row.task.change_idea.text),
    Column(gettext_lazy("Aim"), lambda s: s.row.aim[1] if s.row.aim else ""),
    Column(gettext_lazy("Drivers"), lambda s: _texts(s.row.drivers)),
    Column(gettext_lazy("Local priorities"), lambda s: _texts(s.row.priorities)),
    Column(gettext_lazy("Skill"), lambda s: s.skill),
    Column(gettext_lazy("Hours of work"), lambda s: s.hours_needed),
    Column(gettext_lazy("Hours short"), lambda s: s.hours_short),
    Column(gettext_lazy("Month short"), lambda s: s.month.strftime("%Y-%m") if s.month else ""),
    Column(gettext_lazy("Allocation from"), lambda s: s.row.line.run.first_month),
    Column(gettext_lazy("Allocation to"), lambda s: s.row.line.run.last_month),
    Column(gettext_lazy("Risk entry"), lambda s: s.row.entry.pk if s.row.entry else ""),
]

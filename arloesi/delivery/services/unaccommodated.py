"""Work the lead confirms cannot be accommodated goes onto the cluster's risk register, linked to
its task, change idea, drivers, aim and local priorities, with the gap and a suggested score;
work a later run allocates is marked so on its entry."""

from django.utils.translation import gettext as _

from arloesi.core import audit
from arloesi.delivery.allocation.risk import suggested_consequence, suggested_likelihood
from arloesi.delivery.models import AllocationLine
from arloesi.delivery.selectors.allocation_pages import Names, reason_text
from arloesi.delivery.vocabulary import RISK_SOURCE_KIND as SOURCE_KIND
from arloesi.diagrams import selectors as diagrams
from arloesi.risks import selectors as risks_selectors
from arloesi.risks import services as risks


def lineage_of(change_idea) -> dict:
    """The aim and the drivers above a change idea on its diagram, as the line keeps them:
    {"aim": [id, text] or None, "drivers": [[id, text], …]}."""
    content = diagrams.content_of(change_idea.diagram)
    parents: dict[int, list[int]] = {}
    for link in content.links:
        parents.setdefault(link.target_id, []).append(link.source_id)
    drivers, aim, seen = [], None, set()
    stack = list(parents.get(change_idea.pk, ()))
    while stack:
        node = content.by_id.get(stack.pop(0))
        if node is None or node.pk in seen:
            continue
        seen.add(node.pk)
        if node.kind == "aim":
            aim = [node.pk, node.text]
        else:
            drivers.append([node.pk, node.text])
        stack.extend(parents.get(node.pk, ()))
    return {"aim": aim, "drivers": drivers}


def record(*, actor, cluster, lines: list[AllocationLine], all_lines: list[AllocationLine]) -> None:
    """Create or update the entry of each confirmed line's task on the cluster's register."""
    if not lines:
        return
    names = Names(all_lines)
    for line in lines:
        task = line.task
        found = lineage_of(task.change_idea)
        if found != line.lineage:
            audit.update(line, actor=actor, lineage=found)
        aim = found["aim"][1] if found["aim"] else ""
        drivers = [text for _pk, text in found["drivers"]]
        short = [r for r in line.reasons if r["code"] == "short_of_hours"]
        needed = sum(r["hours_needed"] for r in short)
        gap = "; ".join(reason_text(r, names) for r in short) or "; ".join(
            reason_text(r, names) for r in line.reasons
        )
        links = {
            _("Task"): task.title,
            _("Change idea"): task.change_idea.text,
            _("Driver"): "; ".join(drivers),
            _("Aim"): aim,
            _("Local priority"): "; ".join(p.title_en for p in task.priorities.all()),
        }
        risks.unaddressed_record(
            actor=actor,
            unit=cluster,
            source_kind=SOURCE_KIND,
            source_id=task.pk,
            title=_("Not accommodated: %(task)s") % {"task": task.title},
            description="\n".join(reason_text(r, names) for r in line.reasons),
            links={label: text for label, text in links.items() if text},
            gap=gap,
            consequence=suggested_consequence(line.position, len(all_lines)),
            likelihood=suggested_likelihood(needed, sum(line.gap.values())),
        )


def allocated(*, actor, lines: list[AllocationLine]) -> None:
    """Mark the open entries of tasks now allocated."""
    entries = risks_selectors.entries_from(
        source_kind=SOURCE_KIND, source_ids=[line.task_id for line in lines]
    )
    for line in lines:
        if line.task_id in entries:
            risks.unaddressed_allocated(
                actor=actor,
                source_kind=SOURCE_KIND,
                source_id=line.task_id,
                note=_("Allocated by the allocation of %(first)s to %(last)s")
                % {"first": line.run.first_month, "last": line.run.last_month},
            )

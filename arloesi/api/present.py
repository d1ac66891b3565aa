"""Rows of other apps' pages as the API's shapes: what a view returns, read from the page's
presenter (no query here; each list's rows come loaded)."""

from django.utils import timezone

from arloesi.learning import selectors as learning


def unit(found) -> dict:
    names = ("kind", "code", "name", "name_en", "name_cy", "parent_id")
    return {"id": found.pk, **{name: getattr(found, name) for name in names}}


def unit_detail(found, ancestors, children) -> dict:
    return {
        **unit(found),
        "ancestors": [unit(u) for u in ancestors],
        "children": [unit(u) for u in children],
    }


def overdue(milestone) -> bool:
    return milestone.done_on is None and milestone.due_on < timezone.localdate()


def milestone(found, overdue: bool) -> dict:
    return {
        "id": found.pk,
        "title": found.title,
        "due_on": found.due_on,
        "done_on": found.done_on,
        "overdue": overdue,
        "version": found.version,
    }


def cycle(found, state: str) -> dict:
    return {
        "id": found.pk,
        "number": found.number,
        "title": found.title,
        "ramp_id": found.ramp_id,
        "state": state,
        "owner_id": found.owner_id,
        "objective": found.objective,
        "planned_start_on": found.planned_start_on,
        "planned_end_on": found.planned_end_on,
        "completed_at": found.completed_at,
        "act_decision": found.act_decision,
        "version": found.version,
    }


def measure_row(row) -> dict:
    found = row.measure
    return {
        "id": found.pk,
        "name": found.name,
        "kind": found.kind,
        "frequency": found.frequency,
        "chart_type": found.chart_type,
        "unit": found.unit,
        "points": row.points,
        "latest": row.latest,
    }


def record(record, shown=None) -> dict:
    """A learning record, its title and summary in the caller's language where written."""
    shown = shown or learning.shown(record)
    cluster = record.cluster
    return {
        "id": record.pk,
        "title": shown.title,
        "summary": shown.summary,
        "language": shown.language,
        "cluster": cluster.name if cluster else "",
        "published_at": record.published_at,
        "is_public": record.is_public,
    }


def record_detail(found) -> dict:
    names = ("tried", "worked", "did_not_work", "why", "results", "recommendations")
    return {**record(found), **{name: getattr(found, name) for name in names}}


def schedule_row(row) -> dict:
    project = row.project
    upcoming = row.next_milestone
    return {
        "project_id": project.pk,
        "title": project.title,
        "status": project.status,
        "rag": project.rag,
        "starts_on": row.starts_on,
        "planned_end_on": project.planned_end_on,
        "next_milestone": upcoming.title if upcoming else None,
        "next_milestone_due_on": upcoming.due_on if upcoming else None,
        "overdue_milestones": row.overdue_milestones,
        "open_cycles": row.open_cycles,
        "overdue_cycles": row.overdue_cycles,
        "stale": row.stale,
    }


def page(found, rows) -> dict:
    return {"count": found.count, "page": found.page, "pages": found.pages, "results": rows}

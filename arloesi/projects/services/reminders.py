"""Reminders by e-mail before and after due dates, sent by the task worker
(``projects.tasks.reminders_send``), each in its recipient's own language.

* a PDSA cycle ending within ``REMINDER_DAYS_BEFORE_DUE`` days and not completed, and a cycle
  past its planned end without study and act: to who leads the cycle, else the project's lead;
* a milestone due within those days, and one past its due date and not done: to the project's
  lead;
* a project with no progress update for ``PROJECT_STALE_AFTER_DAYS``: to the project's lead.

Closed projects are left alone. Each reminder is a ``ReminderSent`` row (one per kind, object,
due date and recipient, a database constraint) written in the same transaction as its e-mail is
queued: the two commit together or not at all, so a reminder is sent once, however often the task
runs or the worker restarts. A changed due date is a new reminder.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from arloesi.core import audit
from arloesi.core.jinja import date_format
from arloesi.core.tasks import send_email
from arloesi.projects.models import (
    Milestone,
    PdsaCycle,
    Project,
    ProjectTeamMember,
    ReminderSent,
)
from arloesi.projects.vocabulary import Stage

TEMPLATES = "projects/email"
Kind = ReminderSent.Kind


@dataclass(frozen=True)
class Reminder:
    kind: str
    object_id: int
    due_on: date
    recipient: object
    project: Project
    # The cycle's or milestone's title (the project's own for an update due).
    title: str
    # The page the e-mail links to, by URL name and arguments.
    page: tuple[str, dict]


def reminders_send(*, today: date | None = None) -> int:
    """Queue every reminder that is due and not yet sent; the number queued."""
    today = today or timezone.localdate()
    sent = 0
    for reminder in reminders_due(today=today):
        sent += _send_once(reminder)
    return sent


def reminders_due(*, today: date) -> list[Reminder]:
    soon = today + timedelta(days=settings.REMINDER_DAYS_BEFORE_DUE)
    leads = _Leads()
    found: list[Reminder] = []
    open_cycles = _not_closed(
        PdsaCycle.objects.filter(completed_at__isnull=True).select_related("project", "owner")
    )
    for kind, cycles in (
        (Kind.CYCLE_DUE, open_cycles.filter(planned_end_on__gte=today, planned_end_on__lte=soon)),
        (Kind.CYCLE_OVERDUE, open_cycles.filter(planned_end_on__lt=today)),
    ):
        cycles = list(_unsent(cycles, kind, due_field="planned_end_on"))
        leads.need(c.project_id for c in cycles)
        found += [
            Reminder(
                kind=kind,
                object_id=c.pk,
                due_on=c.planned_end_on,
                recipient=c.owner if _reachable(c.owner) else leads.of(c.project_id),
                project=c.project,
                title=c.title,
                page=("projects:cycle", {"cycle_id": c.pk}),
            )
            for c in cycles
        ]
    open_milestones = _not_closed(
        Milestone.objects.filter(done_on__isnull=True).select_related("project")
    )
    for kind, milestones in (
        (Kind.MILESTONE_DUE, open_milestones.filter(due_on__gte=today, due_on__lte=soon)),
        (Kind.MILESTONE_OVERDUE, open_milestones.filter(due_on__lt=today)),
    ):
        milestones = list(_unsent(milestones, kind, due_field="due_on"))
        leads.need(m.project_id for m in milestones)
        found += [
            Reminder(
                kind=kind,
                object_id=m.pk,
                due_on=m.due_on,
                recipient=leads.of(m.project_id),
                project=m.project,
                title=m.title,
                page=("projects:detail", {"project_id": m.project_id}),
            )
            for m in milestones
        ]
    stale_after = timedelta(days=settings.PROJECT_STALE_AFTER_DAYS)
    stale = list(
        _not_closed(Project.objects.all(), field="status").filter(
            last_update_at__lt=timezone.now() - stale_after
        )
    )
    leads.need(p.pk for p in stale)
    found += [
        Reminder(
            kind=Kind.UPDATE_DUE,
            object_id=p.pk,
            due_on=timezone.localtime(p.last_update_at + stale_after).date(),
            recipient=leads.of(p.pk),
            project=p,
            title=p.title,
            page=("projects:detail", {"project_id": p.pk}),
        )
        for p in stale
    ]
    return [r for r in found if _reachable(r.recipient)]


def _not_closed(queryset: QuerySet, field: str = "project__status") -> QuerySet:
    return queryset.exclude(**{field: Stage.CLOSED})


def _unsent(queryset: QuerySet, kind: str, *, due_field: str) -> QuerySet:
    """Leave out what already has this reminder for its due date (whoever it went to)."""
    return queryset.exclude(
        Exists(
            ReminderSent.objects.filter(
                kind=kind, object_id=OuterRef("pk"), due_on=OuterRef(due_field)
            )
        )
    )


def _reachable(person) -> bool:
    return person is not None and person.is_active and bool(person.email)


class _Leads:
    """The projects' leads, read in one query per batch of projects."""

    def __init__(self):
        self._by_project: dict[int, object] = {}

    def need(self, project_ids) -> None:
        wanted = set(project_ids) - set(self._by_project)
        if not wanted:
            return
        for member in ProjectTeamMember.objects.filter(
            project_id__in=wanted, is_lead=True
        ).select_related("person"):
            self._by_project[member.project_id] = member.person
        for project_id in wanted:
            self._by_project.setdefault(project_id, None)

    def of(self, project_id: int):
        return self._by_project.get(project_id)


def _send_once(reminder: Reminder) -> int:
    """The reminder's row and its e-mail, together; 0 when it was already sent."""
    try:
        with transaction.atomic():
            audit.create(
                ReminderSent,
                actor=None,
                kind=reminder.kind,
                object_id=reminder.object_id,
                due_on=reminder.due_on,
                recipient=reminder.recipient,
            )
            _email(reminder)
    except (IntegrityError, ValidationError):
        # Another run sent it meanwhile.
        return 0
    return 1


def _email(reminder: Reminder) -> None:
    person = reminder.recipient
    language = person.preferred_language
    name, kwargs = reminder.page
    with translation.override(language):
        context = {
            "full_name": person.full_name,
            "title": reminder.title,
            "project": reminder.project.title,
            "due_on": date_format(reminder.due_on),
            "path": reverse(name, kwargs=kwargs),
            "stale_days": settings.PROJECT_STALE_AFTER_DAYS,
        }
    send_email.enqueue(
        to=person.email,
        template=f"{TEMPLATES}/{reminder.kind}",
        context=context,
        language=language,
    )

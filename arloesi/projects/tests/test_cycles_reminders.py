"""Reminders by e-mail before and after due dates: who leads a PDSA cycle hears before it ends and
when it is overdue (the project's lead when nobody leads it); the project's lead hears about
milestones and about a project with no progress update for a while. Each reminder is sent once,
in its recipient's language, however often the worker runs or restarts.

The first tests run the worker for real against the database queue (``task_worker``)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from arloesi.organisations.tests.factories import PersonFactory
from arloesi.projects import services, tasks
from arloesi.projects.models import Milestone, Project, ReminderSent
from arloesi.projects.tests.factories import cycle, started_project
from arloesi.projects.vocabulary import Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(settings):
    settings.REMINDER_DAYS_BEFORE_DUE = 3
    settings.PROJECT_STALE_AFTER_DAYS = 30
    started = started_project()
    mail.outbox.clear()  # what the proposal's authors heard on the way
    return started


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


def waiting_reminder_runs():
    return DBTaskResult.objects.filter(
        task_path=tasks.reminders_send.module_path, status=TaskResultStatus.READY
    )


def test_the_worker_sends_a_reminder_in_welsh_once_even_when_run_again_and_restarted(
    started, task_worker
):
    owner = started.lead
    owner.preferred_language = "cy"
    owner.save(update_fields=["preferred_language"])
    ending = cycle(started.project, title="Rhestr wirio", starts=days(-4), days=6, owner=owner)
    DBTaskResult.objects.all().delete()

    tasks.reminders_send.enqueue()
    assert mail.outbox == [], "nothing is sent until the worker runs"
    task_worker()

    (message,) = mail.outbox
    assert message.to == [owner.email]
    assert message.extra_headers["Content-Language"] == "cy"
    assert message.subject == "Cylch PDSA yn dod i ben cyn bo hir: Rhestr wirio"
    assert f"/cy/projects/cycles/{ending.pk}/" in message.body
    assert ReminderSent.objects.filter(kind="cycle_due", object_id=ending.pk).count() == 1
    # It comes back tomorrow morning, and only once.
    (next_run,) = waiting_reminder_runs()
    assert next_run.run_after == tasks.next_morning()

    # The task runs again (as it would tomorrow): the same reminder is not sent again.
    tasks.reminders_send.enqueue()
    task_worker()
    assert len(mail.outbox) == 1

    # The worker restarts: it keeps the one morning run waiting, and sends nothing more.
    call_command("worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    assert waiting_reminder_runs().count() == 1
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.count() == 1


def test_migrate_seeds_the_morning_reminders(task_worker):
    DBTaskResult.objects.all().delete()
    call_command("migrate", verbosity=0)
    (waiting,) = waiting_reminder_runs()
    assert waiting.run_after > timezone.now()


def test_the_next_morning_is_seven_oclock_local_time():
    now = timezone.localtime()
    at = tasks.next_morning(now)
    assert (at.hour, at.minute) == (7, 0)
    assert timedelta(0) < at - now <= timedelta(days=1)


# The rest use the immediate task backend: the e-mail is sent as soon as it is queued.


def test_a_cycle_nobody_leads_reminds_the_projects_lead_before_and_after_its_end(started):
    c = cycle(started.project, starts=days(-5), days=7)
    assert services.reminders_send() == 1
    assert [m.to for m in mail.outbox] == [[started.lead.email]]
    assert mail.outbox[0].subject == f"PDSA cycle ends soon: {c.title}"

    c.planned_end_on = days(-1)
    c.save(update_fields=["planned_end_on"])
    assert services.reminders_send() == 1
    assert mail.outbox[1].subject == f"PDSA cycle overdue: {c.title}"
    assert services.reminders_send() == 0


def test_a_completed_cycle_or_one_ending_later_sends_nothing(started):
    cycle(started.project, starts=days(-5), days=6, completed_at=timezone.now())
    cycle(started.project, starts=days(0), days=10)
    assert services.reminders_send() == 0
    assert mail.outbox == []


def test_a_new_planned_end_is_a_new_reminder(started):
    c = cycle(started.project, starts=days(-5), days=6)
    services.reminders_send()
    c.planned_end_on = days(2)
    c.save(update_fields=["planned_end_on"])
    assert services.reminders_send() == 1
    assert sorted(ReminderSent.objects.values_list("due_on", flat=True)) == [days(1), days(2)]


def test_milestones_due_and_overdue_remind_the_projects_lead(started):
    Milestone.objects.create(project=started.project, title="Checklist agreed", due_on=days(2))
    Milestone.objects.create(project=started.project, title="Homes signed up", due_on=days(-2))
    Milestone.objects.create(
        project=started.project, title="Done already", due_on=days(-2), done_on=days(-3)
    )
    assert services.reminders_send() == 2
    assert sorted(m.subject for m in mail.outbox) == [
        "Milestone due soon: Checklist agreed",
        "Milestone overdue: Homes signed up",
    ]
    assert {m.to[0] for m in mail.outbox} == {started.lead.email}


def test_a_project_without_an_update_for_a_month_asks_its_lead_for_one(started):
    Project.objects.filter(pk=started.project.pk).update(
        last_update_at=timezone.now() - timedelta(days=31)
    )
    assert services.reminders_send() == 1
    assert mail.outbox[0].subject == f"Progress update due: {started.project.title}"
    assert "30 days" in mail.outbox[0].body
    assert services.reminders_send() == 0


def test_closed_projects_and_people_who_cannot_sign_in_get_no_reminders(started):
    gone = PersonFactory(is_active=False)
    cycle(started.project, starts=days(-5), days=6, owner=gone)
    other = started_project()
    cycle(other.project, starts=days(-5), days=6)
    Project.objects.filter(pk=other.project.pk).update(status=Stage.CLOSED)
    mail.outbox.clear()

    assert services.reminders_send() == 1
    assert mail.outbox[0].to == [started.lead.email], "the lead hears instead of a leaver"

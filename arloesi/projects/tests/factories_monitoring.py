"""A cluster's projects with every figure the dashboard counts, each known by hand (for the
monitoring tests).

In cluster C (planning group P, Cwm Taf Morgannwg):

- **falls** (collaborative A): pilot, red, stale (no update for 60 days), approved 20 days
  ago. Milestones: one due in 10 days, one 5 days overdue, one done. Cycles: one completed
  (started 10 days ago), one overdue (ended 2 days ago), one planned (starts in 5 days).
- **leg ulcers** (collaborative B): delivering, green, approved 30 days ago. A milestone due in
  40 days. A running cycle (started 2 days ago, ends in 5 days).
- **closed** (collaborative A): closed, with an overdue milestone and an overdue cycle that no
  current figure counts.

And **elsewhere**: a pilot project in Powys, with an overdue milestone, that nothing of C shows.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    health_board,
    person_with_role,
)
from arloesi.projects.models import Milestone, Project
from arloesi.projects.tests.factories import Started, cycle, started_project
from arloesi.projects.vocabulary import Rag, Stage


@dataclass
class Monitored:
    cluster: OrganisationUnit
    collaborative_a: OrganisationUnit
    collaborative_b: OrganisationUnit
    falls: Started
    ulcers: Started
    closed: Started
    elsewhere: Started
    cluster_lead: Person


def _set(started: Started, **fields) -> Project:
    Project.objects.filter(pk=started.project.pk).update(**fields)
    started.project.refresh_from_db()
    return started.project


def monitored() -> Monitored:
    today = timezone.localdate()
    now = timezone.now()
    collaborative_a = CollaborativeFactory(parent=ClusterFactory(parent__parent=health_board()))
    cluster = collaborative_a.parent
    collaborative_b = CollaborativeFactory(parent=cluster)

    falls = started_project(collaborative_a)
    _set(
        falls,
        title="Falls in care homes",
        rag=Rag.RED,
        started_at=now - timedelta(days=20),
        starts_on=today - timedelta(days=20),
        planned_end_on=today + timedelta(days=200),
        last_update_at=now - timedelta(days=60),
    )
    project = falls.project
    Milestone.objects.create(project=project, title="Homes signed up", due_on=today + timedelta(10))
    Milestone.objects.create(project=project, title="Checklist agreed", due_on=today - timedelta(5))
    Milestone.objects.create(
        project=project, title="Team formed", due_on=today - timedelta(15), done_on=today
    )
    cycle(project, title="One resident", starts=today - timedelta(10), days=3, completed_at=now)
    cycle(project, title="One home", number=2, starts=today - timedelta(9), days=7)
    cycle(project, title="Three homes", number=3, starts=today + timedelta(5), days=7)

    ulcers = started_project(collaborative_b)
    _set(
        ulcers,
        title="Leg ulcer clinic",
        status=Stage.DELIVERING,
        rag=Rag.GREEN,
        started_at=now - timedelta(days=30),
        starts_on=today - timedelta(days=30),
        planned_end_on=today + timedelta(days=100),
    )
    Milestone.objects.create(
        project=ulcers.project, title="Clinic audit", due_on=today + timedelta(40)
    )
    cycle(ulcers.project, title="Monday clinic", starts=today - timedelta(2), days=7)

    closed = started_project(collaborative_a)
    _set(closed, title="Closed pilot", status=Stage.CLOSED, rag=Rag.AMBER)
    Milestone.objects.create(project=closed.project, title="Old", due_on=today - timedelta(50))
    cycle(closed.project, title="Old cycle", starts=today - timedelta(60), days=7)

    elsewhere = started_project(
        CollaborativeFactory(parent=ClusterFactory(parent__parent=health_board("PTHB")))
    )
    _set(elsewhere, title="Powys project")
    Milestone.objects.create(
        project=elsewhere.project, title="Powys milestone", due_on=today - timedelta(3)
    )
    return Monitored(
        cluster=cluster,
        collaborative_a=collaborative_a,
        collaborative_b=collaborative_b,
        falls=falls,
        ulcers=ulcers,
        closed=closed,
        elsewhere=elsewhere,
        cluster_lead=person_with_role(Role.CLUSTER_LEAD, cluster),
    )

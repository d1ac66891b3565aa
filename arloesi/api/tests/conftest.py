"""Two places in Wales, each with a project (its measure, data, milestones, a PDSA cycle), a
draft proposal, a risk and learning records: ``mine`` (the caller's) and ``theirs``, in another
health board, whose ids the caller guesses."""

from dataclasses import dataclass

import pytest

from arloesi.api.tests.factories import bearer, token_for
from arloesi.api.vocabulary import Scope
from arloesi.learning.tests.factories import draft_record, published_record
from arloesi.measures.tests.factories import measured_project, with_data
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    PlanningGroupFactory,
    health_board,
)
from arloesi.projects import services as projects
from arloesi.projects.tests.factories import started_project
from arloesi.proposals.tests.factories import draft, setting
from arloesi.risks.tests.factories import entry, registers


@dataclass
class Place:
    started: object  # an open project, with a measure and its data, a milestone and a cycle
    measure: object
    milestone: object
    cycle: object
    author: object  # writes ``proposal``, a draft
    proposal: object
    registers: object  # a cluster's register with ``risk`` on it
    risk: object
    published: object  # a learning record
    draft: object  # a learning record not yet published

    @property
    def lead(self):
        return self.started.lead

    @property
    def project(self):
        return self.started.project


def _place(board_code: str) -> Place:
    collaborative = CollaborativeFactory(
        parent=ClusterFactory(parent=PlanningGroupFactory(parent=health_board(board_code)))
    )
    started = started_project(collaborative)
    project = started.project
    day = project.started_at.date()
    measured = with_data(measured_project(started))
    s = setting(collaborative)
    r = registers()
    return Place(
        started=started,
        measure=measured.measure,
        milestone=projects.milestone_add(
            actor=started.lead, project=project, title="First clinic", due_on=day
        ),
        cycle=projects.cycle_plan(
            actor=started.lead,
            project=project,
            title="Try the checklist",
            planned_start_on=day,
            planned_end_on=day,
        ),
        author=s.author,
        proposal=draft(s),
        registers=r,
        risk=entry(r),
        published=published_record().record,
        draft=draft_record().record,
    )


@pytest.fixture
def mine(db) -> Place:
    return _place("CTMUHB")


@pytest.fixture
def theirs(db) -> Place:
    return _place("SBUHB")


@pytest.fixture
def as_lead(mine):
    """Keyword arguments for the test client: the project lead's token that may write."""
    return bearer(token_for(mine.lead, scope=Scope.WRITE))

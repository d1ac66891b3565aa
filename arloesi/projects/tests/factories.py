"""Projects for tests: started the way the product starts them, by a chair approving a proposal
(with its diagram, sponsors, priorities and conditions carried over)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from arloesi.diagrams.tests.factories import CARE_HOMES, approved, proposal_with_diagram
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.projects.models import PdsaCycle, Project, Ramp
from arloesi.proposals.tests.factories import Setting, setting


@dataclass
class Started:
    s: Setting
    project: Project

    @property
    def lead(self) -> Person:
        """The project's lead: the proposal's lead author."""
        return self.s.author

    @property
    def collaborative(self) -> OrganisationUnit:
        return self.s.collaborative


def started_project(collaborative: OrganisationUnit | None = None) -> Started:
    """A project started by an approval, with the care-homes driver diagram."""
    s = setting(collaborative)
    proposal, _diagram = proposal_with_diagram(s, CARE_HOMES)
    return Started(s, approved(s, proposal))


def cycle(
    project: Project,
    *,
    ramp: Ramp | None = None,
    number: int = 1,
    title: str = "Try the checklist with one resident",
    starts: date | None = None,
    days: int = 7,
    **fields,
) -> PdsaCycle:
    """A PDSA cycle written straight to the database (for tests of reading and reminders)."""
    starts = starts or timezone.localdate()
    return PdsaCycle.objects.create(
        project=project,
        ramp=ramp,
        number=number,
        title=title,
        planned_start_on=starts,
        planned_end_on=starts + timedelta(days=days),
        **fields,
    )

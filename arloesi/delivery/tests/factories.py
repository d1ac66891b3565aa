"""Delivery for tests: a cluster with a started project (the care-homes driver diagram), its
lead and a pharmacist who works there, and tasks made through the services."""

from dataclasses import dataclass, field
from datetime import date

from arloesi.delivery import services
from arloesi.delivery.models import Skill, Task
from arloesi.diagrams.models import DiagramNode
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role
from arloesi.projects.tests.factories import Started, started_project


def skill(code: str) -> Skill:
    return Skill.objects.get(code=code)


@dataclass
class Plan:
    """A cluster whose project's change ideas are ready to break into tasks."""

    started: Started
    lead: Person
    pharmacist: Person
    change_ideas: list[DiagramNode] = field(default_factory=list)

    @property
    def cluster(self) -> OrganisationUnit:
        return self.started.s.cluster

    @property
    def priority(self):
        return self.started.s.priority


def plan() -> Plan:
    started = started_project()
    cluster = started.s.cluster
    ideas = list(
        DiagramNode.objects.filter(
            diagram__owner_kind="project",
            diagram__owner_id=started.project.pk,
            kind="change_idea",
            deleted_at__isnull=True,
        ).order_by("position", "pk")
    )
    return Plan(
        started=started,
        lead=person_with_role(Role.CLUSTER_LEAD, cluster),
        pharmacist=person_with_role(Role.PRACTITIONER, started.s.collaborative),
        change_ideas=ideas,
    )


def task(p: Plan, *, title="Review repeat prescriptions", needs=None, **fields) -> Task:
    values = {
        "change_idea": p.change_ideas[0],
        "starts_on": date(2027, 3, 1),
        "due_on": date(2027, 4, 30),
        "needs": needs or [(skill("pharmacist"), 45)],
        **fields,
    }
    return services.task_create(actor=p.lead, cluster=p.cluster, title=title, **values)

"""A cluster with tasks and capacity, written straight to the database, for the allocation's
tests: its lead, a pharmacist and a GP, and tasks on a change idea of the care-homes diagram."""

from dataclasses import dataclass, field
from datetime import date

from arloesi.delivery.models import CapacityDeclaration, Skill, Task, TaskNeed
from arloesi.diagrams.tests.factories import imported, practitioner
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import ClusterFactory, PersonFactory, person_with_role

MARCH = date(2027, 3, 1)


@dataclass
class Cluster:
    cluster: OrganisationUnit
    lead: Person
    pharmacist: Person
    gp: Person
    change_idea: object
    tasks: list[Task] = field(default_factory=list)


def skill(code: str) -> Skill:
    return Skill.objects.get(code=code)


def declare(cluster, person, code: str, hours: int, from_month=MARCH, to_month=None):
    return CapacityDeclaration.objects.create(
        cluster=cluster,
        person=person,
        skill=skill(code),
        hours_per_month=hours,
        from_month=from_month,
        to_month=to_month,
    )


def task(c: Cluster, title: str, needs: dict[str, int], *, starts=MARCH, due=MARCH, **fields):
    made = Task.objects.create(
        cluster=c.cluster,
        change_idea=c.change_idea,
        title=title,
        starts_on=starts,
        due_on=due.replace(day=28),
        **fields,
    )
    for code, hours in needs.items():
        TaskNeed.objects.create(task=made, skill=skill(code), hours=hours)
    c.tasks.append(made)
    return made


def cluster_with_capacity(pharmacist_hours: int = 12, gp_hours: int = 20) -> Cluster:
    """A cluster whose pharmacist has ``pharmacist_hours`` and GP ``gp_hours`` a month from
    March 2027."""
    cluster = ClusterFactory()
    diagram = imported(practitioner())
    idea = diagram.nodes.filter(kind="change_idea").order_by("id").first()
    c = Cluster(
        cluster=cluster,
        lead=person_with_role(Role.CLUSTER_LEAD, cluster),
        pharmacist=PersonFactory(full_name="Pat Pharmacist"),
        gp=PersonFactory(full_name="Gwen GP"),
        change_idea=idea,
    )
    declare(cluster, c.pharmacist, "pharmacist", pharmacist_hours)
    declare(cluster, c.gp, "gp", gp_hours)
    return c

"""Registers for tests: a cluster with its planning group and health board, the people who keep
and read their registers, and entries added the way the product adds them."""

from dataclasses import dataclass

from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import ClusterFactory, person_with_role
from arloesi.risks import services
from arloesi.risks.models import RiskEntry
from arloesi.risks.vocabulary import Category


@dataclass
class Registers:
    cluster: OrganisationUnit
    planning_group: OrganisationUnit
    health_board: OrganisationUnit
    lead: Person  # keeps the cluster's register
    chair: Person  # keeps the planning group's
    officer: Person  # keeps the health board's, and sets its matrix
    collaborative_lead: Person  # reads the cluster's register


def registers() -> Registers:
    cluster = ClusterFactory()
    planning_group = cluster.parent
    board = planning_group.parent
    collaborative = cluster.children.create(
        kind="collaborative", code=f"{cluster.code}-GMS", name_en="GMS", name_cy="GMS",
        profession="gms",
    )  # fmt: skip
    return Registers(
        cluster=cluster,
        planning_group=planning_group,
        health_board=board,
        lead=person_with_role(Role.CLUSTER_LEAD, cluster, full_name="Owain Lead"),
        chair=person_with_role(Role.PLANNING_GROUP_CHAIR, planning_group, full_name="Gwen Chair"),
        officer=person_with_role(Role.HEALTH_BOARD_OFFICER, board, full_name="Elin Officer"),
        collaborative_lead=person_with_role(Role.COLLABORATIVE_LEAD, collaborative),
    )


def entry(
    r: Registers,
    *,
    title: str = "Too few practice nurses for the diabetes reviews",
    score: tuple[int, int] = (3, 3),
    category: str = Category.WORKFORCE,
    **fields,
) -> RiskEntry:
    """An entry on the cluster's register, added by its lead."""
    return services.entry_create(
        actor=r.lead, unit=r.cluster, title=title, category=category, initial=score, **fields
    )

"""Organisation B's delivery for the access walk and the form fuzz (tests/walks/): a project of
its own in B's cluster (the apps' parts of B are made in the order of their names, so the
projects app's is not there yet), a task for one of its change ideas given to a practitioner,
the practitioner's hours and absence, and the health board's offer for a priority."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from arloesi.delivery import services
from arloesi.delivery.models import Skill
from arloesi.delivery.tests import access_allocation
from arloesi.diagrams.models import DiagramNode
from arloesi.diagrams.tests.factories import CARE_HOMES, approved, proposal_with_diagram
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role
from arloesi.proposals import selectors as proposal_selectors
from arloesi.proposals import services as proposal_services
from arloesi.proposals.models import LocalPriority
from arloesi.proposals.tests.factories import Setting

PUBLIC: set = set()


def populate(world) -> None:
    b, marker = world.b, world.marker
    today = timezone.localdate()
    chair = person_with_role(Role.PLANNING_GROUP_CHAIR, b.planning_group, full_name="Chair DB")
    s = Setting(
        planning_group=b.planning_group,
        cluster=b.cluster,
        collaborative=b.collaborative,
        author=person_with_role(Role.PRACTITIONER, b.collaborative, full_name="Pharmacist B"),
        chair=chair,
        reviewers=[],
        priority=proposal_services.priority_create(
            actor=chair,
            unit=b.planning_group,
            title_en=f"Medicines optimisation {marker}",
            title_cy=f"Optimeiddio meddyginiaethau {marker}",
            source_plan=LocalPriority.SourcePlan.PAN_CLUSTER_PLAN,
            period_start=today - timedelta(days=30),
            period_end=today + timedelta(days=365),
        ),
    )
    proposal, _diagram = proposal_with_diagram(s, CARE_HOMES)
    project = approved(s, proposal)
    proposal_services.intake_close(
        actor=chair, intake=proposal_selectors.intake_current(planning_group=b.planning_group)
    )
    world.b_delivery_idea = DiagramNode.objects.filter(
        diagram__owner_kind="project", diagram__owner_id=project.pk, kind="change_idea"
    ).first()
    world.b_pharmacist = s.author
    pharmacist = Skill.objects.get(code="pharmacist")
    first = today.replace(day=1)
    world.b_delivery_task = services.task_create(
        actor=b.lead,
        cluster=b.cluster,
        change_idea=world.b_delivery_idea,
        title=f"Review repeat prescriptions {marker}",
        starts_on=first,
        due_on=first + timedelta(days=60),
        needs=[(pharmacist, 40)],
        assigned_person=s.author,
        priorities=[s.priority],
    )
    world.b_declaration = services.declaration_add(
        actor=s.author, cluster=b.cluster, skill=pharmacist, hours_per_month=10, from_month=first
    )
    world.b_absence = services.absence_add(
        actor=s.author, first_day=date(today.year + 1, 1, 4), last_day=date(today.year + 1, 1, 8)
    )
    world.b_officer = person_with_role(Role.HEALTH_BOARD_OFFICER, b.board, full_name="Officer DB")
    world.b_offer = services.offer_add(
        actor=world.b_officer,
        health_board=b.board,
        cluster=b.cluster,
        skill=pharmacist,
        hours_per_month=15,
        from_month=first,
        to_month=first + timedelta(days=95),
        priorities=[s.priority],
        note=f"Innovation team {marker}",
    )


def _cluster(w) -> dict:
    return {"unit_id": w.b.cluster.pk}


def _idea(w) -> dict:
    return {"node_id": w.b_delivery_idea.pk}


def _task(w) -> dict:
    return {"task_id": w.b_delivery_task.pk}


PROBES: dict = {
    "delivery:board": _cluster,
    "delivery:capacity": _cluster,
    "delivery:groups": _cluster,
    "delivery:offer_add": _cluster,
    "delivery:change_idea_tasks": _idea,
    "delivery:task_add": _idea,
    "delivery:task_edit": _task,
    "delivery:task_status": _task,
    "delivery:task_remove": _task,
    "delivery:task_history": _task,
    "delivery:declaration_edit": lambda w: {"declaration_id": w.b_declaration.pk},
    "delivery:declaration_remove": lambda w: {"declaration_id": w.b_declaration.pk},
    "delivery:absence_remove": lambda w: {"absence_id": w.b_absence.pk},
    "delivery:offer_withdraw": lambda w: {"offer_id": w.b_offer.pk},
}


def _lead(w):
    return w.b.lead


def _pharmacist(w):
    return w.b_pharmacist


def _officer(w):
    return w.b_officer


FORM_USERS: dict = {
    "delivery:groups": _lead,
    "delivery:task_add": _lead,
    "delivery:task_edit": _lead,
    "delivery:task_status": _lead,
    "delivery:task_remove": _lead,
    "delivery:my_capacity": _pharmacist,
    "delivery:declaration_edit": _pharmacist,
    "delivery:declaration_remove": _pharmacist,
    "delivery:absence_remove": _pharmacist,
    "delivery:offer_add": _officer,
    "delivery:offer_withdraw": _officer,
}

# Removing is a button on another page: the task's form, "My capacity", the capacity view.
FORM_PAGES: dict = {
    "delivery:task_remove": lambda w: reverse("delivery:task_edit", kwargs=_task(w)),
    "delivery:declaration_remove": lambda w: reverse("delivery:my_capacity"),
    "delivery:absence_remove": lambda w: reverse("delivery:my_capacity"),
    "delivery:offer_withdraw": lambda w: reverse("delivery:capacity", kwargs=_cluster(w)),
}

# Prioritisation and allocation (their own module), joined to the rest of delivery's part of B.
_populate_tasks_and_capacity = populate


def populate(world) -> None:  # noqa: F811
    _populate_tasks_and_capacity(world)
    access_allocation.populate(world)


PROBES.update(access_allocation.PROBES)
FORM_USERS.update(access_allocation.FORM_USERS)

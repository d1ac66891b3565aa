"""Demonstration of delivery in the Rhondda cluster: the inhaler-checks project's change ideas
broken into tasks (given to people, a group, or nobody yet), the hours a pharmacist, a GP and
the cluster lead (a data analyst by training) give each month, the practice nurses' hours as a
group, an absence, and the health board's offer of pharmacist time for "Medicines optimisation"
— with more pharmacist work next month and the month after than there are hours, so the
capacity view shows where it does not fit. Then the cluster lead runs the allocation for the
coming three months and accepts it, confirming the tasks that do not fit onto the cluster's risk
register, so the proposal, the register's entries and the unaddressed-potential report are
filled in.

Only ever loaded where ARLOESI_DEMO is on, after the projects demo. Loading again adds nothing:
a cluster that already has tasks is left as it is. Demo text is in English, like the projects'.
"""

from datetime import timedelta

from django.utils import timezone

from arloesi.core.sampledata import DemoReport, register_demo
from arloesi.delivery import selectors, services
from arloesi.delivery.allocation.scoring import Weights
from arloesi.delivery.capacity import add_months, month_of
from arloesi.delivery.models import Skill, Task
from arloesi.delivery.vocabulary import GroupKind, TaskStatus
from arloesi.diagrams.models import DiagramNode
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.projects.models import Project
from arloesi.proposals.models import LocalPriority

CLUSTER = "CTM-RHONDDA"
HEALTH_BOARD = "CTMUHB"
PROJECT = "Inhaler technique checks in community pharmacies"
PRIORITY = "Medicines optimisation"
PHARMACIST = "practitioner@arloesi.example"
GP = "collaborative.lead@arloesi.example"
LEAD = "cluster.lead@arloesi.example"
OFFICER = "hb.officer@arloesi.example"

# (change idea's position among the project's change ideas, what, who, needs as
# (skill, hours), start and due in days from the first of this month, serves the priority,
# expected benefit, status)
TASKS = [
    (0, "Agree the wording of the dispensing-system prompt", "lead",
     [("pharmacist", 6), ("data_analyst", 4)], (0, 20), True, 4, TaskStatus.IN_PROGRESS),
    (0, "Switch the prompt on in all six pharmacies", "pharmacist",
     [("pharmacist", 12), ("pharmacy_technician", 6)], (25, 55), True, 4, TaskStatus.NOT_STARTED),
    (1, "Write the five-minute check script", "pharmacist",
     [("pharmacist", 10), ("practice_nurse", 4)], (0, 25), True, 3, TaskStatus.IN_PROGRESS),
    (2, "Run the training evening with the respiratory nurse", "nurses",
     [("pharmacist", 30), ("practice_nurse", 12)], (30, 58), True, 5, TaskStatus.NOT_STARTED),
    (3, "Buy a placebo kit for each device type", None,
     [("pharmacist", 4)], (10, 40), False, 2, TaskStatus.NOT_STARTED),
    (4, "Translate and print the bilingual leaflet", None,
     [("project_manager", 8)], (20, 60), False, 2, TaskStatus.NOT_STARTED),
    (5, "Send check results to practices through the shared record", "gp",
     [("gp", 6), ("data_analyst", 16)], (31, 88), True, 4, TaskStatus.NOT_STARTED),
    (6, "Set up text reminders for a second check", None,
     [("data_analyst", 10), ("pharmacist", 40)], (35, 85), True, 3, TaskStatus.NOT_STARTED),
    (7, "Arrange technician cover for the counter", None,
     [("pharmacy_technician", 20), ("pharmacist", 25)], (40, 88), False, 3, TaskStatus.NOT_STARTED),
]  # fmt: skip

# (who, skill, hours a month)
CAPACITY = [
    (PHARMACIST, "pharmacist", 24),
    (GP, "gp", 6),
    (LEAD, "data_analyst", 10),
]


def load_demo() -> DemoReport:
    cluster = OrganisationUnit.objects.filter(code=CLUSTER).first()
    project = Project.objects.filter(title=PROJECT).first()
    if cluster is None or project is None:
        return DemoReport(notes=["Delivery demo skipped: the projects demo is not loaded."])
    if Task.objects.filter(cluster=cluster).exists():
        return DemoReport(notes=["Delivery demo already loaded."])
    people = {p.email: p for p in Person.objects.filter(email__in=[PHARMACIST, GP, LEAD, OFFICER])}
    lead, skills = people[LEAD], {s.code: s for s in Skill.objects.all()}
    first = month_of(timezone.localdate())
    nurses = services.group_create(
        actor=lead,
        cluster=cluster,
        kind=GroupKind.PRACTICE_TEAM,
        name="Rhondda practice nurses",
        lead=people[GP],
        members=[people[GP]],
    )
    priority = LocalPriority.objects.filter(unit=cluster, title_en=PRIORITY).first()
    ideas = list(
        DiagramNode.objects.filter(
            diagram__owner_kind="project",
            diagram__owner_id=project.pk,
            kind="change_idea",
            deleted_at__isnull=True,
        ).order_by("position", "pk")
    )
    who = {"lead": people[LEAD], "pharmacist": people[PHARMACIST], "gp": people[GP]}
    for position, title, assignee, needs, (start, due), serves, benefit, status in TASKS:
        task = services.task_create(
            actor=lead,
            cluster=cluster,
            change_idea=ideas[position % len(ideas)],
            title=title,
            starts_on=first + timedelta(days=start),
            due_on=first + timedelta(days=due),
            needs=[(skills[code], hours) for code, hours in needs],
            assigned_person=who.get(assignee),
            assigned_group=nurses if assignee == "nurses" else None,
            priorities=[priority] if serves and priority else [],
            expected_benefit=benefit,
        )
        if status != TaskStatus.NOT_STARTED:
            services.task_status_move(actor=lead, task=task, to_status=status)
    for email, code, hours in CAPACITY:
        services.declaration_add(
            actor=people[email],
            cluster=cluster,
            skill=skills[code],
            hours_per_month=hours,
            from_month=first,
        )
    services.declaration_add(
        actor=people[GP],
        cluster=cluster,
        group=nurses,
        skill=skills["practice_nurse"],
        hours_per_month=12,
        from_month=first,
    )
    away = add_months(first, 1) + timedelta(days=7)
    services.absence_add(
        actor=people[PHARMACIST], first_day=away, last_day=away + timedelta(days=11), note="Leave"
    )
    if priority is not None and OFFICER in people:
        services.offer_add(
            actor=people[OFFICER],
            health_board=OrganisationUnit.objects.get(code=HEALTH_BOARD),
            cluster=cluster,
            skill=skills["pharmacist"],
            hours_per_month=10,
            from_month=add_months(first, 1),
            to_month=add_months(first, 2),
            priorities=[priority],
            note="The health board's medicines-management innovation team.",
        )
    confirmed = _allocate(lead, cluster, first)
    return DemoReport(
        notes=[
            f"Delivery in the Rhondda cluster: {len(TASKS)} tasks, {confirmed} confirmed as "
            "not accommodated."
        ]
    )


def _allocate(lead, cluster, first) -> int:
    """The lead's allocation of the coming three months, accepted as proposed, with every task
    that does not fit confirmed onto the cluster's risk register."""
    run = services.allocation_propose(
        actor=lead,
        cluster=cluster,
        first_month=first,
        last_month=add_months(first, 2),
        weights=Weights(),
    )
    lines = selectors.run_lines(run=run)
    unaccommodated = {line.pk for line in lines if not line.allocated}
    services.allocation_accept(
        actor=lead,
        run=run,
        kept_line_ids={line.pk for line in lines if line.allocated},
        unaccommodated_line_ids=unaccommodated,
        note="Agreed at the cluster meeting.",
    )
    return len(unaccommodated)


register_demo("delivery", load_demo, order=40)

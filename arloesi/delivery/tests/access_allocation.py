"""Organisation B's prioritisation and allocation for the access walk and the form fuzz: two
tasks of B's cluster (one too big for its pharmacist's hours), a proposed run, and an earlier
run the lead accepted, confirming the task that did not fit onto the cluster's risk register
(so B's unaddressed-potential report has a row)."""

from datetime import date

from arloesi.delivery import services
from arloesi.delivery.allocation.scoring import Weights
from arloesi.delivery.models import CapacityDeclaration, Skill, Task, TaskNeed
from arloesi.diagrams.tests.factories import imported, practitioner

MARCH = date(2027, 3, 1)


def populate(world) -> None:
    b, marker = world.b, world.marker
    diagram = imported(practitioner(b.collaborative))
    idea = diagram.nodes.filter(kind="change_idea").order_by("id").first()
    pharmacist = Skill.objects.get(code="pharmacist")
    CapacityDeclaration.objects.create(
        cluster=b.cluster, person=b.lead, skill=pharmacist, hours_per_month=12, from_month=MARCH
    )
    tasks = []
    for title, hours in ((f"Review medicines {marker}", 10), (f"Audit prescribing {marker}", 40)):
        made = Task.objects.create(
            cluster=b.cluster,
            change_idea=idea,
            title=title,
            starts_on=MARCH,
            due_on=date(2027, 3, 31),
        )
        TaskNeed.objects.create(task=made, skill=pharmacist, hours=hours)
        tasks.append(made)
    world.b_allocation_task = tasks[0]
    accepted = services.allocation_propose(
        actor=b.lead, cluster=b.cluster, first_month=MARCH, last_month=MARCH, weights=Weights()
    )
    lines = list(accepted.lines.all())
    services.allocation_accept(
        actor=b.lead,
        run=accepted,
        kept_line_ids={line.pk for line in lines if line.allocated},
        unaccommodated_line_ids={line.pk for line in lines if not line.allocated},
    )
    world.b_allocation_run = services.allocation_propose(
        actor=b.lead,
        cluster=b.cluster,
        first_month=MARCH,
        last_month=date(2027, 5, 1),
        weights=Weights(),
    )


PROBES = {
    "delivery:priorities": lambda w: {"unit_id": w.b.cluster.pk},
    "delivery:priority_override": lambda w: {"task_id": w.b_allocation_task.pk},
    "delivery:allocation_new": lambda w: {"unit_id": w.b.cluster.pk},
    "delivery:allocation": lambda w: {"run_id": w.b_allocation_run.pk},
    "delivery:unaddressed": lambda w: {"unit_id": w.b.board.pk},
    "delivery:unaddressed_export": lambda w: {"unit_id": w.b.cluster.pk, "file_format": "csv"},
}

FORM_USERS = {
    "delivery:priority_override": lambda w: w.b.lead,
    "delivery:allocation_new": lambda w: w.b.lead,
    "delivery:allocation": lambda w: w.b.lead,
}

"""The unaddressed-potential report: a cluster lead confirms two tasks that do not fit, and the
report of the cluster, its planning group and its health board shows which aim, drivers and local
priority lose out, by how many hours of which skill and month — on the page, in the downloads —
to those who may see the cluster's delivery, and to nobody else."""

import csv
import io
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from arloesi.core.models import AuditEvent
from arloesi.delivery import selectors, services
from arloesi.delivery.allocation.scoring import Weights
from arloesi.delivery.tests.factories_allocation import (
    MARCH,
    cluster_with_capacity,
    declare,
    task,
)
from arloesi.diagrams.models import DiagramNode
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    PlanningGroupFactory,
    health_board,
    person_with_role,
)
from arloesi.proposals.models import LocalPriority

pytestmark = pytest.mark.django_db

AIM = "Reduce avoidable A&E attendances from care homes by 20% by March 2028"
MDT_DRIVERS = {
    "Anticipatory care plans in place",
    "Rapid access to clinical advice",
    "Proactive care planning",
    "Skilled, confident care home staff",
}
TRAINING_DRIVERS = {"Staff recognise deterioration early", "Skilled, confident care home staff"}


@pytest.fixture
def confirmed():
    """The pharmacist has 12 h in March and the GP 20 h. Reviewing medicines (10 h of
    pharmacist) fits after the audit (40 h of pharmacist, under the weekly MDT ward round, serving
    "Fewer admissions") is 28 h short; the training (30 h of GP, under
    RESTORE2 training) is 10 h of GP short. The lead confirms both onto the register."""
    c = cluster_with_capacity(pharmacist_hours=12, gp_hours=20)
    training_idea = DiagramNode.objects.get(
        diagram=c.change_idea.diagram, text="RESTORE2 training for every care home"
    )
    priority = LocalPriority.objects.create(
        unit=c.cluster,
        title_en="Fewer admissions",
        title_cy="Llai o dderbyniadau",
        period_start=date(2027, 1, 1),
        period_end=date(2027, 12, 31),
    )
    task(c, "Review medicines", {"pharmacist": 10}, expected_benefit=5)
    audit = task(c, "Audit prescribing", {"pharmacist": 40}, expected_benefit=2)
    audit.priorities.add(priority)
    training = task(c, "Train the homes", {"gp": 30}, expected_benefit=1)
    training.change_idea = training_idea
    training.save()
    run = services.allocation_propose(
        actor=c.lead,
        cluster=c.cluster,
        first_month=MARCH,
        last_month=MARCH,
        weights=Weights(),
    )
    lines = {line.task_id: line for line in selectors.run_lines(run=run)}
    services.allocation_accept(
        actor=c.lead,
        run=run,
        kept_line_ids={line.pk for line in lines.values() if line.allocated},
        unaccommodated_line_ids={lines[audit.pk].pk, lines[training.pk].pk},
    )
    c.audit, c.training, c.priority = audit, training, priority
    return c


def by_label(groups):
    return {g.label: (g.tasks, g.hours_needed, g.hours_short, g.short_by_skill) for g in groups}


def test_the_report_counts_what_loses_out_by_aim_driver_priority_skill_and_month(confirmed):
    c = confirmed
    report = selectors.unaddressed_report(user=c.lead, unit=c.cluster)
    assert [row.task.title for row in report.rows] == ["Audit prescribing", "Train the homes"]
    assert (report.hours_needed, report.hours_short, report.clusters) == (70, 38, 1)
    assert by_label(report.by_aim) == {AIM: (2, 70, 38, {"pharmacist": 28, "gp": 10})}
    drivers = by_label(report.by_driver)
    assert set(drivers) == MDT_DRIVERS | TRAINING_DRIVERS
    assert drivers["Anticipatory care plans in place"] == (1, 40, 28, {"pharmacist": 28})
    assert drivers["Staff recognise deterioration early"] == (1, 30, 10, {"gp": 10})
    # Served by both tasks: counted once for each.
    assert drivers["Skilled, confident care home staff"][:3] == (2, 70, 38)
    assert by_label(report.by_priority) == {
        "Fewer admissions": (1, 40, 28, {"pharmacist": 28}),
        "No local priority": (1, 30, 10, {"gp": 10}),
    }
    assert {g.label: (g.tasks, g.hours_needed, g.hours_short) for g in report.by_skill} == {
        "Pharmacist": (1, 40, 28),
        "GP": (1, 30, 10),
    }
    assert report.months == [MARCH]
    assert {row.skill: row.hours for row in report.skill_months} == {
        "GP": [10],
        "Pharmacist": [28],
    }
    # Each row is the task's entry on the cluster's risk register.
    assert all(row.entry is not None and row.entry.unit_id == c.cluster.pk for row in report.rows)


def test_the_planning_group_and_health_board_see_the_same_and_a_later_allocation_removes_it(
    confirmed,
):
    c = confirmed
    board = health_board()
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, board)
    assert selectors.unit_for_report(user=officer, unit_id=board.pk) == board
    report = selectors.unaddressed_report(user=officer, unit=board)
    assert {row.task.pk for row in report.rows} == {c.audit.pk, c.training.pk}
    group = selectors.unaddressed_report(user=officer, unit=c.cluster.parent)
    assert group.hours_short == 38

    # More GP hours in April: a later allocation gives the training its hours.
    declare(c.cluster, c.gp, "gp", 40, from_month=date(2027, 4, 1))
    c.training.due_on = date(2027, 4, 28)
    c.training.save()
    later = services.allocation_propose(
        actor=c.lead,
        cluster=c.cluster,
        first_month=MARCH,
        last_month=date(2027, 4, 1),
        weights=Weights(),
    )
    kept = {line.pk for line in selectors.run_lines(run=later) if line.allocated}
    services.allocation_accept(
        actor=c.lead, run=later, kept_line_ids=kept, unaccommodated_line_ids=set()
    )
    report = selectors.unaddressed_report(user=officer, unit=board)
    assert "Train the homes" not in [row.task.title for row in report.rows]


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_the_page_shows_the_tables_and_links_each_task_to_its_risk_entry(confirmed):
    c = confirmed
    response = signed_in(c.lead).get(reverse("delivery:unaddressed", args=[c.cluster.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    for words in ("By aim", "By driver", "By local priority", "Hours short by skill and month"):
        assert words in page
    report = selectors.unaddressed_report(user=c.lead, unit=c.cluster)
    for row in report.rows:
        assert reverse("risks:entry", args=[row.entry.pk]) in page


def test_another_boards_units_are_not_found(confirmed):
    c = confirmed
    elsewhere = ClusterFactory(parent=PlanningGroupFactory(parent=health_board("BCUHB")))
    other_lead = person_with_role(Role.CLUSTER_LEAD, elsewhere)
    client = signed_in(other_lead)
    for unit in (c.cluster, c.cluster.parent, health_board()):
        for url in (
            reverse("delivery:unaddressed", args=[unit.pk]),
            reverse("delivery:unaddressed_export", args=[unit.pk, "csv"]),
        ):
            assert client.get(url).status_code == 404
    # A cluster lead sees their own cluster's report, not their planning group's.
    own = signed_in(c.lead)
    assert own.get(reverse("delivery:unaddressed", args=[c.cluster.pk])).status_code == 200
    assert own.get(reverse("delivery:unaddressed", args=[c.cluster.parent.pk])).status_code == 404


def test_the_downloads_hold_every_task_and_skill_and_are_recorded(confirmed):
    c = confirmed
    client = signed_in(c.lead)
    response = client.get(reverse("delivery:unaddressed_export", args=[c.cluster.pk, "csv"]))
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["Task"], r["Skill"], r["Hours of work"], r["Hours short"]) for r in rows] == [
        ("Audit prescribing", "Pharmacist", "40", "28"),
        ("Train the homes", "GP", "30", "10"),
    ]
    assert rows[0]["Aim"] == AIM
    assert rows[0]["Local priorities"] == "Fewer admissions"
    assert rows[0]["Month short"] == "2027-03"
    assert rows[0]["Risk entry"]
    xlsx = client.get(reverse("delivery:unaddressed_export", args=[c.cluster.pk, "xlsx"]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    printed = client.get(reverse("delivery:unaddressed_export", args=[c.cluster.pk, "pdf"]))
    assert printed.status_code == 200 and printed.content.startswith(b"%PDF")
    assert client.get(
        reverse("delivery:unaddressed_export", args=[c.cluster.pk, "doc"])
    ).status_code == 404
    downloads = AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOADED)
    assert sorted(downloads.values_list("note", flat=True)) == [
        f"unaddressed-{c.cluster.code.lower()}.{kind}" for kind in ("csv", "pdf", "xlsx")
    ]


"""Demonstration measures for the Rhondda cluster's approved project (inhaler technique checks
in community pharmacies), made through the services by the project's lead after the projects
demo: an outcome measure on the project's aim — 30 weeks of the share of checked customers whose
technique is right, on an XmR chart read with Making Data Count, rising to a shift as the check
script is tried and then tested in PDSA cycles (which the chart shows) — and a process measure
on the check-script change idea, customers offered a check, as a p chart read with Anhøj's rules.

Only ever loaded where ARLOESI_DEMO is on. Loading again adds nothing.
"""

from decimal import Decimal

from django.utils import timezone

from arloesi.core.sampledata import DemoReport, register_demo
from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams.vocabulary import Kind, OwnerKind
from arloesi.measures import periods, services
from arloesi.measures.importer import Entry
from arloesi.measures.models import Measure
from arloesi.projects.models import Project, ProjectTeamMember

PROJECT = "Inhaler technique checks in community pharmacies"
PHARMACY = "CTM-RHONDDA-PHARM"
CHANGE_IDEA = "Five-minute check script on one card"
OUTCOME = "Customers using their inhaler correctly after a check"
PROCESS = "Customers collecting an inhaler who are offered a check"
# Percent right, oldest first: steady around 52, rising once the script is tried (8 weeks ago).
RIGHT = [52, 49, 55, 51, 48, 53, 50, 54, 47, 52, 56, 50, 49, 53, 51, 55, 48, 52, 50, 54, 51, 49,
         60, 63, 61, 66, 64, 68, 67, 70]  # fmt: skip
OFFERED = [(9, 41), (11, 44), (8, 39), (10, 46), (12, 43), (9, 40), (13, 47), (10, 42), (11, 45),
           (9, 38), (12, 44), (10, 41), (11, 43), (13, 46), (10, 40), (12, 45), (9, 42), (11, 44),
           (10, 39), (12, 47), (11, 43), (13, 45), (21, 44), (24, 46), (23, 42), (27, 45),
           (26, 43), (29, 47), (30, 44), (32, 46)]  # fmt: skip


def load_demo() -> DemoReport:
    project = Project.objects.filter(title=PROJECT, lead_collaborative__code=PHARMACY).first()
    diagram = project and diagrams.diagram_of(kind=OwnerKind.PROJECT, owner_id=project.pk)
    if diagram is None:
        return DemoReport(notes=["Demo measures: no approved project with a diagram for them."])
    content = diagrams.content_of(diagram)
    aim = content.of_kind(Kind.AIM)[0]
    if Measure.objects.filter(node__diagram=diagram).exists():
        return DemoReport(notes=[f"Demo measures: already there for “{project.title}”."])
    lead = ProjectTeamMember.objects.get(project=project, is_lead=True).person
    idea = next((n for n in content.of_kind(Kind.CHANGE_IDEA) if n.text == CHANGE_IDEA), aim)
    today = timezone.localdate()
    first = periods.next_start(periods.period_start(today, "weekly"), "weekly", -len(RIGHT))
    weeks = periods.starts(first, len(RIGHT), "weekly")
    outcome = services.measure_create(
        actor=lead,
        diagram=diagram,
        node_id=aim.pk,
        kind="outcome",
        name=OUTCOME,
        operational_definition="Of the customers given a technique check in the week, the "
        "percentage who use their inhaler correctly (every step of the device's checklist) "
        "at the end of the check.",
        unit="%",
        data_source="The pharmacies' check log",
        frequency="weekly",
        direction="up",
        target=Decimal(65),
        chart_type="xmr",
    )
    services.data_points_save(
        actor=lead,
        measure=outcome,
        entries=[
            Entry(period_start=w, value=Decimal(v)) for w, v in zip(weeks, RIGHT, strict=True)
        ],
    )
    services.annotation_add(
        actor=lead,
        measure=outcome,
        kind="note",
        on=weeks[-8],
        text="Pharmacists at Treorchy try the check script informally",
    )
    process = services.measure_create(
        actor=lead,
        diagram=diagram,
        node_id=idea.pk,
        kind="process",
        name=PROCESS,
        operational_definition="Of the customers collecting an inhaler in the week, those "
        "offered a technique check.",
        numerator="Customers offered a check",
        denominator="Customers collecting an inhaler",
        unit="%",
        data_source="The pharmacies' check log and dispensing records",
        frequency="weekly",
        direction="up",
        chart_type="p",
    )
    services.data_points_save(
        actor=lead,
        measure=process,
        entries=[
            Entry(period_start=w, numerator=Decimal(n), denominator=Decimal(d))
            for w, (n, d) in zip(weeks, OFFERED, strict=True)
        ],
    )
    return DemoReport(notes=[f"Demo measures: 2 with 30 weeks of data for “{project.title}”."])


register_demo("measures", load_demo, order=50)

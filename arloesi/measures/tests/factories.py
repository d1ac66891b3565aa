"""Measures for tests: on a project started the way the product starts them (a chair approving
a proposal with the care-homes driver diagram), made through the services by its lead."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams.vocabulary import Kind, OwnerKind
from arloesi.measures import services
from arloesi.measures.importer import Entry
from arloesi.measures.models import Measure
from arloesi.projects.tests.factories import Started, started_project

MONDAY = date(2025, 1, 6)
# 12 weeks around 10, then 9 weeks around 15: a shift upwards.
BEFORE = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10]
AFTER = [15, 16, 14, 15, 17, 15, 16, 14, 15]


@dataclass
class Measured:
    started: Started
    measure: Measure

    @property
    def lead(self):
        return self.started.lead

    @property
    def project(self):
        return self.started.project


def project_diagram(project):
    return diagrams.diagram_of(kind=OwnerKind.PROJECT, owner_id=project.pk)


def aim_of(project):
    return diagrams.content_of(project_diagram(project)).of_kind(Kind.AIM)[0]


def measure_values(**overrides) -> dict:
    return {
        "kind": "outcome",
        "name": "Inhaler checks done right",
        "operational_definition": "Checks where every step was right",
        "numerator": "",
        "denominator": "",
        "unit": "checks",
        "data_source": "Pharmacy log",
        "frequency": "weekly",
        "direction": "up",
        "target": None,
        "chart_type": "xmr",
        "rule_set": "",
        **overrides,
    }


def measured_project(started: Started | None = None, **overrides) -> Measured:
    started = started or started_project()
    measure = services.measure_create(
        actor=started.lead,
        diagram=project_diagram(started.project),
        node_id=aim_of(started.project).pk,
        **measure_values(**overrides),
    )
    return Measured(started, measure)


def weekly(values, first: date = MONDAY) -> list[Entry]:
    return [
        Entry(period_start=first + timedelta(weeks=k), value=Decimal(str(v)))
        for k, v in enumerate(values)
    ]


def with_data(measured: Measured, values=BEFORE + AFTER) -> Measured:
    services.data_points_save(actor=measured.lead, measure=measured.measure, entries=weekly(values))
    return measured

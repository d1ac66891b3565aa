"""Organisation B's measures for the access walk and the form fuzz (tests/walks/): an outcome
measure on the aim of B's project (made by the projects app's part of the world), with weekly
data, a note and a rebase. Its project's lead uses every form."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams.vocabulary import Kind, OwnerKind
from arloesi.measures.models import Annotation, DataPoint, Measure
from arloesi.measures.tests.factories import MONDAY

PUBLIC: set = set()


def populate(world) -> None:
    project = world.b_project
    diagram = diagrams.diagram_of(kind=OwnerKind.PROJECT, owner_id=project.pk)
    aim = diagrams.content_of(diagram).of_kind(Kind.AIM)[0]
    world.b_measure = measure = Measure.objects.create(
        node=aim,
        kind="outcome",
        name=f"Falls a week {world.marker}",
        operational_definition=f"Falls recorded in the home's log {world.marker}",
        frequency="weekly",
        direction="down",
        chart_type="xmr",
        rule_set="mdc",
        created_by=world.b_project_lead,
    )
    for k, value in enumerate([5, 6, 4, 5, 7, 5, 3, 2, 2, 3, 2, 1]):
        DataPoint.objects.create(
            measure=measure, period_start=MONDAY + timedelta(weeks=k), value=Decimal(value)
        )
    Annotation.objects.create(
        measure=measure, kind="note", on=MONDAY + timedelta(weeks=2), text=f"Audit {world.marker}"
    )
    world.b_rebase = Annotation.objects.create(
        measure=measure,
        kind="rebase",
        on=MONDAY + timedelta(weeks=6),
        text=f"Checklist adopted {world.marker}",
    )


def _project(w) -> dict:
    return {"project_id": w.b_project.pk}


def _measure(w) -> dict:
    return {"measure_id": w.b_measure.pk}


PROBES: dict = {
    "measures:list": _project,
    "measures:add": _project,
    "measures:detail": _measure,
    "measures:edit": _measure,
    "measures:data": _measure,
    "measures:import": _measure,
    "measures:note_add": _measure,
    "measures:rebase_add": _measure,
    "measures:annotation_remove": lambda w: {
        "measure_id": w.b_measure.pk,
        "annotation_id": w.b_rebase.pk,
    },
    "measures:chart": lambda w: {"measure_id": w.b_measure.pk, "file_format": "svg"},
    "measures:compare": _measure,
}


def _lead(w):
    return w.b_project_lead


FORM_USERS: dict = dict.fromkeys(
    (
        "measures:add",
        "measures:edit",
        "measures:data",
        "measures:import",
        "measures:note_add",
        "measures:rebase_add",
        "measures:annotation_remove",
    ),
    _lead,
)

# Removing a note or a rebase is a button on the measure's page.
FORM_PAGES: dict = {
    "measures:annotation_remove": lambda w: reverse("measures:detail", kwargs=_measure(w)),
}


def _import_file(world, text: str) -> SimpleUploadedFile:
    """A week of data left out of the calculation, with ``text`` as the reason."""
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["period_start", "value", "excluded", "excluded_reason"])
    writer.writerow([(MONDAY + timedelta(weeks=20)).isoformat(), "4", "yes", text])
    return SimpleUploadedFile("falls.csv", rows.getvalue().encode(), content_type="text/csv")


FORM_FILES: dict = {"measures:import": _import_file}

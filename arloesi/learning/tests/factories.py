"""Learning records for tests: on a closed project started the way the product starts them (a
chair approving a proposal with the care-homes driver diagram), with a measure and its data,
written, submitted and approved through the services."""

from dataclasses import dataclass

from arloesi.learning import services
from arloesi.learning.models import LearningRecord
from arloesi.measures.tests.factories import Measured, measured_project, with_data
from arloesi.organisations.models import Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role
from arloesi.projects.models import Project
from arloesi.projects.tests.factories import Started, started_project
from arloesi.projects.vocabulary import Stage


def complete_values(**overrides) -> dict:
    return {
        "title_en": "Falls checks in care homes",
        "summary_en": "Pharmacists checked medicines after every fall.",
        "tried": "A pharmacist reviewed each resident’s medicines after a fall.",
        "worked": "Reviews within a week.",
        "did_not_work": "Weekend falls were missed.",
        "why": "Homes rang the practice on weekdays only.",
        "results": "Falls went down.",
        "recommendations": "Agree a weekend route first.",
        **overrides,
    }


def close(project: Project) -> Project:
    Project.objects.filter(pk=project.pk).update(status=Stage.CLOSED)
    project.refresh_from_db()
    return project


@dataclass
class Written:
    measured: Measured
    record: LearningRecord
    cluster_lead: Person

    @property
    def lead(self) -> Person:
        return self.measured.lead

    @property
    def project(self) -> Project:
        return self.measured.project


def draft_record(started: Started | None = None, **values) -> Written:
    """A complete draft record of a closed project with a charted measure."""
    measured = measured_project(started or started_project())
    with_data(measured)
    close(measured.project)
    record = services.record_create(actor=measured.lead, project=measured.project)
    record = services.record_update(
        actor=measured.lead,
        record=record,
        expected_version=record.version,
        measure_ids=[measured.measure.pk],
        tags={"priority": ["older_people"], "innovation": []},
        **complete_values(**values),
    )
    lead = person_with_role(Role.CLUSTER_LEAD, measured.started.s.cluster)
    return Written(measured, record, lead)


def published_record(started: Started | None = None, **values) -> Written:
    written = draft_record(started, **values)
    record = services.record_submit(actor=written.lead, record=written.record)
    written.record = services.record_approve(actor=written.cluster_lead, record=record)
    return written

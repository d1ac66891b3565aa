"""Organisation B's evaluation (reports) for the access walk and the form fuzz: B's project (made
by the projects app's part of the world) with a logic model, a draft formative report and an
issued summative one, written through the services by its lead, who uses every form."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from arloesi.evaluation import services
from arloesi.evaluation.tests.factories import complete_values
from arloesi.evaluation.vocabulary import ReportKind

PUBLIC: set = set()


def populate(world) -> None:
    lead, project, marker = world.b_project_lead, world.b_project, world.marker
    today = timezone.localdate()
    services.logic_model_save(
        actor=lead,
        project=project,
        inputs=f"A pharmacist two sessions a week {marker}",
        outcomes=f"Fewer falls {marker}",
    )
    issued = services.report_create(
        actor=lead,
        project=project,
        kind=ReportKind.SUMMATIVE,
        title=f"Final report {marker}",
        covers_to=today - timedelta(days=1),
    )
    issued = services.report_update(
        actor=lead,
        report=issued,
        expected_version=issued.version,
        **complete_values(summary=f"Falls fell in every home {marker}"),
    )
    world.b_issued_report = services.report_issue(actor=lead, report=issued)
    world.b_draft_report = services.report_create(
        actor=lead,
        project=project,
        kind=ReportKind.FORMATIVE,
        title=f"Interim report {marker}",
        covers_to=today,
    )


def _project(w) -> dict:
    return {"project_id": w.b_project.pk}


def _draft(w) -> dict:
    return {"report_id": w.b_draft_report.pk}


def _issued(w) -> dict:
    return {"report_id": w.b_issued_report.pk}


PROBES: dict = {
    "evaluation:project": _project,
    "evaluation:logic_model": _project,
    "evaluation:logic_model_edit": _project,
    "evaluation:report_add": _project,
    "evaluation:report": _draft,
    "evaluation:report_edit": _draft,
    "evaluation:report_issue": _draft,
    "evaluation:report_pdf": _draft,
    "evaluation:report_history": _draft,
    # Only an issued report is withdrawn.
    "evaluation:report_withdraw": _issued,
}


def _lead(w):
    return w.b_project_lead


FORM_USERS: dict = dict.fromkeys(
    (
        "evaluation:logic_model_edit",
        "evaluation:report_add",
        "evaluation:report_edit",
        "evaluation:report_issue",
        "evaluation:report_withdraw",
    ),
    _lead,
)

# "Issue the report" is a button on the draft's page.
FORM_PAGES: dict = {
    "evaluation:report_issue": lambda w: reverse("evaluation:report", kwargs=_draft(w)),
}

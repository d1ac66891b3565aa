"""Organisation B's evaluation (dashboard) for the access walk and the form fuzz: an issued
summative report on B's project, with the marker in its evidence (on the projects behind a
figure and in the spreadsheet), and every dashboard URL pointed at B's health board."""

from arloesi.evaluation import services
from arloesi.evaluation.vocabulary import ReportKind

PUBLIC: set = set()


def _board(world) -> dict:
    return {"unit_id": world.b.board.pk}


PROBES: dict = {
    "evaluation:dashboard": _board,
    "evaluation:behind": lambda w: {**_board(w), "outcome": "adoption", "result": "improved"},
    "evaluation:dashboard_export": lambda w: {**_board(w), "file_format": "xlsx"},
    "evaluation:dashboard_pdf": _board,
}
# The dashboards have no forms.
FORM_USERS: dict = {}


def populate(world) -> None:
    """B's project gets an issued summative report (through the services, so that it is the
    one the dashboards count whatever else B's project has)."""
    lead, marker = world.b_project_lead, world.marker
    report = services.report_create(
        actor=lead,
        project=world.b_project,
        kind=ReportKind.SUMMATIVE,
        title=f"Final evaluation {marker}",
    )
    report = services.report_update(
        actor=lead,
        report=report,
        expected_version=report.version,
        summary=f"Fewer falls in the homes {marker}",
        recommendation="scale_up",
        recommendation_reasons=f"It worked in two homes {marker}",
        adoption_result="improved",
        adoption_evidence=f"Both homes use the checklist {marker}",
    )
    world.b_dashboard_report = services.report_issue(actor=lead, report=report)

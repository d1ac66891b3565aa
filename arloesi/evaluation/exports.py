"""The spreadsheet of a dashboard: each evaluated project under the unit, with its current
report's result and evidence on each of the four outcomes (columns described once, for
``core.exports``)."""

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy

from arloesi.core.exports import Column
from arloesi.core.jinja import display
from arloesi.evaluation.models import EvaluationReport
from arloesi.evaluation.vocabulary import ProgrammeOutcome


def _cluster(report) -> str:
    cluster = report.project.lead_collaborative.parent
    return cluster.name if cluster else ""


def _health_board(report) -> str:
    board = report.project.planning_group.parent
    return board.name if board else ""


def _outcome_columns(outcome: ProgrammeOutcome) -> list[Column]:
    """The result and the evidence, headed as the report's fields are ("Adoption of innovation:
    result"), in the reader's language."""
    result, evidence = f"{outcome.value}_result", f"{outcome.value}_evidence"
    field = EvaluationReport._meta.get_field
    return [
        Column(capfirst(field(result).verbose_name), lambda report: display(report, result)),
        Column(capfirst(field(evidence).verbose_name), lambda report: getattr(report, evidence)),
    ]


OUTCOMES_COLUMNS = [
    Column(gettext_lazy("Project"), lambda report: report.project.title),
    Column(gettext_lazy("Cluster"), _cluster),
    Column(gettext_lazy("Planning group"), lambda report: report.project.planning_group.name),
    Column(gettext_lazy("Health board"), _health_board),
    Column(gettext_lazy("Report"), lambda report: report.title),
    Column(gettext_lazy("Kind of report"), lambda report: display(report, "kind")),
    Column(
        gettext_lazy("Issued"),
        lambda report: timezone.localdate(report.issued_at) if report.issued_at else "",
    ),
    Column(
        gettext_lazy("Recommendation"),
        lambda report: display(report, "recommendation") if report.recommendation else "",
    ),
    *(column for outcome in ProgrammeOutcome for column in _outcome_columns(outcome)),
]

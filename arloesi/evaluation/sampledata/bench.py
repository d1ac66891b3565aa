"""Evaluations for the benchmark, and the evaluation pages to time.

About two projects in three have been evaluated (at scale 1, some 600 of the 940): each has a
logic model and an issued formative report; those evaluating or closed, and a few others, an
issued summative report too (now and then after a withdrawn one), and some of the rest a draft
summative report. Results on the four outcomes are spread (improved most often, then not
measured, no change and worse), each with its evidence; each project's current report — the one
the dashboards count — is its summative report if it has one issued, else its formative one.

The busiest report is the summative report of the project with the busiest measure (260 weekly
points), PDSA cycles and diagram: its page and PDF are timed for the project's lead. The
dashboards are timed for an officer of the largest health board and for the national team, and
the projects behind the health board's busiest figure for the officer.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from arloesi.core import bench
from arloesi.core.bench import BenchContext, insert_rows
from arloesi.evaluation import services
from arloesi.evaluation.models import EvaluationReport, LogicModel, ReportStatusChange
from arloesi.evaluation.vocabulary import (
    SUMMATIVE_RECOMMENDATIONS,
    ProgrammeOutcome,
    ReportKind,
    ReportStatus,
    Result,
)
from arloesi.measures.models import Measure
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Kind, Role
from arloesi.organisations.sampledata.bench import holder, largest_health_board
from arloesi.projects.models import Project, ProjectTeamMember
from arloesi.projects.vocabulary import Stage

EVALUATED = 0.64
# A report's PDF is a file to save, held to the issue's one second.
PDF_BUDGET_MS = 1000.0
RESULT_WEIGHTS = {
    Result.IMPROVED: 45,
    Result.NOT_MEASURED: 22,
    Result.NO_CHANGE: 25,
    Result.WORSE: 8,
}
EVIDENCE = {
    Result.IMPROVED: "The run chart shows a shift after the change was introduced.",
    Result.NO_CHANGE: "No signal on the chart; the measure stayed around its baseline.",
    Result.WORSE: "Fewer patients were seen while the new step was learnt.",
    Result.NOT_MEASURED: "",
}
LOGIC_MODEL = {
    "inputs": "Two clinical sessions a week; the practices' registers; innovation funding.",
    "activities": "Invite the patients on the register; run the new clinic; review each month.",
    "outputs": "Patients invited and seen; reviews completed.",
    "outcomes": "Better control of the condition; patients more confident.",
    "impact": "Fewer emergency admissions in the cluster.",
    "assumptions": "Patients take up the invitation; staff can be released.",
    "external_factors": "Winter pressures; recruitment across the health board.",
}
TEXTS = {
    "summary": "The change was tested in the cluster's practices; the charts show what changed.",
    "objectives_progress": "The first objective is met; the second is close to its target.",
    "learning": "Small tests with one practice first made the later cycles quicker.",
    "costs_notes": "Clinical sessions and printed materials.",
}


def _at(day, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9 + rng.randrange(8), rng.randrange(60))))


def _results(rng: random.Random) -> dict:
    values = {}
    for outcome in ProgrammeOutcome.values:
        result = rng.choices(list(RESULT_WEIGHTS), weights=list(RESULT_WEIGHTS.values()))[0]
        values[f"{outcome}_result"] = result
        values[f"{outcome}_evidence"] = EVIDENCE[result]
    return values


def _report(project, kind, status, day, rng, *, lead, current=False, number=1) -> dict:
    issued = status != ReportStatus.DRAFT
    summative = kind == ReportKind.SUMMATIVE
    return {
        "project_id": project.pk,
        "kind": kind,
        "status": status,
        "title": f"{'Final' if summative else 'Interim'} evaluation {number}",
        "covers_to": day,
        **TEXTS,
        "costs_to_date": Decimal(rng.randrange(2_000, 40_000)),
        "recommendation": rng.choice(SUMMATIVE_RECOMMENDATIONS) if summative else "continue",
        "recommendation_reasons": "What the charts and the PDSA cycles showed.",
        **_results(rng),
        "is_current": current,
        "created_at": _at(day - timedelta(days=14), rng),
        "created_by_id": lead,
        "issued_at": _at(day + timedelta(days=7), rng) if issued else None,
    }


def _busiest_project_id() -> int | None:
    """The project with the busiest measure (the measures generator's first project)."""
    measure = Measure.objects.order_by("pk").select_related("node__diagram").first()
    return measure.node.diagram.owner_id if measure else None


def _evaluations(project, rng, today, busiest: bool, lead) -> list[dict]:
    """A project's reports, oldest first (the current one flagged)."""
    began = timezone.localdate(project.started_at)
    formative_on = min(today - timedelta(days=14), began + timedelta(days=rng.randrange(60, 200)))
    later = project.status in (Stage.EVALUATING, Stage.CLOSED)
    summative = busiest or later or rng.random() < 0.1
    reports = [
        _report(
            project, ReportKind.FORMATIVE, ReportStatus.ISSUED, formative_on, rng,
            lead=lead, current=not summative,
        )
    ]  # fmt: skip
    summative_on = min(today - timedelta(days=7), formative_on + timedelta(days=120))
    if busiest:
        summative_on = today
    if summative and rng.random() < 0.05:
        reports.append(
            _report(project, ReportKind.SUMMATIVE, ReportStatus.WITHDRAWN,
                    summative_on - timedelta(days=30), rng, lead=lead)
        )  # fmt: skip
    if summative:
        reports.append(
            _report(project, ReportKind.SUMMATIVE, ReportStatus.ISSUED, summative_on, rng,
                    lead=lead, current=True, number=2)
        )  # fmt: skip
    elif rng.random() < 0.3:
        reports.append(
            _report(project, ReportKind.SUMMATIVE, ReportStatus.DRAFT, today, rng, lead=lead)
        )
    if busiest:
        # A draft the busiest project's team is writing: the report's form is timed on it.
        reports.append(
            _report(project, ReportKind.FORMATIVE, ReportStatus.DRAFT, today, rng, lead=lead,
                    number=3)
        )  # fmt: skip
    return reports


def _steps(report_id: int, report: dict) -> list[dict]:
    """The status changes of a report written in bulk: issued, and withdrawn."""
    steps = []
    if report["status"] != ReportStatus.DRAFT:
        steps.append(
            {"report_id": report_id, "at": report["issued_at"], "actor_id": report["created_by_id"],
             "from_status": ReportStatus.DRAFT, "to_status": ReportStatus.ISSUED, "reason": ""}
        )  # fmt: skip
    if report["status"] == ReportStatus.WITHDRAWN:
        steps.append(
            {"report_id": report_id, "at": report["issued_at"] + timedelta(days=3),
             "actor_id": report["created_by_id"], "from_status": ReportStatus.ISSUED,
             "to_status": ReportStatus.WITHDRAWN, "reason": "The figures were wrong."}
        )  # fmt: skip
    return steps


@transaction.atomic
def evaluations_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    today = timezone.localdate()
    busiest = _busiest_project_id()
    leads = dict(
        ProjectTeamMember.objects.filter(is_lead=True).values_list("project_id", "person_id")
    )
    projects = [
        project
        for project in Project.objects.exclude(
            pk__in=LogicModel.objects.values("project_id")
        ).order_by("pk").only("pk", "status", "started_at")
        # Evaluated: the busiest, and two in three of those started two months ago or more.
        if project.pk == busiest
        or (timezone.localdate(project.started_at) <= today - timedelta(days=60)
            and rng.random() < EVALUATED)
    ]  # fmt: skip
    now = timezone.now()
    models = insert_rows(
        LogicModel,
        ({"project_id": p.pk, **LOGIC_MODEL, "updated_at": now, "updated_by_id": leads.get(p.pk)}
         for p in projects),
    )  # fmt: skip
    reports = [
        report
        for p in projects
        for report in _evaluations(p, rng, today, p.pk == busiest, leads.get(p.pk))
    ]
    before = EvaluationReport.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    insert_rows(EvaluationReport, reports)
    ids = EvaluationReport.objects.filter(pk__gt=before).order_by("pk").values_list("pk", flat=True)
    steps = insert_rows(
        ReportStatusChange,
        (step for pk, report in zip(ids, reports, strict=True) for step in _steps(pk, report)),
    )
    # Issuing keeps a report's measures as they were drawn that day (services.measures_keep);
    # reports written in bulk skip the service, so those of the busiest project, whose pages are
    # timed, are kept here as issuing would have kept them.
    for report in EvaluationReport.objects.filter(project_id=busiest).exclude(
        status=ReportStatus.DRAFT
    ):
        services.measures_keep(report)
    return {"logic models": models, "reports": len(reports), "report status changes": steps}


bench.register_generator("evaluations", evaluations_generate, order=100)


# --- The pages ----------------------------------------------------------------------------


def _busiest_report(context: BenchContext) -> EvaluationReport:
    return context.pick(
        "evaluation.busiest_report",
        lambda: EvaluationReport.objects.filter(
            project_id=_busiest_project_id(), kind=ReportKind.SUMMATIVE, is_current=True
        ).first(),
    )


def _lead(context: BenchContext) -> Person:
    return (
        ProjectTeamMember.objects.filter(project_id=_busiest_report(context).project_id)
        .order_by("-is_lead", "pk")
        .first()
        .person
    )


def _wales(context: BenchContext) -> OrganisationUnit:
    return context.pick("evaluation.wales", lambda: OrganisationUnit.objects.get(kind=Kind.WALES))


def _officer(context: BenchContext) -> Person:
    return holder(largest_health_board(context), Role.HEALTH_BOARD_OFFICER)


def _national(context: BenchContext) -> Person:
    return holder(_wales(context), Role.NATIONAL_TEAM)


def _dashboard(unit):
    return lambda context: reverse("evaluation:dashboard", kwargs={"unit_id": unit(context).pk})


def _behind(context: BenchContext) -> str:
    """The projects behind the health board's busiest figure (adoption improved)."""
    return reverse(
        "evaluation:behind",
        kwargs={
            "unit_id": largest_health_board(context).pk,
            "outcome": ProgrammeOutcome.ADOPTION,
            "result": Result.IMPROVED,
        },
    )


bench.register_page(
    "outcomes dashboard (health board)", url=_dashboard(largest_health_board), user=_officer
)
bench.register_page(
    "outcomes dashboard (Wales)",
    url=_dashboard(_wales),
    user=_national,
    does_not_grow="figures: numbers that grow, and the same seven health boards",
)
bench.register_page("projects behind an outcome (health board)", url=_behind, user=_officer)


def _draft(context: BenchContext) -> EvaluationReport:
    return context.pick(
        "evaluation.draft",
        lambda: EvaluationReport.objects.filter(
            project_id=_busiest_project_id(), status=ReportStatus.DRAFT
        ).first(),
    )


def _of_report(route):
    return lambda context: reverse(route, kwargs={"report_id": _busiest_report(context).pk})


def _of_project(route):
    return lambda context: reverse(
        route, kwargs={"project_id": _busiest_report(context).project_id}
    )


for _name, _url, _why in [
    ("evaluation report (busiest)", _of_report("evaluation:report"), ""),
    ("evaluation report PDF (busiest)", (_pdf := _of_report("evaluation:report_pdf")), "a PDF"),
    ("evaluation report's history", _of_report("evaluation:report_history"), "one report's"),
    ("withdraw an evaluation report", _of_report("evaluation:report_withdraw"), "a blank form"),
    ("a project's evaluation", _of_project("evaluation:project"), "one project's reports"),
    ("a project's logic model", _of_project("evaluation:logic_model"), "seven parts of text"),
    ("change a logic model", _of_project("evaluation:logic_model_edit"), "a form of seven parts"),
    ("start an evaluation report", _of_project("evaluation:report_add"), "a blank form"),
]:
    bench.register_page(
        _name,
        url=_url,
        user=_lead,
        does_not_grow=_why,
        budget_ms=PDF_BUDGET_MS if _url is _pdf else None,
    )
bench.register_page(
    "write an evaluation report",
    url=lambda context: reverse("evaluation:report_edit", kwargs={"report_id": _draft(context).pk}),
    user=_lead,
    does_not_grow="a form of one report",
)

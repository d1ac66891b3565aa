"""Demonstration evaluation for the Rhondda cluster's projects, made through the services by
each project's lead after the measures demo: the inhaler technique checks get a logic model, an
issued formative report (results on the four outcomes with their evidence, drawing on the
measures' eight weeks since the check script was tried) and a draft summative report; the
falls-prevention classes, still mobilising, a logic model only. The Cwm Taf Morgannwg health
board's outcomes dashboard then counts the inhaler checks.

Only ever loaded where ARLOESI_DEMO is on. Loading again adds nothing: a project that already
has a logic model (or reports) is left as it is. Demo text is in English, like the projects'
(the interface around it is in both languages).
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from arloesi.core.sampledata import DemoReport, register_demo
from arloesi.evaluation import services
from arloesi.evaluation.models import EvaluationReport, LogicModel
from arloesi.evaluation.vocabulary import ReportKind
from arloesi.projects.models import Project, ProjectTeamMember

# The Rhondda Cynon Taf planning group of the organisations demo, whose approvals start the
# projects demo's projects.
PLANNING_GROUP = "CTM-RCT"
INHALERS = "Inhaler technique checks in community pharmacies"
FALLS = "Falls-prevention classes in GP practices"

LOGIC_MODELS = {
    INHALERS: {
        "inputs": "Six community pharmacies; two pharmacist sessions a week each; the check "
        "card and training from the health board's respiratory team; £12,000 of innovation "
        "funding.",
        "activities": "Offer a five-minute technique check to every customer collecting an "
        "inhaler; correct their technique with the device's checklist; tell the practice when "
        "a patient needs a review.",
        "outputs": "Customers offered a check and checked each week; referrals to the "
        "practices for an asthma or COPD review.",
        "outcomes": "More customers using their inhaler correctly; fewer reliever inhalers "
        "collected; patients more confident with their device.",
        "impact": "Fewer exacerbations and emergency admissions for asthma and COPD in the "
        "Rhondda.",
        "assumptions": "Customers have five minutes to spare when they collect; pharmacists "
        "keep two sessions free a week.",
        "external_factors": "Staff shortages in community pharmacy; winter pressures; changes "
        "to the national inhaler formulary.",
    },
    FALLS: {
        "inputs": "A physiotherapist for two sessions a week; a community room in Treorchy; "
        "the practices' frailty registers.",
        "activities": "Invite patients at risk of falling to twelve weekly strength and "
        "balance classes; check their medicines at the first class.",
        "outputs": "Classes held and patients attending; medicine reviews done.",
        "outcomes": "Better strength and balance scores; fewer falls reported to the practices.",
        "impact": "Fewer fractures and admissions after a fall; people living independently "
        "for longer.",
        "assumptions": "Patients can get to Treorchy; the room reopens after its repairs.",
        "external_factors": "Transport in the valleys; the availability of physiotherapists.",
    },
}

FORMATIVE = {
    "title": "Interim evaluation: the first eight weeks of the check script",
    "summary": "Since the check script was tried, pharmacists offer a check to twice as many "
    "customers and two in three customers checked now use their inhaler correctly, up from "
    "about half. The checks fit into collecting a prescription.",
    "objectives_progress": "Objective 1 (offer a check to half the customers collecting an "
    "inhaler): 70% in the latest week, from a baseline of 23%. Objective 2 (two in three "
    "customers using their inhaler correctly after a check): 67% on average over the last six "
    "weeks, from a baseline of 52%; the target of 65% is met.",
    "learning": "The first PDSA cycles showed that a card on the counter works better than a "
    "poster, and that the check takes under five minutes once pharmacists have done ten.",
    "costs_to_date": Decimal("4200.00"),
    "costs_notes": "Pharmacist sessions and the printed cards; the training was given by the "
    "health board's respiratory team at no cost to the project.",
    "recommendation": "continue",
    "recommendation_reasons": "The early results are good; a summative evaluation at the end "
    "of the year will look at reliever inhalers collected and admissions.",
    "adoption_result": "improved",
    "adoption_evidence": "All six pharmacies run the checks; the share of customers offered "
    "a check rose from 23% to 70% (p chart: a shift since the script was tried).",
    "patient_outcomes_result": "improved",
    "patient_outcomes_evidence": "Customers using their inhaler correctly after a check: from "
    "52% to 67% on average (XmR chart: eight points in a row above the mean).",
    "patient_experience_result": "no_change",
    "patient_experience_evidence": "Thirty comment cards: customers find the check quick and "
    "useful; the satisfaction score is 4.3 of 5, as before the checks.",
    "resource_efficiency_result": "not_measured",
    "resource_efficiency_evidence": "The reliever inhalers collected will be compared with the "
    "year before in the summative report.",
}


def _lead(project: Project):
    return (
        ProjectTeamMember.objects.filter(project=project)
        .select_related("person")
        .order_by("-is_lead", "pk")
        .first()
        .person
    )


def _reports(project: Project, lead) -> None:
    today = timezone.localdate()
    values = dict(FORMATIVE)
    title = values.pop("title")
    formative = services.report_create(
        actor=lead,
        project=project,
        kind=ReportKind.FORMATIVE,
        title=title,
        covers_to=today - timedelta(days=today.weekday() + 1),
    )
    formative = services.report_update(
        actor=lead, report=formative, expected_version=formative.version, **values
    )
    services.report_issue(actor=lead, report=formative)
    summative = services.report_create(
        actor=lead,
        project=project,
        kind=ReportKind.SUMMATIVE,
        title="Final evaluation",
        covers_to=project.planned_end_on or today,
    )
    services.report_update(
        actor=lead,
        report=summative,
        expected_version=summative.version,
        summary="To be written at the end of the year.",
        adoption_result="improved",
        adoption_evidence="All six pharmacies run the checks.",
    )


def load_demo() -> DemoReport:
    projects = Project.objects.filter(
        planning_group__code=PLANNING_GROUP, title__in=list(LOGIC_MODELS)
    ).order_by("pk")
    models = reports = 0
    for project in projects:
        lead = _lead(project)
        if not LogicModel.objects.filter(project=project).exists():
            services.logic_model_save(actor=lead, project=project, **LOGIC_MODELS[project.title])
            models += 1
        if (
            project.title == INHALERS
            and not EvaluationReport.objects.filter(project=project).exists()
        ):
            _reports(project, lead)
            reports += 2
    return DemoReport(notes=[f"Demo evaluation: {models} logic models and {reports} reports."])


register_demo("evaluation", load_demo, order=60)

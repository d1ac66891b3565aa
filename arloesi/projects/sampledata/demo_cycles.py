"""Demonstration PDSA cycles for the Rhondda cluster's approved project (inhaler technique checks
in community pharmacies), made through the services by the project's lead: a ramp of three
cycles on the "five-minute check script" change idea of its driver diagram — the first
completed (study and act: adapt), the second running, the third planned — and one cycle on its
own that is overdue, so the cycles pages and the reminders have something to show.

Only ever loaded where ARLOESI_DEMO is on, after the proposals demo. Loading again adds nothing:
the project's ramp is looked up first.
"""

from datetime import timedelta

from django.utils import timezone

from arloesi.core.sampledata import DemoReport, register_demo
from arloesi.projects import selectors, services
from arloesi.projects.models import PdsaCycle, Project, ProjectTeamMember, Ramp
from arloesi.projects.vocabulary import ActDecision

# The proposal the proposals demo approves, and its collaborative (the Rhondda pharmacies).
PROJECT = "Inhaler technique checks in community pharmacies"
PHARMACY = "CTM-RHONDDA-PHARM"
CHANGE_IDEA = "Five-minute check script on one card"


def load_demo() -> DemoReport:
    project = Project.objects.filter(title=PROJECT, lead_collaborative__code=PHARMACY).first()
    if project is None:
        return DemoReport(notes=["Demo PDSA cycles: no approved project to add them to."])
    if Ramp.objects.filter(project=project).exists():
        return DemoReport(notes=[f"Demo PDSA cycles: already there for “{project.title}”."])
    lead = ProjectTeamMember.objects.get(project=project, is_lead=True).person
    _ramp_of_three(project, lead)
    _overdue(project, lead)
    count = PdsaCycle.objects.filter(project=project).count()
    return DemoReport(notes=[f"Demo PDSA cycles: {count} for “{project.title}”."])


def _ramp_of_three(project: Project, lead) -> None:
    today = timezone.localdate()
    idea = next(
        (node for node in selectors.change_ideas_of(project) if node.text == CHANGE_IDEA), None
    )
    ramp = services.ramp_start(
        actor=lead,
        project=project,
        **({"diagram_node_id": idea.pk} if idea else {"change_idea": CHANGE_IDEA}),
    )
    first = services.cycle_plan(
        actor=lead,
        project=project,
        ramp=ramp,
        title="The check script with five customers at one pharmacy",
        owner=lead,
        objective="See whether the script fits into five minutes at the counter",
        questions="How long does a check take? Do customers agree to a check?",
        predictions="Most checks take under five minutes; four in five customers agree.",
        planned_start_on=today - timedelta(days=35),
        planned_end_on=today - timedelta(days=28),
    )
    first = _save(
        first,
        lead,
        "plan",
        plan_who="Our pharmacist, with the counter assistant",
        plan_what="Offer a check with the script card to the next five people collecting an "
        "inhaler",
        plan_where="Treorchy pharmacy",
        plan_when="Tuesday and Wednesday morning",
        data_to_collect="Time each check took, whether the customer agreed, device type, "
        "technique right or wrong",
    )
    first = _save(
        first,
        lead,
        "do",
        do_what_happened="Five customers offered a check; four agreed.",
        do_observations="The script's step on breath-holding took longest to explain.",
        do_problems="One check was interrupted by the phone.",
    )
    first = _save(
        first,
        lead,
        "study",
        study_results="Checks took 4 to 8 minutes (predicted under 5): the breath-holding step "
        "needs a shorter wording. Four in five agreed, as predicted.",
    )
    first = _save(
        first,
        lead,
        "act",
        act_decision=ActDecision.ADAPT,
        act_next="Test the shorter card with twenty customers at two pharmacies",
    )
    second = services.cycle_next_plan(
        actor=lead,
        cycle=first,
        title="The shorter card with twenty customers at two pharmacies",
        owner=lead,
        objective=first.act_next,
        predictions="Checks take under five minutes with the shorter card.",
        planned_start_on=today - timedelta(days=6),
        planned_end_on=today + timedelta(days=8),
    )
    _save(
        second,
        lead,
        "do",
        do_what_happened="Eleven checks so far at Treorchy and Porth.",
        do_observations="Porth's busy lunchtime makes checks hard before 2pm.",
    )
    services.cycle_plan(
        actor=lead,
        project=project,
        ramp=ramp,
        title="The card in all six pharmacies for a month",
        owner=lead,
        objective="See whether every pharmacy can offer checks as part of everyday work",
        planned_start_on=today + timedelta(days=15),
        planned_end_on=today + timedelta(days=45),
    )


def _overdue(project: Project, lead) -> None:
    today = timezone.localdate()
    services.cycle_plan(
        actor=lead,
        project=project,
        title="Bilingual leaflet handed out with every inhaler for a week",
        objective="See how many people scan the QR code to the video",
        predictions="One in ten people scans it.",
        planned_start_on=today - timedelta(days=21),
        planned_end_on=today - timedelta(days=7),
    )


def _save(cycle: PdsaCycle, actor, section: str, **values) -> PdsaCycle:
    return services.cycle_section_save(
        actor=actor, cycle=cycle, section=section, expected_version=cycle.version, values=values
    )


register_demo("cycles", load_demo, order=30)

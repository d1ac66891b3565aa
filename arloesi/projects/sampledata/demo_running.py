"""Demonstration of running a project: the projects the Rhondda Cynon Taf planning group's
approvals started (the proposals demo approves "Inhaler technique checks in community
pharmacies" and "Falls-prevention classes in GP practices") get their dates, milestones (some
done, some overdue), RAG statuses with their reasons and progress updates — the inhaler checks
move to delivering and close their condition of approval; the falls classes are still
mobilising, red, waiting for a venue — all through the services, by each project's lead.

Only ever loaded where ARLOESI_DEMO is on, after the proposals demo. Loading again adds nothing:
a project that already has milestones is left as it is. Demo text is in English, like the
proposals' (the interface around it is in both languages).
"""

from datetime import timedelta

from django.utils import timezone

from arloesi.core.sampledata import DemoReport, register_demo
from arloesi.projects import services
from arloesi.projects.models import Milestone, Project, ProjectCondition, ProjectTeamMember
from arloesi.projects.vocabulary import Rag, Stage

# The Rhondda Cynon Taf pan-cluster planning group of the organisations demo, whose chair
# approves the proposals demo's project.
PLANNING_GROUP = "CTM-RCT"

INHALERS = "Inhaler technique checks in community pharmacies"
FALLS = "Falls-prevention classes in GP practices"

# Each project's plan: (start, planned end) in days from today; milestones as (title, due in
# days from today, done); RAG statuses with their reasons, each followed by a progress update;
# whether it has moved to delivering.
PLANS = {
    INHALERS: {
        "dates": (-45, 300),
        "milestones": [
            ("Train the pharmacists in inhaler technique checks", -30, True),
            ("First 50 technique checks recorded", -5, False),
            ("First quarterly report to the planning group", 40, False),
            ("Share the training materials with Taff Ely", 90, False),
            ("Evaluation written up", 280, False),
        ],
        "rag": [
            (
                Rag.GREEN,
                "Training done on time and the checks have started.",
                "All six pharmacies have had the training; the first checks started on Monday.",
            ),
            (
                Rag.AMBER,
                "Fewer checks than planned: two pharmacies are short of staff until next month.",
                "38 checks so far: two in three patients used the wrong technique, as the pilot "
                "found. Two pharmacies are short of staff this month, so the first 50 checks "
                "will be a week late.",
            ),
        ],
        "delivering": "The pilot week showed the checks fit into collecting a prescription.",
    },
    FALLS: {
        "dates": (-10, 365),
        "milestones": [
            ("Book a community room in Treorchy", -2, False),
            ("Physiotherapist appointed", 14, False),
            ("First class", 45, False),
        ],
        "rag": [
            (
                Rag.RED,
                "No venue yet: the community room we hoped for is closed for repairs.",
                "The physiotherapist post is advertised. We are looking for another room; the "
                "first class may be a month late.",
            ),
        ],
        "delivering": "",
    },
}


def load_demo() -> DemoReport:
    projects = Project.objects.filter(planning_group__code=PLANNING_GROUP).order_by("pk")
    added = 0
    for project in projects:
        plan = PLANS.get(project.title)
        if (
            plan
            and project.status == Stage.PILOT
            and not Milestone.objects.filter(project=project).exists()
        ):
            _run(project, plan)
            added += 1
    return DemoReport(notes=[f"Demo projects under way: {added} filled in."])


def _run(project: Project, plan: dict) -> None:
    lead = (
        ProjectTeamMember.objects.filter(project=project)
        .select_related("person")
        .order_by("-is_lead", "pk")
        .first()
        .person
    )
    today = timezone.localdate()
    starts, ends = plan["dates"]
    project = services.project_plan_update(
        actor=lead,
        project=project,
        expected_version=project.version,
        starts_on=today + timedelta(days=starts),
        planned_end_on=today + timedelta(days=ends),
    )
    for title, due, done in plan["milestones"]:
        milestone = services.milestone_add(
            actor=lead, project=project, title=title, due_on=today + timedelta(days=due)
        )
        if done:
            services.milestone_done(actor=lead, milestone=milestone, expected_version=1)
    for rag, reason, text in plan["rag"]:
        project = services.project_rag_change(
            actor=lead, project=project, expected_version=project.version, rag=rag, reason=reason
        )
        services.progress_update_add(actor=lead, project=project, text=text)
    if not plan["delivering"]:
        return
    project = services.project_stage_move(
        actor=lead,
        project=project,
        from_stage=Stage.PILOT,
        to_stage=Stage.DELIVERING,
        reason=plan["delivering"],
    )
    condition = ProjectCondition.objects.filter(project=project, closed_at__isnull=True).first()
    if condition is not None:
        services.condition_close(
            actor=lead,
            condition=condition,
            expected_version=condition.version,
            how_met="The planning group agreed the quarterly report's format at its meeting; "
            "the first report is a milestone.",
        )


register_demo("projects: running", load_demo, order=30)

"""Demonstration of running a project: the project the Rhondda Cynon Taf planning group's
approval started (the proposals demo approves "Inhaler technique checks in community
pharmacies") gets its dates, milestones (one done, one overdue), a RAG status with its reasons,
progress updates, the move to delivering and its condition of approval closed — all through the
services, by the project's lead.

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

MILESTONES = [
    # (title, due in days from today, done)
    ("Train the pharmacists in inhaler technique checks", -30, True),
    ("First 50 technique checks recorded", -5, False),
    ("First quarterly report to the planning group", 40, False),
    ("Share the training materials with Taff Ely", 90, False),
    ("Evaluation written up", 280, False),
]
UPDATES = [
    "All six pharmacies have had the training; the first checks started on Monday.",
    "38 checks so far: two in three patients used the wrong technique, as the pilot found. Two "
    "pharmacies are short of staff this month, so the first 50 checks will be a week late.",
]
RAG_STEPS = [
    (Rag.GREEN, "Training done on time and the checks have started."),
    (Rag.AMBER, "Fewer checks than planned: two pharmacies are short of staff until next month."),
]


def load_demo() -> DemoReport:
    projects = Project.objects.filter(planning_group__code=PLANNING_GROUP).order_by("pk")
    added = 0
    for project in projects:
        if project.status == Stage.PILOT and not Milestone.objects.filter(project=project).exists():
            _run(project)
            added += 1
    return DemoReport(notes=[f"Demo projects under way: {added} filled in."])


def _run(project: Project) -> None:
    lead = (
        ProjectTeamMember.objects.filter(project=project)
        .select_related("person")
        .order_by("-is_lead", "pk")
        .first()
        .person
    )
    today = timezone.localdate()
    project = services.project_plan_update(
        actor=lead,
        project=project,
        expected_version=project.version,
        starts_on=today - timedelta(days=45),
        planned_end_on=today + timedelta(days=300),
    )
    for title, due, done in MILESTONES:
        milestone = services.milestone_add(
            actor=lead, project=project, title=title, due_on=today + timedelta(days=due)
        )
        if done:
            services.milestone_done(actor=lead, milestone=milestone, expected_version=1)
    for (rag, reason), text in zip(RAG_STEPS, UPDATES, strict=True):
        project = services.project_rag_change(
            actor=lead, project=project, expected_version=project.version, rag=rag, reason=reason
        )
        services.progress_update_add(actor=lead, project=project, text=text)
    project = services.project_stage_move(
        actor=lead,
        project=project,
        from_stage=Stage.PILOT,
        to_stage=Stage.DELIVERING,
        reason="The pilot week showed the checks fit into collecting a prescription.",
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

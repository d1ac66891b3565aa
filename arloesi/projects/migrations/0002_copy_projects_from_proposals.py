from django.db import migrations

PLAN_FIELDS = ("objectives", "baseline", "success_measures", "approach", "timescale", "evaluator")


def copy_projects(apps, schema_editor):
    """Every project the proposals app started, with the title, conditions and evaluation plan
    of its proposal (what the new app keeps its own copy of)."""
    OldProject = apps.get_model("proposals", "Project")
    Project = apps.get_model("projects", "Project")
    ProjectEvaluationPlan = apps.get_model("projects", "ProjectEvaluationPlan")
    EvaluationPlan = apps.get_model("proposals", "EvaluationPlan")
    Decision = apps.get_model("proposals", "Decision")
    for old in OldProject.objects.select_related("proposal").order_by("pk"):
        proposal = old.proposal
        decision = (
            Decision.objects.filter(proposal=proposal, outcome__startswith="approved")
            .order_by("-decided_at", "-id")
            .first()
        )
        project = Project.objects.create(
            id=old.pk,
            proposal_id=proposal.pk,
            title=proposal.title,
            lead_collaborative_id=proposal.lead_collaborative_id,
            planning_group_id=proposal.planning_group_id,
            conditions=decision.conditions if decision else "",
            status=old.status,
            started_at=old.started_at,
            started_by_id=decision.decided_by_id if decision else None,
        )
        plan = EvaluationPlan.objects.filter(proposal=proposal).first()
        ProjectEvaluationPlan.objects.create(
            project=project,
            **{name: getattr(plan, name) for name in PLAN_FIELDS} if plan else {},
        )


def copy_back(apps, schema_editor):
    OldProject = apps.get_model("proposals", "Project")
    Project = apps.get_model("projects", "Project")
    for project in Project.objects.order_by("pk"):
        OldProject.objects.create(
            id=project.pk,
            proposal_id=project.proposal_id,
            status=project.status,
            started_at=project.started_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("proposals", "0004_proposal_newest_first_index"),
    ]

    operations = [migrations.RunPython(copy_projects, copy_back)]

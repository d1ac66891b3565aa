from django.db import migrations


def copy_teams(apps, schema_editor):
    """Every project started before teams were kept: its proposal's authors, the lead author
    leading it."""
    Project = apps.get_model("projects", "Project")
    ProjectTeamMember = apps.get_model("projects", "ProjectTeamMember")
    ProposalAuthor = apps.get_model("proposals", "ProposalAuthor")
    for project in Project.objects.order_by("pk"):
        for author in ProposalAuthor.objects.filter(proposal_id=project.proposal_id):
            ProjectTeamMember.objects.get_or_create(
                project=project, person_id=author.person_id, defaults={"is_lead": author.is_lead}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_team"),
        ("proposals", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy_teams, migrations.RunPython.noop)]

from django.db import migrations


class Migration(migrations.Migration):
    """The project an approval starts now belongs to the projects app, which copied every row
    (projects 0002) before this removes the old table."""

    dependencies = [
        ("proposals", "0004_proposal_newest_first_index"),
        ("projects", "0002_copy_projects_from_proposals"),
    ]

    operations = [
        migrations.DeleteModel(
            name="Project",
        ),
    ]

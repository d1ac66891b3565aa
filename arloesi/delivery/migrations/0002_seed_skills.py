from django.db import migrations

# The list as first agreed (a copy: the migration must not change when the code does).
SKILLS = (
    ("gp", "GP", "Meddyg teulu"),
    ("practice_nurse", "Practice nurse", "Nyrs practis"),
    ("pharmacist", "Pharmacist", "Fferyllydd"),
    ("pharmacy_technician", "Pharmacy technician", "Technegydd fferyllfa"),
    ("data_analyst", "Data analyst", "Dadansoddwr data"),
    ("project_manager", "Project manager", "Rheolwr prosiect"),
    ("receptionist", "Receptionist", "Derbynnydd"),
    ("practice_manager", "Practice manager", "Rheolwr practis"),
    ("physiotherapist", "Physiotherapist", "Ffisiotherapydd"),
    ("healthcare_support_worker", "Healthcare support worker", "Gweithiwr cymorth gofal iechyd"),
    ("optometrist", "Optometrist", "Optometrydd"),
    ("social_prescriber", "Social prescriber", "Rhagnodwr cymdeithasol"),
)


def seed_skills(apps, schema_editor):
    Skill = apps.get_model("delivery", "Skill")
    for position, (code, name_en, name_cy) in enumerate(SKILLS):
        Skill.objects.get_or_create(
            code=code, defaults={"name_en": name_en, "name_cy": name_cy, "position": position}
        )


def unseed_skills(apps, schema_editor):
    Skill = apps.get_model("delivery", "Skill")
    Skill.objects.filter(code__in=[code for code, _en, _cy in SKILLS]).delete()


class Migration(migrations.Migration):
    dependencies = [("delivery", "0001_initial")]

    operations = [migrations.RunPython(seed_skills, unseed_skills)]

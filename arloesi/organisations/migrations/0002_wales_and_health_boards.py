from django.db import migrations

from arloesi.organisations.reference import HEALTH_BOARDS, WALES


def add_reference_units(apps, schema_editor):
    unit_model = apps.get_model("organisations", "OrganisationUnit")

    def add(kind, prefix, code, name_en, name_cy, parent):
        unit, _ = unit_model.objects.get_or_create(
            code=code,
            defaults={
                "kind": kind,
                "name_en": name_en,
                "name_cy": name_cy,
                "parent": parent,
                "path": f"/pending-{code}/",
            },
        )
        unit.path = f"{parent.path if parent else '/'}{prefix}{unit.pk}/"
        unit.save(update_fields=["path"])
        return unit

    wales = add("wales", "w", *WALES, None)
    for code, name_en, name_cy, _clusters in HEALTH_BOARDS:
        add("health_board", "hb", code, name_en, name_cy, wales)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(add_reference_units, migrations.RunPython.noop)]

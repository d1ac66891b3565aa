import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from arloesi.organisations.models import Membership, OrganisationUnit, Person
from arloesi.organisations.roles import Role

pytestmark = pytest.mark.django_db


def test_demo_data_is_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="never in production"):
        call_command("load_demo")
    assert not Person.objects.exists()


def test_demo_data_has_the_reference_clusters_and_one_person_per_role(settings, capsys):
    settings.DEMO_MODE = True
    call_command("load_demo")
    call_command("load_demo")  # loading again changes nothing
    clusters = OrganisationUnit.objects.filter(kind="cluster")
    assert {c.name_en for c in clusters} >= {
        "Rhondda",
        "Taff Ely",
        "Merthyr",
        "North Cynon",
        "South Cynon",
        "Bridgend East",
        "Bridgend West",
        "Bridgend North",
        "North Powys",
        "Mid Powys",
        "South Powys",
    }
    assert all(c.is_demo for c in clusters)
    assert {m.role for m in Membership.objects.all()} == set(Role)
    assert Person.objects.filter(is_demo=False).count() == 0
    output = capsys.readouterr().out
    assert "admin@arloesi.example" in output and "arloesi-demo-2026" in output

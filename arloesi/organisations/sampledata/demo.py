"""Demonstration data: the reference clusters of Cwm Taf Morgannwg and Powys, and one person per
role. Only ever loaded where ARLOESI_DEMO is on; every demo person is marked ``is_demo``."""

from pathlib import Path

from arloesi.core.sampledata import DEMO_PASSWORD, DemoReport, register_demo
from arloesi.organisations import importer, services
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Role

DEMO_CSV = Path(__file__).parent / "fixtures" / "demo_organisations.csv"
# (email, name, role, unit code, preferred language)
DEMO_PEOPLE = [
    ("practitioner@arloesi.example", "Rhys Evans", Role.PRACTITIONER, "CTM-RHONDDA-PHARM", "en"),
    (
        "collaborative.lead@arloesi.example",
        "Catrin Hughes",
        Role.COLLABORATIVE_LEAD,
        "CTM-RHONDDA-GMS",
        "cy",
    ),
    ("cluster.lead@arloesi.example", "Owain Jones", Role.CLUSTER_LEAD, "CTM-RHONDDA", "en"),
    ("pcpg.member@arloesi.example", "Siân Morgan", Role.PLANNING_GROUP_MEMBER, "CTM-RCT", "cy"),
    ("pcpg.chair@arloesi.example", "Gareth Williams", Role.PLANNING_GROUP_CHAIR, "CTM-RCT", "en"),
    ("hb.officer@arloesi.example", "Elin Davies", Role.HEALTH_BOARD_OFFICER, "CTMUHB", "en"),
    ("national@arloesi.example", "Dafydd Thomas", Role.NATIONAL_TEAM, "WALES", "cy"),
    ("admin@arloesi.example", "Megan Roberts", Role.ADMINISTRATOR, "WALES", "en"),
    (
        "powys.practitioner@arloesi.example",
        "Tomos Price",
        Role.PRACTITIONER,
        "PTHB-NORTH-GMS",
        "en",
    ),
]


def load_demo() -> DemoReport:
    """Load (or top up) the demo organisations and one demo person per role."""
    result = importer.import_units(
        actor=None, filename=DEMO_CSV.name, content=DEMO_CSV.read_bytes()
    )
    if not result.ok:
        raise RuntimeError(f"Demo organisations did not import: {result.problems}")
    units = {u.code: u for u in OrganisationUnit.objects.all()}
    OrganisationUnit.objects.filter(code__in=_demo_unit_codes()).update(is_demo=True)
    return DemoReport(sign_ins=demo_people_load(DEMO_PEOPLE, units))


def demo_people_load(people, units: dict[str, OrganisationUnit]) -> list[tuple[str, str, str]]:
    """Each ``(email, name, role, unit code, language)`` as a demo person holding that role
    (made once; loading again changes nothing); their sign-ins to print."""
    sign_ins = []
    for email, name, role, code, language in people:
        person = Person.objects.filter(email=email).first()
        if person is None:
            person = Person.objects.create_user(
                email, DEMO_PASSWORD, full_name=name, preferred_language=language
            )
            Person.objects.filter(pk=person.pk).update(is_demo=True)
        services.membership_grant(actor=None, person=person, unit=units[code], role=role)
        sign_ins.append((email, str(role.label), units[code].name_en))
    return sign_ins


def _demo_unit_codes() -> list[str]:
    import csv

    with DEMO_CSV.open(encoding="utf-8") as f:
        return [row["code"] for row in csv.DictReader(f)]


register_demo("organisations", load_demo, order=10)

"""Hostile input to the organisations forms and imports is refused with a clear message, never
kept, never a server error and never a hang."""

import io
import re
import time
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from arloesi.core.text import CONTROL_CHARACTERS_MESSAGE
from arloesi.organisations.models import Invitation, OrganisationUnit, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    CollaborativeFactory,
    PersonFactory,
    person_with_role,
    wales,
)

pytestmark = pytest.mark.django_db

ESCAPE = "\x1b[31m"
MESSAGE = str(CONTROL_CHARACTERS_MESSAGE)


def shows_the_rule(response) -> bool:
    return response.status_code == 200 and MESSAGE in response.content.decode()


def test_sign_in_and_password_reset_refuse_an_address_with_control_characters(client):
    person = PersonFactory()
    for url in ("/en/sign-in/", "/en/password-reset/"):
        response = client.post(url, {"email": f"{person.email}{ESCAPE}", "password": "x"})
        assert shows_the_rule(response), url
        # The rule's message alone, not the address-format message as well.
        assert "correct format" not in response.content.decode()


def test_an_invitation_refuses_control_characters_in_the_name_and_address(client):
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    url = f"/en/organisations/{collaborative.pk}/invite/"
    for field, value in (("full_name", f"Nia{ESCAPE} Nurse"), ("email", f"nia{ESCAPE}@x.org")):
        data = {"full_name": "Nia", "email": "nia@example.org", "role": Role.PRACTITIONER}
        response = client.post(url, data | {"language": "en", field: value})
        assert shows_the_rule(response), field
    assert not Invitation.objects.exists()


def test_accepting_refuses_a_name_with_control_characters(client):
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    client.post(
        f"/en/organisations/{collaborative.pk}/invite/",
        {
            "full_name": "Nia",
            "email": "nia@example.org",
            "role": Role.PRACTITIONER,
            "language": "en",
        },
    )
    client.logout()
    path = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    response = client.post(
        path,
        {
            "full_name": "Nia\x00",
            "password": "long-enough-phrase",
            "password_again": "long-enough-phrase",
        },
    )
    assert shows_the_rule(response)
    assert not Person.objects.filter(email="nia@example.org").exists()


def test_the_sign_in_activity_filter_refuses_control_characters(client):
    client.force_login(person_with_role(Role.ADMINISTRATOR, wales()))
    response = client.get("/en/organisations/sign-in-activity/", {"email": f"a{ESCAPE}"})
    assert shows_the_rule(response)


def import_file(client, name: str, content: bytes):
    client.force_login(person_with_role(Role.ADMINISTRATOR, wales()))
    return client.post(
        "/en/organisations/import/", {"file": SimpleUploadedFile(name, content)}, follow=True
    )


def test_an_import_refuses_names_with_control_characters(client):
    csv = (
        "type,code,name_en,name_cy,parent_code,local_alias,profession\n"
        f"planning_group,HD-CARM,Carmarthenshire{ESCAPE},Sir Gâr,HDUHB,,\n"
    )
    response = import_file(client, "units.csv", csv.encode())
    assert MESSAGE in response.content.decode()
    assert not OrganisationUnit.objects.filter(code="HD-CARM").exists()


def workbook_with(part: str, xml: str) -> bytes:
    """A real XLSX file with one of its XML parts replaced."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["type", "code", "name_en", "name_cy", "parent_code"])
    sheet.append(["planning_group", "HD-CARM", "Carmarthenshire", "Sir Gâr", "HDUHB"])
    original = io.BytesIO()
    workbook.save(original)
    changed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original.getvalue())) as source,
        zipfile.ZipFile(changed, "w") as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, xml.encode() if item.filename == part else data)
    return changed.getvalue()


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>
</sheetData></worksheet>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row>
</sheetData></worksheet>"""


@pytest.mark.parametrize(
    ("part", "xml"),
    [
        ("xl/worksheets/sheet1.xml", BILLION_LAUGHS),
        ("xl/worksheets/sheet1.xml", EXTERNAL_ENTITY),
        ("xl/workbook.xml", BILLION_LAUGHS),
    ],
    ids=[
        "billion laughs in a sheet",
        "external entity in a sheet",
        "billion laughs in the workbook",
    ],
)
def test_an_xlsx_with_xml_entities_is_refused_with_a_clear_message(client, part, xml):
    started = time.monotonic()
    response = import_file(client, "units.xlsx", workbook_with(part, xml))
    assert time.monotonic() - started < 10
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported" in page
    assert "does not accept (entity declarations)" in page
    assert "root:" not in page
    assert not OrganisationUnit.objects.filter(code="HD-CARM").exists()

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from arloesi.organisations.models import OrganisationUnit
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    CollaborativeFactory,
    person_with_role,
    wales,
)

pytestmark = pytest.mark.django_db

CSV = (
    "type,code,name_en,name_cy,parent_code,local_alias,profession\n"
    "planning_group,HD-CARM,Carmarthenshire,Sir Gâr,HDUHB,,\n"
    "cluster,HD-AMMAN,Amman Gwendraeth,Aman Gwendraeth,HD-CARM,NCN,\n"
)


def upload(client, text, name="units.csv"):
    return client.post(
        "/en/organisations/import/", {"file": SimpleUploadedFile(name, text.encode())}
    )


def test_only_administrators_can_import(client):
    client.force_login(
        person_with_role(Role.HEALTH_BOARD_OFFICER, CollaborativeFactory().parent.parent.parent)
    )
    assert client.get("/en/organisations/import/").status_code == 404
    client.force_login(person_with_role(Role.ADMINISTRATOR, wales()))
    assert client.get("/en/organisations/import/").status_code == 200


def test_import_page_lists_problems_by_row_and_column_and_imports_nothing(client):
    client.force_login(person_with_role(Role.ADMINISTRATOR, wales()))
    response = upload(client, CSV.replace("HD-CARM,NCN", "HD-NOPE,NCN"))
    body = response.content.decode()
    assert "Nothing was imported" in body
    assert '<td class="nhsuk-table__cell">3</td>' in body
    assert "parent_code" in body
    assert not OrganisationUnit.objects.filter(code__startswith="HD-").exists()


def test_import_page_imports_a_good_file_and_says_what_changed(client):
    client.force_login(person_with_role(Role.ADMINISTRATOR, wales()))
    response = upload(client, CSV)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "2 added, 0 changed, 0 unchanged" in page
    page = client.get(upload(client, CSV)["Location"]).content.decode()
    assert "0 added, 0 changed, 2 unchanged" in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("units.pdf", "x", "must be a CSV or XLSX file"),
        ("units.csv", "", "The selected file is empty"),
    ],
)
def test_import_form_rejects_wrong_files(client, name, content, message):
    client.force_login(person_with_role(Role.ADMINISTRATOR, wales()))
    assert message in upload(client, content, name).content.decode()


def test_a_cluster_shows_its_collaboratives_and_people_to_its_members(client):
    collaborative = CollaborativeFactory(name_en="Rhondda Optometry")
    practitioner = person_with_role(Role.PRACTITIONER, collaborative, full_name="Rhys Evans")
    client.force_login(practitioner)
    body = client.get(f"/en/organisations/{collaborative.parent.pk}/").content.decode()
    assert "Rhondda Optometry" in body
    assert "Rhys Evans" in body


def test_the_directory_shows_welsh_names_in_welsh(client):
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.PRACTITIONER, collaborative))
    body = client.get("/cy/organisations/").content.decode()
    assert "Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg" in body
    body = client.get(f"/cy/organisations/{collaborative.parent.pk}/").content.decode()
    assert collaborative.name_cy in body


def test_home_shows_the_persons_organisations_and_roles(client):
    collaborative = CollaborativeFactory(name_en="Merthyr Pharmacy")
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    body = client.get("/en/").content.decode()
    assert "Merthyr Pharmacy" in body
    assert "Collaborative lead" in body


def test_long_lists_of_people_come_a_page_at_a_time(client):
    collaborative = CollaborativeFactory()
    for number in range(55):
        person_with_role(Role.PRACTITIONER, collaborative, full_name=f"Person {number:02d}")
    client.force_login(person_with_role(Role.CLUSTER_LEAD, collaborative.parent))
    first = client.get(f"/en/organisations/{collaborative.parent.pk}/").content.decode()
    assert "Showing 1 to 50 of 56" in first
    assert "?page=2#people" in first
    second = client.get(f"/en/organisations/{collaborative.parent.pk}/?page=2").content.decode()
    assert "Showing 51 to 56 of 56" in second
    assert "Person 54" in second and "Person 54" not in first

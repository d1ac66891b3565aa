import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from arloesi.core.models import AuditEvent
from arloesi.organisations import importer
from arloesi.organisations.models import OrganisationUnit
from arloesi.organisations.roles import Kind
from arloesi.organisations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

GOOD = (
    "type,code,name_en,name_cy,parent_code,local_alias,profession\n"
    "planning_group,HD-CARM,Carmarthenshire PCPG,Grŵp Sir Gâr,HDUHB,,\n"
    "cluster,HD-AMMAN,Amman Gwendraeth,Aman Gwendraeth,HD-CARM,NCN,\n"
    "collaborative,HD-AMMAN-OPT,Amman Optometry,Optometreg Aman,HD-AMMAN,,optometry\n"
)


def run(text: str, name: str = "units.csv"):
    return importer.import_units(actor=PersonFactory(), filename=name, content=text.encode())


def test_a_good_file_creates_the_units_under_their_parents():
    result = run(GOOD)
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    collaborative = OrganisationUnit.objects.get(code="HD-AMMAN-OPT")
    assert collaborative.parent.code == "HD-AMMAN"
    assert collaborative.path.startswith(OrganisationUnit.objects.get(code="HDUHB").path)
    assert OrganisationUnit.objects.get(code="HD-AMMAN").local_alias == "NCN"
    assert AuditEvent.objects.filter(action="created").count() == 3


def test_names_with_hidden_control_characters_are_refused_and_nothing_is_written():
    result = run(
        GOOD.replace("Amman Gwendraeth,", "Amman\x1bGwendraeth,").replace(",NCN,", ",N\x0cCN,")
    )
    assert [(p.row, p.column) for p in result.problems] == [(3, "name_en"), (3, "local_alias")]
    assert "Remove the hidden control characters" in result.problems[0].message
    assert not OrganisationUnit.objects.filter(code__startswith="HD-").exists()


def test_importing_the_same_file_again_changes_nothing():
    run(GOOD)
    events = AuditEvent.objects.count()
    result = run(GOOD)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert AuditEvent.objects.count() == events


def test_a_changed_name_is_updated_and_audited():
    run(GOOD)
    result = run(GOOD.replace("Amman Gwendraeth,", "Amman Gwendraeth Valley,"))
    assert (result.created, result.updated) == (0, 1)
    assert AuditEvent.objects.filter(action="updated").count() == 1


def test_any_wrong_row_means_nothing_is_imported_and_every_problem_is_named():
    bad = GOOD + (
        "cluster,HD-X,,Enw,NOPE,,\n"
        "collaborative,HD-Y,Y,Y,HD-AMMAN,,astrology\n"
        "hospital,HD-Z,Z,Z,HD-CARM,,\n"
        "cluster,HD-AMMAN,Dup,Dup,HD-CARM,,\n"
    )
    result = run(bad)
    assert not result.ok
    found = {(p.row, p.column) for p in result.problems}
    assert {
        (5, "name_en"),
        (5, "parent_code"),
        (6, "profession"),
        (7, "type"),
        (8, "code"),
    } <= found
    assert not OrganisationUnit.objects.filter(code__startswith="HD-").exists()


def test_the_wrong_kind_of_parent_is_refused():
    text = (
        "type,code,name_en,name_cy,parent_code,local_alias,profession\ncluster,HD-C,C,C,HDUHB,,\n"
    )
    problem = run(text).problems[0]
    assert (problem.row, problem.column) == (2, "parent_code")
    assert "pan-cluster planning group" in problem.message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("units.txt", b"x", "CSV or XLSX"),
        ("units.csv", b"", "empty"),
        ("units.csv", b"\xff\xfe\x00bad", "UTF-8"),
        ("units.csv", b"code,name_en\nA,B\n", "Missing: type, name_cy, parent_code"),
        ("units.xlsx", b"not a workbook", "XLSX"),
    ],
)
def test_unreadable_files_get_a_clear_message(name, content, message):
    result = importer.import_units(actor=None, filename=name, content=content)
    assert message in result.problems[0].message


def test_hostile_text_is_stored_as_text():
    text = GOOD.replace("Amman Gwendraeth,", "<script>alert(1)</script>,")
    assert run(text).ok
    assert OrganisationUnit.objects.get(code="HD-AMMAN").name_en == "<script>alert(1)</script>"


def test_xlsx_files_import_the_same_way():
    workbook = Workbook()
    sheet = workbook.active
    for line in GOOD.strip().splitlines():
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = importer.import_units(actor=None, filename="units.xlsx", content=buffer.getvalue())
    assert result.created == 3
    assert OrganisationUnit.objects.get(code="HD-AMMAN").kind == Kind.CLUSTER


def test_the_command_reports_row_and_column(tmp_path, capsys):
    path = tmp_path / "units.csv"
    path.write_text(GOOD.replace("optometry", "astrology"), encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_organisations", str(path))
    assert "row 4, column profession" in capsys.readouterr().err
    path.write_text(GOOD, encoding="utf-8")
    call_command("import_organisations", str(path))
    assert OrganisationUnit.objects.filter(code__startswith="HD-").count() == 3

import csv
import io

import pytest
from openpyxl import load_workbook

from arloesi.core import exports
from arloesi.core.models import AuditEvent
from arloesi.organisations.tests.factories import PersonFactory

COLUMNS = [
    exports.Column("Title", lambda r: r["title"]),
    exports.Column("Score", lambda r: r["score"]),
]
ROWS = [{"title": "Gofal clwyfau", "score": 4.5}, {"title": '=HYPERLINK("x")', "score": None}]


def test_csv_has_a_header_welsh_text_and_inert_formulas():
    content = exports.to_csv(COLUMNS, ROWS).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows == [["Title", "Score"], ["Gofal clwyfau", "4.5"], ['\'=HYPERLINK("x")', ""]]


def test_xlsx_has_the_same_table():
    workbook = load_workbook(io.BytesIO(exports.to_xlsx(COLUMNS, ROWS)))
    values = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    assert values == [["Title", "Score"], ["Gofal clwyfau", 4.5], ['\'=HYPERLINK("x")', None]]


@pytest.mark.django_db
def test_download_names_the_file_and_is_recorded():
    person = PersonFactory()
    response = exports.download(
        COLUMNS, ROWS, file_format="xlsx", filename="queue", actor=person, subject=person
    )
    assert response["Content-Disposition"] == 'attachment; filename="queue.xlsx"'
    event = AuditEvent.objects.get(action=AuditEvent.Action.DOWNLOADED)
    assert (event.actor, event.object_id, event.note) == (person, str(person.pk), "queue.xlsx")


# An escape character pasted from a terminal, a form feed from a PDF, a NUL from a database:
# typed before forms refused them, or brought in another way.
HOSTILE = [{"title": "Gofal\x1b[31m clwyfau\x0c\x00", "score": 1}]
HOSTILE_COLUMNS = [
    exports.Column("Title\x07", lambda r: r["title"]),
    exports.Column("Score", lambda r: r["score"]),
]


def test_control_characters_are_left_out_of_a_spreadsheet_instead_of_breaking_it():
    workbook = load_workbook(io.BytesIO(exports.to_xlsx(HOSTILE_COLUMNS, HOSTILE)))
    values = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    assert values == [["Title", "Score"], ["Gofal[31m clwyfau", 1]]


def test_control_characters_are_left_out_of_a_csv_too():
    content = exports.to_csv(HOSTILE_COLUMNS, HOSTILE).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(content))) == [
        ["Title", "Score"],
        ["Gofal[31m clwyfau", "1"],
    ]


def test_a_sheet_title_a_spreadsheet_cannot_hold_is_cleaned():
    workbook = load_workbook(io.BytesIO(exports.to_xlsx(COLUMNS, ROWS, sheet_title="a/b:c?[d]")))
    assert workbook.active.title == "abcd"

import csv
import io

from openpyxl import load_workbook

from arloesi.core import exports

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


def test_download_names_the_file():
    response = exports.download(COLUMNS, ROWS, file_format="xlsx", filename="queue")
    assert response["Content-Disposition"] == 'attachment; filename="queue.xlsx"'

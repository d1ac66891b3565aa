"""Reading a CSV or XLSX file as rows of text keyed by their column's header (lower case).

XLSX is parsed by openpyxl through defusedxml, so entity expansion and external entities are
refused rather than expanded or fetched. Problems with the file as a whole are a
``SpreadsheetError`` with a message for the person who uploaded it. The one reader every import
uses (organisations, risk registers, measures' data).
"""

import csv
import io

from django.utils.translation import gettext as _

MAX_ROWS = 5000


class SpreadsheetError(Exception):
    """The file could not be read at all."""


def read_table(
    filename: str, content: bytes, *, required: list[str], max_rows: int = MAX_ROWS
) -> list[dict[str, str]]:
    name = filename.lower()
    if name.endswith(".xlsx"):
        raw_rows = _xlsx_rows(content, max_rows)
    elif name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SpreadsheetError(_("The CSV file must be saved as UTF-8 text.")) from error
        try:
            raw_rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
        except csv.Error as error:
            raise SpreadsheetError(_("The file is not a readable CSV file.")) from error
    else:
        raise SpreadsheetError(_("The file must be a CSV or XLSX file."))
    raw_rows = [row for row in raw_rows if any(row)]
    if not raw_rows:
        raise SpreadsheetError(_("The file is empty."))
    header = [cell.strip().lower() for cell in raw_rows[0]]
    missing = [column for column in required if column not in header]
    if missing:
        raise SpreadsheetError(
            _("The first row must name the columns. Missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    if len(raw_rows) - 1 > max_rows:
        raise SpreadsheetError(_("The file has more than %(max)d rows.") % {"max": max_rows})
    return [
        {column: (row[i] if i < len(row) else "") for i, column in enumerate(header)}
        for row in raw_rows[1:]
    ]


def _xlsx_rows(content: bytes, max_rows: int) -> list[list[str]]:
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            return [
                ["" if cell is None else _cell_text(cell) for cell in row]
                for row in workbook.worksheets[0].iter_rows(values_only=True, max_row=max_rows + 2)
            ]
        finally:
            workbook.close()
    except Exception as error:  # noqa: BLE001 - any unreadable workbook is the same problem
        if _caused_by(error, DefusedXmlException):
            raise SpreadsheetError(
                _(
                    "The file contains XML that Arloesi does not accept (entity declarations). "
                    "Open it in a spreadsheet program and save it as a new XLSX file."
                )
            ) from error
        raise SpreadsheetError(_("The file is not a readable XLSX spreadsheet.")) from error


def _cell_text(cell) -> str:
    """A cell as text: dates as YYYY-MM-DD, whole numbers without ".0"."""
    if hasattr(cell, "date") and callable(cell.date):
        return cell.date().isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _caused_by(error: BaseException | None, kind: type[BaseException]) -> bool:
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, kind):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False
